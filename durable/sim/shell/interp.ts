// The small-step shell interpreter: a loop over an explicit stack of data frames (shell/state.ts)
// that evaluates lists, and-or lists, if/while/until/for/case, groups and functions, handles
// break/continue/return/exit by unwinding, and runs traps at safe points. Simple commands,
// pipelines and subshells live in interp-simple.ts and interp-fork.ts. Used by shell/program.ts.
import type { Node, Script } from "./ast";
import type { Sys } from "../programs/api";
import { F_EXIT, F_TESTED, type Frame, type ShellState } from "./state";
import { restoreFds } from "./redirect";
import { stepSimple } from "./interp-simple";
import { forkBackground, stepCompoundRedir, stepPipe, stepSubshell } from "./interp-fork";
import { stepCase, stepFor } from "./interp-loops";
import { prefix, syntaxMessage } from "./dialect";
import { parseScript } from "./parser";
import { SIG_NAME } from "../runtime/constants";

/** What the interpreter needs besides the state: system calls and the script table. */
export interface Env {
  sys: Sys;
  sh: ShellState;
  script(key: string): Script;
  intern(src: string): string;
}

/** Result of one frame step. */
export type StepResult = "cont" | "block";

/** The node with an id in a script. */
export function nodeOf(env: Env, s: string, n: number): Node {
  return env.script(s).nodes[n];
}

/** Pushes the frame that evaluates a node (compound redirections first, unless `noRedir`). */
export function pushNode(env: Env, s: string, node: Node, f: number, noRedir = false): void {
  const sh = env.sh;
  if (!noRedir && node.t !== "simple" && node.t !== "list" && node.t !== "andor" && node.t !== "pipe" && node.t !== "func" && node.redirs.length) {
    sh.stack.push({ k: "cred", s, n: node.id, f });
    return;
  }
  switch (node.t) {
    case "simple": sh.stack.push({ k: "simple", s, n: node.id, f, ph: 0, ex: { memo: [] } }); return;
    case "list": sh.stack.push({ k: "list", s, n: node.id, i: 0, f }); return;
    case "andor": sh.stack.push({ k: "andor", s, n: node.id, i: 0, f }); return;
    case "pipe": sh.stack.push({ k: "pipe", s, n: node.id, f }); return;
    case "func": sh.fns[node.name] = { s, n: node.body.id }; sh.st = 0; return;
    case "group": sh.stack.push({ k: "group", s, n: node.id, f, ph: 0 }); return;
    case "subshell": sh.stack.push({ k: "subshell", s, n: node.id, f, ph: 0 }); return;
    case "if": sh.stack.push({ k: "if", s, n: node.id, f, i: 0, ph: 0 }); return;
    case "loop": sh.stack.push({ k: "loop", s, n: node.id, f, ph: 0, st: 0 }); sh.loops++; return;
    case "for": sh.stack.push({ k: "for", s, n: node.id, f, ph: 0, i: 0, st: 0 }); sh.loops++; return;
    case "case": sh.stack.push({ k: "case", s, n: node.id, f, ph: 0, i: 0, j: 0 }); return;
  }
}

/** Writes a diagnostic to the shell's stderr with the dialect's prefix. */
export function shellError(env: Env, msg: string): void {
  const sh = env.sh;
  env.sys.write(2, prefix(sh.d, sh.a0, sh.lineno, !!sh.interactive) + msg + "\n");
}

/** Starts leaving the shell with a status (runs the EXIT trap first). */
export function requestExit(env: Env, st: number): void {
  env.sh.un = { k: "exit", st };
}

/** Runs the interpreter until the process blocks, exits or spends its slice. */
export function runShell(env: Env): void {
  const { sh, sys } = env;
  for (;;) {
    if (!sys.spend(1)) return;
    if (sh.un) { if (unwind(env) === "exit") return; continue; }
    const top = sh.stack[sh.stack.length - 1];
    if (sh.pend.length && (!top || safePoint(top))) { startTrap(env); continue; }
    if (!top) { if (finish(env)) return; continue; }
    if (step(env, top) === "block") return;
  }
}

