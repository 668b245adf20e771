// A teacher's day end to end against podlab started as `npm start` does, with ADMIN_TOKEN set: a
// class's sandboxes created in bulk, a student working with the real kubectl, the class list and
// its summary, checks, export → replay (the copy prints the same `kubectl get` output and has the
// same resourceVersions), quotas as kubectl shows them, and deletion.
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kubectl, startPodlab } from "./harness.mjs";

const TOKEN = "e2e-teacher-token";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
let podlab;
before(async () => { podlab = await startPodlab({ ADMIN_TOKEN: TOKEN, CLOUDFLARE_INCLUDE_PROCESS_ENV: "true" }); });
after(async () => podlab?.stop());

const PROBE = `apiVersion: v1
kind: Pod
metadata:
  name: test-probe
  labels: {app: web}
spec:
  containers:
  - name: test-probe
    image: nginx:1.27.5
    readinessProbe:
      httpGet: {path: /, port: 80}
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

/** A student's kubectl bound to one kubeconfig. */
function student(sb) {
  const dir = mkdtempSync(join(tmpdir(), "podlab-teacher-"));
  const kubeconfigPath = join(dir, "config");
  writeFileSync(kubeconfigPath, sb.kubeconfig);
  return (args, stdin) => kubectl(args, { kubeconfig: kubeconfigPath, cacheDir: join(dir, "cache"), stdin });
}

const api = (path, init = {}) => fetch(`${podlab.url}${path}`, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
const advance = (server, d) => fetch(`${server}/-/clock`, { method: "POST", body: JSON.stringify({ advance: d }) });

it("runs a class: bulk creation, kubectl, summary, checks, export, replay, quotas, delete", async () => {
  assert.equal((await fetch(`${podlab.url}/api/classes/k8s-101/sandboxes`, { method: "POST", body: "{\"count\":1}" })).status, 401);
  const created = await api("/api/classes/k8s-101/sandboxes", { method: "POST", body: JSON.stringify({ count: 2, speed: 0, quotas: { pods: 3 } }) });
  assert.equal(created.status, 201);
  const { sandboxes } = await created.json();
  const [alice, bob] = sandboxes;
  // A sandbox id is no teacher token.
  assert.equal((await fetch(`${podlab.url}/api/classes/k8s-101/sandboxes`, { headers: { authorization: `Bearer ${alice.id}` } })).status, 403);

  const k = student(alice);
  const applied = await k(["apply", "-f", "-"], PROBE);
  assert.equal(applied.code, 0, applied.stderr);
  assert.equal(applied.stdout, "pod/test-probe created\nservice/web created\n");
  await advance(alice.server, "30s");
  const pods = await k(["get", "pods"]);
  assert.match(pods.stdout, /^test-probe +1\/1 +Running +0 +30s$/m);

  // Quotas as kubectl shows them.
  for (const name of ["q1", "q2"]) assert.equal((await k(["run", name, "--image=nginx:1.27.5"])).code, 0);
  const over = await k(["run", "q3", "--image=nginx:1.27.5"]);
  assert.equal(over.code, 1);
  assert.equal(over.stderr, 'Error from server (Forbidden): pods "q3" is forbidden: exceeded quota: podlab, requested: pods=1, used: pods=3, limited: pods=3\n');

  const list = await (await api("/api/classes/k8s-101/sandboxes?live=true")).json();
  assert.deepEqual(list.items.map((i) => i.name), ["k8s-101-01", "k8s-101-02"]);
  assert.deepEqual(list.items[0].summary.pods, { Pending: 2, Running: 1 });
  assert.deepEqual(list.items[1].summary.pods, {});

  const checks = await (await fetch(`${alice.server}/-/checks`, { method: "POST", body: JSON.stringify({ checks: [
    { type: "pod", pod: "test-probe", ready: true },
    { type: "endpoints", service: "web", ready: 1 },
    { type: "manifest", field: "spec.containers[*].readinessProbe.httpGet" },
    { type: "pod", pod: "q1", ready: true },
  ] }) })).json();
  assert.deepEqual(checks.results.map((r) => r.passed), [true, true, true, false]);
  assert.equal(checks.results[3].explanation, "pod q1 is not Ready: it has not been scheduled yet (phase Pending)");

  const exported = await (await api(`/api/sandboxes/${alice.id}/export`)).json();
  assert.deepEqual(exported.manifests.map((m) => `${m.verb} ${m.kind} ${m.name}`), ["create Pod test-probe", "create Service web", "create Pod q1", "create Pod q2"]);
  const replay = await api("/api/sandboxes", { method: "POST", body: JSON.stringify({ name: "alice-repro", replay: exported.journal }) });
  assert.equal(replay.status, 201);
  const copy = await replay.json();
  const kc = student(copy);
  const rvs = async (kk) => (await kk(["get", "pods,services,endpoints", "-o", "jsonpath={range .items[*]}{.metadata.name}={.metadata.resourceVersion} {end}"])).stdout;
  assert.equal(await rvs(kc), await rvs(k));
  assert.equal((await kc(["get", "pods", "-o", "wide"])).stdout, (await k(["get", "pods", "-o", "wide"])).stdout);

  const del = await api(`/api/sandboxes/${bob.id}`, { method: "DELETE" });
  assert.equal(del.status, 200);
  const gone = await student(bob)(["get", "pods"]);
  assert.notEqual(gone.code, 0);
  const after = await (await api("/api/classes/k8s-101/sandboxes?all=true")).json();
  assert.equal(after.items.find((i) => i.id === bob.id).deletedReason, "deleted");
});
