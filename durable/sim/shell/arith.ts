// Shell arithmetic $(( )): C integer expressions with variables, assignment operators, ++/--,
// ternary and logical operators, evaluated with JavaScript numbers truncated to integers.
// Used by expand.ts; errors are reported in the shell's dialect by dialect.ts.

/** Variable access for arithmetic. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** An arithmetic failure: `kind` drives the dialect's wording. */
export class ArithError {
  constructor(readonly kind: "syntax" | "divzero" | "number", readonly detail: string) {}
}

type Tok = { t: "num"; v: number } | { t: "id"; v: string } | { t: "op"; v: string } | { t: "end" };

const OPS = ["<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
  "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=", "(", ")", ","];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|\d+(#[0-9a-zA-Z@_]+)?)/.exec(src.slice(i));
    if (num) { out.push({ t: "num", v: parseNum(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: "id", v: id[0] }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError("syntax", src.slice(i));
    out.push({ t: "op", v: op });
    i += op.length;
  }
  out.push({ t: "end" });
  return out;
}

function parseNum(s: string): number {
  if (/^0[xX]/.test(s)) return parseInt(s.slice(2), 16);
  if (s.includes("#")) { const [b, d] = s.split("#"); return parseInt(d, Number(b)); }
  if (s.length > 1 && s[0] === "0") {
    if (/[89]/.test(s)) throw new ArithError("number", s);
    return parseInt(s, 8);
  }
  return Number(s);
}

/** Evaluates an arithmetic expression; throws ArithError. */
export function evalArith(src: string, vars: ArithVars): number {
  if (src.trim() === "") return 0;
  const toks = lex(src);
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => { const t = toks[pos]; return t.t === "op" && t.v === v; };
  const take = () => toks[pos++];
  const expect = (v: string) => { if (!isOp(v)) throw new ArithError("syntax", src); pos++; };
  const valueOf = (name: string): number => {
    const s = (vars.get(name) ?? "").trim();
    if (s === "") return 0;
    const m = /^(-?)(0[xX][0-9a-fA-F]+|\d+)$/.exec(s);
    if (m) return (m[1] ? -1 : 1) * parseNum(m[2]);
    return evalArith(s, vars);
  };
  const assign = (name: string, v: number) => { vars.set(name, String(v)); return v; };

  const comma = (skip: boolean): number => {
    let v = assignment(skip);
    while (isOp(",")) { pos++; v = assignment(skip); }
    return v;
  };
  const assignment = (skip: boolean): number => {
    const t = peek();
    const nt = toks[pos + 1];
    if (t.t === "id" && nt?.t === "op" && /^([-+*/%&^|]|<<|>>)?=$/.test(nt.v)) {
      pos += 2;
      const rhs = assignment(skip);
      if (skip) return 0;
      const op = nt.v.slice(0, -1);
      return assign(t.v, op ? binop(op, valueOf(t.v), rhs) : rhs);
    }
    return ternary(skip);
  };
  const ternary = (skip: boolean): number => {
    const c = binary(0, skip);
    if (!isOp("?")) return c;
    pos++;
    const a = comma(skip || !c);
    expect(":");
    const b = ternary(skip || !!c);
    return c ? a : b;
  };
  const LEVELS = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"], ["**"]];
  const binary = (lvl: number, skip: boolean): number => {
    if (lvl >= LEVELS.length) return unary(skip);
    let l = binary(lvl + 1, skip);
    for (;;) {
      const t = peek();
      if (t.t !== "op" || !LEVELS[lvl].includes(t.v)) return l;
      pos++;
      if (t.v === "&&") { const r = binary(lvl + 1, skip || !l); l = l && r ? 1 : 0; continue; }
      if (t.v === "||") { const r = binary(lvl + 1, skip || !!l); l = l || r ? 1 : 0; continue; }
      const r = binary(lvl + 1, skip);
      l = skip ? 0 : binop(t.v, l, r);
    }
  };
  const unary = (skip: boolean): number => {
    const t = peek();
    if (t.t === "op") {
      if (t.v === "-") { pos++; return -unary(skip); }
      if (t.v === "+") { pos++; return unary(skip); }
      if (t.v === "!") { pos++; return unary(skip) ? 0 : 1; }
      if (t.v === "~") { pos++; return ~unary(skip); }
      if (t.v === "++" || t.v === "--") {
        pos++;
        const id = take();
        if (id.t !== "id") throw new ArithError("syntax", src);
        return skip ? 0 : assign(id.v, valueOf(id.v) + (t.v === "++" ? 1 : -1));
      }
    }
    return postfix(skip);
  };
  const postfix = (skip: boolean): number => {
    const t = take();
    if (t.t === "num") return t.v;
    if (t.t === "id") {
      if (isOp("++") || isOp("--")) {
        const d = take() as { v: string };
        const v = valueOf(t.v);
        if (!skip) assign(t.v, v + (d.v === "++" ? 1 : -1));
        return v;
      }
      return skip ? 0 : valueOf(t.v);
    }
    if (t.t === "op" && t.v === "(") { const v = comma(skip); expect(")"); return v; }
    throw new ArithError("syntax", src);
  };
  const v = comma(false);
  if (peek().t !== "end") throw new ArithError("syntax", src);
  return v;
}

function binop(op: string, a: number, b: number): number {
  switch (op) {
    case "+": return trunc(a + b);
    case "-": return trunc(a - b);
    case "*": return trunc(a * b);
    case "/": if (b === 0) throw new ArithError("divzero", ""); return trunc(a / b);
    case "%": if (b === 0) throw new ArithError("divzero", ""); return trunc(a % b);
    case "**": return trunc(a ** b);
    case "<<": return a << b;
    case ">>": return a >> b;
    case "<": return a < b ? 1 : 0;
    case "<=": return a <= b ? 1 : 0;
    case ">": return a > b ? 1 : 0;
    case ">=": return a >= b ? 1 : 0;
    case "==": return a === b ? 1 : 0;
    case "!=": return a !== b ? 1 : 0;
    case "&": return a & b;
    case "^": return a ^ b;
    case "|": return a | b;
  }
  throw new ArithError("syntax", op);
}

function trunc(x: number): number {
  return x < 0 ? Math.ceil(x) : Math.floor(x);
}