function safePoint(f: Frame): boolean {
  if (f.k === "simple") return f.ph < 3 && !f.ex.cs;
  if (f.k === "pipe") return !f.pids;
  if (f.k === "subshell") return f.pid === undefined && !f.ex?.cs;
  if (f.k === "wait" || f.k === "read") return true;
  return !("ex" in f && f.ex?.cs);
}

function step(env: Env, f: Frame): StepResult {
  const sh = env.sh;
  switch (f.k) {
    case "top": case "eval": return stepScript(env, f);
    case "list": {
      const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "list" }>;
      if (f.i >= node.items.length) { sh.stack.pop(); return "cont"; }
      const it = node.items[f.i++];
      const last = f.i === node.items.length;
      if (it.bg) return forkBackground(env, f.s, it.n);
      pushNode(env, f.s, it.n, last ? f.f : f.f & F_TESTED);
      return "cont";
    }
    case "andor": {
      const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "andor" }>;
      if (f.i === 0) { f.i = 1; pushNode(env, f.s, node.first, F_TESTED); return "cont"; }
      while (f.i <= node.rest.length) {
        const r = node.rest[f.i - 1];
        f.i++;
        if ((r.op === "&&") === (sh.st === 0)) {
          pushNode(env, f.s, r.n, f.i > node.rest.length ? f.f : F_TESTED);
          return "cont";
        }
      }
      sh.stack.pop();
      return "cont";
    }
    case "pipe": return stepPipe(env, f);
    case "cred": return stepCompoundRedir(env, f);
    case "simple": return stepSimple(env, f);
    case "subshell": return stepSubshell(env, f);
    case "group": {
      const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "group" }>;
      if (f.ph === 0) { f.ph = 1; pushNode(env, f.s, node.body, f.f); return "cont"; }
      sh.stack.pop();
      return "cont";
    }
    case "if": {
      const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "if" }>;
      if (f.ph === 0) { f.ph = 1; pushNode(env, f.s, node.clauses[f.i].cond, F_TESTED); return "cont"; }
      if (f.ph === 1) {
        if (sh.st === 0) { f.ph = 2; pushNode(env, f.s, node.clauses[f.i].body, f.f); return "cont"; }
        f.i++;
        if (f.i < node.clauses.length) { f.ph = 0; return "cont"; }
        if (node.else) { f.ph = 2; pushNode(env, f.s, node.else, f.f); return "cont"; }
        sh.st = 0;
      }
      sh.stack.pop();
      return "cont";
    }
    case "loop": {
      const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "loop" }>;
      if (f.ph === 0) { f.ph = 1; pushNode(env, f.s, node.cond, F_TESTED); return "cont"; }
      if (f.ph === 1) {
        const go = node.until ? sh.st !== 0 : sh.st === 0;
        if (!go) { sh.st = f.st; sh.stack.pop(); sh.loops--; return "cont"; }
        f.ph = 2;
        pushNode(env, f.s, node.body, f.f & F_TESTED);
        return "cont";
      }
      f.st = sh.st;
      f.ph = 0;
      return "cont";
    }
    case "for": return stepFor(env, f);
    case "case": return stepCase(env, f);
    case "call": {
      sh.args = f.args;
      for (const [name, v] of Object.entries(f.locals)) { if (v) sh.vars[name] = v; else delete sh.vars[name]; }
      sh.stack.pop();
      return "cont";
    }
    case "restore": restoreFds(env, f.fds); sh.stack.pop(); return "cont";
    case "vars":
      for (const [name, v] of Object.entries(f.saved)) { if (v) sh.vars[name] = v; else delete sh.vars[name]; }
      sh.stack.pop();
      return "cont";
    case "status": sh.st = f.st; sh.stack.pop(); return "cont";
    case "trap": sh.st = f.st; sh.stack.pop(); return "cont";
    case "exittrap": sh.stack.pop(); requestExit(env, sh.st); return "cont";
    default: return stepBuiltinFrame(env, f);
  }
}

/** Frames owned by builtins (wait, read) and the interactive loop. */
let builtinFrameStep: (env: Env, f: Frame) => StepResult = () => "cont";

