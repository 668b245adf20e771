// Applying strategic merge patches the way the apiserver does for
// `application/strategic-merge-patch+json` (kubectl apply, kubectl patch, the Python client).
import { describe, expect, test } from "vitest";
import { PatchError } from "../../../durable/sim/api/patch/errors";
import { patchMetaFor, strategicMergePatch } from "../../../durable/sim/api/patch/strategic";
import { smallPod } from "./fixtures";

const pod = patchMetaFor("Pod");
const names = (list: any[]) => list.map((x) => x.name);
const apply = (patch: unknown, live = smallPod()) => strategicMergePatch(live, patch, pod) as Record<string, any>;

interface Case {
  name: string;
  patch: unknown;
  check: (r: Record<string, any>) => void;
  live?: () => Record<string, any>;
}

const cases: Case[] = [
  {
    name: "maps merge recursively and keep untouched keys",
    patch: { metadata: { labels: { version: "v2" } } },
    check: (r) => expect(r.metadata.labels).toEqual({ app: "web", tier: "frontend", version: "v2" }),
  },
  {
    name: "null deletes a map key",
    patch: { metadata: { labels: { tier: null } } },
    check: (r) => expect(r.metadata.labels).toEqual({ app: "web" }),
  },
  {
    name: "null for a key that does not exist is dropped, not stored",
    patch: { metadata: { labels: { nope: null } }, spec: { nodeName: null } },
    check: (r) => {
      expect(r.metadata.labels).toEqual({ app: "web", tier: "frontend" });
      expect("nodeName" in r.spec).toBe(false);
    },
  },
  {
    name: "scalars are replaced",
    patch: { spec: { activeDeadlineSeconds: 7200, restartPolicy: "Never" } },
    check: (r) => {
      expect(r.spec.activeDeadlineSeconds).toBe(7200);
      expect(r.spec.restartPolicy).toBe("Never");
    },
  },
  {
    name: "containers merge by name: only the named container changes",
    patch: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
    check: (r) => {
      expect(names(r.spec.containers)).toEqual(["nginx", "sidecar"]);
      expect(r.spec.containers[0]).toMatchObject({ image: "nginx:1.27", imagePullPolicy: "IfNotPresent" });
      expect(r.spec.containers[0].env).toHaveLength(2);
    },
  },
  {
    name: "a new list element without $setElementOrder goes before the server's items",
    patch: { spec: { containers: [{ name: "extra", image: "redis" }] } },
    check: (r) => expect(names(r.spec.containers)).toEqual(["extra", "nginx", "sidecar"]),
  },
  {
    name: "$setElementOrder places a new element",
    patch: { spec: { "$setElementOrder/containers": [{ name: "nginx" }, { name: "extra" }, { name: "sidecar" }],
      containers: [{ name: "extra", image: "redis" }] } },
    check: (r) => expect(names(r.spec.containers)).toEqual(["nginx", "extra", "sidecar"]),
  },
  {
    name: "$setElementOrder alone reorders a merge list",
    patch: { spec: { "$setElementOrder/containers": [{ name: "sidecar" }, { name: "nginx" }] } },
    check: (r) => expect(names(r.spec.containers)).toEqual(["sidecar", "nginx"]),
  },
  {
    name: "server-only elements keep their place among ordered ones",
    patch: { spec: { containers: [{ name: "nginx", "$setElementOrder/env": [{ name: "MODE" }, { name: "NEW" }],
      env: [{ name: "NEW", value: "1" }] }] } },
    check: (r) => expect(names(r.spec.containers[0].env)).toEqual(["GREETING", "MODE", "NEW"]),
  },
  {
    name: "$patch: delete removes a list element by merge key",
    patch: { spec: { containers: [{ name: "nginx", env: [{ $patch: "delete", name: "MODE" }] }] } },
    check: (r) => expect(r.spec.containers[0].env).toEqual([{ name: "GREETING", value: "hello" }]),
  },
  {
    name: "$patch: delete of a whole container",
    patch: { spec: { containers: [{ $patch: "delete", name: "sidecar" }] } },
    check: (r) => expect(names(r.spec.containers)).toEqual(["nginx"]),
  },
  {
    name: "$patch: replace in a list replaces the list with the other elements",
    patch: { spec: { containers: [{ name: "only", image: "x" }, { $patch: "replace" }] } },
    check: (r) => expect(r.spec.containers).toEqual([{ name: "only", image: "x" }]),
  },
  {
    name: "$patch: replace in a map replaces the map",
    patch: { metadata: { labels: { $patch: "replace", fresh: "yes" } } },
    check: (r) => expect(r.metadata.labels).toEqual({ fresh: "yes" }),
  },
  {
    name: "$patch: delete in a map empties it",
    patch: { spec: { securityContext: { $patch: "delete" } }, metadata: { labels: { $patch: "delete" } } },
    check: (r) => {
      expect(r.spec.securityContext).toEqual({});
      expect(r.metadata.labels).toEqual({});
    },
  },
  {
    name: "env merges by name; patch items follow the server's items they come after",
    patch: { spec: { containers: [{ name: "nginx", env: [{ name: "MODE", value: "prod" }, { name: "NEW", value: "1" }] }] } },
    check: (r) => expect(r.spec.containers[0].env).toEqual([
      { name: "GREETING", value: "hello" }, { name: "MODE", value: "prod" }, { name: "NEW", value: "1" }]),
  },
  {
    name: "ports merge by containerPort",
    patch: { spec: { containers: [{ name: "nginx", ports: [{ containerPort: 80, name: "http" }, { containerPort: 443 }] }] } },
    check: (r) => expect(r.spec.containers[0].ports).toEqual([
      { containerPort: 80, protocol: "TCP", name: "http" }, { containerPort: 443 }]),
  },
  {
    name: "volumeMounts merge by mountPath",
    patch: { spec: { containers: [{ name: "nginx", volumeMounts: [{ mountPath: "/data", readOnly: true }] }] } },
    check: (r) => expect(r.spec.containers[0].volumeMounts).toEqual([{ name: "data", mountPath: "/data", readOnly: true }]),
  },
  {
    name: "atomic lists (tolerations, command) are replaced whole",
    patch: { spec: { tolerations: [{ key: "k", operator: "Exists" }], containers: [{ name: "sidecar", command: ["sleep", "1"] }] } },
    check: (r) => {
      expect(r.spec.tolerations).toEqual([{ key: "k", operator: "Exists" }]);
      expect(r.spec.containers[1].command).toEqual(["sleep", "1"]);
    },
  },
  {
    name: "finalizers are a set: union without duplicates",
    patch: { metadata: { finalizers: ["c", "a"] } },
    check: (r) => expect(r.metadata.finalizers).toEqual(["c", "a", "b"]),
  },
  {
    name: "$deleteFromPrimitiveList removes set entries",
    patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["a", "zz"] } },
    check: (r) => expect(r.metadata.finalizers).toEqual(["b"]),
  },
  {
    name: "$setElementOrder orders a set of scalars",
    patch: { metadata: { "$setElementOrder/finalizers": ["b", "c", "a"], finalizers: ["c"] } },
    check: (r) => expect(r.metadata.finalizers).toEqual(["b", "c", "a"]),
  },
  {
    name: "$retainKeys clears the volume source keys not listed",
    patch: { spec: { "$setElementOrder/volumes": [{ name: "data" }],
      volumes: [{ $retainKeys: ["configMap", "name"], configMap: { name: "cm" }, name: "data" }] } },
    check: (r) => expect(r.spec.volumes).toEqual([{ name: "data", configMap: { name: "cm" } }]),
  },
  {
    name: "status conditions merge by type",
    patch: { status: { conditions: [{ type: "Ready", status: "False", reason: "ContainersNotReady" }] } },
    check: (r) => expect(r.status.conditions).toEqual([
      { type: "Ready", status: "False", reason: "ContainersNotReady" }, { type: "PodScheduled", status: "True" }]),
  },
  {
    name: "ownerReferences merge by uid",
    live: () => ({ ...smallPod(), metadata: { ...smallPod().metadata, ownerReferences: [{ uid: "u1", name: "rs1", kind: "ReplicaSet" }] } }),
    patch: { metadata: { ownerReferences: [{ uid: "u1", controller: true }, { uid: "u2", name: "x", kind: "Job" }] } },
    check: (r) => expect(r.metadata.ownerReferences).toEqual([
      { uid: "u1", name: "rs1", kind: "ReplicaSet", controller: true }, { uid: "u2", name: "x", kind: "Job" }]),
  },
  {
    name: "a new field's value is stored without its nulls and directives",
    patch: { spec: { affinity: { nodeAffinity: null, podAffinity: { required: [] } },
      containers: [{ name: "sidecar", env: [{ name: "X", $patch: "delete" }, { name: "Y", value: "y" }] }] } },
    check: (r) => {
      expect(r.spec.affinity).toEqual({ podAffinity: { required: [] } });
      expect(r.spec.containers[1].env).toEqual([{ name: "Y", value: "y" }]);
    },
  },
  {
    name: "no $ key survives into the result",
    patch: { spec: { "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }],
      containers: [{ name: "nginx", "$setElementOrder/env": [{ name: "GREETING" }], env: [{ $patch: "delete", name: "MODE" }] }] },
    metadata: { $foo: "bar" } },
    check: (r) => expect(JSON.stringify(r)).not.toContain("$"),
  },
  {
    name: "top-level $patch: replace replaces the object",
    patch: { $patch: "replace", apiVersion: "v1", kind: "Pod", metadata: { name: "web" } },
    check: (r) => expect(r).toEqual({ apiVersion: "v1", kind: "Pod", metadata: { name: "web" } }),
  },
  {
    name: "a null patch changes nothing",
    patch: null,
    check: (r) => expect(r).toEqual(smallPod()),
  },
  {
    name: "Service ports merge by port",
    live: () => ({ kind: "Service", spec: { ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }, { port: 443, protocol: "TCP" }] } }),
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
    check: (r) => expect(r.spec.ports).toEqual([{ port: 80, targetPort: 9090, protocol: "TCP" }, { port: 443, protocol: "TCP" }]),
  },
];

