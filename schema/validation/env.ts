// Container environment: env names (relaxed in v1.32), valueFrom with exactly one source, the
// downward API fieldRef / resourceFieldRef rules, configMap/secret key selectors, and envFrom.
// Also used by downwardAPI volume validation. Called from containers.ts and volumes.ts.
import { formatQuantity, parseQuantity } from "../quantity";
import { type FieldError, invalid, notSupported, required } from "./field-error";
import { isConfigMapKey, isQualifiedName, isRelaxedEnvVarName } from "./names";
import { nameIsDNSSubdomain } from "./object-meta";
import { arr, child, idx, isObj, isSet, obj, type Obj, str } from "./util";

/** Env var downward API field paths (sorted as sets.List prints them). */
export const ENV_FIELD_PATHS = [
  "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
  "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
];
/** Volume downward API field paths. */
export const VOLUME_FIELD_PATHS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];
/** Container resource field selectors. */
export const RESOURCE_FIELD_PATHS = [
  "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory",
];
const HUGEPAGES_PREFIXES = ["limits.hugepages-", "requests.hugepages-"];
const CONVERTIBLE_LABELS = new Set([
  "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
  "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP",
  "status.hostIPs", "status.podIP", "status.podIPs",
]);
const ONE_SOURCE = "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
const VALUE_AND_SOURCE = "may not be specified when `value` is not empty";
const TOO_MANY_SOURCES = "may not have more than one field specified at a time";
const MEMORY_DIVISORS = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";
const MEMORY_DIVISOR_SET = new Set(MEMORY_DIVISORS.split(", "));

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['k']` → ["metadata.labels", "k"]. */
export function splitSubscriptedPath(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const s = p.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

/** pods.ConvertDownwardAPIFieldLabel: the internal path, or the conversion error. */
function convertFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== "v1") return { error: `unsupported pod version: ${version}` };
  const sub = splitSubscriptedPath(label);
  if (sub) {
    return sub[0] === "metadata.annotations" || sub[0] === "metadata.labels"
      ? { path: label } : { error: `field label does not support subscript: ${label}` };
  }
  if (CONVERTIBLE_LABELS.has(label)) return { path: label };
  if (label === "spec.host") return { path: "spec.nodeName" };
  return { error: `field label not supported: ${label}` };
}

/** validateObjectFieldSelector */
export function validateObjectFieldSelector(fs: Obj, allowed: string[], path: string): FieldError[] {
  const apiVersion = str(fs.apiVersion);
  const fieldPath = str(fs.fieldPath);
  if (!apiVersion) return [required(child(path, "apiVersion"))];
  if (!fieldPath) return [required(child(path, "fieldPath"))];
  const conv = convertFieldLabel(apiVersion, fieldPath);
  if ("error" in conv) return [invalid(child(path, "fieldPath"), fieldPath, `error converting fieldPath: ${conv.error}`)];
  const sub = splitSubscriptedPath(conv.path);
  if (sub) {
    const k = sub[0] === "metadata.annotations" ? sub[1].toLowerCase() : sub[1];
    return isQualifiedName(k).map((m) => invalid(path, k, m));
  }
  if (!allowed.includes(conv.path)) return [notSupported(child(path, "fieldPath"), conv.path, allowed)];
  return [];
}

function validateDivisor(resource: string, divisor: unknown, path: string): FieldError[] {
  if (!isSet(divisor)) return [];
  const q = parseQuantity(divisor as string);
  if (!q || q.mantissa === 0n) return [];
  const d = formatQuantity(q);
  const p = child(path, "divisor");
  if ((resource === "limits.cpu" || resource === "requests.cpu") && d !== "1m" && d !== "1") {
    return [invalid(p, resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
  }
  if ((resource === "limits.memory" || resource === "requests.memory") && !MEMORY_DIVISOR_SET.has(d)) {
    return [invalid(p, resource, `only divisor's values ${MEMORY_DIVISORS} are supported with the memory resource`)];
  }
  if ((resource === "limits.ephemeral-storage" || resource === "requests.ephemeral-storage") && !MEMORY_DIVISOR_SET.has(d)) {
    return [invalid(p, resource, `only divisor's values ${MEMORY_DIVISORS} are supported with the local ephemeral storage resource`)];
  }
  if (HUGEPAGES_PREFIXES.some((x) => resource.startsWith(x)) && !MEMORY_DIVISOR_SET.has(d)) {
    return [invalid(p, resource, `only divisor's values ${MEMORY_DIVISORS} are supported with the hugepages resource`)];
  }
  return [];
}

