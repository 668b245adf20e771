// The composition root of one simulated cluster: clock, timer queue, RNG, store, API server,
// scheduler, kubelets, runtime and controllers. Advances virtual time by running due timers in
// (due, seq) order and dispatches store changes to components through a queue.
import type { ApiRequest } from "./api/request";
import { ApiServer, type HandleResult } from "./api/server";
import type { ApiHooks } from "./api/context";
import { drainWatch, openCursor, type WatchCursor, type WatchSpec } from "./api/watch";
import type { ClusterConfig } from "./config";
import type { Component, SimContext } from "./context";
import { Rng, seedRng, type RngState } from "./core/rng";
import { TimerQueue, type Timer, type TimerQueueState } from "./core/timers";
import { EventRecorder, type RecorderState } from "./events/recorder";
import { Store, type StoreState } from "./store/store";
import { TraceRecorder, type TraceState } from "./trace/recorder";
import type { SimNotice } from "./notices";

/** Everything needed to rebuild a cluster exactly. */
export interface ClusterSnapshot {
  version: 1;
  config: ClusterConfig;
  now: number;
  rng: RngState;
  timers: TimerQueueState;
  store: StoreState;
  events: RecorderState;
  trace: TraceState;
  components: Record<string, unknown>;
}

/** A component that persists state under a name. */
export interface StatefulComponent extends Component {
  save?(): unknown;
}

/** Steady timers are skipped in bulk only across gaps longer than this. */
export const STEADY_SKIP_MIN_GAP_MS = 60_000;

/** Hard cap on timers run by one advance call, so a pathological schedule cannot hang a request. */
export const MAX_TIMERS_PER_ADVANCE = 2_000_000;

/** One simulated cluster. */
export class Cluster {
  readonly ctx: SimContext;
  readonly api: ApiServer;
  private clock: number;
  private readonly components = new Map<string, StatefulComponent>();
  private readonly prefixes: [string, StatefulComponent][] = [];
  /** Runtime notices waiting for dispatch (never delivered re-entrantly). */
  readonly notices: SimNotice[] = [];
  private hooks: ApiHooks;
  /** Bumped whenever state may have changed (a timer ran, a write happened); the persister compares it. */
  changeCount = 0;

  private constructor(readonly config: ClusterConfig, snap?: ClusterSnapshot) {
    this.clock = snap?.now ?? config.startTime;
    const rng = new Rng(snap ? { ...snap.rng } : seedRng(config.seed));
    const now = () => this.clock;
    const store = snap ? Store.restore(snap.store, now) : new Store(4000, now);
    const timers = snap ? TimerQueue.restore(snap.timers) : new TimerQueue();
    const events = new EventRecorder(store, now, () => rng.uuid(), snap?.events);
    const trace = new TraceRecorder(now, snap?.trace);
    this.hooks = {
      podLogs: (pod, q) => this.hook("podLogs")(pod, q),
      podExec: (pod, q, p) => this.hook("podExec")(pod, q, p),
      podAttach: (pod, q, p) => this.hook("podAttach")(pod, q, p),
      metrics: (r, ns) => this.hook("metrics")(r, ns),
    };
    this.api = new ApiServer({ store, rng, now, hooks: this.hooks });
    this.ctx = { now, rng, timers, store, api: this.api, events, trace, config, notify: (n) => { this.notices.push(n); } };
  }

  /** A new cluster (bootstrap runs through the `init` callback, usually bootstrapCluster). */
  static create(config: ClusterConfig, init: (c: Cluster) => void): Cluster {
    const c = new Cluster(config);
    init(c);
    c.dispatch();
    return c;
  }

  /** Rebuilds a cluster from a snapshot; `init` re-registers components with their saved state. */
  static restore(snap: ClusterSnapshot, init: (c: Cluster, states: Record<string, unknown>) => void): Cluster {
    const c = new Cluster(snap.config, snap);
    init(c, snap.components);
    // History is not persisted; pending events from restore are not real changes.
    c.ctx.store.pending.length = 0;
    return c;
  }

  /** Registers a component; timers whose kind starts with `${prefix}.` are routed to it. */
  register(name: string, component: StatefulComponent, timerPrefix?: string): void {
    this.components.set(name, component);
    if (timerPrefix) this.prefixes.push([`${timerPrefix}.`, component]);
  }

  /** A registered component. */
  component<T extends StatefulComponent>(name: string): T | undefined {
    return this.components.get(name) as T | undefined;
  }

  /** Installs the implementation of an API hook (logs, exec, metrics). */
  setHook<K extends keyof ApiHooks>(name: K, fn: ApiHooks[K]): void {
    (this.hooks as unknown as Record<string, unknown>)[`impl_${name}`] = fn;
  }

  private hook<K extends keyof ApiHooks>(name: K): NonNullable<ApiHooks[K]> {
    const fn = (this.hooks as unknown as Record<string, unknown>)[`impl_${name}`];
    if (!fn) throw new Error(`hook ${name} not installed`);
    return fn as NonNullable<ApiHooks[K]>;
  }