describe("strategicMergePatch applies patches as the apiserver does", () => {
  for (const c of cases) {
    test(c.name, () => {
      const live = (c.live ?? smallPod)();
      const before = JSON.stringify(live);
      const meta = live.kind === "Service" ? patchMetaFor("Service") : pod;
      c.check(strategicMergePatch(live, c.patch, meta) as Record<string, any>);
      expect(JSON.stringify(live)).toBe(before); // inputs are never mutated
    });
  }
});

interface ErrorCase {
  name: string;
  patch: unknown;
  live?: () => Record<string, any>;
  status: number;
  message: string;
  cause?: string;
}

const errorCases: ErrorCase[] = [
  { name: "a patch that is not an object", patch: [1], status: 400,
    message: "json: cannot unmarshal array into Go value of type map[string]interface {}" },
  { name: "a merge-list element without its merge key", patch: { spec: { containers: [{ image: "nginx:1.27" }] } }, status: 400,
    message: "map: map[image:nginx:1.27] does not contain declared merge key: name" },
  { name: "a delete directive without its merge key", patch: { spec: { containers: [{ $patch: "delete", image: "x" }] } }, status: 400,
    message: "map: map[$patch:delete image:x] does not contain declared merge key: name" },
  { name: "an unknown $patch in a map", patch: { metadata: { labels: { $patch: "foo", a: "b" } } }, status: 400,
    message: "unknown patch type: foo in map: map[$patch:foo a:b]" },
  { name: "$patch: merge in a list", patch: { spec: { containers: [{ $patch: "merge" }] } }, status: 400,
    message: "merging lists cannot yet be specified in the patch" },
  { name: "a malformed $deleteFromPrimitiveList key", patch: { metadata: { $deleteFromPrimitiveList: ["a"] } }, status: 400,
    message: "invalid patch format of primitive list" },
  { name: "$setElementOrder that is not a list", patch: { spec: { "$setElementOrder/containers": "nginx" } }, status: 400,
    message: "expected a []interface {}, but received a string" },
  { name: "$retainKeys that is not a list", patch: { spec: { volumes: [{ name: "data", $retainKeys: "x" }] } }, status: 400,
    message: "invalid patch format of retainKeys" },
  { name: "patch content outside $retainKeys", patch: { spec: { volumes: [{ name: "data", $retainKeys: ["name"], hostPath: { path: "/" } }] } },
    status: 422, message: "the server rejected our request due to an error in our request",
    cause: "patch content doesn't match retainKeys list" },
  { name: "lists of lists", patch: { metadata: { finalizers: [["a"]] } }, status: 422,
    live: () => ({ ...smallPod(), metadata: { name: "web", finalizers: [] } }),
    message: "the server rejected our request due to an error in our request", cause: "lists of lists are not supported" },
  { name: "list elements of different kinds", patch: { metadata: { finalizers: [{ a: 1 }] } }, status: 400,
    message: "list element types are not identical: [[a b] [map[a:1]]]" },
  { name: "patch items out of $setElementOrder", patch: { spec: { "$setElementOrder/containers": [{ name: "nginx" }],
    containers: [{ name: "sidecar", image: "x" }] } }, status: 400,
    message: "The order in patch list:\n[map[image:x name:sidecar]]\n doesn't match $setElementOrder list:\n[map[name:nginx]]\n" },
];

describe("strategicMergePatch rejects bad patches with the apiserver's status and message", () => {
  for (const c of errorCases) {
    test(c.name, () => {
      let err: unknown;
      try {
        apply(c.patch, c.live?.());
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatchError);
      const pe = err as PatchError;
      expect(pe.status).toBe(c.status);
      expect(pe.message).toBe(c.message);
      if (c.cause) expect(pe.toStatus().details?.causes).toEqual([{ message: c.cause }]);
      expect(pe.toStatus()).toMatchObject({ kind: "Status", status: "Failure", code: c.status });
    });
  }
});
