// The scheduling queue (upstream's PriorityQueue in miniature): activeQ ordered by priority then
// arrival, backoff (1 s doubling to 10 s per attempt), and the unschedulable pool, from which
// cluster events, pod updates and the 5-minute leftover flush move pods back. Plain data, so it
// saves and restores with the scheduler. Owned by Scheduler.
import type { ClusterEventKind } from "./framework";

/** Backoff after the first failed attempt (podInitialBackoffDuration). */
export const INITIAL_BACKOFF_MS = 1_000;
/** Backoff cap (podMaxBackoffDuration). */
export const MAX_BACKOFF_MS = 10_000;
/** A pod left unschedulable this long is retried anyway (podMaxInUnschedulablePodsDuration). */
export const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
/** Period of the leftover flush (flushUnschedulablePodsLeftover runs every 30 s). */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

/** Where a queued pod waits. */
export type QueueName = "active" | "backoff" | "unschedulable";

/** One queued pod. */
export interface QueuedPod {
  key: string;
  priority: number;
  /** When the pod entered the queue or last failed (ordering, backoff and leftover flush). */
  timestamp: number;
  /** Scheduling attempts so far. */
  attempts: number;
  where: QueueName;
  /** Plugins that rejected the last attempt; empty means any event may help. */
  plugins: string[];
  /** Arrival order, the last tie-breaker. */
  seq: number;
}

/** Serializable queue. */
export interface QueueState {
  seq: number;
  pods: QueuedPod[];
}

/** activeQ order: higher priority first, then earlier timestamp, then arrival. */
function before(a: QueuedPod, b: QueuedPod): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

/** calculateBackoffDuration: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function backoffDuration(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
  }
  return d;
}

/** The queue. */
export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();
  private heap: QueuedPod[] = [];
  private readonly backoff = new Set<string>();
  private readonly unschedulable = new Set<string>();
  private seq = 0;
  /** Bumped on every membership change, so callers can skip recomputing timers. */
  version = 0;

  constructor(state?: QueueState) {
    if (!state) return;
    this.seq = state.seq;
    for (const p of state.pods) this.place({ ...p, plugins: [...p.plugins] }, p.where);
  }

  /** Serializable form, sorted by key. */
  save(): QueueState {
    const pods = [...this.pods.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((p) => ({ ...p, plugins: [...p.plugins] }));
    return { seq: this.seq, pods };
  }

  /** A queued pod. */
  get(key: string): QueuedPod | undefined {
    return this.pods.get(key);
  }

  /** Number of pods waiting in activeQ. */
  get activeCount(): number {
    return this.pods.size - this.backoff.size - this.unschedulable.size;
  }

  /** Number of pods in the unschedulable pool. */
  get unschedulableCount(): number {
    return this.unschedulable.size;
  }

  /** Keys of every queued pod, sorted. */
  keys(): string[] {
    return [...this.pods.keys()].sort();
  }

  /** A new pending pod enters activeQ (no-op when already queued). */
  add(key: string, priority: number, now: number): void {
    if (this.pods.has(key)) return;
    this.place({ key, priority, timestamp: now, attempts: 0, where: "active", plugins: [], seq: ++this.seq }, "active");
  }

  /** Removes a pod (bound, deleted, or no longer ours). */
  remove(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.version++;
    this.pods.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
    p.where = "unschedulable"; // stale heap entries are skipped by pop()
  }

  /** Takes the next pod from activeQ and counts the attempt. */
  pop(): QueuedPod | undefined {
    while (this.heap.length) {
      const top = this.heapPop();
      if (top.where !== "active" || this.pods.get(top.key) !== top) continue;
      this.version++;
      this.pods.delete(top.key);
      top.attempts++;
      return top;
    }
    return undefined;
  }

  /** A failed pod goes to the unschedulable pool until an event, its backoff, or the flush. */
  addUnschedulable(p: QueuedPod, plugins: string[], now: number): void {
    p.plugins = plugins;
    p.timestamp = now;
    this.place(p, "unschedulable");
  }

  /** A pod whose binding failed goes straight to backoff. */
  addBackoff(p: QueuedPod, now: number): void {
    p.timestamp = now;
    this.place(p, "backoff");
  }

  /** When a pod's backoff ends. */
  backoffExpiry(p: QueuedPod): number {
    return p.timestamp + backoffDuration(p.attempts);
  }

  /** MoveAllToActiveOrBackoffQueue for pods rejected by a plugin interested in the event. */
  moveForEvent(event: ClusterEventKind, interested: Set<string>, now: number): number {
    let moved = 0;
    for (const key of [...this.unschedulable].sort()) {
      const p = this.pods.get(key)!;
      if (event !== "Flush" && p.plugins.length && !p.plugins.some((n) => interested.has(n))) continue;
      this.requeue(p, now);
      moved++;
    }
    return moved;
  }

  /** A pod in the unschedulable pool was updated in a way that may help: requeue it. */
  podUpdated(key: string, now: number): void {
    const p = this.pods.get(key);
    if (p?.where === "unschedulable") this.requeue(p, now);
  }

  /** Updates the priority of a queued pod (spec.priority is immutable; kept for safety). */
  setPriority(key: string, priority: number): void {
    const p = this.pods.get(key);
    if (p && p.priority !== priority && p.where !== "active") p.priority = priority;
  }

  /** Moves pods whose backoff has ended to activeQ. */
  flushBackoff(now: number): void {
    for (const key of [...this.backoff].sort()) {
      const p = this.pods.get(key)!;
      if (this.backoffExpiry(p) <= now) this.place(p, "active");
    }
  }

  /** flushUnschedulablePodsLeftover: pods unschedulable for longer than 5 minutes are retried. */
  flushLeftover(now: number): void {
    for (const key of [...this.unschedulable].sort()) {
      const p = this.pods.get(key)!;
      if (now - p.timestamp > MAX_IN_UNSCHEDULABLE_MS) this.requeue(p, now);
    }
  }

  /** Earliest backoff expiry, if any pod is backing off. */
  nextBackoff(): number | undefined {
    let t: number | undefined;
    for (const key of this.backoff) {
      const e = this.backoffExpiry(this.pods.get(key)!);
      if (t === undefined || e < t) t = e;
    }
    return t;
  }

  /** When the next leftover flush would move a pod (on the 30 s flush grid), if any. */
  nextLeftoverFlush(): number | undefined {
    let t: number | undefined;
    for (const key of this.unschedulable) {
      const due = this.pods.get(key)!.timestamp + MAX_IN_UNSCHEDULABLE_MS + 1;
      if (t === undefined || due < t) t = due;
    }
    return t === undefined ? undefined : Math.ceil(t / UNSCHEDULABLE_FLUSH_PERIOD_MS) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
  }

  private requeue(p: QueuedPod, now: number): void {
    this.place(p, this.backoffExpiry(p) > now ? "backoff" : "active");
  }

  private place(p: QueuedPod, where: QueueName): void {
    this.version++;
    this.pods.set(p.key, p);
    this.backoff.delete(p.key);
    this.unschedulable.delete(p.key);
    p.where = where;
    if (where === "backoff") this.backoff.add(p.key);
    else if (where === "unschedulable") this.unschedulable.add(p.key);
    else this.heapPush(p);
  }

  private heapPush(p: QueuedPod): void {
    const h = this.heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private heapPop(): QueuedPod {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
