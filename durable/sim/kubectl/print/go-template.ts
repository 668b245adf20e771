// `-o go-template=...` / `-o template=...`: the part of Go's text/template that kubectl users
// write — fields (.a.b), variables ($, $x), string/number literals, pipelines, parentheses,
// if/else if/else, range (with $i, $e :=), with, {{- -}} trimming, comments, and the functions
// and/or/not/len/index/print/printf/println/eq/ne/lt/le/gt/ge plus kubectl's base64decode and
// exists. The object is JSON-decoded as kubectl does (numbers are float64, missing keys print
// "<no value>"). Used by print/output.ts.
import { base64Decode, goPrintf, goValueString, isTrue } from "./go-fmt";

type Pipe = { cmds: Operand[][]; decl?: string[] };
type Operand =
  | { t: "field"; base: "dot" | { v: string } | Pipe; path: string[]; pos: number; text: string }
  | { t: "lit"; v: unknown }
  | { t: "ident"; v: string };
type Node =
  | { t: "text"; v: string }
  | { t: "out"; pipe: Pipe }
  | { t: "if" | "with"; pipe: Pipe; body: Node[]; alt?: Node[] }
  | { t: "range"; pipe: Pipe; body: Node[]; alt?: Node[] };

/** A template that does not parse (`line` is where) or fails while executing. */
export class TemplateError extends Error {
  constructor(message: string, readonly line?: number, readonly output = "") {
    super(message);
  }
}

type Tok = { v: string; pos: number };

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*"|`[^`]*`)|(\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)|(\.(?:[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)?)|(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(:=|=|\||\(|\)|,)|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(src: string, base: number, line: number): Tok[] {
  const out: Tok[] = [];
  let at = 0;
  while (src.slice(at).trim()) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new TemplateError(`unexpected "${src.slice(at).trim()[0]}" in command`, line);
    const v = m[0].trim();
    out.push({ v, pos: base + TOKEN.lastIndex - v.length });
    at = TOKEN.lastIndex;
  }
  return out;
}

