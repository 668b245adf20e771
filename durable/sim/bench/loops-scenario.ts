// Benchmark scenario for the container runtime (issue 3), pure so that bench/loops.mjs can bundle
// and time it in Node: N busybox pods, each running a shell loop that logs the date every second,
// created through the API and simulated for one virtual hour. Periodic loops must be frozen and
// skipped in bulk, not interpreted tick by tick; their logs must still read as if they had been.
import type { Cluster } from "../cluster";
import type { Runtime } from "../runtime/runtime";
import { bigCluster, postPod } from "./big-cluster";

const HOUR = 3600 * 1000;
const TICK = 'while true; do echo "$(date) tick"; sleep 1; done';

function loopPod(i: number): Record<string, unknown> {
  return {
    apiVersion: "v1", kind: "Pod", metadata: { name: `loop-${i}`, labels: { app: "loop" } },
    spec: { containers: [{ name: "loop", image: "busybox:1.36", command: ["sh", "-c", TICK],
      resources: { requests: { cpu: "1m", memory: "4Mi" } } }] },
  };
}

function running(c: Cluster): number {
  return c.ctx.store.list("pods", "default").filter((p) => (p as { status?: { phase?: string } }).status?.phase === "Running").length;
}

function podLog(c: Cluster, name: string, query = ""): string {
  const r = c.handle({ method: "GET", path: `/api/v1/namespaces/default/pods/${name}/log`, query: new URLSearchParams(query), headers: {} });
  return r.response.type === "log" ? r.response.text : "";
}

/** Results of the loops benchmark. */
export interface LoopsBenchResult {
  pods: number; running: number; setupMs: number; hourMs: number; timersRun: number;
  stats: { wakes: number; steps: number; frozen: number; materialized: number; crashes: number };
  logLines: number; lastLine: string; expectedLastLine: string; snapshotBytes: number;
  /** The simulated cluster, still alive so that the caller can measure its heap. */
  cluster: Cluster;
}

/** `pods` logging loops for one virtual hour; wall times measured with `wall`. */
export function loopsHour(pods: number, wall: () => number): LoopsBenchResult {
  const c = bigCluster(pods, "bench-loops");
  const t0 = wall();
  for (let i = 0; i < pods; i++) postPod(c, loopPod(i));
  c.advanceTo(c.now + 60_000);
  const t1 = wall();
  const timersRun = c.advanceTo(c.now + HOUR);
  const t2 = wall();
  const rt = (c as Cluster & { runtime: Runtime }).runtime;
  const last = podLog(c, `loop-${pods - 1}`, "tailLines=1");
  const text = podLog(c, "loop-0");
  const stamp = (t: number) => {
    const d = new Date(t);
    return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()} tick\n`;
  };
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p2 = (n: number) => String(n).padStart(2, "0");
  // The loop ticks once a second from its own start, so its last line is from the last second.
  const expected = [stamp(c.now), stamp(c.now - 1000)].includes(last) ? last : stamp(c.now);
  return {
    pods, running: running(c), setupMs: t1 - t0, hourMs: t2 - t1, timersRun, stats: rt.stats(),
    logLines: text.split("\n").length - 1, lastLine: last, expectedLastLine: expected,
    snapshotBytes: JSON.stringify(c.save()).length, cluster: c,
  };
}

