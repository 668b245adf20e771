// Notices delivered to components through the cluster's queue (never re-entrantly): the
// runtime's (container exits, finished exec sessions) and the simulation's own signals.
import type { RuntimeNotice } from "./runtime/contract";

/** A kubelet stopped renewing its Lease (its node was powered off). */
export interface NodeStoppedNotice {
  type: "node-stopped";
  node: string;
  lastRenew: number;
}

/** Anything on the notice queue. */
export type SimNotice = RuntimeNotice | NodeStoppedNotice;