/** validateContainerResourceFieldSelector (volume = containerName required). */
export function validateResourceFieldSelector(fs: Obj, path: string, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const resource = str(fs.resource);
  if (volume && !str(fs.containerName)) errs.push(required(child(path, "containerName")));
  else if (!resource) errs.push(required(child(path, "resource")));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !HUGEPAGES_PREFIXES.some((x) => resource.startsWith(x))) {
    errs.push(notSupported(child(path, "resource"), resource, RESOURCE_FIELD_PATHS));
  }
  errs.push(...validateDivisor(resource, fs.divisor, path));
  return errs;
}

function validateKeySelector(s: Obj, path: string): FieldError[] {
  const errs = nameIsDNSSubdomain(str(s.name), false).map((m) => invalid(child(path, "name"), str(s.name), m));
  const k = str(s.key);
  if (!k) errs.push(required(child(path, "key")));
  else errs.push(...isConfigMapKey(k).map((m) => invalid(child(path, "key"), k, m)));
  return errs;
}

function validateValueFrom(ev: Obj, path: string): FieldError[] {
  if (!isObj(ev.valueFrom)) return [];
  const vf = ev.valueFrom;
  const errs: FieldError[] = [];
  let n = 0;
  if (isObj(vf.fieldRef)) { n++; errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, child(path, "fieldRef"))); }
  if (isObj(vf.resourceFieldRef)) { n++; errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, child(path, "resourceFieldRef"), false)); }
  if (isObj(vf.configMapKeyRef)) { n++; errs.push(...validateKeySelector(vf.configMapKeyRef, child(path, "configMapKeyRef"))); }
  if (isObj(vf.secretKeyRef)) { n++; errs.push(...validateKeySelector(vf.secretKeyRef, child(path, "secretKeyRef"))); }
  if (n === 0) errs.push(invalid(path, "", ONE_SOURCE));
  else if (str(ev.value) !== "") errs.push(invalid(path, "", VALUE_AND_SOURCE));
  else if (n > 1) errs.push(invalid(path, "", TOO_MANY_SOURCES));
  return errs;
}

/** ValidateEnv */
export function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(env).forEach((raw, i) => {
    const ev = obj(raw);
    const p = idx(path, i);
    const name = str(ev.name);
    if (!name) errs.push(required(child(p, "name")));
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(child(p, "name"), name, m)));
    errs.push(...validateValueFrom(ev, child(p, "valueFrom")));
  });
  return errs;
}

/** ValidateEnvFrom */
export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(envFrom).forEach((raw, i) => {
    const ev = obj(raw);
    const p = idx(path, i);
    const prefix = str(ev.prefix);
    if (prefix) errs.push(...isRelaxedEnvVarName(prefix).map((m) => invalid(child(p, "prefix"), prefix, m)));
    let n = 0;
    for (const src of ["configMapRef", "secretRef"]) {
      if (!isObj(ev[src])) continue;
      n++;
      const name = str(ev[src].name);
      if (!name) errs.push(required(child(child(p, src), "name")));
      else errs.push(...nameIsDNSSubdomain(name, true).map((m) => invalid(child(child(p, src), "name"), name, m)));
    }
    if (n === 0) errs.push(invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (n > 1) errs.push(invalid(path, "", TOO_MANY_SOURCES));
  });
  return errs;
}
