// expr: evaluates its arguments as an expression (| & comparisons + - * / % and `:` regex match,
// length, substr, index, match), printing the value; exit 1 when it is null or 0, 2 on a syntax
// error. Registered in registry-extra.ts.
import type { Program } from "./api";
import { breToJs } from "./text-tools";

class ExprError extends Error {}

const isInt = (s: string) => /^\s*[-+]?\d+\s*$/.test(s);
const truthy = (s: string) => s !== "" && !(isInt(s) && Number(s) === 0);

function num(s: string, flavor: string): number {
  if (!isInt(s)) throw new ExprError(flavor === "busybox" ? "non-numeric argument" : "non-integer argument");
  return Number(s);
}

/** A recursive-descent evaluator over the argument list. */
class Evaluator {
  i = 0;
  constructor(readonly t: string[], readonly flavor: string) {}

  private peek(): string | undefined { return this.t[this.i]; }
  private next(): string {
    if (this.i >= this.t.length) throw new ExprError("syntax error");
    return this.t[this.i++];
  }

  or(): string {
    let a = this.and();
    while (this.peek() === "|") { this.i++; const b = this.and(); a = truthy(a) ? a : truthy(b) ? b : "0"; }
    return a;
  }
  private and(): string {
    let a = this.cmp();
    while (this.peek() === "&") { this.i++; const b = this.cmp(); a = truthy(a) && truthy(b) ? a : "0"; }
    return a;
  }
  private cmp(): string {
    let a = this.add();
    for (let op = this.peek(); op && ["<", "<=", "=", "==", "!=", ">=", ">"].includes(op); op = this.peek()) {
      this.i++;
      const b = this.add();
      const c = isInt(a) && isInt(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0;
      const r = op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === "=" || op === "==" ? c === 0 : op === "!=" ? c !== 0 : op === ">=" ? c >= 0 : c > 0;
      a = r ? "1" : "0";
    }
    return a;
  }
  private add(): string {
    let a = this.mul();
    for (let op = this.peek(); op === "+" || op === "-"; op = this.peek()) {
      this.i++;
      const b = this.mul();
      a = String(op === "+" ? num(a, this.flavor) + num(b, this.flavor) : num(a, this.flavor) - num(b, this.flavor));
    }
    return a;
  }
  private mul(): string {
    let a = this.match();
    for (let op = this.peek(); op === "*" || op === "/" || op === "%"; op = this.peek()) {
      this.i++;
      const b = this.match();
      const x = num(a, this.flavor), y = num(b, this.flavor);
      if (op !== "*" && y === 0) throw new ExprError("division by zero");
      a = String(op === "*" ? x * y : op === "/" ? Math.trunc(x / y) : x % y);
    }
    return a;
  }
  private match(): string {
    let a = this.unary();
    while (this.peek() === ":") { this.i++; a = regexMatch(a, this.unary()); }
    return a;
  }
  private unary(): string {
    const tok = this.next();
    if (tok === "(") {
      const v = this.or();
      if (this.next() !== ")") throw new ExprError("syntax error");
      return v;
    }
    if (tok === "length") return String([...this.unary()].length);
    if (tok === "match") { const s = this.unary(); return regexMatch(s, this.unary()); }
    if (tok === "substr") {
      const s = this.unary(), p = Number(this.unary()), n = Number(this.unary());
      return p < 1 || n < 1 ? "" : s.slice(p - 1, p - 1 + n);
    }
    if (tok === "index") {
      const s = this.unary(), set = this.unary();
      const at = [...s].findIndex((ch) => set.includes(ch));
      return String(at + 1);
    }
    if (tok === "+") return this.next();
    return tok;
  }
}

function regexMatch(s: string, re: string): string {
  const m = new RegExp("^(?:" + breToJs(re) + ")").exec(s);
  if (/\\\(/.test(re)) return m?.[1] ?? "";
  return String(m ? m[0].length : 0);
}

/** expr EXPRESSION. */
export const expr: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    if (!args.length) {
      sys.write(2, sys.flavor === "busybox" ? "expr: too few arguments\n" : "expr: missing operand\nTry 'expr --help' for more information.\n");
      sys.exit(2);
      return;
    }
    const ev = new Evaluator(args, sys.flavor);
    try {
      const v = ev.or();
      if (ev.i < args.length) throw new ExprError("syntax error");
      sys.write(1, v + "\n");
      sys.exit(truthy(v) ? 0 : 1);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      sys.write(2, `expr: ${e.message}\n`);
      sys.exit(2);
    }
  },
};
