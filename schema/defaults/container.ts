// Container defaulting (SetDefaults_Container and the generated per-field defaults): pull policy
// from the image tag, termination message path/policy, `resources: {}`, port protocol, fieldRef
// apiVersion, canonical quantities, probe timings and HTTP/gRPC handler defaults.
import { formatQuantity, parseQuantity } from "../quantity";
import { defaultPullPolicy } from "./image-ref";
import { arr, isObj, type Json } from "./json";
import { defaultResourceList } from "./resources";

/** SetDefaults_HTTPGetAction */
export function defaultHTTPGet(h: unknown): void {
  if (!isObj(h)) return;
  h.path ||= "/";
  h.scheme ||= "HTTP";
}

/** SetDefaults_Probe plus its handlers. */
export function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHTTPGet(p.httpGet);
  if (isObj(p.grpc) && (p.grpc.service === undefined || p.grpc.service === null)) p.grpc.service = "";
}

/** SetDefaults_ObjectFieldSelector */
export function defaultFieldRef(f: unknown): void {
  if (isObj(f) && !f.apiVersion) f.apiVersion = "v1";
}

/** A resourceFieldRef divisor is re-emitted in canonical form. */
export function canonicalDivisor(r: unknown): void {
  if (!isObj(r) || r.divisor === undefined || r.divisor === null) return;
  const q = parseQuantity(r.divisor);
  if (q) r.divisor = formatQuantity(q);
}

/** SetDefaults_Container and the generated defaults of its nested fields. */
export function defaultContainer(c: Json): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === "string" ? c.image : "");
  c.terminationMessagePath ||= "/dev/termination-log";
  c.terminationMessagePolicy ||= "File";
  if (!isObj(c.resources)) c.resources = {};
  defaultResourceList(c.resources.limits);
  defaultResourceList(c.resources.requests);
  for (const p of arr(c.ports)) if (isObj(p) && !p.protocol) p.protocol = "TCP";
  for (const e of arr(c.env)) {
    if (!isObj(e) || !isObj(e.valueFrom)) continue;
    defaultFieldRef(e.valueFrom.fieldRef);
    canonicalDivisor(e.valueFrom.resourceFieldRef);
  }
  for (const k of ["livenessProbe", "readinessProbe", "startupProbe"]) defaultProbe(c[k]);
  if (isObj(c.lifecycle)) {
    for (const hook of ["postStart", "preStop"]) if (isObj(c.lifecycle[hook])) defaultHTTPGet(c.lifecycle[hook].httpGet);
  }
}
