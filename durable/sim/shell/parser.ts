// The POSIX sh grammar as a recursive-descent parser over lexer.ts tokens. Produces a Script of
// top-level commands (each flagged with dash's parser_eof), stopping at the first syntax error so
// the interpreter can run what parsed before reporting it, exactly like dash and busybox ash do.
import type { Assign, Node, Redir, Script, SyntaxErrorInfo, TopCommand, Word } from "./ast";
import { heredocDelim, Lexer, LexError, plainText, type Token } from "./lexer";
import { parseCase, parseFor, parseIf, parseLoop } from "./parser-compound";

const RESERVED = new Set(["!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in", "then", "until", "while"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type NodeInit = Node extends infer T ? (T extends Node ? Omit<T, "id"> : never) : never;

/** A syntax error with its position. */
export class ParseError {
  constructor(readonly info: SyntaxErrorInfo, readonly atEof: boolean) {}
}

interface Ctx { nodes: Node[]; bash: boolean }

/** Parser options: bash accepts any word as a function name (`:(){ :|:& };:`); dash and ash do not. */
export interface ParseOptions {
  bash?: boolean;
  firstLine?: number;
}

/** Parses a whole script; stops at the first syntax error (recorded in `error`). */
export function parseScript(src: string, opts: ParseOptions = {}): Script {
  const firstLine = opts.firstLine ?? 1;
  const ctx: Ctx = { nodes: [], bash: !!opts.bash };
  const cmds: TopCommand[] = [];
  const subst = (lx: Lexer, close: ")" | "eof") => new Parser(lx, ctx).substitution(close);
  const lx = new Lexer(src, subst, firstLine);
  const p = new Parser(lx, ctx);
  try {
    for (;;) {
      p.linebreak();
      if (lx.peek().k === "eof") break;
      const node = p.list(true);
      const t = lx.peek();
      if (t.k === "eof") { cmds.push({ node, eof: true }); break; }
      if (t.k === "op" && t.v === "\n") { lx.next(); cmds.push({ node, eof: false }); continue; }
      throw p.unexpected(t);
    }
    return { cmds, nodes: ctx.nodes };
  } catch (e) {
    if (e instanceof ParseError) return { cmds, nodes: ctx.nodes, error: e.info, incomplete: e.atEof };
    if (e instanceof LexError) {
      const info: SyntaxErrorInfo = e.kind === "unexpected"
        ? { kind: "unexpected", token: e.what, line: e.line }
        : { kind: e.kind, what: e.what, line: e.line };
      return { cmds, nodes: ctx.nodes, error: info, incomplete: e.atEof };
    }
    throw e;
  }
}

/** The recursive-descent parser (compound commands are in parser-compound.ts). */
export class Parser {
  constructor(readonly lx: Lexer, readonly ctx: Ctx) {}

  /** The name part of `for name` (parser-compound.ts). */
  static readonly NAME = NAME;

  add(n: NodeInit): Node {
    const node = { ...n, id: this.ctx.nodes.length } as Node;
    this.ctx.nodes.push(node);
    return node;
  }

  /** Parses `$( ... )` or a backquoted body; returns the node id of its list. */
  substitution(close: ")" | "eof"): number {
    this.linebreak();
    const t = this.lx.peek();
    if ((close === ")" && t.k === "op" && t.v === ")") || (close === "eof" && t.k === "eof")) {
      if (close === ")") this.lx.next();
      return this.add({ t: "list", items: [] }).id;
    }
    const n = this.compoundList(close === ")" ? [")"] : []);
    const end = this.lx.peek();
    if (close === ")") {
      if (!(end.k === "op" && end.v === ")")) throw this.unexpected(end, '")"');
      this.lx.next();
    } else if (end.k !== "eof") throw this.unexpected(end);
    return n.id;
  }

  linebreak(): void {
    for (;;) {
      const t = this.lx.peek();
      if (t.k === "op" && t.v === "\n") this.lx.next();
      else return;
    }
  }

  unexpected(t: Token, expecting?: string): ParseError {
    return new ParseError({ kind: "unexpected", token: describe(t), expecting, line: t.line }, t.k === "eof");
  }

  isKw(t: Token, kw?: string): boolean {
    if (t.k !== "word") return false;
    const s = plainText(t.w);
    if (s === undefined || !RESERVED.has(s) || t.raw !== s) return false;
    return kw === undefined || s === kw;
  }

  expectKw(kw: string): void {
    const t = this.lx.next();
    if (!this.isKw(t, kw)) throw this.unexpected(t, `"${kw}"`);
  }

  /** A complete command at top level: and-ors separated by ; or &, ended by newline/EOF. */
  list(top: boolean): Node {
    const items: { n: Node; bg: boolean }[] = [];
    for (;;) {
      const n = this.andOr();
      const t = this.lx.peek();
      if (t.k === "op" && (t.v === ";" || t.v === "&")) {
        this.lx.next();
        items.push({ n, bg: t.v === "&" });
        const u = this.lx.peek();
        if (u.k === "eof" || (u.k === "op" && (u.v === "\n" || (!top && (u.v === ")" || u.v === ";;"))))) break;
        if (!top && this.isKw(u) && plainText((u as { w: Word }).w) !== "!" && plainText((u as { w: Word }).w) !== "{") break;
        continue;
      }
      items.push({ n, bg: false });
      break;
    }
    return items.length === 1 && !items[0].bg ? items[0].n : this.add({ t: "list", items });
  }

  /** A compound list inside a construct: newlines separate commands; stops before a stop keyword. */
  compoundList(stops: string[]): Node {
    this.linebreak();
    const items: { n: Node; bg: boolean }[] = [];
    for (;;) {
      const t0 = this.lx.peek();
      if (t0.k === "eof" || (t0.k === "op" && (t0.v === ")" || t0.v === ";;")) || (this.isKw(t0) && stops.includes(plainText((t0 as { w: Word }).w)!))) {
        if (items.length === 0) {
          if (t0.k === "eof") return this.add({ t: "list", items: [] });
          throw this.unexpected(t0);
        }
        break;
      }
      const n = this.andOr();
      const t = this.lx.peek();
      if (t.k === "op" && (t.v === ";" || t.v === "&" || t.v === "\n")) {
        this.lx.next();
        items.push({ n, bg: t.v === "&" });
        this.linebreak();
        continue;
      }
      items.push({ n, bg: false });
      break;
    }
    return items.length === 1 && !items[0].bg ? items[0].n : this.add({ t: "list", items });
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: "&&" | "||"; n: Node }[] = [];
    for (;;) {
      const t = this.lx.peek();
      if (t.k === "op" && (t.v === "&&" || t.v === "||")) {
        this.lx.next();
        this.linebreak();
        rest.push({ op: t.v, n: this.pipeline() });
      } else break;
    }
    return rest.length ? this.add({ t: "andor", first, rest }) : first;
  }

  private pipeline(): Node {
    let bang = false;
    if (this.isKw(this.lx.peek(), "!")) { this.lx.next(); bang = true; }
    const cmds = [this.command()];
    for (;;) {
      const t = this.lx.peek();
      if (t.k === "op" && t.v === "|") {
        this.lx.next();
        this.linebreak();
        cmds.push(this.command());
      } else break;
    }
    return cmds.length === 1 && !bang ? cmds[0] : this.add({ t: "pipe", bang, cmds });
  }

  private command(): Node {
    const t = this.lx.peek();
    if (t.k === "op" && t.v === "(") {
      this.lx.next();
      const body = this.compoundList([]);
      const c = this.lx.next();
      if (!(c.k === "op" && c.v === ")")) throw this.unexpected(c, '")"');
      return this.add({ t: "subshell", body, redirs: this.redirList() });
    }
    if (this.isKw(t)) {
      const kw = plainText((t as { w: Word }).w)!;
      switch (kw) {
        case "if": return parseIf(this);
        case "while": case "until": return parseLoop(this, kw === "until");
        case "for": return parseFor(this);
        case "case": return parseCase(this);
        case "{": {
          this.lx.next();
          const body = this.compoundList(["}"]);
          this.expectKw("}");
          return this.add({ t: "group", body, redirs: this.redirList() });
        }
        default: throw this.unexpected(t);
      }
    }
    if (t.k === "word") {
      const name = plainText(t.w);
      if (name !== undefined && (NAME.test(name) || (this.ctx.bash && !name.includes("=")))) {
        this.lx.next();
        const u = this.lx.peek();
        if (u.k === "op" && u.v === "(") {
          this.lx.next();
          const c = this.lx.next();
          if (!(c.k === "op" && c.v === ")")) throw this.unexpected(c, '")"');
          this.linebreak();
          const body = this.command();
          return this.add({ t: "func", name, body });
        }
        return this.simple(t);
      }
      if (name !== undefined && !name.includes("=")) {
        this.lx.next();
        const u = this.lx.peek();
        if (u.k === "op" && u.v === "(") throw new ParseError({ kind: "unexpected", what: "Bad function name", line: u.line }, false);
        return this.simple(t);
      }
    }
    if (t.k === "word" || t.k === "redir") return this.simple();
    throw this.unexpected(t);
  }

  redirList(): Redir[] {
    const out: Redir[] = [];
    while (this.lx.peek().k === "redir") out.push(this.redir());
    return out;
  }

  private redir(): Redir {
    const r = this.lx.next() as Extract<Token, { k: "redir" }>;
    const w = this.lx.next();
    if (w.k !== "word") throw this.unexpected(w);
    const redir: Redir = { fd: r.fd, op: r.op, target: w.w };
    if (r.op === "<<" || r.op === "<<-") {
      const { delim, quoted } = heredocDelim(w.w);
      redir.here = { body: { parts: [] }, quoted };
      this.lx.addHeredoc(delim, quoted, r.op === "<<-", (body) => { redir.here!.body = body; });
    }
    return redir;
  }

  private simple(first?: Token): Node {
    const line = (first ?? this.lx.peek()).line;
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    let tok: Token | undefined = first;
    for (;;) {
      const t = tok ?? this.lx.peek();
      if (t.k === "redir") { redirs.push(this.redir()); tok = undefined; continue; }
      if (t.k !== "word") break;
      if (!tok) this.lx.next();
      tok = undefined;
      const a = words.length === 0 ? asAssignment(t) : undefined;
      if (a) assigns.push(a);
      else words.push(t.w);
    }
    return this.add({ t: "simple", line, assigns, words, redirs });
  }
}

function asAssignment(t: Extract<Token, { k: "word" }>): Assign | undefined {
  const first = t.w.parts[0];
  if (!first || first.t !== "lit") return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
  if (!m) return undefined;
  const rest = first.v.slice(m[0].length);
  const parts = [...(rest ? [{ t: "lit" as const, v: rest }] : []), ...t.w.parts.slice(1)];
  return { name: m[1], value: { parts } };
}

function describe(t: Token): string {
  if (t.k === "eof") return "end of file";
  if (t.k === "op") return t.v === "\n" ? "newline" : `"${t.v}"`;
  if (t.k === "redir") return `"${t.op}"`;
  const s = plainText(t.w);
  return s !== undefined && RESERVED.has(s) && t.raw === s ? `"${s}"` : "word";
}
