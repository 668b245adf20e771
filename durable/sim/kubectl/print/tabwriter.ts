// Go's text/tabwriter (elastic tabstops) as kubectl uses it, including liggitt/tabwriter's
// RememberWidths flag (column widths survive Flush, so `get -w` rows stay aligned with the
// header). Cells are tab-terminated; the last cell of a line is not part of a column; widths
// count runes. Used by the table printer (6, 4, 3, remember) and describers (0, 8, 2).

interface Cell {
  text: string;
  width: number;
}

/** Options of a tabwriter. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
  rememberWidths?: boolean;
}

/** kubectl get's writer: printers.GetNewTabWriter. */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3, rememberWidths: true };
/** kubectl describe's writer: tabbedString. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A buffered tabwriter; write() text, flush() to get the aligned output. */
export class Tabwriter {
  private lines: Cell[][] = [[]];
  private cell = "";
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private output = "";

  constructor(private readonly opts: TabwriterOptions) {}

  /** Adds text; tabs end cells, newlines end lines (a one-cell line flushes, as in Go). */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\t" || ch === "\v" || ch === "\n" || ch === "\f") {
        this.cell += text.slice(start, i);
        start = i + 1;
        const ncells = this.terminateCell();
        if (ch === "\n" || ch === "\f") {
          this.lines.push([]);
          if (ch === "\f" || ncells === 1) this.flush();
        }
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered into the output. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell();
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = "";
    this.widths = [];
  }

  /** Flushes and returns everything written so far (the internal output is reset). */
  take(): string {
    this.flush();
    const s = this.output;
    this.output = "";
    return s;
  }

  /** Forgets remembered widths (kubectl does this between resource kinds). */
  resetRemembered(): void {
    this.maxwidths = [];
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell) });
    this.cell = "";
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      const line = this.lines[row];
      if (column >= line.length - 1) continue;
      this.writeLines(line0, row);
      line0 = row;
      let width = this.opts.minwidth;
      for (; row < line1; row++) {
        const l = this.lines[row];
        if (column >= l.length - 1) break;
        const w = l[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width);
        else if (this.maxwidths[this.widths.length] > width) width = this.maxwidths[this.widths.length];
        else if (this.maxwidths[this.widths.length] < width) this.maxwidths[this.widths.length] = width;
      }
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
      row--;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      let s = "";
      line.forEach((c, j) => {
        s += c.text;
        if (j < this.widths.length) s += " ".repeat(Math.max(0, this.widths[j] - c.width));
      });
      // The last buffered line has no newline of its own (it is the pending, empty line).
      this.output += i + 1 === this.lines.length ? s : `${s}\n`;
    }
  }
}

/** Aligns a whole text at once with the given options. */
export function tabify(text: string, opts: TabwriterOptions): string {
  const w = new Tabwriter(opts);
  w.write(text);
  return w.take();
}
