// The generated valibot schemas carry upstream v1.32 names, fields, required-ness and metadata,
// and their inferred types are what the rest of podlab programs against.
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  allTypes, ContainerSchema, PodSchema, typeByName, typeForKind,
  type Container, type Node, type Pod, type PodSpec, type Quantity,
} from "../../../schema/k8s";

const SERVED = ["Pod", "PodList", "Node", "NodeList", "Namespace", "Service", "Endpoints", "Event", "EventList", "ConfigMap", "Secret",
  "ServiceAccount", "Binding", "Eviction", "Lease", "EndpointSlice", "Table", "PodMetrics", "NodeMetrics", "PodMetricsList"];

describe("generated schemas", () => {
  it("cover every served kind with its group and version", () => {
    for (const kind of SERVED) expect(typeForKind(kind), kind).toBeDefined();
    expect(typeForKind("Lease")!.gvk).toEqual({ group: "coordination.k8s.io", version: "v1", kind: "Lease" });
    expect(typeForKind("Eviction")!.name).toBe("io.k8s.api.policy.v1.Eviction");
    expect(typeForKind("PodMetrics")!.name).toBe("io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics");
    expect(typeForKind("Table")!.gvk?.group).toBe("meta.k8s.io");
  });

  it("have unique upstream names and descriptions everywhere", () => {
    const names = allTypes().map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(allTypes().length).toBeGreaterThan(150);
    for (const t of allTypes()) expect(t.description, t.name).not.toBe("");
  });

  it("have the v1.32 field set of Container and PodSpec", () => {
    const c = typeByName("io.k8s.api.core.v1.Container")!;
    expect([...c.fields.keys()]).toContain("resizePolicy");
    expect([...c.fields.keys()]).toContain("restartPolicy");
    expect(c.required).toEqual(["name"]);
    const spec = typeByName("io.k8s.api.core.v1.PodSpec")!;
    expect(spec.required).toEqual(["containers"]);
    expect(spec.fields.get("resources")?.shape).toMatchObject({ k: "object" });
    expect(typeByName("io.k8s.api.core.v1.ContainerStatus")!.required).toEqual(["image", "imageID", "name", "ready", "restartCount"]);
    expect(typeByName("io.k8s.api.core.v1.NodeSystemInfo")!.required).toHaveLength(10);
  });

  it("know formats, quantities, int-or-strings and times", () => {
    const f = (t: string, n: string) => typeByName(t)!.fields.get(n)!.shape;
    expect(f("io.k8s.api.core.v1.ContainerPort", "containerPort")).toEqual({ k: "int32" });
    expect(f("io.k8s.api.core.v1.PodSpec", "activeDeadlineSeconds")).toEqual({ k: "int64" });
    expect(f("io.k8s.api.core.v1.Secret", "data")).toEqual({ k: "map", of: { k: "bytes" } });
    expect(f("io.k8s.api.core.v1.ResourceRequirements", "limits")).toMatchObject({ k: "map", of: { k: "special", special: "quantity" } });
    expect(f("io.k8s.api.core.v1.EmptyDirVolumeSource", "sizeLimit")).toMatchObject({ k: "special", special: "quantity" });
    expect(f("io.k8s.api.core.v1.HTTPGetAction", "port")).toMatchObject({ k: "special", special: "intOrString" });
    expect(f("io.k8s.api.core.v1.PodCondition", "lastTransitionTime")).toMatchObject({ k: "special", special: "time" });
    expect(f("io.k8s.api.core.v1.Event", "eventTime")).toMatchObject({ k: "special", special: "microTime" });
  });

  it("carry enums with the Go type kubectl's errors name", () => {
    const ipp = typeByName("io.k8s.api.core.v1.Container")!.fields.get("imagePullPolicy")!;
    expect(ipp.meta.enum).toEqual(["Always", "IfNotPresent", "Never"]);
    expect(ipp.meta.goType).toBe("v1.PullPolicy");
    expect(typeByName("io.k8s.api.core.v1.PodStatus")!.fields.get("phase")!.meta.enum).toEqual(["Failed", "Pending", "Running", "Succeeded", "Unknown"]);
  });

  it("keep paragraph breaks from the upstream descriptions", () => {
    expect(typeByName("io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource")!.description).toBe(
      "Represents a Persistent Disk resource in AWS.\n\nAn AWS EBS disk must exist before mounting to a container. The disk must also be in the same AWS zone as the kubelet. An AWS EBS disk can only be mounted as read/write once. AWS EBS volumes support ownership management and SELinux relabeling.");
  });
});

describe("valibot parsing and types", () => {
  it("parses a Pod and strips unknown keys", () => {
    const pod = v.parse(PodSchema, { apiVersion: "v1", kind: "Pod", metadata: { name: "a" }, spec: { containers: [{ name: "c", image: "nginx", extra: 1 }] } });
    expect(pod.spec?.containers[0]).toEqual({ name: "c", image: "nginx" });
    expect(v.safeParse(ContainerSchema, { image: "x" }).success).toBe(false);
    expect(v.safeParse(ContainerSchema, { name: "c", ports: [{ containerPort: 1.5 }] }).success).toBe(false);
  });

  it("infers the types the codebase uses", () => {
    expectTypeOf<Pod["spec"]>().toEqualTypeOf<PodSpec | undefined>();
    expectTypeOf<PodSpec["containers"]>().toEqualTypeOf<Container[]>();
    expectTypeOf<Container["name"]>().toEqualTypeOf<string>();
    expectTypeOf<Quantity>().toEqualTypeOf<string | number>();
    expectTypeOf<NonNullable<Node["status"]>["capacity"]>().toEqualTypeOf<Record<string, Quantity> | undefined>();
  });
});