/** Registers the handler of builtin-owned frames (avoids an import cycle). */
export function setBuiltinFrameStep(fn: (env: Env, f: Frame) => StepResult): void {
  builtinFrameStep = fn;
}

function stepBuiltinFrame(env: Env, f: Frame): StepResult {
  return builtinFrameStep(env, f);
}

function stepScript(env: Env, f: Extract<Frame, { k: "top" | "eval" }>): StepResult {
  const sh = env.sh;
  const sc = env.script(f.s);
  if (f.i < sc.cmds.length) {
    const c = sc.cmds[f.i++];
    const exitOk = f.k === "top" && c.eof && !sh.interactive;
    pushNode(env, f.s, c.node, exitOk ? F_EXIT : f.k === "eval" ? f.f & F_TESTED : 0);
    return "cont";
  }
  if (sc.error) {
    sh.lineno = sc.error.line + (sh.lb ?? 0);
    shellError(env, syntaxMessage(sh.d, sc.error));
    sh.stack.pop();
    if (!sh.interactive) requestExit(env, 2);
    else sh.st = 2;
    return "cont";
  }
  sh.stack.pop();
  return "cont";
}

/** Pops frames for break/continue/return/exit, running their finalizers. */
function unwind(env: Env): "cont" | "exit" {
  const sh = env.sh;
  const un = sh.un!;
  const top = sh.stack[sh.stack.length - 1];
  if (!top) {
    sh.un = undefined;
    if (un.k === "exit") { sh.st = un.st; return finish(env) ? "exit" : "cont"; }
    if (un.k === "return") sh.st = un.st;
    return "cont";
  }
  if (un.k === "break" || un.k === "continue") {
    if (top.k === "loop" || top.k === "for") {
      if (un.n > 1) { un.n--; sh.stack.pop(); sh.loops--; return "cont"; }
      sh.un = undefined;
      if (un.k === "break") { sh.stack.pop(); sh.loops--; sh.st = 0; }
      else if (top.k === "loop") top.ph = 0;
      else top.ph = 1;
      return "cont";
    }
    if (top.k === "call" || top.k === "top" || top.k === "repl") { sh.un = undefined; return "cont"; }
  }
  if (un.k === "return" && (top.k === "call" || (top.k === "eval" && top.f & 4))) {
    sh.un = undefined;
    sh.st = un.st;
    if (top.k === "call") { step(env, top); } else sh.stack.pop();
    return "cont";
  }
  if (un.k === "return" && top.k === "repl") { sh.un = undefined; sh.st = un.st; return "cont"; }
  if (un.k === "exit" && top.k === "exittrap") { sh.stack.pop(); sh.un = undefined; sh.st = un.st; return finish(env, true) ? "exit" : "cont"; }
  if (top.k === "restore") restoreFds(env, top.fds);
  if (top.k === "vars" || top.k === "call") step(env, top);
  else sh.stack.pop();
  if (top.k === "loop" || top.k === "for") sh.loops--;
  return "cont";
}

/** Ends the shell: runs the EXIT trap once, then exits with $?. Returns true when exited. */
function finish(env: Env, trapDone = false): boolean {
  const sh = env.sh;
  const trap = sh.traps.EXIT;
  if (!trapDone && trap) {
    delete sh.traps.EXIT;
    const key = env.intern(trap);
    sh.stack.push({ k: "exittrap" }, { k: "status", st: sh.st }, { k: "eval", s: key, i: 0, f: 0 });
    return false;
  }
  env.sys.exit(sh.st);
  return true;
}

function startTrap(env: Env): void {
  const sh = env.sh;
  const sig = sh.pend.shift()!;
  const action = sh.traps[SIG_NAME[sig]];
  if (action === undefined || action === "") return;
  const key = env.intern(action);
  sh.stack.push({ k: "trap", st: sh.st }, { k: "eval", s: key, i: 0, f: 0 });
}

/** Parses a source string in the shell's dialect (eval, traps, -c). */
export function parseFor(sh: ShellState, src: string): Script {
  return parseScript(src, { bash: sh.d === "bash" });
}

/** Flags for a node evaluated as the last command of an exiting context. */
export function lastFlags(f: number): number {
  return f & (F_EXIT | F_TESTED);
}
