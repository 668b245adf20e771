// The timer queue that drives the discrete-event simulation: one queue ordered by (due, seq).
// Timers are plain data (kind + key + data) so the whole queue serializes with the cluster.
// Owned by Cluster; components schedule through it and are called back by kind.

/** A scheduled wake-up. `key` is unique: scheduling an existing key replaces the old timer. */
export interface Timer {
  due: number;
  seq: number;
  kind: string;
  key: string;
  data?: unknown;
}

/** Serializable queue state. */
export interface TimerQueueState { seq: number; timers: Timer[] }

interface Entry { t: Timer; live: boolean }

/** A min-heap of timers with replacement and cancellation by key. */
export class TimerQueue {
  private heap: Entry[] = [];
  private byKey = new Map<string, Entry>();
  private seq = 0;

  /** Rebuilds a queue from its serialized form. */
  static restore(state: TimerQueueState): TimerQueue {
    const q = new TimerQueue();
    q.seq = state.seq;
    for (const t of state.timers) q.push({ t: { ...t }, live: true });
    return q;
  }

  /** The serializable form, sorted by (due, seq). */
  save(): TimerQueueState {
    const timers = [...this.byKey.values()].map((e) => e.t).sort(cmpTimer);
    return { seq: this.seq, timers };
  }

  /** Schedules (or reschedules) the timer with this key. */
  schedule(key: string, due: number, kind: string, data?: unknown): void {
    this.cancel(key);
    this.push({ t: { due, seq: ++this.seq, kind, key, data }, live: true });
  }

  /** Schedules unless a timer with this key is already due at or before `due`. */
  scheduleEarliest(key: string, due: number, kind: string, data?: unknown): void {
    const cur = this.byKey.get(key);
    if (cur && cur.t.due <= due) return;
    this.schedule(key, due, kind, data);
  }

  /** Removes the timer with this key, if any. */
  cancel(key: string): void {
    const e = this.byKey.get(key);
    if (e) {
      e.live = false;
      this.byKey.delete(key);
    }
  }

  /** The timer with this key, if scheduled. */
  get(key: string): Timer | undefined {
    return this.byKey.get(key)?.t;
  }

  /** Due time of the earliest live timer, or undefined. */
  nextDue(): number | undefined {
    this.dropDead();
    return this.heap[0]?.t.due;
  }

  /** Removes and returns the earliest timer if it is due at or before `t`. */
  popDue(t: number): Timer | undefined {
    this.dropDead();
    const top = this.heap[0];
    if (!top || top.t.due > t) return undefined;
    this.popTop();
    this.byKey.delete(top.t.key);
    return top.t;
  }

  /** Number of live timers. */
  get size(): number {
    return this.byKey.size;
  }

  /** All live timers whose key starts with a prefix. */
  withPrefix(prefix: string): Timer[] {
    const out: Timer[] = [];
    for (const [k, e] of this.byKey) if (k.startsWith(prefix)) out.push(e.t);
    return out.sort(cmpTimer);
  }

  private dropDead(): void {
    while (this.heap.length && !this.heap[0].live) this.popTop();
  }

  private push(e: Entry): void {
    this.byKey.set(e.t.key, e);
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmpTimer(h[i].t, h[p].t) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private popTop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && cmpTimer(h[l].t, h[m].t) < 0) m = l;
      if (r < h.length && cmpTimer(h[r].t, h[m].t) < 0) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

function cmpTimer(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}