  /** Current virtual time. */
  get now(): number {
    return this.clock;
  }

  /** Due time of the next timer, if any. */
  nextDue(): number | undefined {
    return this.ctx.timers.nextDue();
  }

  /**
   * Runs every timer due up to `t` in (due, seq) order, then sets the clock to `t`. Steady
   * periodic timers are skipped in bulk across quiet stretches: when the next regular timer (or
   * `t`) is more than a minute away, each steady timer jumps to its last period boundary before
   * it and runs once there. Returns the number of timers run.
   */
  advanceTo(t: number): number {
    let n = 0;
    let rebasedFor = Number.NaN;
    for (;;) {
      const timers = this.ctx.timers;
      const next = timers.nextDue();
      if (next === undefined || next > t) break;
      const limit = Math.min(timers.nextRegularDue() ?? Infinity, t);
      const steady = timers.nextSteadyDue();
      if (steady !== undefined && steady <= next && limit - steady > STEADY_SKIP_MIN_GAP_MS && limit !== rebasedFor) {
        timers.skipSteadyTo(limit);
        rebasedFor = limit;
        continue;
      }
      const timer = timers.popDue(t);
      if (!timer) break;
      if (timer.due > this.clock) this.clock = timer.due;
      this.fire(timer);
      this.dispatch();
      if (++n >= MAX_TIMERS_PER_ADVANCE) break;
    }
    if (t > this.clock) this.clock = t;
    return n;
  }

  /** Handles one API request at the current virtual time. */
  handle(req: ApiRequest): HandleResult {
    const rv = this.ctx.store.resourceVersion;
    const r = this.api.handle(req);
    if (r.audit?.kind === "Pod") this.traceRequest(req, r);
    if (this.ctx.store.resourceVersion !== rv || r.response.type === "exec") this.changeCount++;
    this.dispatch();
    return r;
  }

  /** The User → API Server → etcd steps of a client's pod write (for the sequence diagrams). */
  private traceRequest(req: ApiRequest, r: HandleResult): void {
    const a = r.audit!;
    const pod = { namespace: a.namespace, name: a.name };
    const cmd = req.headers["kubectl-command"] ?? (req.headers["user-agent"] ?? "client").split(" ")[0];
    const trace = this.ctx.trace;
    if (a.verb === "delete") {
      trace.step("User", "API Server", `${cmd}: DELETE pods/${a.name}`, pod);
      trace.step("API Server", "etcd", "set deletionTimestamp (Terminating)", pod);
      trace.step("API Server", "User", `pod "${a.name}" deleted`, pod);
      return;
    }
    trace.step("User", "API Server", `${cmd}: ${req.method} pods/${a.name}`, pod);
    trace.step("API Server", "etcd", a.verb === "create" ? "write pod (Pending, no node)" : "update pod", pod);
    trace.step("API Server", "User", a.verb === "create" ? `pod/${a.name} created` : `pod/${a.name} ${a.verb === "apply" ? "serverside-applied" : "configured"}`, pod);
  }

  /** Opens a watch cursor (the adapter keeps it and drains it). */
  openWatch(spec: WatchSpec): WatchCursor {
    return openCursor(spec);
  }

  /** Lines a watch has not seen yet. */
  drainWatch(cur: WatchCursor): string[] {
    return drainWatch(this.ctx.store, cur, this.clock);
  }

  /** Serializable snapshot. */
  save(): ClusterSnapshot {
    const components: Record<string, unknown> = {};
    for (const [name, c] of this.components) if (c.save) components[name] = c.save();
    return {
      version: 1,
      config: this.config,
      now: this.clock,
      rng: { ...this.ctx.rng.state },
      timers: this.ctx.timers.save(),
      store: this.ctx.store.save(),
      events: this.ctx.events.save(),
      trace: this.ctx.trace.save(),
      components,
    };
  }

  private fire(timer: Timer): void {
    this.changeCount++;
    for (const [prefix, c] of this.prefixes) {
      if (timer.kind.startsWith(prefix)) {
        c.onTimer?.(timer);
        return;
      }
    }
  }

  /** Delivers queued store events to every component, in order, until the queue is empty. */
  dispatch(): void {
    const pending = this.ctx.store.pending;
    const notices = this.notices;
    let i = 0;
    let j = 0;
    while (i < pending.length || j < notices.length) {
      for (; i < pending.length; i++) {
        const e = pending[i];
        for (const c of this.components.values()) c.onStoreEvent?.(e);
        if (i > 1_000_000) throw new Error("store event dispatch did not converge");
      }
      for (; j < notices.length && i >= pending.length; j++) {
        const n = notices[j];
        for (const c of this.components.values()) c.onNotice?.(n);
      }
    }
    pending.length = 0;
    notices.length = 0;
  }
}
