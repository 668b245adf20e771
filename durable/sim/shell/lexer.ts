// The shell tokenizer: turns source text into words (with their quoting and expansion parts),
// operators, redirections, newlines and end-of-file, and reads here-document bodies after the
// newline that follows them. Used by parser.ts; command substitutions call back into the parser.
import type { ParamOp, RedirOp, Word, WordPart } from "./ast";

/** A token. `raw` is the word's source text (keyword and assignment detection). */
export type Token =
  | { k: "word"; w: Word; raw: string; line: number }
  | { k: "op"; v: string; line: number }
  | { k: "redir"; op: RedirOp; fd?: number; line: number }
  | { k: "eof"; line: number };

/** Thrown for lexical errors; the parser turns it into a SyntaxErrorInfo. */
export class LexError {
  constructor(readonly kind: "unterminated" | "missing" | "unexpected", readonly what: string, readonly line: number, readonly atEof = false) {}
}

/** Parses a command substitution body starting at the lexer position; returns the node id. */
export type SubstParser = (lx: Lexer, close: ")" | "eof") => number;

interface PendingHere { delim: string; strip: boolean; quoted: boolean; fill: (body: Word) => void }

const META = " \t\n;&|<>()";
const SPECIAL_PARAMS = "@*#?-$!0123456789";

/** A tokenizer over one source string. */
export class Lexer {
  pos = 0;
  line: number;
  private peeked: Token | undefined;
  private heres: PendingHere[] = [];

  constructor(readonly src: string, readonly subst: SubstParser, line = 1, readonly mode: "sh" | "dq" = "sh") {
    this.line = line;
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

  private ch(o = 0): string {
    return this.src[this.pos + o] ?? "";
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

  /** Reads double-quoted content up to `close` ('"', or "" for the whole rest in dq mode). */
  readDq(close: string): WordPart[] {
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => { if (lit) { parts.push({ t: "lit", v: lit }); lit = ""; } };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (close) throw new LexError("unterminated", "quoted string", this.line, true);
        break;
      }
      const c = this.ch();
      if (close && c === close) { this.pos++; break; }
      if (c === "\\") {
        const n = this.ch(1);
        if (n === "\n") { this.pos += 2; this.line++; continue; }
        if (n === "$" || n === "`" || n === "\\" || (n === '"' && close === '"')) { lit += n; this.pos += 2; continue; }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === "$" || c === "`") {
        const p = this.readDollarOrTick();
        if (p) { flush(); parts.push(p); continue; }
      }
      if (c === "\n") this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private readDollarOrTick(): WordPart | undefined {
    const c = this.ch();
    if (c === "`") return this.readBacktick();
    const n = this.ch(1);
    if (n === "{") return this.readBraced();
    if (n === "(") {
      if (this.ch(2) === "(") return this.readArith();
      this.pos += 2;
      const id = this.subst(this, ")");
      return { t: "cmd", id };
    }
    if (/[A-Za-z_]/.test(n)) {
      let j = this.pos + 1;
      while (j < this.src.length && /[A-Za-z0-9_]/.test(this.src[j])) j++;
      const name = this.src.slice(this.pos + 1, j);
      this.pos = j;
      return { t: "param", name };
    }
    if (n && SPECIAL_PARAMS.includes(n)) {
      this.pos += 2;
      return { t: "param", name: n };
    }
    return undefined;
  }

  private readBacktick(): WordPart {
    let j = this.pos + 1;
    let body = "";
    for (;;) {
      if (j >= this.src.length) throw new LexError("unterminated", "backquote", this.line, true);
      const c = this.src[j];
      if (c === "`") break;
      if (c === "\\" && "$`\\\n".includes(this.src[j + 1] ?? "")) { body += this.src[j + 1]; j += 2; continue; }
      body += c;
      j++;
    }
    const line = this.line;
    this.line += countNl(this.src.slice(this.pos, j));
    this.pos = j + 1;
    const sub = new Lexer(body, this.subst, line);
    return { t: "cmd", id: this.subst(sub, "eof") };
  }

  private readArith(): WordPart {
    let j = this.pos + 3;
    let depth = 0;
    for (;;) {
      if (j >= this.src.length) throw new LexError("missing", "))", this.line, true);
      const c = this.src[j];
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth === 0 && this.src[j + 1] === ")") break;
        if (depth > 0) depth--;
      }
      j++;
    }
    const inner = this.src.slice(this.pos + 3, j);
    const sub = new Lexer(inner, this.subst, this.line, "dq");
    const parts = sub.readDq("");
    this.line += countNl(inner);
    this.pos = j + 2;
    return { t: "arith", expr: { parts: unquoteArith(parts) } };
  }

