// Foundation benchmark (issue 2): against podlab started as `npm start` does —
//   1. sandbox creation → first successful `GET pods` (ms, median of 20, wall clock end to end),
//   2. server time of `GET pods` as a Table with 100 pods, and 3. of a pod create. workerd
//   freezes its clocks inside a request, so server time is measured from outside: the median
//   round trip minus the median round trip of `GET /version` through the same Worker → Durable
//   Object path (the transport baseline of local wrangler dev, printed too).
// The client is node:http over one keep-alive connection, as kubectl's Go client talks; Node's
// fetch adds about 4 ms per request of its own on this machine, which is not podlab's time.
// Prints the figures next to the targets and exits non-zero when a target is missed.
import { performance } from "node:perf_hooks";
import http from "node:http";
import { startPodlab } from "../test/e2e/harness.mjs";
import { importCore } from "../scripts/import-core.mjs";

/** The simulation core's share, timed in Node (bundled with esbuild): where the time goes. */
async function coreFigures() {
  const { foundationCore } = await importCore("durable/sim/bench/foundation-scenario.ts");
  foundationCore(() => performance.now()); // warm-up
  return foundationCore(() => performance.now());
}

const TARGETS = { create: 50, list: 5, createPod: 5 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
const pod = (name) => JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "nginx:1.27.5" }] } });

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** One request over the keep-alive connection: {status, text}. */
function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
/** A sandbox whose API is reached through `request`. */
async function newSandbox(base, body = {}) {
  const r = await request(`${base}/api/sandboxes`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`create sandbox: ${r.status} ${r.text}`);
  const sb = JSON.parse(r.text);
  return { ...sb, api: (path, init) => request(`${sb.server}${path}`, init) };
}

const podlab = await startPodlab();
try {
  // Warm the worker and the isolate.
  const warm = await newSandbox(podlab.url);
  await warm.api("/api/v1/namespaces/default/pods");

  const creations = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const sb = await newSandbox(podlab.url);
    const r = await sb.api("/api/v1/namespaces/default/pods");
    if (r.status !== 200) throw new Error(`GET pods: ${r.status}`);
    creations.push(performance.now() - t0);
  }

  // 100 pods in a tight loop: above the default quotas (50 pods, 50 requests/s), so raise them.
  const sb = await newSandbox(podlab.url, { quotas: { pods: 200, requestsPerSecond: 1000 } });
  const clock = (body) => sb.api("/-/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await clock({ speed: 0 });
  const creates = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    const r = await sb.api("/api/v1/namespaces/default/pods", { method: "POST", headers: { "content-type": "application/json" }, body: pod(`p${i}`) });
    if (r.status !== 201) throw new Error(`create: ${r.status}`);
    creates.push(performance.now() - t0);
  }
  await clock({ advance: "30s" });
  const base = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await sb.api("/version");
    base.push(performance.now() - t0);
  }
  const lists = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const r = await sb.api("/api/v1/namespaces/default/pods?limit=500", { headers: { accept: TABLE } });
    lists.push(performance.now() - t0);
    const body = JSON.parse(r.text);
    if (body.rows.length !== 100) throw new Error(`expected 100 rows, got ${body.rows.length}`);
  }
  const baseline = median(base);
  const rows = [
    ["sandbox creation → first GET pods", median(creations), TARGETS.create],
    ["GET pods as Table, 100 pods (server)", Math.max(0, median(lists) - baseline), TARGETS.list],
    ["pod create (server)", Math.max(0, median(creates) - baseline), TARGETS.createPod],
  ];
  let ok = true;
  console.log("foundation bench (median ms; server = round trip − transport baseline)");
  console.log(`  transport baseline (GET /version)    ${baseline.toFixed(1).padStart(7)} ms`);
  console.log(`  round trips: GET pods table ${median(lists).toFixed(1)} ms, pod create ${median(creates).toFixed(1)} ms`);
  for (const [name, v, target] of rows) {
    const pass = v <= target;
    ok &&= pass;
    console.log(`  ${name.padEnd(36)} ${v.toFixed(1).padStart(7)} ms   target ≤ ${target} ms   ${pass ? "PASS" : "FAIL"}`);
  }
  const core = await coreFigures();
  console.log(`  core alone (Node): bootstrap ${core.bootstrap.toFixed(1)} ms + snapshot ${core.snapshot.toFixed(1)} ms, ` +
    `pod create ${core.create.toFixed(2)} ms, Table of 100 pods ${core.table.toFixed(2)} ms`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await podlab.stop();
}
