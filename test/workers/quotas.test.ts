// Quotas and limits of one sandbox: pods, objects, nodes (403 Forbidden in the style of
// ResourceQuota, through the API and the kubectl endpoint), bytes stored (403) and requests per
// second (429 with Retry-After); denied requests are not journaled, so a replay matches.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { ClusterObject } from "../../durable/cluster-object";
import { DEFAULT_QUOTAS } from "../../schema/wire";
import { clearAlarms, createPod, fetchApp, json, k8s, kubectl, newSandbox, pod, post, type Any } from "./helpers";

afterEach(clearAlarms);

const stubOf = (id: string) => env.CLUSTER.get(env.CLUSTER.idFromName(id));

describe("sandbox quotas", () => {
  it("refuses the pod over the pods quota with a ResourceQuota-style 403", async () => {
    const sb = await newSandbox({ speed: 0, quotas: { pods: 2 } });
    expect((await createPod(sb.id, pod("p1"))).status).toBe(201);
    expect((await createPod(sb.id, pod("p2"))).status).toBe(201);
    const r = await createPod(sb.id, pod("p3"));
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure",
      message: 'pods "p3" is forbidden: exceeded quota: podlab, requested: pods=1, used: pods=2, limited: pods=2',
      reason: "Forbidden", details: { name: "p3", kind: "pods" }, code: 403 });
    // The kubectl endpoint goes through the same gate and prints what kubectl prints.
    const out = await kubectl(sb.id, "kubectl run p4 --image=nginx:1.27.5");
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('pods "p4" is forbidden: exceeded quota: podlab, requested: pods=1, used: pods=2, limited: pods=2');
    // Deleting frees the quota; pods in kube-system are not counted against it.
    await k8s(sb.id, "/api/v1/namespaces/default/pods/p1?gracePeriodSeconds=0", { method: "DELETE" });
    await k8s(sb.id, "/-/clock", post("", { advance: "5s" }));
    expect((await createPod(sb.id, pod("p5"))).status).toBe(201);
  });

  it("counts every object against the objects quota and nodes against the nodes quota", async () => {
    const sb = await newSandbox({ speed: 0, quotas: { objects: 1000, nodes: 3 } });
    const used = await runInDurableObject(stubOf(sb.id), async (o: ClusterObject) => {
      const { countObjects } = await import("../../durable/quotas");
      return countObjects(o.cluster!);
    });
    const small = await newSandbox({ speed: 0, quotas: { objects: used + 1 } });
    const cm = (name: string) => post("", { apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { a: "b" } });
    expect((await k8s(small.id, "/api/v1/namespaces/default/configmaps", cm("one"))).status).toBe(201);
    const r = await k8s(small.id, "/api/v1/namespaces/default/configmaps", cm("two"));
    expect(r.status).toBe(403);
    expect((await r.json() as Any).message).toBe(`configmaps "two" is forbidden: exceeded quota: podlab, requested: objects=1, used: objects=${used + 1}, limited: objects=${used + 1}`);
    const node = post("", { apiVersion: "v1", kind: "Node", metadata: { name: "node03" } });
    const n = await k8s(sb.id, "/api/v1/nodes", node);
    expect(n.status).toBe(403);
    expect((await n.json() as Any).message).toBe('nodes "node03" is forbidden: exceeded quota: podlab, requested: nodes=1, used: nodes=3, limited: nodes=3');
  });

  it("refuses a topology larger than the nodes quota at creation", async () => {
    const r = await fetchApp("/api/sandboxes", post("", { nodes: [{ name: "a" }, { name: "b" }, { name: "c" }], quotas: { nodes: 2 } }));
    expect(r.status).toBe(403);
    expect((await r.json() as Any).message).toContain("at most 2 nodes");
  });

  it("refuses writes once the sandbox stores more bytes than its quota, but still allows reads and deletes", async () => {
    const sb = await newSandbox({ speed: 0, quotas: { bytes: 1024 * 1024 } });
    const blob = "x".repeat(400_000);
    const cm = (name: string) => post("", { apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { blob } });
    let status = 201;
    let i = 0;
    let last: Any;
    while (status === 201 && i < 10) {
      const r = await k8s(sb.id, "/api/v1/namespaces/default/configmaps", cm(`big${i++}`));
      status = r.status;
      last = await r.json();
    }
    expect(status).toBe(403);
    expect(last.reason).toBe("Forbidden");
    expect(last.message).toMatch(/exceeded quota: podlab, requested: bytes>0, used: bytes=\d+, limited: bytes=1048576/);
    const viaKubectl = await k8s(sb.id, "/-/kubectl", post("", { command: "kubectl create configmap more --from-literal=a=b" }));
    expect(viaKubectl.status).toBe(403);
    expect((await viaKubectl.json() as Any).message).toContain("kubectl create is forbidden: exceeded quota: podlab");
    expect((await k8s(sb.id, "/api/v1/namespaces/default/configmaps")).status).toBe(200);
    expect((await kubectl(sb.id, "kubectl get configmaps")).exitCode).toBe(0);
    expect((await k8s(sb.id, "/api/v1/namespaces/default/configmaps/big0", { method: "DELETE" })).status).toBe(200);
  });

  it("answers 429 TooManyRequests with Retry-After past the request rate, then recovers", async () => {
    const sb = await newSandbox({ speed: 0, quotas: { requestsPerSecond: 2 } });
    const stub = stubOf(sb.id);
    let t = Date.now() + 1000;
    await runInDurableObject(stub, (o: ClusterObject) => { o.now = () => t; });
    const codes: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const r = await k8s(sb.id, "/api/v1/namespaces/default/pods");
      codes.push(r.status);
      if (r.status === 429) limited = r;
    }
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    expect(limited!.headers.get("retry-after")).toBe("1");
    expect(await limited!.json()).toMatchObject({ kind: "Status", reason: "TooManyRequests", code: 429, details: { retryAfterSeconds: 1 } });
    t += 1000;
    expect((await k8s(sb.id, "/api/v1/namespaces/default/pods")).status).toBe(200);
  });

  it("does not journal denied requests, so a replay reproduces the same denials", async () => {
    const sb = await newSandbox({ speed: 0, quotas: { pods: 1 } });
    await createPod(sb.id, pod("only"));
    await createPod(sb.id, pod("denied"));
    await kubectl(sb.id, "kubectl run denied-too --image=nginx:1.27.5");
    const exp = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    expect(exp.journal.entries.filter((e: Any) => e.k === "req")).toHaveLength(1);
    const copy = await json(fetchApp("/api/sandboxes", post("", { replay: exp.journal })));
    const names = async (id: string) => (await json(k8s(id, "/api/v1/namespaces/default/pods"))).items.map((p: Any) => p.metadata.name);
    expect(await names(copy.id)).toEqual(["only"]);
    expect(await names(sb.id)).toEqual(["only"]);
  });

  it("documents its defaults", () => {
    expect(DEFAULT_QUOTAS).toEqual({ objects: 1000, pods: 50, nodes: 10, bytes: 16 * 1024 * 1024, requestsPerSecond: 50 });
  });
});
