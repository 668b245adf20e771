// Journal → replay → identical sandbox: a student's session (API writes, the kubectl endpoint,
// clock advances, node power, crash loops, probes, exec) is exported and rebuilt under a new id,
// and both clusters are compared object by object (same objects, resourceVersions and events),
// and then as whole snapshots.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { ClusterObject } from "../../durable/cluster-object";
import type { KObject } from "../../durable/sim/store/types";
import { advance, clearAlarms, createPod, fetchApp, json, k8s, kubectl, newSandbox, pod, post, type Any } from "./helpers";

afterEach(clearAlarms);

const stubOf = (id: string) => env.CLUSTER.get(env.CLUSTER.idFromName(id));
const snapshotOf = (id: string) => runInDurableObject(stubOf(id), (o: ClusterObject) => JSON.parse(JSON.stringify(o.cluster!.save())));

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

async function studentSession(id: string): Promise<void> {
  await createPod(id, pod("web"));
  await createPod(id, pod("crash", { command: ["sh", "-c", "echo boom; exit 3"] }, "busybox:1.36"));
  await createPod(id, pod("probe", { readinessProbe: { httpGet: { path: "/healthz", port: 80 }, periodSeconds: 5 } }));
  expect((await kubectl(id, "kubectl apply -f -", SERVICE)).exitCode).toBe(0);
  await advance(id, "45s");
  expect((await kubectl(id, "kubectl create configmap settings --from-literal=mode=debug")).exitCode).toBe(0);
  await k8s(id, "/api/v1/namespaces/default/pods/web", { method: "PATCH", body: JSON.stringify({ metadata: { labels: { tier: "front" } } }),
    headers: { "content-type": "application/strategic-merge-patch+json" } });
  expect((await kubectl(id, "kubectl exec web -- sh -c 'echo hi > /tmp/hello'")).exitCode).toBe(0);
  await k8s(id, "/-/nodes/node02/stop", { method: "POST" });
  await advance(id, "90s");
  await k8s(id, "/-/nodes/node02/start", { method: "POST" });
  await createPod(id, { ...pod("bad"), spec: { containers: [{ name: "bad", image: "nginx:does-not-exist" }] } });
  await advance(id, "3m");
  await k8s(id, "/api/v1/namespaces/default/pods/crash", { method: "DELETE" });
  await advance(id, "40s");
  expect((await kubectl(id, "kubectl get pods")).exitCode).toBe(0);
}

function byKey(objs: Record<string, KObject[]>): Map<string, KObject> {
  const m = new Map<string, KObject>();
  for (const [res, list] of Object.entries(objs)) for (const o of list) m.set(`${res}/${o.metadata.namespace ?? ""}/${o.metadata.name}`, o);
  return m;
}

