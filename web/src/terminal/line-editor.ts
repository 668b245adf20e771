// The terminal's input line: a buffer with a cursor, edited by readline-style keys, and the
// escape sequences that redraw it (prompt included) across wrapped rows. Pure; tested in Node.

/** Display width of a code point (CJK and full-width forms take two cells). */
export function cellWidth(cp: number): number {
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

/** Display width of a string. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cellWidth(ch.codePointAt(0)!);
  return w;
}

/** A single editable line. */
export class LineEditor {
  private chars: string[] = [];
  private cur = 0;
  private cursorRow = 0;

  constructor(public prompt = "$ ", public promptWidth = 2) {}

  /** The text of the line. */
  get text(): string {
    return this.chars.join("");
  }

  /** Text left of the cursor. */
  get beforeCursor(): string {
    return this.chars.slice(0, this.cur).join("");
  }

  /** Replaces the whole line; the cursor goes to the end. */
  set(text: string): void {
    this.chars = [...text];
    this.cur = this.chars.length;
  }

  /** Inserts text at the cursor. */
  insert(text: string): void {
    const add = [...text];
    this.chars.splice(this.cur, 0, ...add);
    this.cur += add.length;
  }

  /** Deletes left of the cursor. */
  backspace(): void {
    if (this.cur > 0) this.chars.splice(--this.cur, 1);
  }

  /** Deletes under the cursor. */
  del(): void {
    this.chars.splice(this.cur, 1);
  }

  /** Moves the cursor by n characters. */
  move(n: number): void {
    this.cur = Math.max(0, Math.min(this.chars.length, this.cur + n));
  }

  /** Moves the cursor to the start (or end). */
  home(end = false): void {
    this.cur = end ? this.chars.length : 0;
  }

  /** Ctrl-U: deletes from the start to the cursor. */
  killBefore(): void {
    this.chars.splice(0, this.cur);
    this.cur = 0;
  }

  /** Ctrl-K: deletes from the cursor to the end. */
  killAfter(): void {
    this.chars.length = this.cur;
  }

  /** Ctrl-W: deletes the word before the cursor. */
  killWord(): void {
    let i = this.cur;
    while (i > 0 && this.chars[i - 1] === " ") i--;
    while (i > 0 && this.chars[i - 1] !== " ") i--;
    this.chars.splice(i, this.cur - i);
    this.cur = i;
  }

  /** Forgets the rendered position (after the line was submitted or output was written). */
  detach(): void {
    this.cursorRow = 0;
  }

  /** Escape sequences that redraw prompt and line and place the cursor, for a terminal `cols` wide. */
  render(cols: number): string {
    let out = "\r";
    if (this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`;
    out += `\x1b[J${this.prompt}${this.text}`;
    const total = this.promptWidth + textWidth(this.text);
    let endRow = Math.floor(total / cols);
    if (total > 0 && total % cols === 0) out += " \r\x1b[K";
    else endRow = Math.floor(total / cols);
    const at = this.promptWidth + textWidth(this.beforeCursor);
    const row = Math.floor(at / cols);
    const col = at % cols;
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += "\r";
    if (col > 0) out += `\x1b[${col}C`;
    this.cursorRow = row;
    return out;
  }

  /** Escape sequences that erase the rendered prompt and line (to print above them). */
  erase(): string {
    const up = this.cursorRow;
    this.cursorRow = 0;
    return `\r${up > 0 ? `\x1b[${up}A` : ""}\x1b[J`;
  }

  /** Escape sequences that move the cursor below the line (before printing output). */
  leave(cols: number): string {
    const total = this.promptWidth + textWidth(this.text);
    const endRow = Math.floor(Math.max(0, total - 1) / cols);
    const down = endRow - this.cursorRow;
    this.cursorRow = 0;
    return `${down > 0 ? `\x1b[${down}B` : ""}\r\n`;
  }
}
