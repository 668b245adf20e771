// The runner's view of the world: the cluster it talks to (through the API server only), a way
// to move the virtual clock forward while a command waits, and the bounds on that waiting.
// The Durable Object implements advance() by moving its virtual clock; tests use advanceTo.
import type { Cluster } from "../cluster";

/** What runKubectl needs from its embedder. */
export interface KubectlHost {
  /** The simulated cluster; every request goes through cluster.handle as kubectl's HTTP would. */
  cluster: Cluster;
  /** Runs the simulation `ms` virtual milliseconds forward (due timers fire in order). */
  advance(ms: number): void;
  /** Longest virtual time one command may wait in total (watch, follow, exec, delete wait). */
  maxWaitMs?: number;
  /** The server URL kubectl would have in its kubeconfig (printed by cluster-info). */
  server?: string;
}

/** Default cap on the virtual time one command may run the clock forward: 10 minutes. */
export const DEFAULT_MAX_WAIT_MS = 10 * 60_000;
/** `get -w` / `logs -f` without --request-timeout stop after this much virtual time: 30 s. */
export const DEFAULT_STREAM_MS = 30_000;
/** Server URL used when the host does not say. */
export const DEFAULT_SERVER = "http://127.0.0.1:8787";

/** A host that advances a cluster with advanceTo (tests, the web widget's local mode). */
export function clusterHost(cluster: Cluster, opts: { maxWaitMs?: number; server?: string } = {}): KubectlHost {
  return { cluster, advance: (ms) => { cluster.advanceTo(cluster.now + ms); }, ...opts };
}
