// The shell's persisted state: variables, functions, positional parameters, options, traps and
// the explicit continuation stack (frames as plain data pointing at AST nodes by script key and
// node id). Owned by the interpreter (interp*.ts); stored in the shell process's sys.data.
import type { Fd } from "../runtime/state";

/** Shell flavours with their own messages and builtins. */
export type Dialect = "dash" | "ash" | "bash";

/** A shell variable. */
export interface Var {
  v: string;
  /** exported */
  x?: 1;
  /** readonly */
  r?: 1;
  /** declared (export/local) but unset */
  u?: 1;
}

/** Frame flags: EV_EXIT (exec the last external command instead of forking) and EV_TESTED (set -e off). */
export const F_EXIT = 1;
/** Commands whose status is tested (if/while conditions, left of && ||, !). */
export const F_TESTED = 2;
/** A sourced (`.`) script: `return` ends it. */
export const F_DOT = 4;

/** State of an in-flight command substitution. */
export interface CmdSubst {
  /** Occurrence index in the expansion memo. */
  i: number;
  pid: number;
  fd: number;
  buf: string;
  eof?: 1;
}

/** Expansion progress of a frame: results of command substitutions and arithmetic by occurrence. */
export interface ExpandState {
  memo: (string | number)[];
  cs?: CmdSubst;
  /** Exit status of the last command substitution. */
  st?: number;
}

/** Saved descriptors to restore when a redirection scope ends (null = was closed). */
export type SavedFds = Record<string, Fd | null>;

/** A continuation frame. `s` is a script key, `n` a node id in it, `f` the flags. */
export type Frame =
  | { k: "top"; s: string; i: number }
  | { k: "eval"; s: string; i: number; f: number }
  | { k: "list"; s: string; n: number; i: number; f: number }
  | { k: "andor"; s: string; n: number; i: number; f: number }
  | { k: "pipe"; s: string; n: number; f: number; pids?: number[]; st?: number }
  | { k: "simple"; s: string; n: number; f: number; ph: number; ex: ExpandState; argv?: string[]; env?: [string, string][]; pid?: number; c?: number }
  | { k: "group"; s: string; n: number; f: number; ph: number; ex?: ExpandState }
  | { k: "cred"; s: string; n: number; f: number; ex?: ExpandState }
  | { k: "subshell"; s: string; n: number; f: number; ph: number; ex?: ExpandState; pid?: number }
  | { k: "if"; s: string; n: number; f: number; i: number; ph: number; ex?: ExpandState }
  | { k: "loop"; s: string; n: number; f: number; ph: number; st: number; ex?: ExpandState }
  | { k: "for"; s: string; n: number; f: number; ph: number; items?: string[]; i: number; st: number; ex?: ExpandState }
  | { k: "case"; s: string; n: number; f: number; ph: number; subj?: string; i: number; j: number; ex?: ExpandState }
  | { k: "call"; args: string[]; locals: Record<string, Var | null> }
  | { k: "restore"; fds: SavedFds }
  | { k: "vars"; saved: Record<string, Var | null> }
  | { k: "trap"; st: number }
  | { k: "exittrap" }
  | { k: "status"; st: number }
  | { k: "wait"; pids: number[]; st: number; all?: 1 }
  | { k: "read"; buf: string; names: string[]; raw: boolean; fd: number; delim: string }
  | { k: "repl"; buf: string; line: number; prompted?: 1 };

/** Control flow unwinding through the stack. */
export type Unwind = { k: "break" | "continue"; n: number } | { k: "return"; st: number } | { k: "exit"; st: number };

/** The whole interpreter state of one shell process. */
export interface ShellState {
  d: Dialect;
  vars: Record<string, Var>;
  fns: Record<string, { s: string; n: number }>;
  a0: string;
  args: string[];
  st: number;
  bg?: number;
  root: number;
  opts: string;
  traps: Record<string, string>;
  pend: number[];
  stack: Frame[];
  un?: Unwind;
  lineno: number;
  /** Lines read from standard input before the command being run (dash numbers them across the session). */
  lb?: number;
  interactive?: 1;
  sub?: 1;
  /** Command line of a syntax error to report when the script's good commands have run. */
  jobs: number[];
  /** Loop nesting depth (break/continue validity). */
  loops: number;
  /** Exit statuses of background jobs reaped while waiting for something else (pid → status). */
  done?: Record<string, number>;
  /** Remembered command locations (dash's hash table) for the PATH in `hp`. */
  hash?: Record<string, string>;
  hp?: string;
}

/** Value of a variable, or undefined when unset. */
export function getVar(sh: ShellState, name: string): string | undefined {
  const v = sh.vars[name];
  return v && !v.u ? v.v : undefined;
}

/** Sets a variable; returns false when it is readonly. */
export function setVar(sh: ShellState, name: string, value: string, exportIt = false): boolean {
  const cur = sh.vars[name];
  if (cur?.r) return false;
  const v: Var = { v: value };
  if (cur?.x || exportIt || sh.opts.includes("a")) v.x = 1;
  sh.vars[name] = v;
  return true;
}

/** The environment passed to commands: exported variables in definition order. */
export function exportedEnv(sh: ShellState, extra: [string, string][] = []): [string, string][] {
  const out: [string, string][] = [];
  const over = extra.length ? new Map(extra) : undefined;
  for (const k in sh.vars) {
    const v = sh.vars[k];
    if (v.x && !v.u && !over?.has(k)) out.push([k, v.v]);
  }
  for (const [k, v] of extra) out.push([k, v]);
  return out;
}

/** A copy of the state for a forked subshell (shares nothing mutable with the parent). */
export function forkState(sh: ShellState, stack: Frame[]): ShellState {
  const traps: Record<string, string> = {};
  for (const [k, v] of Object.entries(sh.traps)) if (v === "") traps[k] = "";
  return {
    d: sh.d, vars: { ...sh.vars }, fns: { ...sh.fns }, a0: sh.a0, args: sh.args.slice(), st: sh.st,
    bg: sh.bg, root: sh.root, opts: sh.opts, traps, pend: [], stack, lineno: sh.lineno, ...(sh.lb ? { lb: sh.lb } : {}), sub: 1, jobs: [], loops: 0,
    ...(sh.hash ? { hash: { ...sh.hash }, hp: sh.hp } : {}),
  };
}
