// The shell tokenizer: turns source text into words (with their quoting and expansion parts),
// operators, redirections, newlines and end-of-file, and reads here-document bodies after the
// newline that follows them. Used by parser.ts; command substitutions call back into the parser.
import type { RedirOp, Word, WordPart } from "./ast";
import { countNl, LexError, PartReader } from "./lexer-parts";

export { LexError, plainText, heredocDelim } from "./lexer-parts";

/** A token. `raw` is the word's source text (keyword and assignment detection). */
export type Token =
  | { k: "word"; w: Word; raw: string; line: number }
  | { k: "op"; v: string; line: number }
  | { k: "redir"; op: RedirOp; fd?: number; line: number }
  | { k: "eof"; line: number };

/** Parses a command substitution body starting at the lexer position; returns the node id. */
export type SubstParser = (lx: Lexer, close: ")" | "eof") => number;

interface PendingHere { delim: string; strip: boolean; quoted: boolean; fill: (body: Word) => void }

const META = " \t\n;&|<>()";

/** A tokenizer over one source string. */
export class Lexer extends PartReader {
  private peeked: Token | undefined;
  private heres: PendingHere[] = [];

  constructor(src: string, readonly subst: SubstParser, line = 1, readonly mode: "sh" | "dq" = "sh") {
    super(src, line);
  }

  protected subReader(src: string, line: number, mode: "sh" | "dq"): PartReader {
    return new Lexer(src, this.subst, line, mode);
  }

  protected substitute(r: PartReader, close: ")" | "eof"): number {
    return this.subst(r as Lexer, close);
  }

  /** Returns the next token without consuming it. */
  peek(): Token {
    if (!this.peeked) this.peeked = this.read();
    return this.peeked;
  }

  /** Consumes and returns the next token. */
  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  /** Registers a here-document whose body is read after the next newline. */
  addHeredoc(delimWord: string, quoted: boolean, strip: boolean, fill: (body: Word) => void): void {
    this.heres.push({ delim: delimWord, strip, quoted, fill });
  }

  /** True when here-documents are waiting for their bodies. */
  get pendingHeredocs(): boolean {
    return this.heres.length > 0;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.ch();
      if (c === " " || c === "\t") this.pos++;
      else if (c === "\\" && this.ch(1) === "\n") { this.pos += 2; this.line++; }
      else if (c === "#") { while (this.pos < this.src.length && this.ch() !== "\n") this.pos++; }
      else return;
    }
  }

  private read(): Token {
    this.skipBlanks();
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.heres.length) throw new LexError("unexpected", "end of file", line, true);
      return { k: "eof", line };
    }
    const c = this.ch();
    if (c === "\n") {
      this.pos++;
      this.line++;
      if (this.heres.length) this.readHeredocs();
      return { k: "op", v: "\n", line };
    }
    const three = this.src.substr(this.pos, 3);
    const two = this.src.substr(this.pos, 2);
    if (/^\d[<>]/.test(two) || /^\d\d/.test(two) && /[<>]/.test(this.ch(2))) {
      const m = /^(\d+)([<>])/.exec(this.src.slice(this.pos, this.pos + 12));
      if (m) {
        this.pos += m[1].length;
        const r = this.readRedirOp();
        return { k: "redir", op: r, fd: Number(m[1]), line };
      }
    }
    if (c === "<" || c === ">") return { k: "redir", op: this.readRedirOp(), line };
    if (two === "&>" && three !== "&>>") { this.pos += 2; return { k: "redir", op: "&>", line }; }
    for (const op of ["&&", "||", ";;"]) if (two === op) { this.pos += 2; return { k: "op", v: op, line }; }
    if ("&|;()".includes(c)) { this.pos++; return { k: "op", v: c, line }; }
    return this.readWord(line);
  }

  private readRedirOp(): RedirOp {
    const s = this.src.substr(this.pos, 3);
    for (const op of ["<<-", "<<", ">>", ">|", "<>", "<&", ">&", "<", ">"] as const) {
      if (s.startsWith(op)) { this.pos += op.length; return op; }
    }
    throw new LexError("unexpected", this.ch(), this.line);
  }

  private readWord(line: number): Token {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => { if (lit) { parts.push({ t: "lit", v: lit }); lit = ""; } };
    if (this.ch() === "~") {
      let j = this.pos + 1;
      while (j < this.src.length && /[A-Za-z0-9_.-]/.test(this.src[j])) j++;
      const after = this.src[j] ?? "";
      if (after === "" || after === "/" || META.includes(after)) {
        parts.push({ t: "tilde", user: this.src.slice(this.pos + 1, j) });
        this.pos = j;
      }
    }
    while (this.pos < this.src.length) {
      const c = this.ch();
      if (META.includes(c)) break;
      if (c === "\\") {
        if (this.ch(1) === "\n") { this.pos += 2; this.line++; continue; }
        flush();
        if (this.pos + 1 >= this.src.length) { parts.push({ t: "lit", v: "\\" }); this.pos++; continue; }
        parts.push({ t: "esc", v: this.ch(1) });
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new LexError("unterminated", "quoted string", this.line, true);
        const v = this.src.slice(this.pos + 1, end);
        this.line += countNl(v);
        parts.push({ t: "sq", v });
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        parts.push({ t: "dq", parts: this.readDq('"') });
        continue;
      }
      if (c === "$" || c === "`") {
        const p = this.readDollarOrTick();
        if (p) { flush(); parts.push(p); continue; }
        lit += c;
        this.pos++;
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { k: "word", w: { parts }, raw: this.src.slice(start, this.pos), line };
  }

  private readHeredocs(): void {
    const heres = this.heres;
    this.heres = [];
    for (const h of heres) {
      const lines: string[] = [];
      let found = false;
      while (this.pos < this.src.length) {
        let end = this.src.indexOf("\n", this.pos);
        if (end < 0) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, "");
        if (text === h.delim) { found = true; break; }
        lines.push(text);
      }
      void found;
      const body = lines.length ? lines.join("\n") + "\n" : "";
      if (h.quoted) h.fill({ parts: body ? [{ t: "sq", v: body }] : [] });
      else {
        const sub = new Lexer(body, this.subst, this.line - lines.length - 1, "dq");
        h.fill({ parts: sub.readHereBody() });
      }
    }
  }
}