function unquote(s: string): string {
  if (s.startsWith("`")) return s.slice(1, -1);
  return JSON.parse(s.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\'/g, "'"));
}

function parsePipe(toks: Tok[], pos: { i: number }, line: number, stop?: string): Pipe {
  const pipe: Pipe = { cmds: [] };
  const j = toks.findIndex((t, k) => k >= pos.i && t.v === ":=");
  if (j > pos.i && toks.slice(pos.i, j).every((t) => t.v.startsWith("$") || t.v === ",") && stop === undefined) {
    pipe.decl = toks.slice(pos.i, j).filter((t) => t.v !== ",").map((t) => t.v);
    pos.i = j + 1;
  }
  let cmd: Operand[] = [];
  while (pos.i < toks.length && toks[pos.i].v !== stop) {
    const t = toks[pos.i++];
    if (t.v === "|") {
      pipe.cmds.push(cmd);
      cmd = [];
    } else if (t.v === "(") {
      const inner = parsePipe(toks, pos, line, ")");
      pos.i++;
      let path: string[] = [];
      const next = toks[pos.i];
      if (next?.v.startsWith(".") && next.v !== ".") path = toks[pos.i++].v.slice(1).split(".");
      cmd.push({ t: "field", base: inner, path, pos: next?.pos ?? t.pos, text: `.${path.join(".")}` });
    } else cmd.push(operand(t, line));
  }
  if (stop && toks[pos.i]?.v !== stop) throw new TemplateError("unclosed left paren", line);
  if (cmd.length) pipe.cmds.push(cmd);
  if (!pipe.cmds.length) throw new TemplateError("missing value for command", line);
  return pipe;
}

function operand(tok: Tok, line: number): Operand {
  const t = tok.v;
  if (t.startsWith('"') || t.startsWith("`")) return { t: "lit", v: unquote(t) };
  // Go reports a field chain at its second segment.
  const at = (segs: string[]) => tok.pos + (segs.length > 1 ? segs[0].length + (t.startsWith("$") ? 0 : 1) : 0);
  if (t.startsWith("$")) {
    const [v, ...path] = t.split(".");
    return { t: "field", base: { v }, path, pos: at([v, ...path]), text: t };
  }
  if (t === ".") return { t: "field", base: "dot", path: [], pos: tok.pos, text: t };
  if (t.startsWith(".")) {
    const path = t.slice(1).split(".");
    return { t: "field", base: "dot", path, pos: at(path), text: t };
  }
  if (/^-?\d/.test(t)) return { t: "lit", v: Number(t) };
  if (t === "true" || t === "false") return { t: "lit", v: t === "true" };
  if (t === "nil") return { t: "lit", v: null };
  if (!(t in FUNCS)) throw new TemplateError(`function "${t}" not defined`, line);
  return { t: "ident", v: t };
}

function checkVars(p: Pipe, known: (v: string) => boolean, line: number): void {
  for (const cmd of p.cmds) {
    for (const o of cmd) {
      if (o.t !== "field") continue;
      if (o.base !== "dot" && "v" in o.base && !known(o.base.v)) throw new TemplateError(`undefined variable "${o.base.v}"`, line);
      if (o.base !== "dot" && !("v" in o.base)) checkVars(o.base as Pipe, known, line);
    }
  }
}

type Frame = { node?: Node & { body: Node[]; alt?: Node[] }; into: Node[]; vars: Set<string>; elseIf?: boolean };

/** Parses a template into nodes (functions and variables are checked here, as Go does). */
function parse(src: string): Node[] {
  const root: Node[] = [];
  const stack: Frame[] = [{ into: root, vars: new Set(["$"]) }];
  const known = (v: string) => stack.some((f) => f.vars.has(v));
  const lineAt = (i: number) => 1 + (src.slice(0, i).match(/\n/g)?.length ?? 0);
  let at = 0;
  let trimNext = false;
  while (at <= src.length) {
    const open = src.indexOf("{{", at);
    let text = src.slice(at, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^\s+/, "");
    let inner = "";
    let close = -1;
    let base = 0;
    if (open >= 0) {
      close = src.indexOf("}}", open + 2);
      if (close < 0) throw new TemplateError("unclosed action", lineAt(open));
      base = open + 2;
      inner = src.slice(base, close);
      if (inner.startsWith("- ") || inner === "-") {
        text = text.replace(/\s+$/, "");
        inner = inner.slice(1);
        base++;
      }
      trimNext = inner.endsWith(" -");
      if (trimNext) inner = inner.slice(0, -1);
    }
    if (text) stack[stack.length - 1].into.push({ t: "text", v: text });
    if (open < 0) break;
    at = close + 2;
    if (inner.trim().startsWith("/*")) continue;
    const line = lineAt(open);
    const toks = tokenize(inner, base, line);
    const top = stack[stack.length - 1];
    const kw = toks[0]?.v;
    const pipeFrom = (i: number) => {
      const p = parsePipe(toks, { i }, line);
      checkVars(p, known, line);
      return p;
    };
    if (kw === "end") {
      if (!top.node) throw new TemplateError("unexpected {{end}}", line);
      // One {{end}} closes an if together with all its {{else if}} links.
      let frame = stack.pop() as Frame;
      while (frame.elseIf && stack.length > 1) frame = stack.pop() as Frame;
      continue;
    }
    if (kw === "else") {
      if (!top.node) throw new TemplateError("unexpected {{else}}", line);
      top.node.alt = [];
      top.into = top.node.alt;
      if (toks[1]?.v === "if") {
        const n = { t: "if" as const, pipe: pipeFrom(2), body: [] as Node[] };
        top.into.push(n);
        stack.push({ node: n, into: n.body, vars: new Set(), elseIf: true });
      }
      continue;
    }
    if (kw === "if" || kw === "with" || kw === "range") {
      const n = { t: kw, pipe: pipeFrom(1), body: [] as Node[] } as Node & { body: Node[] };
      top.into.push(n);
      stack.push({ node: n, into: n.body, vars: new Set((n as { pipe: Pipe }).pipe.decl ?? []) });
      continue;
    }
    const p = pipeFrom(0);
    for (const d of p.decl ?? []) top.vars.add(d);
    top.into.push({ t: "out", pipe: p });
  }
  if (stack.length > 1) throw new TemplateError("unexpected EOF", lineAt(src.length));
  return root;
}

const NO_VALUE = Symbol("no value");

function lookup(v: unknown, o: { path: string[]; pos: number; text: string }, src: string): unknown {
  for (const k of o.path) {
    if (v === NO_VALUE || v === null || v === undefined) return NO_VALUE;
    if (typeof v !== "object" || Array.isArray(v)) {
      const before = src.slice(0, o.pos);
      const line = 1 + (before.match(/\n/g)?.length ?? 0);
      const col = o.pos - (before.lastIndexOf("\n") + 1);
      throw new TemplateError(`template: output:${line}:${col}: executing "output" at <${o.text}>: can't evaluate field ${k} in type interface {}`);
    }
    v = k in (v as object) ? (v as Record<string, unknown>)[k] : NO_VALUE;
  }
  return v;
}

type Scope = { dot: unknown; vars: Map<string, unknown>; src: string };

const FUNCS: Record<string, (...a: unknown[]) => unknown> = {
  and: (...a) => a.find((x) => !isTrue(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => isTrue(x)) ?? a[a.length - 1],
  not: (a) => !isTrue(a),
  len: (a) => (typeof a === "string" ? new TextEncoder().encode(a).length : Array.isArray(a) ? a.length : a && typeof a === "object" ? Object.keys(a).length : 0),
  index: (a, ...ks) => ks.reduce((v: any, k) => (v === null || v === undefined || v === NO_VALUE ? NO_VALUE : (v[k as any] ?? NO_VALUE)), a),
  print: (...a) => a.map((x, i) => (i > 0 && typeof x !== "string" && typeof a[i - 1] !== "string" ? " " : "") + goValueString(x)).join(""),
  println: (...a) => `${a.map(goValueString).join(" ")}\n`,
  printf: (f, ...a) => goPrintf(String(f), a),
  eq: (a, ...b) => b.some((x) => x === a),
  ne: (a, b) => a !== b,
  lt: (a, b) => (a as number) < (b as number),
  le: (a, b) => (a as number) <= (b as number),
  gt: (a, b) => (a as number) > (b as number),
  ge: (a, b) => (a as number) >= (b as number),
  base64decode: (a) => new TextDecoder().decode(base64Decode(String(a))),
  exists: (a, ...ks) => ks.every((k) => { const ok = a && typeof a === "object" && (k as string) in (a as object); a = ok ? (a as any)[k as string] : undefined; return ok; }),
};

function evalOperand(o: Operand, s: Scope): unknown {
  if (o.t === "lit") return o.v;
  if (o.t === "ident") {
    return FUNCS[o.v]();
  }
  const base = o.base === "dot" ? s.dot : "v" in o.base ? varOf(s, o.base.v) : evalPipe(o.base as Pipe, s);
  return lookup(base, o, s.src);
}

function varOf(s: Scope, name: string): unknown {
  return s.vars.has(name) ? s.vars.get(name) : NO_VALUE;
}

function evalPipe(p: Pipe, s: Scope): unknown {
  let prev: unknown[] = [];
  let v: unknown;
  for (const cmd of p.cmds) {
    const head = cmd[0];
    if (head.t === "ident") {
      v = FUNCS[head.v](...cmd.slice(1).map((o) => evalOperand(o, s)), ...prev);
    } else {
      if (cmd.length > 1 || prev.length) throw new TemplateError(`can't give argument to non-function ${cmd.length > 1 ? "value" : "value"}`);
      v = evalOperand(head, s);
    }
    prev = [v];
  }
  if (p.decl?.length === 1) s.vars.set(p.decl[0], v);
  return v;
}

function exec(nodes: Node[], s: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.t === "text") out.push(n.v);
    else if (n.t === "out") {
      const v = evalPipe(n.pipe, s);
      if (!n.pipe.decl) out.push(v === NO_VALUE ? "<no value>" : goValueString(v));
    } else if (n.t === "if" || n.t === "with") {
      const v = evalPipe(n.pipe, s);
      if (isTrue(v === NO_VALUE ? null : v)) exec(n.body, n.t === "with" ? { ...s, dot: v } : s, out);
      else if (n.alt) exec(n.alt, s, out);
    } else {
      const decl = n.pipe.decl;
      const v = evalPipe({ cmds: n.pipe.cmds }, s);
      const entries: [unknown, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x])
        : v && typeof v === "object" ? Object.keys(v).sort().map((k) => [k, (v as any)[k]]) : [];
      if (!entries.length && n.alt) exec(n.alt, s, out);
      for (const [k, x] of entries) {
        const vars = new Map(s.vars);
        if (decl?.length === 1) vars.set(decl[0], x);
        if (decl?.length === 2) {
          vars.set(decl[0], k);
          vars.set(decl[1], x);
        }
        exec(n.body, { dot: x, vars, src: s.src }, out);
      }
    }
  }
}

/** Parses a template; throws TemplateError with the line for Go's parse errors. */
export function parseGoTemplate(template: string): Node[] {
  return parse(template);
}

/** Executes a parsed template; a failure carries the output written before it. */
export function executeGoTemplate(template: string, nodes: Node[], data: unknown): string {
  const out: string[] = [];
  try {
    exec(nodes, { dot: data, vars: new Map([["$", data]]), src: template }, out);
  } catch (e) {
    if (e instanceof TemplateError) throw new TemplateError(e.message, undefined, out.join(""));
    throw e;
  }
  return out.join("");
}
