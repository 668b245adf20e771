// ObjectMeta validation (apimachinery api/validation/objectmeta.go + core's finalizer checks):
// names per kind, namespace, labels, annotations, owner references, finalizers, and the update
// rules for immutable metadata. Used by every kind's validator in schema/validation.
import { type FieldError, forbidden, invalid, required, tooLong } from "./field-error";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, byteLen } from "./names";
import { arr, child, idx, type Obj, isObj, str } from "./util";

/** A name validator: messages for `name` (prefix = it is a generateName). */
export type NameFn = (name: string, prefix: boolean) => string[];

const FIELD_IMMUTABLE = "field is immutable";
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);
const NOT_QUALIFIED_FINALIZER = "name is neither a standard finalizer name nor is it fully qualified";

/** generateName may end in a dash: it is masked before validation. */
const maskTrailingDash = (name: string) => (name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name);

/** NameIsDNSSubdomain (pods, configmaps, secrets, nodes). */
export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** NameIsDNSLabel */
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** NameIsDNS1035Label (services). */
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
/** ValidateNamespaceName */
export const validateNamespaceName: NameFn = nameIsDNSLabel;
/** ValidateServiceAccountName */
export const validateServiceAccountName: NameFn = nameIsDNSSubdomain;

/** ValidateLabelName */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** ValidateLabels: keys then values, in key order of the object. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(labels)) return errs;
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(str(v))) errs.push(invalid(path, str(v), m));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names compared lower-cased; total size <= 256 KiB. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(annotations)) return errs;
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += byteLen(k) + byteLen(str(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, "", TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  return arr(finalizers).flatMap((f) => isQualifiedName(str(f)).map((m) => invalid(child(path, "finalizers"), str(f), m)));
}

function validateKubeFinalizers(finalizers: unknown, path: string): FieldError[] {
  if (!Array.isArray(finalizers)) return [];
  return finalizers.flatMap((f, i) => {
    const name = str(f);
    return !name.includes("/") && !STANDARD_FINALIZERS.has(name)
      ? [invalid(idx(child(path, "finalizers"), i), name, NOT_QUALIFIED_FINALIZER)] : [];
  });
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(refs)) return errs;
  let controllers = 0;
  refs.forEach((r: Obj) => {
    if (!isObj(r)) return;
    if (!str(r.apiVersion)) errs.push(invalid(child(path, "apiVersion"), str(r.apiVersion), "version must not be empty"));
    if (!str(r.kind)) errs.push(invalid(child(path, "kind"), str(r.kind), "kind must not be empty"));
    if (!str(r.name)) errs.push(invalid(child(path, "name"), str(r.name), "name must not be empty"));
    if (!str(r.uid)) errs.push(invalid(child(path, "uid"), str(r.uid), "uid must not be empty"));
    if (r.controller === true) controllers++;
  });
  if (controllers > 1) errs.push(invalid(path, refs, "Only one reference can have Controller set to true"));
  return errs;
}

/** ValidateObjectMeta (apimachinery + core's finalizer names), path usually "metadata". */
export function validateObjectMeta(meta: unknown, requiresNamespace: boolean, nameFn: NameFn, path = "metadata"): FieldError[] {
  const m: Obj = isObj(meta) ? meta : {};
  const errs: FieldError[] = [];
  const generateName = str(m.generateName);
  if (generateName) for (const msg of nameFn(generateName, true)) errs.push(invalid(child(path, "generateName"), generateName, msg));
  const name = str(m.name);
  if (!name) errs.push(required(child(path, "name"), "name or generateName is required"));
  else for (const msg of nameFn(name, false)) errs.push(invalid(child(path, "name"), name, msg));
  const ns = str(m.namespace);
  if (requiresNamespace) {
    if (!ns) errs.push(required(child(path, "namespace")));
    else for (const msg of validateNamespaceName(ns, false)) errs.push(invalid(child(path, "namespace"), ns, msg));
  } else if (ns) errs.push(forbidden(child(path, "namespace"), "not allowed on this type"));
  if (typeof m.generation === "number" && m.generation < 0) errs.push(invalid(child(path, "generation"), m.generation, "must be greater than or equal to 0"));
  errs.push(...validateLabels(m.labels, child(path, "labels")));
  errs.push(...validateAnnotations(m.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, "ownerReferences")));
  errs.push(...validateFinalizers(m.finalizers, path));
  errs.push(...validateKubeFinalizers(m.finalizers, path));
  return errs;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * ValidateObjectMetaUpdate: name, namespace, uid, creationTimestamp, deletionTimestamp and
 * deletionGracePeriodSeconds may not change; labels/annotations revalidated. resourceVersion is
 * the API server's business and is not checked here.
 */
export function validateObjectMetaUpdate(newMeta: unknown, oldMeta: unknown, path = "metadata"): FieldError[] {
  const n: Obj = isObj(newMeta) ? newMeta : {};
  const o: Obj = isObj(oldMeta) ? oldMeta : {};
  const errs: FieldError[] = [];
  if (typeof n.generation === "number" && typeof o.generation === "number" && n.generation < o.generation) {
    errs.push(invalid(child(path, "generation"), n.generation, "must not be decremented"));
  }
  for (const f of ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds"]) {
    if (!same(n[f], o[f])) errs.push(invalid(child(path, f), n[f] ?? (f.endsWith("Seconds") || f.endsWith("Timestamp") ? null : ""), FIELD_IMMUTABLE));
  }
  errs.push(...validateLabels(n.labels, child(path, "labels")));
  errs.push(...validateAnnotations(n.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(n.ownerReferences, child(path, "ownerReferences")));
  errs.push(...validateKubeFinalizers(n.finalizers, path));
  return errs;
}
