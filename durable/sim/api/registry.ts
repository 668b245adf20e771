// The resources podlab serves: one definition per resource (discovery data, scope, verbs,
// subresources). Discovery, the router, OpenAPI and kubectl's api-resources all read this table.

/** A subresource as discovery lists it. */
export interface SubresourceDef {
  name: string;
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

/** One served resource. */
export interface ResourceDef {
  group: string;
  version: string;
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceDef[];
}

const RW = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const RO = ["get", "list"];

/** Every served resource, in the order discovery lists them (core alphabetical, then groups). */
export const RESOURCES: readonly ResourceDef[] = [
  { group: "", version: "v1", resource: "bindings", kind: "Binding", singular: "binding", namespaced: true, verbs: ["create"] },
  { group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", singular: "configmap", namespaced: true, verbs: RW, shortNames: ["cm"] },
  { group: "", version: "v1", resource: "endpoints", kind: "Endpoints", singular: "endpoints", namespaced: true, verbs: RW, shortNames: ["ep"] },
  { group: "", version: "v1", resource: "events", kind: "Event", singular: "event", namespaced: true, verbs: RW, shortNames: ["ev"] },
  { group: "", version: "v1", resource: "namespaces", kind: "Namespace", singular: "namespace", namespaced: false,
    verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], shortNames: ["ns"],
    subresources: [{ name: "finalize", kind: "Namespace", verbs: ["update"] }, { name: "status", kind: "Namespace", verbs: ["get", "patch", "update"] }] },
  { group: "", version: "v1", resource: "nodes", kind: "Node", singular: "node", namespaced: false, verbs: RW, shortNames: ["no"],
    subresources: [{ name: "status", kind: "Node", verbs: ["get", "patch", "update"] }] },
  { group: "", version: "v1", resource: "pods", kind: "Pod", singular: "pod", namespaced: true, verbs: RW, shortNames: ["po"], categories: ["all"],
    subresources: [
      { name: "attach", kind: "PodAttachOptions", verbs: ["create", "get"] },
      { name: "binding", kind: "Binding", verbs: ["create"] },
      { name: "eviction", kind: "Eviction", group: "policy", version: "v1", verbs: ["create"] },
      { name: "exec", kind: "PodExecOptions", verbs: ["create", "get"] },
      { name: "log", kind: "Pod", verbs: ["get"] },
      { name: "status", kind: "Pod", verbs: ["get", "patch", "update"] },
    ] },
  { group: "", version: "v1", resource: "secrets", kind: "Secret", singular: "secret", namespaced: true, verbs: RW },
  { group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", singular: "serviceaccount", namespaced: true, verbs: RW, shortNames: ["sa"] },
  { group: "", version: "v1", resource: "services", kind: "Service", singular: "service", namespaced: true,
    verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], shortNames: ["svc"], categories: ["all"],
    subresources: [{ name: "status", kind: "Service", verbs: ["get", "patch", "update"] }] },
  { group: "authentication.k8s.io", version: "v1", resource: "selfsubjectreviews", kind: "SelfSubjectReview", singular: "selfsubjectreview", namespaced: false, verbs: ["create"] },
  { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews", kind: "SelfSubjectAccessReview", singular: "selfsubjectaccessreview", namespaced: false, verbs: ["create"] },
  { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectrulesreviews", kind: "SelfSubjectRulesReview", singular: "selfsubjectrulesreview", namespaced: false, verbs: ["create"] },
  { group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", singular: "lease", namespaced: true, verbs: RW },
  { group: "discovery.k8s.io", version: "v1", resource: "endpointslices", kind: "EndpointSlice", singular: "endpointslice", namespaced: true, verbs: RW },
  { group: "metrics.k8s.io", version: "v1beta1", resource: "nodes", kind: "NodeMetrics", singular: "", namespaced: false, verbs: RO },
  { group: "metrics.k8s.io", version: "v1beta1", resource: "pods", kind: "PodMetrics", singular: "", namespaced: true, verbs: RO },
];

/** apiVersion string of a definition (`v1`, `coordination.k8s.io/v1`). */
export function apiVersionOf(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** Store key prefix of a definition: core resources by plural, grouped ones qualified. */
export function storeResource(def: ResourceDef): string {
  return def.group ? `${def.resource}.${def.group}` : def.resource;
}

/** Finds the definition for a (group, version, resource). */
export function findResource(group: string, version: string, resource: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

/** Finds the definition of a kind in a group (used for bodies and kubectl). */
export function findKind(group: string, kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.kind === kind);
}

/** The groups podlab serves besides core, in discovery order. */
export function apiGroups(): { group: string; versions: string[] }[] {
  const out: { group: string; versions: string[] }[] = [];
  for (const r of RESOURCES) {
    if (!r.group) continue;
    const g = out.find((x) => x.group === r.group);
    if (!g) out.push({ group: r.group, versions: [r.version] });
    else if (!g.versions.includes(r.version)) g.versions.push(r.version);
  }
  return out;
}
