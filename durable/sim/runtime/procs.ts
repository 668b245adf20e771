// The process table of a container: creation with pid allocation and the pids limit, the run
// queue, exit (closing descriptors, orphan re-parenting, waking waiting parents and exec
// sessions), reaping, and signal delivery with the PID-1 rule. Used by sys.ts and containers.ts.
import { FIRST_CHILD_PID, LIMITS, SIG, SIG_DEFAULT_IGNORE } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, Fd, ProcState } from "./state";
import { releaseFd } from "./io";
import { finishSession } from "./exec-finish";
import { onInitExit } from "./container-exit";

/** What a new process starts with. */
export interface NewProc {
  ppid: number;
  argv: string[];
  comm: string;
  prog: string;
  bb?: boolean;
  data: unknown;
  /** Descriptors already retained for the new process. */
  fds: Record<string, Fd>;
  env: [string, string][];
  cwd: string;
  uid?: number;
  sess?: string;
  mem?: number;
}

/** Live (non-zombie) process count. */
export function liveCount(c: ContainerState): number {
  let n = 0;
  for (const pid in c.procs) if (c.procs[pid].st !== "Z") n++;
  return n;
}

/** Creates a runnable process, or returns undefined when the pids limit is reached. */
export function createProc(k: Kernel, c: ContainerState, np: NewProc): ProcState | undefined {
  if (Object.keys(c.procs).length >= LIMITS.pids) return undefined;
  let pid = c.nextPid;
  while (c.procs[pid]) pid++;
  c.nextPid = pid === 1 ? FIRST_CHILD_PID : pid + 1;
  const now = k.now();
  const p: ProcState = {
    pid, ppid: np.ppid, argv: np.argv, comm: np.comm, prog: np.prog, data: np.data, fds: np.fds,
    env: np.env, cwd: np.cwd, uid: np.uid ?? 0, st: "R", start: now, mem: np.mem ?? 0, cpu: 0,
    cpuMs: 0, cpuAt: now, catches: [], ignores: [], pending: [],
  };
  if (np.bb) p.bb = true;
  if (np.sess) p.sess = np.sess;
  c.procs[pid] = p;
  makeRunnable(k, c, p);
  return p;
}

/** Puts a process on its container's run queue. */
export function makeRunnable(k: Kernel, c: ContainerState, p: ProcState): void {
  if (p.st === "Z") return;
  p.wait = undefined;
  p.st = "R";
  if (!c.runq.includes(p.pid)) c.runq.push(p.pid);
  k.wake(c);
}

/** Brings a process's CPU-time counter up to now. */
export function settleCpu(p: ProcState, now: number): void {
  if (p.cpu > 0 && now > p.cpuAt) p.cpuMs += (p.cpu * (now - p.cpuAt)) / 1000;
  p.cpuAt = now;
}

/** Terminates a process: closes its descriptors, re-parents its children, notifies waiters. */
export function exitProc(k: Kernel, c: ContainerState, p: ProcState, code: number, sig?: number): void {
  if (p.st === "Z") return;
  const now = k.now();
  settleCpu(p, now);
  for (const n of Object.keys(p.fds)) releaseFd(k, c, p.fds[n]);
  p.fds = {};
  p.st = "Z";
  p.wait = undefined;
  p.exit = sig ? { code: 128 + sig, sig } : { code: code & 255 };
  p.mem = 0;
  p.cpu = 0;
  p.pending = [];
  p.data = null;
  const idx = c.runq.indexOf(p.pid);
  if (idx >= 0) c.runq.splice(idx, 1);
  if (p.lis) for (const key in k.s.listen) { const l = k.s.listen[key]; if (l.cid === c.id && l.pid === p.pid) delete k.s.listen[key]; }
  for (const pid in c.procs) {
    const ch = c.procs[pid];
    if (ch.ppid !== p.pid || ch === p) continue;
    if (ch.st === "Z") delete c.procs[pid];
    else ch.ppid = p.pid === 1 ? 0 : 1;
  }
  if (p.sess) finishSession(k, p.sess, p.pid, p.exit.code);
  if (p.pid === 1) { onInitExit(k, c); return; }
  const parent = c.procs[p.ppid];
  if (!parent || parent.st === "Z" || p.ppid === 0) { delete c.procs[p.pid]; return; }
  if (parent.wait?.k === "child" && (parent.wait.pid === -1 || parent.wait.pid === p.pid)) makeRunnable(k, c, parent);
  if (parent.catches.includes(SIG.CHLD)) deliverSignal(k, c, parent, SIG.CHLD, p.pid);
}

/** Removes an exited child from the table and returns its status. */
export function reap(c: ContainerState, p: ProcState): { pid: number; code: number; sig?: number } {
  delete c.procs[p.pid];
  return { pid: p.pid, code: p.exit?.code ?? 0, sig: p.exit?.sig };
}

/** Delivers a signal following the kernel's rules (PID 1 ignores signals it has no handler for). */
export function deliverSignal(k: Kernel, c: ContainerState, p: ProcState, sig: number, from = 0): void {
  if (p.st === "Z" || sig === 0) return;
  if (sig === SIG.KILL) { exitProc(k, c, p, 0, SIG.KILL); return; }
  if (p.ignores.includes(sig)) return;
  if (p.catches.includes(sig)) {
    if (!p.pending.includes(sig)) p.pending.push(sig);
    (p.sigFrom ??= {})[sig] = from;
    makeRunnable(k, c, p);
    return;
  }
  if (SIG_DEFAULT_IGNORE.includes(sig) || sig === SIG.STOP || sig === SIG.TSTP || sig === SIG.TTIN || sig === SIG.TTOU) return;
  if (p.pid === 1) return;
  exitProc(k, c, p, 0, sig);
}

/** Kills every live process of a container (pid namespace teardown). */
export function killAll(k: Kernel, c: ContainerState): void {
  for (const pid of Object.keys(c.procs).map(Number).sort((a, b) => b - a)) {
    const p = c.procs[pid];
    if (p && p.st !== "Z" && pid !== 1) exitProc(k, c, p, 0, SIG.KILL);
  }
  for (const pid of Object.keys(c.procs)) if (c.procs[pid].st === "Z" && pid !== "1") delete c.procs[pid];
}

/** A simulated program threw: the process dies of SIGSEGV instead of the simulation. */
export function crashed(k: Kernel, c: ContainerState, p: ProcState, e: unknown): void {
  if (k.strict) throw e;
  k.stats.crashes++;
  k.lastCrash = { prog: p.prog, argv: p.argv, message: e instanceof Error ? e.message : String(e) };
  exitProc(k, c, p, 0, SIG.SEGV);
}
