// test / [ : string, integer and file conditions with ! ( ) -a -o, in each dialect's error
// wording. Used as a shell builtin and by the external test program (programs/test.ts).
import type { Sys } from "../../programs/api";
import type { Builtin } from "./registry";
import { shellError } from "../interp";

class TestError {
  constructor(readonly msg: string) {}
}

type Style = "dash" | "ash" | "bash" | "gnu";

const UNARY = new Set(["-b", "-c", "-d", "-e", "-f", "-g", "-h", "-L", "-n", "-p", "-r", "-s", "-S", "-t", "-u", "-w", "-x", "-z", "-k", "-O", "-G"]);
const BINARY = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

/** Evaluates test arguments (without the closing ]); 0 true, 1 false, 2 error with message. */
export function evalTest(sys: Sys, args: string[], style: Style, name: string): { st: number; err?: string } {
  try {
    const v = new TestEval(sys, args, style, name).run();
    return { st: v ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { st: 2, err: e.msg };
    throw e;
  }
}

class TestEval {
  private i = 0;
  constructor(readonly sys: Sys, readonly a: string[], readonly style: Style, readonly name: string) {}

  run(): boolean {
    const n = this.a.length;
    if (n === 0) return false;
    if (n === 1) return this.a[0] !== "";
    if (n === 2 && this.a[0] === "!") return this.a[1] === "";
    if (n === 2 && UNARY.has(this.a[0])) return this.unary(this.a[0], this.a[1]);
    if (n === 3 && BINARY.has(this.a[1])) return this.binary(this.a[0], this.a[1], this.a[2]);
    if (n === 3 && this.a[0] === "!") { this.i = 1; const v = this.term2(); return !v; }
    const v = this.or();
    if (this.i < n) throw new TestError(this.unexpected(this.a[this.i]));
    return v;
  }

  private term2(): boolean {
    const a = this.a.slice(this.i);
    if (a.length === 2 && UNARY.has(a[0])) return this.unary(a[0], a[1]);
    return a.length === 1 ? a[0] !== "" : this.or();
  }

  private unexpected(tok: string): string {
    if (this.style === "bash") return `${this.name}: ${tok}: binary operator expected`;
    if (this.style === "gnu") return `extra argument '${tok}'`;
    return `${this.name}: ${tok}: unexpected operator`;
  }

  private or(): boolean {
    let v = this.and();
    while (this.a[this.i] === "-o") { this.i++; const r = this.and(); v = v || r; }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.a[this.i] === "-a") { this.i++; const r = this.not(); v = v && r; }
    return v;
  }

  private not(): boolean {
    if (this.a[this.i] === "!") { this.i++; return !this.not(); }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) throw new TestError(this.style === "bash" ? `${this.name}: argument expected` : `${this.name}: argument expected`);
    if (t === "(") {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ")") throw new TestError(`${this.name}: closing paren expected`);
      this.i++;
      return v;
    }
    if (BINARY.has(a[this.i + 1] ?? "") && this.i + 2 < a.length) {
      this.i += 3;
      return this.binary(t, a[this.i - 2], a[this.i - 1]);
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]);
    }
    this.i++;
    return t !== "";
  }

  private int(s: string): number {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) {
      const msg = this.style === "dash" ? `${this.name}: Illegal number: ${s}` : this.style === "bash" ? `${this.name}: ${s}: integer expression expected` : this.style === "gnu" ? `invalid integer '${s}'` : `${this.name}: invalid number '${s}'`;
      throw new TestError(msg);
    }
    return Number(s);
  }

  private unary(op: string, x: string): boolean {
    const fs = this.sys.fs;
    const cwd = this.sys.cwd;
    const p = x.startsWith("/") ? x : `${cwd}/${x}`;
    switch (op) {
      case "-n": return x !== "";
      case "-z": return x === "";
      case "-t": return this.sys.isatty(Number(x));
      case "-h": case "-L": { const st = fs.stat(p, false); return typeof st !== "string" && st.type === "l"; }
    }
    if (x === "") return false;
    const st = fs.stat(p);
    if (typeof st === "string") return false;
    switch (op) {
      case "-e": return true;
      case "-f": return st.type === "f";
      case "-d": return st.type === "d";
      case "-c": return st.type === "c";
      case "-s": return st.size > 0;
      case "-r": case "-w": return true;
      case "-x": return st.type === "d" || !!st.x || (st.mode & 0o111) !== 0;
      case "-b": case "-p": case "-S": case "-g": case "-u": case "-k": return false;
      case "-O": case "-G": return true;
    }
    return false;
  }

  private binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case "=": case "==": return l === r;
      case "!=": return l !== r;
      case "<": return l < r;
      case ">": return l > r;
      case "-eq": return this.int(l) === this.int(r);
      case "-ne": return this.int(l) !== this.int(r);
      case "-lt": return this.int(l) < this.int(r);
      case "-le": return this.int(l) <= this.int(r);
      case "-gt": return this.int(l) > this.int(r);
      case "-ge": return this.int(l) >= this.int(r);
      case "-nt": case "-ot": case "-ef": {
        const a = this.sys.fs.stat(l);
        const b = this.sys.fs.stat(r);
        if (typeof a === "string" || typeof b === "string") return op === "-nt" ? typeof a !== "string" : op === "-ot" ? typeof b !== "string" : false;
        return op === "-nt" ? a.mtime > b.mtime : op === "-ot" ? a.mtime < b.mtime : l === r;
      }
    }
    return false;
  }
}

/** The test and [ builtins. */
export const testBuiltin: Builtin = (env, argv) => {
  let args = argv.slice(1);
  const name = argv[0];
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      shellError(env, env.sh.d === "bash" ? "[: missing `]'" : "[: missing ]");
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evalTest(env.sys, args, env.sh.d, name);
  if (r.err) shellError(env, r.err);
  return r.st;
};
