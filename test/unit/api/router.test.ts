import { describe, expect, it } from "vitest";
import { parsePath } from "../../../durable/sim/api/router";
import { aggregatedDiscovery, wantsAggregated } from "../../../durable/sim/api/discovery";

describe("API paths", () => {
  it.each([
    ["/version", { type: "version" }],
    ["/api", { type: "api" }],
    ["/apis", { type: "apis" }],
    ["/api/v1", { type: "groupVersion", group: "", version: "v1" }],
    ["/api/v1/pods", { type: "resource", group: "", version: "v1", resource: "pods" }],
    ["/api/v1/namespaces/default/pods/web/log", { type: "resource", group: "", version: "v1", resource: "pods", namespace: "default", name: "web", subresource: "log" }],
    ["/api/v1/namespaces/demo", { type: "resource", group: "", version: "v1", resource: "namespaces", name: "demo" }],
    ["/api/v1/namespaces/demo/finalize", { type: "resource", group: "", version: "v1", resource: "namespaces", name: "demo", subresource: "finalize" }],
    ["/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node01", { type: "resource", group: "coordination.k8s.io", version: "v1", resource: "leases", namespace: "kube-node-lease", name: "node01" }],
    ["/openapi/v3/api/v1", { type: "openapi", path: "api/v1" }],
    ["/nope", { type: "notFound" }],
  ])("%s", (path, want) => expect(JSON.parse(JSON.stringify(parsePath(path)))).toEqual(want));
});

describe("aggregated discovery", () => {
  it("is chosen from kubectl's Accept header", () => {
    expect(wantsAggregated("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")).toBe("v2");
    expect(wantsAggregated("application/json")).toBeUndefined();
  });
  it("lists pods with short names, the all category and a responseKind", () => {
    const doc = aggregatedDiscovery("api") as { items: { versions: { resources: Record<string, unknown>[] }[] }[] };
    const pods = doc.items[0].versions[0].resources.find((r) => r.resource === "pods")!;
    expect(pods).toMatchObject({ shortNames: ["po"], categories: ["all"], scope: "Namespaced", responseKind: { group: "", version: "v1", kind: "Pod" } });
  });
});
