// Runs processes: drains the run queues of containers that have work, delivers pending caught
// signals before each step, bounds real work with a step budget per wake-up (a busy container is
// continued in growing virtual-time slices), and arms one host timer per container for the next
// wake-up. Used by runtime.ts after every entry point.
import { LIMITS } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, ProcState } from "./state";
import { crashed, makeRunnable, settleCpu } from "./procs";
import { ProcSys } from "./sys";
import { programFor } from "../programs/registry";
import { containerTimerKey } from "./container-exit";
import { ffObserve } from "./ff-track";

/** Steps granted per slice once a container is known to be CPU-bound. */
const BUSY_BUDGET = 2000;

/** Steps a process may take before the next runnable process of its container gets a turn. */
const QUANTUM = 500;

/** Runs every container with runnable processes until all are idle or out of budget. */
export function flush(k: Kernel): void {
  if (k.flushing) return;
  k.flushing = true;
  try {
    for (let rounds = 0; k.dirty.size && rounds < 100000; rounds++) {
      const id = k.dirty.values().next().value as string;
      k.dirty.delete(id);
      const c = k.s.containers[id];
      if (c) runContainer(k, c);
    }
  } finally {
    k.flushing = false;
  }
}

/** Wakes processes whose sleep is over and runs the container (timer callback). */
export function wakeContainer(k: Kernel, c: ContainerState): void {
  c.armed = undefined;
  const now = k.now();
  for (const pid in c.procs) {
    const p = c.procs[pid];
    if (p.wait?.k === "time" && p.wait.until <= now) makeRunnable(k, c, p);
  }
  k.wake(c);
  flush(k);
}

function runContainer(k: Kernel, c: ContainerState): void {
  if (c.status !== "running") { c.runq = []; return; }
  const now = k.now();
  for (const pid in c.procs) {
    const p = c.procs[pid];
    if (p.wait?.k === "time" && p.wait.until <= now) makeRunnable(k, c, p);
  }
  k.budget = c.cpu.busyStreak > 0 ? BUSY_BUDGET : LIMITS.stepsPerWake;
  const granted = k.budget;
  k.stats.wakes++;
  while (c.runq.length && k.budget > 0 && c.status === "running") {
    const pid = c.runq.shift()!;
    const p = c.procs[pid];
    if (!p || p.st === "Z" || p.wait) continue;
    // Round robin: a process runs at most one quantum before the next runnable one gets a turn.
    const total = k.budget;
    const quantum = Math.min(total, QUANTUM);
    k.budget = quantum;
    runProc(k, c, p);
    k.budget = total - (quantum - k.budget);
    if (c.procs[pid] === p && p.st === "R" && !p.wait && !c.runq.includes(pid)) c.runq.push(pid);
    else if (p.bz && p.wait) { settleCpu(p, now); p.cpu = Math.max(0, p.cpu - 1000); delete p.bz; }
  }
  for (const id of c.runq) {
    const q = c.procs[id];
    if (q && !q.bz) { settleCpu(q, now); q.cpu += 1000; q.bz = 1; }
  }
  k.dirty.delete(c.id);
  k.stats.steps += granted - k.budget;
  if (c.status !== "running") return;
  c.cpu.busyStreak = c.runq.length ? c.cpu.busyStreak + 1 : 0;
  armTimer(k, c);
  if (!c.runq.length) ffObserve(k, c);
}

function runProc(k: Kernel, c: ContainerState, p: ProcState): void {
  const sys = new ProcSys(k, c, p);
  k.budget -= 1;
  try {
    while (p.pending.length && p.st !== "Z") {
      const sig = p.pending.shift()!;
      programFor(p.prog).signal?.(sys, sig);
    }
    if (p.st === "Z" || p.wait) return;
    programFor(p.prog).step(sys);
  } catch (e) {
    crashed(k, c, p, e);
  }
}


/** Virtual time until a CPU-bound container's next slice. */
function sliceMs(streak: number): number {
  return Math.min(LIMITS.busySliceMs * 2 ** Math.max(0, Math.min(streak - 1, 20)), LIMITS.busyBackoffMaxMs);
}

/** Schedules (or cancels) the container's wake-up timer for its earliest pending event. */
export function armTimer(k: Kernel, c: ContainerState): void {
  let due = Infinity;
  for (const pid in c.procs) {
    const w = c.procs[pid].wait;
    if (w?.k === "time" && w.until < due) due = w.until;
  }
  if (c.runq.length) due = Math.min(due, k.now() + sliceMs(c.cpu.busyStreak));
  const key = containerTimerKey(c.id);
  if (due === Infinity || c.status !== "running") {
    if (c.armed !== undefined) k.host.cancel(key);
    c.armed = undefined;
  } else if (c.armed !== due) {
    k.host.schedule(key, due);
    c.armed = due;
  }
}
