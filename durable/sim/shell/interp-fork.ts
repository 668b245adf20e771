// Everything that forks a child shell: background jobs (`&`), pipelines with real pipes between
// the children, `( subshells )`, command substitutions (captured through a pipe, replayed into
// the expansion memo), and compound-command redirections. Used by interp.ts and interp-simple.ts.
import type { Node } from "./ast";
import { Expander, ExpandError, NeedSubst } from "./expand";
import { type Env, nodeOf, pushNode, requestExit, shellError, type StepResult } from "./interp";
import { F_EXIT, type ExpandState, type Frame, forkState, type SavedFds, type ShellState } from "./state";
import { applyRedirs, expandRedirs } from "./redirect";
import type { FdMap } from "../programs/api";
import { LIMITS } from "../runtime/constants";

/** Runs an expansion, starting and collecting command substitutions as needed. */
export function withExpansion<T>(env: Env, f: { s: string; ex?: ExpandState }, fn: (x: Expander) => T, start = 0): T | "block" | "error" {
  f.ex ??= { memo: [] };
  const ex = f.ex;
  for (let guard = 0; guard < 1000; guard++) {
    if (ex.cs) {
      const r = pollSubst(env, ex);
      if (r === "block") return "block";
    }
    try {
      return fn(new Expander(env.sh, env.sys, ex, start));
    } catch (e) {
      if (e instanceof NeedSubst) {
        if (!startSubst(env, f.s, e, ex)) return "error";
        continue;
      }
      if (e instanceof ExpandError) {
        shellError(env, e.msg);
        if (!env.sh.interactive) requestExit(env, 2);
        else env.sh.st = 2;
        return "error";
      }
      throw e;
    }
  }
  return "error";
}

/** The descriptors a child inherits: 0-9 of the parent, with overrides. */
export function inheritFds(env: Env, over: FdMap): FdMap {
  const out: FdMap = {};
  for (let n = 0; n < 10; n++) if (env.sys.getFd(n)) out[n] = n;
  for (const [k, v] of Object.entries(over)) out[Number(k)] = v;
  return out;
}

/** Forks a child shell that evaluates `node` and exits; returns its pid. */
export function forkNode(env: Env, s: string, node: Node, fds: FdMap): number | "EAGAIN" {
  const child: ShellState = forkState(env.sh, []);
  pushNode({ ...env, sh: child }, s, node, F_EXIT);
  return env.sys.fork(env.sys.prog, child, [...env.sys.argv], fds);
}

/** Exit status of a failed redirection (dash uses 2). */
export function redirStatus(d: string): number {
  return d === "dash" ? 2 : 1;
}

function forkFailed(env: Env): void {
  shellError(env, env.sh.d === "dash" ? "Cannot fork" : env.sh.d === "bash" ? "fork: retry: Resource temporarily unavailable" : "can't fork: Resource temporarily unavailable");
}

function startSubst(env: Env, s: string, need: NeedSubst, ex: ExpandState): boolean {
  const [r, w] = env.sys.pipe(10);
  const pid = forkNode(env, s, nodeOf(env, s, need.node), inheritFds(env, { 1: w }));
  env.sys.close(w);
  if (pid === "EAGAIN") {
    env.sys.close(r);
    forkFailed(env);
    ex.memo[need.idx] = "";
    ex.st = 2;
    return true;
  }
  ex.cs = { i: need.idx, pid, fd: r, buf: "" };
  return true;
}

function pollSubst(env: Env, ex: ExpandState): "block" | "done" {
  const cs = ex.cs!;
  const { sys } = env;
  while (!cs.eof) {
    const d = sys.read(cs.fd);
    if (d === undefined) return "block";
    if (d === null) { cs.eof = 1; sys.close(cs.fd); break; }
    if (cs.buf.length < LIMITS.captureBytes) cs.buf += d;
  }
  const st = waitChild(env, cs.pid);
  if (st === undefined) return "block";
  ex.st = st === "ECHILD" ? 0 : st.code;
  ex.memo[cs.i] = cs.buf.replace(/\n+$/, "");
  ex.cs = undefined;
  return "done";
}

/** Reaps finished background jobs (dash does so whenever it waits), keeping their statuses for `wait`. */
export function reapJobs(env: Env): void {
  const { sh, sys } = env;
  if (!sh.jobs.length) return;
  for (const pid of [...sh.jobs]) {
    const r = sys.wait(pid, true);
    if (r === undefined) continue;
    sh.jobs = sh.jobs.filter((j) => j !== pid);
    if (r === "ECHILD") continue;
    (sh.done ??= {})[pid] = r.code;
    const keys = Object.keys(sh.done);
    if (keys.length > 64) delete sh.done[keys[0]];
  }
}

