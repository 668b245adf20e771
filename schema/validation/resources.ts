// Compute resources: resource names (standard, hugepages, extended), quantity values and the
// requests <= limits rule (ValidateResourceRequirements), plus the decode-time check that every
// quantity in a pod parses. Used by container and pod validation and by the API server decoder.
import { cmp, formatQuantity, milliValueBig, parseQuantity, parseQuantityStrict, type Quantity } from "../quantity";
import { type FieldError, forbidden, invalid, required, stringer } from "./field-error";
import { isQualifiedName } from "./names";
import { arr, child, key, obj, type Obj, isObj } from "./util";

const NEGATIVE = "must be greater than or equal to 0";
const NOT_INTEGER = "must be an integer";
const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const STANDARD_RESOURCES = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
  "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "services", "replicationcontrollers",
  "resourcequotas", "secrets", "persistentvolumeclaims", "configmaps", "services.nodeports",
  "services.loadbalancers", "storage", "requests.storage",
]);
const INTEGER_RESOURCES = new Set([
  "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
  "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
]);
const HUGEPAGES_PREFIX = "hugepages-";

/** helper.IsHugePageResourceName */
export const isHugePageResourceName = (n: string): boolean => n.startsWith(HUGEPAGES_PREFIX);
/** helper.IsNativeResource: no domain, or a kubernetes.io domain. */
export const isNativeResource = (n: string): boolean => !n.includes("/") || n.includes("kubernetes.io/");
/** helper.IsExtendedResourceName (e.g. nvidia.com/gpu). */
export function isExtendedResourceName(n: string): boolean {
  if (isNativeResource(n) || n.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${n}`).length === 0;
}
/** helper.IsOvercommitAllowed: requests may be below limits. */
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePageResourceName(n);
const isStandardResourceName = (n: string) =>
  STANDARD_RESOURCES.has(n) || n.startsWith(HUGEPAGES_PREFIX) || n.startsWith(`requests.${HUGEPAGES_PREFIX}`);
const isIntegerResourceName = (n: string) => INTEGER_RESOURCES.has(n) || isExtendedResourceName(n);

/** validateResourceName + validateContainerResourceName. */
export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  const rn = stringer(name);
  if (!name.includes("/")) {
    if (!isStandardResourceName(name)) errs.push(invalid(path, rn, "must be a standard resource type or fully qualified"));
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(path, rn, "must be a standard resource for containers"));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, rn, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** ValidateResourceQuantityValue: non-negative, integral for integer resources. */
export function validateResourceQuantityValue(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.mantissa < 0n) errs.push(invalid(path, formatQuantity(q), NEGATIVE));
  if (isIntegerResourceName(name) && milliValueBig(q) % 1000n !== 0n) errs.push(invalid(path, stringer(formatQuantity(q)), NOT_INTEGER));
  return errs;
}

function hugePageError(name: string, q: Quantity): string | undefined {
  const size = parseQuantity(name.slice(HUGEPAGES_PREFIX.length));
  if (!size || size.mantissa <= 0n) return `${formatQuantity(q)} is not positive integer multiple of ${name}`;
  const sizeMilli = milliValueBig(size);
  const qMilli = milliValueBig(q);
  if (qMilli < 0n || qMilli % sizeMilli !== 0n) return `${formatQuantity(q)} is not positive integer multiple of ${name}`;
  return undefined;
}

/** The parsed entries of a ResourceList, in object order; unparsable values are skipped. */
export function resourceEntries(list: unknown): [string, Quantity][] {
  if (!isObj(list)) return [];
  const out: [string, Quantity][] = [];
  for (const [k, v] of Object.entries(list)) {
    const q = typeof v === "string" || typeof v === "number" ? parseQuantity(v) : undefined;
    if (q) out.push([k, q]);
  }
  return out;
}

/** ValidateResourceRequirements: limits, then requests (with requests <= limits). */
export function validateResourceRequirements(req: unknown, path: string, podClaimNames: Set<string> = new Set()): FieldError[] {
  const r: Obj = obj(req);
  const errs: FieldError[] = [];
  const limPath = child(path, "limits");
  const reqPath = child(path, "requests");
  const limits = new Map(resourceEntries(r.limits));
  let cpuMem = false;
  let huge = false;
  for (const [name, q] of limits) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) {
      huge = true;
      const e = hugePageError(name, q);
      if (e) errs.push(invalid(p, formatQuantity(q), e));
    }
    if (name === "cpu" || name === "memory") cpuMem = true;
  }
  for (const [name, q] of resourceEntries(r.requests)) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, q, p));
    const lim = limits.get(name);
    if (lim) {
      if (cmp(q, lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(lim)}`));
      } else if (cmp(q, lim) > 0) {
        errs.push(invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePageResourceName(name)) {
      huge = true;
      const e = hugePageError(name, q);
      if (e) errs.push(invalid(p, formatQuantity(q), e));
    }
    if (name === "cpu" || name === "memory") cpuMem = true;
  }
  if (!cpuMem && huge) errs.push(forbidden(path, "HugePages require cpu or memory"));
  arr(r.claims).forEach((c: Obj, i: number) => {
    const name = typeof c?.name === "string" ? c.name : "";
    if (!name) errs.push(required(`${child(path, "claims")}[${i}]`));
    else if (!podClaimNames.has(name)) {
      const e: FieldError = { type: "FieldValueNotFound", field: `${child(path, "claims")}[${i}]`, badValue: name, hasBadValue: true,
        detail: `must be one of the names in pod.spec.resourceClaims${podClaimNames.size ? `: ${[...podClaimNames].sort().join(", ")}` : " which is empty"}` };
      errs.push(e);
    }
  });
  return errs;
}

/** Every quantity-valued path of a pod, for the decode-time check. */
function* podQuantities(pod: Obj): Generator<unknown> {
  const spec = obj(pod.spec);
  const lists = (res: unknown) => [obj(obj(res).limits), obj(obj(res).requests)];
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers), ...arr(spec.ephemeralContainers)]) {
    for (const l of lists(obj(c).resources)) yield* Object.values(l);
    for (const e of arr(obj(c).env)) yield obj(obj(obj(e).valueFrom).resourceFieldRef).divisor;
  }
  yield* Object.values(obj(spec.overhead));
  for (const l of lists(spec.resources)) yield* Object.values(l);
  for (const v of arr(spec.volumes)) {
    yield obj(obj(v).emptyDir).sizeLimit;
    for (const f of arr(obj(obj(v).downwardAPI).items)) yield obj(obj(f).resourceFieldRef).divisor;
    for (const s of arr(obj(obj(v).projected).sources)) {
      for (const f of arr(obj(obj(s).downwardAPI).items)) yield obj(obj(f).resourceFieldRef).divisor;
    }
  }
}

/**
 * The JSON decoder's failure for a pod holding an unparsable quantity (the API server answers
 * 400 `Pod in version "v1" cannot be handled as a Pod: <this>`), or undefined.
 */
export function podQuantityDecodeError(pod: unknown): string | undefined {
  for (const v of podQuantities(obj(pod))) {
    if (v === undefined || v === null) continue;
    if (typeof v !== "string" && typeof v !== "number") return "quantities must be strings or numbers";
    const r = parseQuantityStrict(v);
    if ("error" in r) return r.error;
  }
  return undefined;
}