  private readBraced(): WordPart {
    this.pos += 2;
    let op: string | undefined;
    let name = "";
    if (this.ch() === "#" && this.ch(1) !== "}" && this.ch(1) !== "") { op = "len"; this.pos++; }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?$!0-])/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) throw new LexError("unexpected", "Bad substitution", this.line);
    name = m[1];
    this.pos += name.length;
    if (op === "len") {
      if (this.ch() !== "}") throw new LexError("unexpected", "Bad substitution", this.line);
      this.pos++;
      return { t: "param", name, op: "len" };
    }
    if (this.ch() === "}") { this.pos++; return { t: "param", name }; }
    const ops = [":-", ":=", ":?", ":+", "##", "%%", "-", "=", "?", "+", "#", "%"];
    op = ops.find((o) => this.src.startsWith(o, this.pos));
    if (!op) {
      this.skipToBrace();
      return { t: "param", name, op: "bad" };
    }
    this.pos += op.length;
    const arg = this.readParamArg();
    return { t: "param", name, op: op as ParamOp, arg };
  }

  private skipToBrace(): void {
    const end = this.src.indexOf("}", this.pos);
    if (end < 0) throw new LexError("missing", "}", this.line, true);
    this.pos = end + 1;
  }

  private readParamArg(): Word {
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => { if (lit) { parts.push({ t: "lit", v: lit }); lit = ""; } };
    for (;;) {
      if (this.pos >= this.src.length) throw new LexError("missing", "}", this.line, true);
      const c = this.ch();
      if (c === "}") { this.pos++; break; }
      if (c === "\\") { flush(); parts.push({ t: "esc", v: this.ch(1) }); this.pos += 2; continue; }
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new LexError("unterminated", "quoted string", this.line, true);
        flush();
        parts.push({ t: "sq", v: this.src.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (c === '"') { flush(); this.pos++; parts.push({ t: "dq", parts: this.readDq('"') }); continue; }
      if (c === "$" || c === "`") {
        const p = this.readDollarOrTick();
        if (p) { flush(); parts.push(p); continue; }
      }
      if (c === "\n") this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    return { parts };
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

  /** Reads a here-document body: only $, ` and backslash before $ ` \ newline are special. */
  readHereBody(): WordPart[] {
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => { if (lit) { parts.push({ t: "sq", v: lit }); lit = ""; } };
    while (this.pos < this.src.length) {
      const c = this.ch();
      if (c === "\\" && "$`\\\n".includes(this.ch(1))) {
        if (this.ch(1) !== "\n") lit += this.ch(1);
        this.pos += 2;
        continue;
      }
      if (c === "$" || c === "`") {
        const p = this.readDollarOrTick();
        if (p) { flush(); parts.push(p); continue; }
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }
}

function countNl(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Inside $(( )), double quotes are removed; treat the quoted text as literal. */
function unquoteArith(parts: WordPart[]): WordPart[] {
  return parts.map((p) => (p.t === "lit" ? { t: "lit", v: p.v.replace(/"/g, "") } : p));
}

/** The text of a word when it is made only of literal characters (keywords, function names). */
export function plainText(w: Word): string | undefined {
  let s = "";
  for (const p of w.parts) {
    if (p.t !== "lit") return undefined;
    s += p.v;
  }
  return s;
}

/** The here-document delimiter of a word: quote removal only, and whether any quoting was used. */
export function heredocDelim(w: Word): { delim: string; quoted: boolean } {
  let delim = "";
  let quoted = false;
  for (const p of w.parts) {
    if (p.t === "lit") delim += p.v;
    else if (p.t === "sq" || p.t === "esc") { delim += p.v; quoted = true; }
    else if (p.t === "dq") { quoted = true; delim += p.parts.map((q) => (q.t === "lit" ? q.v : "")).join(""); }
    else if (p.t === "param") delim += "$" + p.name;
  }
  return { delim, quoted };
}
