// The scheduler benchmark as a pure scenario: a cluster of identical nodes, a burst of pods
// written to the store, then virtual time advanced until every pod is bound. Measures pods/s and
// per-pod latency (creation → bind) in virtual and wall time; the wall clock is injected by the
// runner (bench/scheduler.mjs), so this module stays free of I/O and timers.
import { Cluster } from "../cluster";
import { clusterConfig, type NodeSpec } from "../config";
import type { KObject } from "../store/types";
import { Scheduler } from "./scheduler";

/** Benchmark parameters. */
export interface BenchOptions {
  nodes: number;
  pods: number;
  seed: string;
  /** Wall clock in ms, supplied by the runner (the core never reads one). */
  wallClock: () => number;
  /** Virtual ms between pod creations (0 = one burst). */
  spacingMs?: number;
}

/** Latency percentiles in ms. */
export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

/** What the benchmark measured. */
export interface BenchResult {
  nodes: number;
  pods: number;
  bound: number;
  wallMs: number;
  podsPerSecond: number;
  virtualLatency: Percentiles;
  wallLatency: Percentiles;
  virtualSpanMs: number;
  maxPodsPerNode: number;
  minPodsPerNode: number;
}

const START = Date.UTC(2025, 0, 1);

function percentiles(xs: number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? 0 };
}

function benchPod(i: number): KObject {
  return {
    apiVersion: "v1", kind: "Pod",
    metadata: { name: `bench-${i}`, namespace: "default", uid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, creationTimestamp: new Date(START).toISOString() },
    spec: { schedulerName: "default-scheduler", priority: 0, tolerations: [], containers: [{ name: "app", image: "nginx:1.27.5",
      resources: { requests: { cpu: "250m", memory: "512Mi" } } }] },
    status: { phase: "Pending", qosClass: "Burstable" },
  };
}

/** Runs the benchmark and returns its measurements. */
export function runSchedulerBench(o: BenchOptions): BenchResult {
  const nodes: NodeSpec[] = Array.from({ length: o.nodes }, (_, i) => ({
    name: `node${String(i).padStart(3, "0")}`, ip: `10.0.${i >> 8}.${i & 255}`, cpu: "32", memory: "128Gi", pods: 110,
    podBlock: "172.16.0.0/26", podCIDR: "10.244.0.0/24",
  }));
  const created = new Map<string, { v: number; w: number }>();
  const boundAt = new Map<string, { v: number; w: number }>();
  const perNode = new Map<string, number>();
  const cluster = Cluster.create(clusterConfig({ seed: o.seed, startTime: START, nodes }), (c) => {
    c.ctx.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
    for (const n of nodes) {
      c.ctx.store.create("nodes", { apiVersion: "v1", kind: "Node", metadata: { name: n.name, labels: { "kubernetes.io/hostname": n.name } },
        spec: {}, status: { allocatable: { cpu: n.cpu, memory: n.memory, pods: String(n.pods) }, capacity: { cpu: n.cpu, memory: n.memory, pods: String(n.pods) } } });
    }
    c.register("scheduler", new Scheduler(c.ctx), "sched");
    c.register("bench-observer", {
      onStoreEvent: (e) => {
        const node = (e.object as { spec?: { nodeName?: string } }).spec?.nodeName;
        if (e.resource !== "pods" || e.type !== "MODIFIED" || !node || boundAt.has(e.key)) return;
        boundAt.set(e.key, { v: e.time, w: o.wallClock() });
        perNode.set(node, (perNode.get(node) ?? 0) + 1);
      },
    });
  });
  const t0 = o.wallClock();
  for (let i = 0; i < o.pods; i++) {
    const p = benchPod(i);
    cluster.ctx.store.create("pods", p);
    created.set(`default/${p.metadata.name}`, { v: cluster.now, w: o.wallClock() });
    cluster.dispatch();
    if (o.spacingMs) cluster.advanceTo(cluster.now + o.spacingMs);
  }
  for (let guard = 0; boundAt.size < o.pods && guard < 100_000; guard++) {
    const next = cluster.nextDue();
    if (next === undefined) break;
    cluster.advanceTo(next);
  }
  const wallMs = o.wallClock() - t0;
  const v: number[] = [];
  const w: number[] = [];
  for (const [k, b] of boundAt) {
    const c = created.get(k)!;
    v.push(b.v - c.v);
    w.push(b.w - c.w);
  }
  const counts = [...perNode.values()];
  return {
    nodes: o.nodes, pods: o.pods, bound: boundAt.size, wallMs, podsPerSecond: (boundAt.size / wallMs) * 1000,
    virtualLatency: percentiles(v), wallLatency: percentiles(w), virtualSpanMs: cluster.now - START,
    maxPodsPerNode: Math.max(0, ...counts), minPodsPerNode: counts.length ? Math.min(...counts) : 0,
  };
}
