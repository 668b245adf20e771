// Benchmark scenarios for the prober and idle catch-up (issue 5), pure so that bench/probes.mjs
// can bundle and time them in Node: N nginx pods with startup, liveness and readiness probes
// (periods 1–10 s) simulated for a virtual day, and a sandbox left idle for a week.
import type { Cluster } from "../cluster";
import { bigCluster, postPod as post } from "./big-cluster";

const DAY = 24 * 3600 * 1000;

/** One nginx pod with all three probes. */
function probedPod(i: number): Record<string, unknown> {
  const period = 1 + (i % 10);
  return {
    apiVersion: "v1", kind: "Pod", metadata: { name: `probed-${i}`, labels: { app: "probed" } },
    spec: {
      containers: [{
        name: "nginx", image: "nginx:1.27.5",
        startupProbe: { tcpSocket: { port: 80 }, periodSeconds: period, failureThreshold: 30 },
        livenessProbe: { exec: { command: ["sh", "-c", "pgrep nginx"] }, periodSeconds: period },
        readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: period },
        resources: { requests: { cpu: "1m", memory: "8Mi" } },
      }],
    },
  };
}

function readyCount(c: Cluster): number {
  return c.ctx.store.list("pods", "default").filter((p) => ((p as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? [])
    .some((x) => x.type === "Ready" && x.status === "True")).length;
}

/** Results of the probes benchmark. */
export interface ProbesBenchResult { pods: number; ready: number; setupMs: number; dayMs: number; timersRun: number; unhealthyEvents: number }

/** `pods` probed pods for one virtual day; wall times measured with `wall`. */
export function probesDay(pods: number, wall: () => number): ProbesBenchResult {
  const c = bigCluster(pods, "bench-probes");
  const t0 = wall();
  for (let i = 0; i < pods; i++) post(c, probedPod(i));
  c.advanceTo(c.now + 120_000);
  const t1 = wall();
  const timersRun = c.advanceTo(c.now + DAY);
  const t2 = wall();
  const unhealthy = c.ctx.store.list("events", "default").filter((e) => (e as { reason?: string }).reason === "Unhealthy").length;
  return { pods, ready: readyCount(c), setupMs: t1 - t0, dayMs: t2 - t1, timersRun, unhealthyEvents: unhealthy };
}

/** Results of the idle catch-up benchmark. */
export interface IdleBenchResult { pods: number; ready: number; catchUpMs: number; timersRun: number; firstRequestMs: number }

/** `pods` probed pods, then a week without requests, then one `GET pods`. */
export function idleWeek(pods: number, wall: () => number): IdleBenchResult {
  const c = bigCluster(pods, "bench-idle");
  for (let i = 0; i < pods; i++) post(c, probedPod(i));
  c.advanceTo(c.now + 120_000);
  const t0 = wall();
  const timersRun = c.advanceTo(c.now + 7 * DAY);
  const t1 = wall();
  c.handle({ method: "GET", path: "/api/v1/namespaces/default/pods", query: new URLSearchParams(), headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } });
  const t2 = wall();
  return { pods, ready: readyCount(c), catchUpMs: t1 - t0, timersRun, firstRequestMs: t2 - t0 };
}
