// The patch metadata of every kind podlab serves, hand-written from the struct tags of
// k8s.io/api v0.32 (core/v1, coordination/v1, discovery/v1) and apimachinery's ObjectMeta:
// `patchStrategy:"merge" patchMergeKey:"..."` plus the `+listMapKey` markers that key
// server-side apply. Every list not listed here is atomic (replaced whole): command, args,
// tolerations, taints, readinessGates, Endpoints subsets, EndpointSlice endpoints and ports, ...
// Used by the PATCH handler (patchMetaFor(kind)) and by server-side apply.
import type { FieldMeta, PatchMeta } from "./patch-meta";

const merge = (mergeKey: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({ strategy: "merge", mergeKey, ...extra });
const set: FieldMeta = { strategy: "merge" };
const tcpKey = (key: string): Partial<FieldMeta> => ({ listMapKeys: [key, "protocol"], keyDefaults: { protocol: "TCP" } });

/** metav1.ObjectMeta: ownerReferences merge on uid; finalizers are a set of strings. */
const objectMeta: Record<string, FieldMeta> = {
  "metadata.ownerReferences": merge("uid"),
  "metadata.finalizers": set,
};

/** core/v1 Container (and EphemeralContainerCommon, which carries the same tags) at `c`. */
function containerMeta(c: string): Record<string, FieldMeta> {
  return {
    [c]: merge("name"),
    [`${c}[].ports`]: merge("containerPort", tcpKey("containerPort")),
    [`${c}[].env`]: merge("name"),
    [`${c}[].volumeMounts`]: merge("mountPath"),
    [`${c}[].volumeDevices`]: merge("devicePath"),
  };
}

/** core/v1 PodSpec at path `p`. */
function podSpecMeta(p: string): Record<string, FieldMeta> {
  return {
    [`${p}.volumes`]: { strategy: "merge,retainKeys", mergeKey: "name" },
    ...containerMeta(`${p}.initContainers`),
    ...containerMeta(`${p}.containers`),
    ...containerMeta(`${p}.ephemeralContainers`),
    [`${p}.imagePullSecrets`]: merge("name"),
    [`${p}.hostAliases`]: merge("ip"),
    [`${p}.topologySpreadConstraints`]: merge("topologyKey", { listMapKeys: ["topologyKey", "whenUnsatisfiable"] }),
    [`${p}.schedulingGates`]: merge("name"),
    [`${p}.resourceClaims`]: { strategy: "merge,retainKeys", mergeKey: "name" },
  };
}

const podMeta: PatchMeta = {
  ...objectMeta,
  ...podSpecMeta("spec"),
  "status.conditions": merge("type"),
  "status.podIPs": merge("ip"),
  "status.hostIPs": merge("ip"),
  "status.resourceClaimStatuses": { strategy: "merge,retainKeys", mergeKey: "name" },
};

const serviceMeta: PatchMeta = {
  ...objectMeta,
  "spec.ports": merge("port", tcpKey("port")),
  "status.conditions": merge("type"),
};

const nodeMeta: PatchMeta = {
  ...objectMeta,
  "spec.podCIDRs": set,
  "status.conditions": merge("type"),
  "status.addresses": merge("type"),
};

const namespaceMeta: PatchMeta = {
  ...objectMeta,
  "status.conditions": merge("type"),
};

const serviceAccountMeta: PatchMeta = {
  ...objectMeta,
  secrets: merge("name"),
};

const genericMeta: PatchMeta = { ...objectMeta };

/** Tables by kind. ConfigMap, Secret, Endpoints, Event, Lease and EndpointSlice only have metadata merge lists. */
export const PATCH_META: Readonly<Record<string, PatchMeta>> = {
  Pod: podMeta,
  Service: serviceMeta,
  Node: nodeMeta,
  Namespace: namespaceMeta,
  ServiceAccount: serviceAccountMeta,
  ConfigMap: genericMeta,
  Secret: genericMeta,
  Endpoints: genericMeta,
  Event: genericMeta,
  Lease: genericMeta,
  EndpointSlice: genericMeta,
};

/** The path → {mergeKey, strategy} table of a kind; unknown kinds get the ObjectMeta rules only. */
export function patchMetaFor(kind: string): PatchMeta {
  return PATCH_META[kind] ?? genericMeta;
}
