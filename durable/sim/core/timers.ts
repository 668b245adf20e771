// The timer queue that drives the discrete-event simulation, ordered by (due, seq). Timers are
// plain data (kind + key + data) so the whole queue serializes with the cluster. Timers whose
// data carries `coalesce: periodMs` are steady periodic work (lease renewals, successful probes):
// they live in their own heap so the cluster can skip them in bulk across long quiet stretches.
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

/** The period of a steady timer, or 0. */
export function steadyPeriod(t: Timer): number {
  const p = (t.data as { coalesce?: number } | undefined)?.coalesce;
  return typeof p === "number" && p > 0 ? p : 0;
}

function cmpTimer(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}

/** A binary min-heap of entries with lazy deletion. */
class Heap {
  items: Entry[] = [];

  push(e: Entry): void {
    const h = this.items;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmpTimer(h[i].t, h[p].t) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  peek(): Entry | undefined {
    while (this.items.length && !this.items[0].live) this.popTop();
    return this.items[0];
  }

  popTop(): void {
    const h = this.items;
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

  rebuild(): void {
    const live = this.items.filter((e) => e.live);
    this.items = [];
    for (const e of live) this.push(e);
  }
}

/** A min-heap of timers with replacement and cancellation by key, split into regular and steady. */
export class TimerQueue {
  private regular = new Heap();
  private steady = new Heap();
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
    const a = this.regular.peek()?.t.due;
    const b = this.steady.peek()?.t.due;
    if (a === undefined) return b;
    if (b === undefined) return a;
    return Math.min(a, b);
  }

  /** Due time of the earliest regular (non-steady) timer, or undefined. */
  nextRegularDue(): number | undefined {
    return this.regular.peek()?.t.due;
  }

  /** Removes and returns the earliest timer if it is due at or before `t`. */
  popDue(t: number): Timer | undefined {
    const a = this.regular.peek();
    const b = this.steady.peek();
    const e = !a ? b : !b ? a : cmpTimer(a.t, b.t) <= 0 ? a : b;
    if (!e || e.t.due > t) return undefined;
    (e === a ? this.regular : this.steady).popTop();
    this.byKey.delete(e.t.key);
    return e.t;
  }

  /**
   * Moves every steady timer that would fire more than once before `limit` to its last period
   * boundary at or before `limit` (phase kept), counting the skipped ticks in `data.skipped`.
   * Returns how many timers moved.
   */
  skipSteadyTo(limit: number): number {
    let moved = 0;
    for (const e of this.steady.items) {
      if (!e.live) continue;
      const period = steadyPeriod(e.t);
      if (e.t.due + period > limit) continue;
      const k = Math.floor((limit - e.t.due) / period);
      e.t.due += k * period;
      const d = e.t.data as Record<string, unknown>;
      e.t.data = { ...d, skipped: ((d.skipped as number | undefined) ?? 0) + k };
      moved++;
    }
    if (moved) this.steady.rebuild();
    return moved;
  }

  /** Due time of the earliest steady timer, or undefined. */
  nextSteadyDue(): number | undefined {
    return this.steady.peek()?.t.due;
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

  private push(e: Entry): void {
    this.byKey.set(e.t.key, e);
    (steadyPeriod(e.t) ? this.steady : this.regular).push(e);
  }
}
