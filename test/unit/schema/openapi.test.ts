// The /openapi/v3 documents have what kubectl explain and apply's field-validation check read.
import { describe, expect, it } from "vitest";
import { openapiDocument, openapiRoot } from "../../../durable/sim/api/openapi";
import { sha512Hex } from "../../../schema/k8s/sha512";

const doc = (path: string) => JSON.parse(openapiDocument(path)!.body);
const core = doc("api/v1");
const schemas = core.components.schemas;
const POD_GVK = { group: "", kind: "Pod", version: "v1" };

describe("root document", () => {
  it("lists every served group-version with a content-hash URL", () => {
    const root = openapiRoot();
    expect(Object.keys(root.paths)).toEqual(expect.arrayContaining(["api/v1", "apis/coordination.k8s.io/v1", "apis/discovery.k8s.io/v1"]));
    for (const [key, { serverRelativeURL }] of Object.entries(root.paths)) {
      const d = openapiDocument(key)!;
      expect(serverRelativeURL).toBe(`/openapi/v3/${key}?hash=${d.hash}`);
      expect(d.hash).toMatch(/^[0-9A-F]{128}$/);
      expect(d.hash).toBe(sha512Hex(d.body));
    }
  });

  it("memoizes documents and rejects unknown group-versions", () => {
    expect(openapiDocument("api/v1")).toBe(openapiDocument("/api/v1/"));
    expect(openapiDocument("apis/apps/v1")).toBeUndefined();
  });
});

describe("api/v1 document", () => {
  it("is OpenAPI 3.0.0 with upstream component names", () => {
    expect(core.openapi).toBe("3.0.0");
    expect(core.info).toEqual({ title: "Kubernetes", version: "v1.32.0" });
    for (const n of ["Pod", "PodList", "Container", "EnvVar", "Node", "Namespace", "Service", "Event", "ConfigMap", "Secret", "ServiceAccount", "Binding", "Endpoints"]) {
      expect(schemas).toHaveProperty([`io.k8s.api.core.v1.${n}`]);
    }
    expect(schemas).toHaveProperty(["io.k8s.api.policy.v1.Eviction"]);
    expect(schemas).toHaveProperty(["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]);
  });

  it("marks top-level kinds with an x-kubernetes-group-version-kind list", () => {
    expect(schemas["io.k8s.api.core.v1.Pod"]["x-kubernetes-group-version-kind"]).toEqual([POD_GVK]);
    expect(schemas["io.k8s.api.core.v1.PodList"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "", kind: "PodList", version: "v1" }]);
    expect(schemas["io.k8s.api.core.v1.Container"]["x-kubernetes-group-version-kind"]).toBeUndefined();
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"]["x-kubernetes-group-version-kind"]).toContainEqual({ group: "coordination.k8s.io", kind: "DeleteOptions", version: "v1" });
  });

  it("writes object fields as allOf+$ref with default {}, and arrays of objects likewise", () => {
    const pod = schemas["io.k8s.api.core.v1.Pod"];
    expect(pod.properties.spec).toEqual({ allOf: [{ $ref: "#/components/schemas/io.k8s.api.core.v1.PodSpec" }], default: {},
      description: "Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" });
    const env = schemas["io.k8s.api.core.v1.Container"].properties.env;
    expect(env.items).toEqual({ allOf: [{ $ref: "#/components/schemas/io.k8s.api.core.v1.EnvVar" }], default: {} });
    expect(env["x-kubernetes-patch-merge-key"]).toBe("name");
    expect(env["x-kubernetes-patch-strategy"]).toBe("merge");
    expect(schemas["io.k8s.api.core.v1.EnvVar"].required).toEqual(["name"]);
  });

  it("has enums, formats and primitive components like upstream", () => {
    const c = schemas["io.k8s.api.core.v1.Container"].properties;
    expect(c.imagePullPolicy.enum).toEqual(["Always", "IfNotPresent", "Never"]);
    expect(c.imagePullPolicy.description).toContain('Possible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image.');
    expect(schemas["io.k8s.api.core.v1.PodSpec"].properties.restartPolicy.enum).toEqual(["Always", "Never", "OnFailure"]);
    expect(schemas["io.k8s.api.core.v1.ContainerPort"].properties.containerPort).toMatchObject({ type: "integer", format: "int32" });
    expect(schemas["io.k8s.api.core.v1.ResourceRequirements"].properties.limits.additionalProperties).toEqual({ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity" });
    expect(schemas["io.k8s.apimachinery.pkg.api.resource.Quantity"].oneOf).toEqual([{ type: "string" }, { type: "number" }]);
    expect(schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toMatchObject({ format: "int-or-string" });
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]).toMatchObject({ type: "string", format: "date-time" });
  });

  it("has paths for every resource with GVK-tagged operations", () => {
    const item = core.paths["/api/v1/namespaces/{namespace}/pods/{name}"];
    for (const m of ["get", "put", "patch", "delete"]) expect(item[m]["x-kubernetes-group-version-kind"]).toEqual(POD_GVK);
    expect(item.patch["x-kubernetes-action"]).toBe("patch");
    expect(core.paths["/api/v1/namespaces/{namespace}/pods"].post["x-kubernetes-action"]).toBe("post");
    expect(core.paths["/api/v1/pods"].get["x-kubernetes-action"]).toBe("list");
    expect(core.paths["/api/v1/nodes/{name}"].get["x-kubernetes-group-version-kind"]).toEqual({ group: "", kind: "Node", version: "v1" });
    expect(core.paths["/api/v1/namespaces/{namespace}/pods/{name}/eviction"].post["x-kubernetes-group-version-kind"]).toEqual({ group: "policy", kind: "Eviction", version: "v1" });
    expect(core.paths["/api/v1/namespaces/{namespace}/pods/{name}/exec"].get["x-kubernetes-action"]).toBe("connect");
  });

  it("lists fieldValidation on writes (server-side validation) but has no requestBody (client SMP rules)", () => {
    const names = (op: { parameters: { name: string }[] }) => op.parameters.map((p) => p.name);
    const item = core.paths["/api/v1/namespaces/{namespace}/pods/{name}"];
    expect(names(item.patch)).toEqual(expect.arrayContaining(["dryRun", "fieldManager", "fieldValidation", "force"]));
    expect(names(item.put)).toEqual(expect.arrayContaining(["dryRun", "fieldManager", "fieldValidation"]));
    expect(names(core.paths["/api/v1/namespaces/{namespace}/pods"].post)).toEqual(expect.arrayContaining(["fieldValidation"]));
    expect(JSON.stringify(core.paths)).not.toContain("requestBody");
  });

  it("resolves every $ref", () => {
    const refs = [...openapiDocument("api/v1")!.body.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    for (const r of refs) expect(schemas).toHaveProperty([r]);
  });
});

describe("group documents", () => {
  it("serve Lease, EndpointSlice and metrics with their own GVKs", () => {
    const lease = doc("apis/coordination.k8s.io/v1");
    expect(lease.components.schemas["io.k8s.api.coordination.v1.Lease"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "coordination.k8s.io", kind: "Lease", version: "v1" }]);
    expect(lease.paths["/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}"].patch["x-kubernetes-group-version-kind"].kind).toBe("Lease");
    const slices = doc("apis/discovery.k8s.io/v1");
    expect(slices.components.schemas["io.k8s.api.discovery.v1.EndpointSlice"].properties.addressType.enum).toEqual(["FQDN", "IPv4", "IPv6"]);
    const metrics = doc("apis/metrics.k8s.io/v1beta1");
    expect(metrics.components.schemas["io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics"].required).toEqual(["containers", "timestamp", "window"]);
  });
});
