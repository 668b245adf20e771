// Pod defaulting as the API server applies it when decoding a v1 Pod (SetObjectDefaults_Pod:
// SetDefaults_Pod, SetDefaults_PodSpec, containers, probes, volumes), plus the conversion
// normalizations that show up in the stored object (serviceAccount alias, canonical quantities)
// and PrepareForCreate's dropping of fields behind disabled v1.32 feature gates.
import { defaultContainer } from "./container";
import { defaultResourceList } from "./resources";
import { defaultVolume } from "./volumes";
import { arr, isObj, type Json, clone } from "./json";

/** requests default to limits, per resource, for every container of a Pod (not a template). */
function requestsFromLimits(c: Json): void {
  const res = c.resources;
  if (!isObj(res) || !isObj(res.limits)) return;
  if (!isObj(res.requests)) res.requests = {};
  for (const [k, v] of Object.entries(res.limits)) if (!(k in res.requests)) res.requests[k] = v;
}

/** With hostNetwork every containerPort is also the hostPort. */
function defaultHostNetworkPorts(containers: unknown): void {
  for (const c of arr(containers)) for (const p of arr((c as Json).ports)) if (isObj(p) && !p.hostPort) p.hostPort = p.containerPort;
}

/** SetDefaults_PodSpec (shared with pod templates). */
export function defaultPodSpec(spec: Json): void {
  spec.dnsPolicy ||= "ClusterFirst";
  spec.restartPolicy ||= "Always";
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (typeof spec.terminationGracePeriodSeconds !== "number") spec.terminationGracePeriodSeconds = 30;
  spec.schedulerName ||= "default-scheduler";
}

/** Fields v1.32 drops on write because their feature gate is off by default. */
function dropDisabledFields(spec: Json): void {
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) if (isObj(c)) delete c.resizePolicy;
  delete spec.resources;
  delete spec.hostUsers;
  if (isObj(spec.securityContext)) {
    delete spec.securityContext.seLinuxChangePolicy;
    delete spec.securityContext.supplementalGroupsPolicy;
  }
}

/** SetObjectDefaults_Pod: returns a new, defaulted pod; the input is not modified. */
export function defaultPod<T>(input: T): T {
  const pod = clone(input) as Json;
  if (!isObj(pod.spec)) pod.spec = {};
  const spec: Json = pod.spec;
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) if (isObj(c)) requestsFromLimits(c);
  if (typeof spec.enableServiceLinks !== "boolean") spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) { defaultHostNetworkPorts(spec.containers); defaultHostNetworkPorts(spec.initContainers); }
  defaultPodSpec(spec);
  for (const v of arr(spec.volumes)) if (isObj(v)) defaultVolume(v);
  for (const c of [...arr(spec.initContainers), ...arr(spec.containers), ...arr(spec.ephemeralContainers)]) {
    if (isObj(c)) defaultContainer(c);
  }
  defaultResourceList(spec.overhead);
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else if (typeof spec.serviceAccount === "string" && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  else delete spec.serviceAccount;
  dropDisabledFields(spec);
  return pod as T;
}