describe("journal export and replay", () => {
  it("rebuilds an identical sandbox under a new id: same objects, resourceVersions and events", async () => {
    const original = await newSandbox({ speed: 0, quotas: { pods: 20 } });
    await studentSession(original.id);
    const exported = await json(fetchApp(`/api/sandboxes/${original.id}/export`));
    expect(exported.journal.entries.length).toBeGreaterThan(10);
    expect(exported.journal.entries.some((e: Any) => e.k === "kubectl")).toBe(true);
    expect(exported.journal.entries.some((e: Any) => e.k === "node")).toBe(true);

    const r = await fetchApp("/api/sandboxes", post("", { name: "replayed", replay: exported.journal }));
    expect(r.status, await r.clone().text()).toBe(201);
    const copy = await r.json() as Any;
    expect(copy.id).not.toBe(original.id);

    const a = await snapshotOf(original.id);
    const b = await snapshotOf(copy.id);
    const ma = byKey(a.store.objects);
    const mb = byKey(b.store.objects);
    expect([...mb.keys()].sort()).toEqual([...ma.keys()].sort());
    for (const [key, obj] of ma) expect(mb.get(key), key).toEqual(obj);
    expect(b.store.rv).toBe(a.store.rv);
    expect([...ma.keys()].filter((k) => k.startsWith("events/")).length).toBeGreaterThan(10);
    // Beyond the objects: the clock, the random generator, the timers and every component's state.
    expect(b).toEqual(a);

    // Over the API too, with the same resourceVersions, and the copy keeps evolving identically.
    const list = async (id: string) => (await json(k8s(id, "/api/v1/namespaces/default/pods"))).items
      .map((p: Any) => [p.metadata.name, p.metadata.resourceVersion, p.status.phase]);
    expect(await list(copy.id)).toEqual(await list(original.id));
    await advance(original.id, "5m");
    await advance(copy.id, "5m");
    expect(await list(copy.id)).toEqual(await list(original.id));
    expect(await snapshotOf(copy.id)).toEqual(await snapshotOf(original.id));
  });

  it("re-records the manifest history and journal of the copy, and starts it paused", async () => {
    const original = await newSandbox();
    await createPod(original.id, pod("m1"));
    await kubectl(original.id, "kubectl run m2 --image=busybox:1.36 -- sleep 3600");
    const exported = await json(fetchApp(`/api/sandboxes/${original.id}/export`));
    expect(exported.manifests.map((m: Any) => `${m.verb} ${m.name} ${m.userAgent}`)).toEqual(["create m1 ", "create m2 podlab-kubectl"]);
    const copy = await json(fetchApp("/api/sandboxes", post("", { replay: exported })));
    const again = await json(fetchApp(`/api/sandboxes/${copy.id}/export`));
    expect(again.manifests.map((m: Any) => `${m.verb} ${m.name}`)).toEqual(["create m1", "create m2"]);
    expect(again.journal.entries).toEqual(exported.journal.entries);
    expect((await json(k8s(copy.id, "/-/clock"))).speed).toBe(0);
  });

  it("rejects malformed or inconsistent journals with 400", async () => {
    const sb = await newSandbox();
    const { journal } = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    const bad = [
      { ...journal, version: 2 },
      { ...journal, entries: [{ k: "nope", t: 1 }] },
      { ...journal, entries: [{ k: "adv", t: journal.init.startTime + 10 }, { k: "adv", t: journal.init.startTime + 5 }] },
      { ...journal, now: journal.init.startTime + 500 * 86_400_000 },
      { ...journal, init: { ...journal.init, quotas: { pods: 1e9 } } },
    ];
    for (const j of bad) {
      const r = await fetchApp("/api/sandboxes", post("", { replay: j }));
      expect(r.status, JSON.stringify(j).slice(0, 200)).toBe(400);
      expect((await r.json() as Any).reason).toBe("BadRequest");
    }
    expect((await fetchApp("/api/sandboxes", post("", { replay: journal, seed: "x" }))).status).toBe(400);
    const t = journal.init.startTime + 1000;
    const notB64 = { ...journal, now: t, entries: [{ k: "req", t, m: "POST", p: "/api/v1/namespaces/default/pods", q: "", h: {}, b: "!!not base64" }] };
    expect((await fetchApp("/api/sandboxes", post("", { replay: notB64 }))).status).toBe(400);
  });

  it("applies crafted but well-formed entries harmlessly (never a 5xx)", async () => {
    const sb = await newSandbox();
    const { journal } = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    const t = journal.init.startTime + 1000;
    const entries = [
      { k: "ws", t, s: "no-such-session", d: "aGkK" },
      { k: "wsgone", t, s: "no-such-session" },
      { k: "node", t, n: "no-such-node", op: "stop" },
      { k: "kubectl", t, c: "kubectl delete pods --all -A" },
      { k: "kubectl", t, c: "kubectl get pods -w" },
      { k: "req", t, m: "POST", p: "/api/v1/../../etc", q: "x=%zz", h: { "content-type": "application/bogus" }, b: "e30=" },
      { k: "req", t, m: "BREW", p: "/", q: "", h: {} },
      { k: "adv", t: t + 30 * 86_400_000 },
    ];
    const r = await fetchApp("/api/sandboxes", post("", { replay: { ...journal, entries, now: t + 30 * 86_400_000 } }));
    expect(r.status, await r.clone().text()).toBe(201);
    const copy = await r.json() as Any;
    expect((await k8s(copy.id, "/api/v1/nodes")).status).toBe(200);
  });
});
