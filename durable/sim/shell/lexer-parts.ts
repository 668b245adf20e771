// Reading the parts of a shell word from source text: double-quoted strings, $parameters and
// ${expansions}, $(command) and `backquote` substitutions, $((arithmetic)) and here-document
// bodies. The base of lexer.ts's Lexer; substitutions call back into the parser through it.
import type { ParamOp, Word, WordPart } from "./ast";

/** Thrown for lexical errors; the parser turns it into a SyntaxErrorInfo. */
export class LexError {
  constructor(readonly kind: "unterminated" | "missing" | "unexpected", readonly what: string, readonly line: number, readonly atEof = false) {}
}

const SPECIAL_PARAMS = "@*#?-$!0123456789";

/** Reads word parts at a position of a source string. */
export abstract class PartReader {
  pos = 0;
  line: number;

  constructor(readonly src: string, line: number) {
    this.line = line;
  }

  /** A reader over other text (backquotes, arithmetic, here-documents). */
  protected abstract subReader(src: string, line: number, mode: "sh" | "dq"): PartReader;
  /** Parses a command substitution from a reader; returns its node id. */
  protected abstract substitute(r: PartReader, close: ")" | "eof"): number;

  protected ch(o = 0): string {
    return this.src[this.pos + o] ?? "";
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

  protected readDollarOrTick(): WordPart | undefined {
    const c = this.ch();
    if (c === "`") return this.readBacktick();
    const n = this.ch(1);
    if (n === "{") return this.readBraced();
    if (n === "(") {
      if (this.ch(2) === "(") return this.readArith();
      this.pos += 2;
      const id = this.substitute(this, ")");
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
    const sub = this.subReader(body, line, "sh");
    return { t: "cmd", id: this.substitute(sub, "eof") };
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
    const sub = this.subReader(inner, this.line, "dq");
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

/** Number of newlines in a string. */
export function countNl(s: string): number {
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
