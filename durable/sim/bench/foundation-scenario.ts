// The core's share of the foundation benchmark (issue 2), pure so that bench/foundation.mjs can
// bundle and time it in Node: creating a sandbox (bootstrap + the full snapshot the Durable
// Object writes), creating a pod, and listing 100 pods as a server-side Table.
import { createSandbox } from "../sandbox";
import type { Cluster } from "../cluster";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
const enc = new TextEncoder();

function req(method: string, path: string, body?: unknown, accept = "application/json") {
  const [p, q] = path.split("?");
  return { method, path: p, query: new URLSearchParams(q ?? ""), headers: { "content-type": "application/json", accept },
    body: body === undefined ? undefined : enc.encode(JSON.stringify(body)) };
}

function pod(name: string): Record<string, unknown> {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "nginx:1.27.5" }] } };
}

/** Median of a list of numbers. */
function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Core figures (median ms): bootstrap, bootstrap + full snapshot serialization, pod create, Table list of 100 pods. */
export function foundationCore(wall: () => number): { bootstrap: number; snapshot: number; create: number; table: number } {
  const boots: number[] = [];
  const snaps: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = wall();
    const c = createSandbox({ seed: `bench-${i}`, startTime: Date.UTC(2026, 0, 1) });
    const t1 = wall();
    const s = c.save();
    JSON.stringify(s);
    const t2 = wall();
    boots.push(t1 - t0);
    snaps.push(t2 - t1);
  }
  const c: Cluster = createSandbox({ seed: "bench", startTime: Date.UTC(2026, 0, 1) });
  const creates: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = wall();
    const r = c.handle(req("POST", "/api/v1/namespaces/default/pods", pod(`p${i}`)));
    creates.push(wall() - t0);
    if (r.response.type !== "body" || r.response.status !== 201) throw new Error("create failed");
  }
  c.advanceTo(c.now + 30_000);
  const lists: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = wall();
    c.handle(req("GET", "/api/v1/namespaces/default/pods?limit=500", undefined, TABLE));
    lists.push(wall() - t0);
  }
  return { bootstrap: median(boots), snapshot: median(snaps), create: median(creates), table: median(lists) };
}
