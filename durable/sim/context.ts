// The simulation context every component receives: virtual time, the seeded RNG, the timer
// queue, the store (read it), the API server (write through it), events and the trace.
import type { ApiServer } from "./api/server";
import type { ClusterConfig } from "./config";
import type { Rng } from "./core/rng";
import type { Timer, TimerQueue } from "./core/timers";
import type { EventRecorder } from "./events/recorder";
import type { Store } from "./store/store";
import type { StoreEvent } from "./store/types";
import type { TraceRecorder } from "./trace/recorder";
import type { SimNotice } from "./notices";

/** Shared services of one cluster. */
export interface SimContext {
  now(): number;
  rng: Rng;
  timers: TimerQueue;
  store: Store;
  api: ApiServer;
  events: EventRecorder;
  trace: TraceRecorder;
  config: ClusterConfig;
  /** Queues a notice for the components (delivered after the current step, never re-entrantly). */
  notify(n: SimNotice): void;
}

/** A simulated actor (scheduler, kubelet, controller). All methods are optional. */
export interface Component {
  /** Called for every store change, in order, after the write that caused it returned. */
  onStoreEvent?(e: StoreEvent): void;
  /** Called for timers whose kind starts with this component's prefix. */
  onTimer?(t: Timer): void;
  /** Called for queued runtime notices (container exits, finished exec sessions). */
  onNotice?(n: SimNotice): void;
}
