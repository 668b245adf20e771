// Defaulting of the other kinds podlab serves: Namespace (metadata.name label, Active phase,
// the kubernetes finalizer added at create), Secret (type Opaque, stringData folded into data),
// ConfigMap (nothing visible), Node (allocatable = capacity).
import { clone, isObj, type Json } from "./json";

/** SetDefaults_Namespace + SetDefaults_NamespaceStatus. */
export function defaultNamespace<T>(input: T): T {
  const ns = clone(input) as Json;
  if (!isObj(ns.metadata)) ns.metadata = {};
  if (typeof ns.metadata.name === "string" && ns.metadata.name) {
    if (!isObj(ns.metadata.labels)) ns.metadata.labels = {};
    ns.metadata.labels["kubernetes.io/metadata.name"] = ns.metadata.name;
  }
  if (!isObj(ns.status)) ns.status = {};
  ns.status.phase ||= "Active";
  return ns as T;
}

/** Namespace PrepareForCreate: status Active and the `kubernetes` finalizer in spec. */
export function prepareNamespaceForCreate<T>(input: T): T {
  const ns = defaultNamespace(input) as Json;
  ns.status = { phase: "Active" };
  if (!isObj(ns.spec)) ns.spec = {};
  const fin: unknown[] = Array.isArray(ns.spec.finalizers) ? ns.spec.finalizers : [];
  if (!fin.includes("kubernetes")) fin.push("kubernetes");
  ns.spec.finalizers = fin;
  return ns as T;
}

const base64 = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

/** SetDefaults_Secret + conversion: type Opaque, stringData merged (base64) into data. */
export function defaultSecret<T>(input: T): T {
  const s = clone(input) as Json;
  s.type ||= "Opaque";
  if (isObj(s.stringData)) {
    if (!isObj(s.data)) s.data = {};
    for (const [k, v] of Object.entries(s.stringData)) s.data[k] = base64(String(v));
  }
  delete s.stringData;
  return s as T;
}

/** SetDefaults_ConfigMap has no visible effect (an empty data map is omitted). */
export function defaultConfigMap<T>(input: T): T {
  return clone(input);
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode<T>(input: T): T {
  const n = clone(input) as Json;
  if (isObj(n.status) && isObj(n.status.capacity) && !isObj(n.status.allocatable)) n.status.allocatable = clone(n.status.capacity);
  return n as T;
}
