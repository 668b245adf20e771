// List chunking: limit/continue as the apiserver's etcd3 store answers it, for JSON lists and
// Tables, through the API and through the in-core kubectl (which follows continue tokens).
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../durable/sim/sandbox";
import { clusterHost, runKubectl } from "../../../durable/sim/kubectl/index";

// deno-lint-ignore no-explicit-any
type Any = any;
const enc = new TextEncoder();
const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

function lab() {
  const c = createSandbox({ seed: "paging", startTime: Date.UTC(2026, 0, 1) });
  const call = (method: string, path: string, query = "", body?: unknown, accept = "application/json") => {
    const r = c.handle({ method, path, query: new URLSearchParams(query), headers: { accept, "content-type": "application/json" },
      body: body === undefined ? undefined : enc.encode(JSON.stringify(body)) }).response;
    if (r.type !== "body") throw new Error(r.type);
    return { status: r.status, body: JSON.parse(r.body) as Any };
  };
  const pod = (ns: string, name: string, labels: Record<string, string> = {}) =>
    expect(call("POST", `/api/v1/namespaces/${ns}/pods`, "", { apiVersion: "v1", kind: "Pod", metadata: { name, labels },
      spec: { containers: [{ name: "c", image: "nginx:1.27.5" }] } }).status).toBe(201);
  return { c, call, pod };
}

const token = (t: string) => JSON.parse(Buffer.from(t, "base64url").toString());

describe("list chunking (limit and continue)", () => {
  it("pages a namespace's pods in key order with continue tokens and remainingItemCount", () => {
    const { call, pod } = lab();
    for (const n of ["e", "a", "d", "b", "g", "c", "f"]) pod("default", `pod-${n}`);
    const first = call("GET", "/api/v1/namespaces/default/pods", "limit=3").body;
    expect(first.items.map((p: Any) => p.metadata.name)).toEqual(["pod-a", "pod-b", "pod-c"]);
    expect(Object.keys(first.metadata)).toEqual(["resourceVersion", "continue", "remainingItemCount"]);
    expect(first.metadata.remainingItemCount).toBe(4);
    expect(token(first.metadata.continue)).toEqual({ v: "meta.k8s.io/v1", rv: Number(first.metadata.resourceVersion), start: "pod-c\u0000" });
    expect(first.metadata.continue).not.toMatch(/[=+/]/);
    pod("default", "pod-h"); // created between pages: later pages list current objects under the first page's RV
    const second = call("GET", "/api/v1/namespaces/default/pods", `limit=3&continue=${first.metadata.continue}`).body;
    expect(second.items.map((p: Any) => p.metadata.name)).toEqual(["pod-d", "pod-e", "pod-f"]);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    expect(second.metadata.remainingItemCount).toBe(2);
    const last = call("GET", "/api/v1/namespaces/default/pods", `limit=3&continue=${second.metadata.continue}`).body;
    expect(last.items.map((p: Any) => p.metadata.name)).toEqual(["pod-g", "pod-h"]);
    expect(last.metadata).toEqual({ resourceVersion: first.metadata.resourceVersion });
    expect(call("GET", "/api/v1/namespaces/default/pods", "limit=500").body.metadata.continue).toBeUndefined();
  });

  it("pages Tables, across namespaces by namespace/name keys, and omits remainingItemCount under a selector", () => {
    const { call, pod } = lab();
    expect(call("POST", "/api/v1/namespaces", "", { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } }).status).toBe(201);
    pod("default", "x", { app: "web" });
    pod("dev", "a", { app: "web" });
    pod("dev", "b", { app: "db" });
    pod("dev", "c", { app: "web" });
    const t = call("GET", "/api/v1/pods", "limit=2&labelSelector=app%3Dweb", undefined, TABLE).body;
    expect(t.kind).toBe("Table");
    expect(t.rows.map((r: Any) => `${r.object.metadata.namespace}/${r.cells[0]}`)).toEqual(["default/x", "dev/a"]);
    expect(t.metadata.remainingItemCount).toBeUndefined();
    expect(token(t.metadata.continue).start).toBe("dev/a\u0000");
    const t2 = call("GET", "/api/v1/pods", `limit=2&labelSelector=app%3Dweb&continue=${t.metadata.continue}`, undefined, TABLE).body;
    expect(t2.rows.map((r: Any) => `${r.object.metadata.namespace}/${r.cells[0]}`)).toEqual(["dev/c"]);
    expect(t2.metadata.continue).toBeUndefined();
  });

  it("refuses bad tokens and a resourceVersion together with continue, as upstream does", () => {
    const { call, pod } = lab();
    pod("default", "p");
    const bad = (q: string) => call("GET", "/api/v1/namespaces/default/pods", q);
    expect(bad("continue=!!!")).toMatchObject({ status: 400, body: { kind: "Status", reason: "BadRequest",
      message: "invalid continue token: continue key is not valid: illegal base64 data at input byte 0" } });
    const forged = Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: 0, start: "p\u0000" })).toString("base64url");
    expect(bad(`continue=${forged}`).body.message).toBe("invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
    const other = Buffer.from(JSON.stringify({ v: "v2", rv: 5, start: "p\u0000" })).toString("base64url");
    expect(bad(`continue=${other}`).body.message).toBe('invalid continue token: continue key is not valid: server does not recognize this encoded version "v2"');
    const good = Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: 5, start: "a\u0000" })).toString("base64url");
    expect(bad(`continue=${good}&resourceVersion=5`)).toMatchObject({ status: 400, body: { message: "specifying resource version is not allowed when using continue" } });
    expect(bad(`continue=${good}`).body.items.map((p: Any) => p.metadata.name)).toEqual(["p"]);
  });

  it("the in-core kubectl follows continue tokens (--chunk-size) and prints one table", () => {
    const { c, pod } = lab();
    for (const n of ["a", "b", "c", "d", "e"]) pod("default", n);
    const host = clusterHost(c, { server: "https://podlab.test/clusters/abc" });
    const r = runKubectl(host, "get pods --chunk-size=2 -o name");
    expect(r.stdout).toBe("pod/a\npod/b\npod/c\npod/d\npod/e\n");
    const t = runKubectl(host, "get pods --chunk-size=2");
    expect(t.stdout.split("\n").filter((l) => l.startsWith("NAME")).length).toBe(1);
    expect(t.stdout.trim().split("\n").length).toBe(6);
    expect(runKubectl(host, "get pods --chunk-size=2 -o json").stdout).toContain('"name": "e"');
  });
});