/** Waits for a child, taking an already reaped background job's status when there is one. */
export function waitChild(env: Env, pid: number): { code: number; sig?: number } | undefined | "ECHILD" {
  const d = env.sh.done?.[pid];
  if (d !== undefined) { delete env.sh.done![pid]; return { code: d }; }
  const r = env.sys.wait(pid);
  if (r !== undefined && r !== "ECHILD") { env.sh.jobs = env.sh.jobs.filter((j) => j !== pid); reapJobs(env); }
  return r;
}

/** `cmd &`: fork with stdin from /dev/null (no job control), remember $!. */
export function forkBackground(env: Env, s: string, node: Node): StepResult {
  const sh = env.sh;
  const pid = forkNode(env, s, node, inheritFds(env, sh.interactive ? {} : { 0: { k: "null" } }));
  if (pid === "EAGAIN") { forkFailed(env); sh.st = 2; return "cont"; }
  sh.bg = pid;
  sh.jobs.push(pid);
  if (sh.jobs.length > 64) sh.jobs.shift();
  sh.st = 0;
  return "cont";
}

/** A pipeline: one child per command, wired with pipes; status of the last (negated by `!`). */
export function stepPipe(env: Env, f: Extract<Frame, { k: "pipe" }>): StepResult {
  const { sh, sys } = env;
  const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "pipe" }>;
  if (!f.pids) {
    const pids: number[] = [];
    let prev: number | undefined;
    for (let i = 0; i < node.cmds.length; i++) {
      const last = i === node.cmds.length - 1;
      const [r, w] = last ? [undefined, undefined] : sys.pipe(10);
      const over: FdMap = {};
      if (prev !== undefined) over[0] = prev;
      if (w !== undefined) over[1] = w;
      const pid = forkNode(env, f.s, node.cmds[i], inheritFds(env, over));
      if (prev !== undefined) sys.close(prev);
      if (w !== undefined) sys.close(w);
      if (pid === "EAGAIN") { if (r !== undefined) sys.close(r); forkFailed(env); break; }
      pids.push(pid);
      prev = r;
    }
    if (!pids.length) { sh.st = 2; sh.stack.pop(); return "cont"; }
    f.pids = pids;
  }
  while (f.pids.length) {
    const st = waitChild(env, f.pids[0]);
    if (st === undefined) return "block";
    f.pids.shift();
    if (!f.pids.length) f.st = st === "ECHILD" ? 0 : st.code;
  }
  sh.st = node.bang ? (f.st ? 0 : 1) : f.st ?? 0;
  sh.stack.pop();
  return "cont";
}

/** `( list )`: a forked child, or in place when this is the shell's last command. */
export function stepSubshell(env: Env, f: Extract<Frame, { k: "subshell" }>): StepResult {
  const { sh, sys } = env;
  const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "subshell" }>;
  if (f.ph === 0) {
    if (f.f & F_EXIT && !Object.keys(sh.traps).length) {
      sh.stack.pop();
      pushNode(env, f.s, node.body, F_EXIT);
      return "cont";
    }
    const pid = forkNode(env, f.s, node.body, inheritFds(env, {}));
    if (pid === "EAGAIN") { forkFailed(env); sh.st = 2; sh.stack.pop(); return "cont"; }
    f.pid = pid;
    f.ph = 1;
  }
  const st = waitChild(env, f.pid!);
  if (st === undefined) return "block";
  sh.st = st === "ECHILD" ? 0 : st.code;
  sh.stack.pop();
  return "cont";
}

/** Applies a compound command's redirections, then runs it with a restore frame below. */
export function stepCompoundRedir(env: Env, f: Extract<Frame, { k: "cred" }>): StepResult {
  const { sh } = env;
  const node = nodeOf(env, f.s, f.n) as Node & { redirs: import("./ast").Redir[] };
  const saved: SavedFds = {};
  const words = withExpansion(env, f, (x) => expandRedirs(node.redirs, x));
  if (words === "block") return "block";
  sh.stack.pop();
  const err = words === "error" ? "" : applyRedirs(env, node.redirs, words, saved);
  if (err !== undefined) {
    if (err) shellError(env, err);
    sh.stack.push({ k: "restore", fds: saved });
    sh.st = redirStatus(sh.d);
    return "cont";
  }
  sh.stack.push({ k: "restore", fds: saved });
  pushNode(env, f.s, node, f.f, true);
  return "cont";
}
