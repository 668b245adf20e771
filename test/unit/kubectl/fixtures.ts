// Shared set-up of the kubectl runner tests: a sandbox at a fixed virtual time, a runner bound
// to it, and a clock helper. Every test builds its own cluster, so tests are independent.
import { clusterHost, runKubectl, type KubectlResult } from "../../../durable/sim/kubectl/index";
import type { Cluster } from "../../../durable/sim/cluster";
import { createSandbox } from "../../../durable/sim/sandbox";

/** 2025-01-27T10:00:00Z: the tutorial's day. */
export const T0 = Date.parse("2025-01-27T10:00:00Z");

/** A fresh sandbox plus helpers. */
export function lab(seed = "kubectl-tests") {
  const cluster = createSandbox({ seed, startTime: T0 });
  const host = clusterHost(cluster, { server: "https://podlab.test/clusters/abc" });
  return {
    cluster,
    host,
    /** Runs `kubectl ...`. */
    k: (command: string, stdin?: string): KubectlResult => runKubectl(host, command, stdin),
    /** Runs and returns stdout, failing loudly on a non-zero exit. */
    out: (command: string, stdin?: string): string => {
      const r = runKubectl(host, command, stdin);
      if (r.exitCode !== 0) throw new Error(`kubectl ${command} failed (${r.exitCode}): ${r.stderr}`);
      return r.stdout;
    },
    /** Advances the virtual clock. */
    advance: (ms: number) => cluster.advanceTo(cluster.now + ms),
  };
}

/** Lines joined with newlines plus the final newline kubectl prints. */
export const lines = (...l: string[]): string => `${l.join("\n")}\n`;

/** Alias for the cluster type. */
export type { Cluster };
