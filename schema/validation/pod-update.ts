// ValidatePodUpdate's rules beyond full revalidation: container count and images, the
// activeDeadlineSeconds rules, additions-only tolerations, deletions-only scheduling gates, the
// immutable QoS class, and the munged-spec comparison whose Forbidden carries upstream's
// `cmp.Diff` of the internal core.PodSpec. Used by pod.ts.
import { podQOS, qosClass } from "../qos";
import { type FieldError, forbidden, invalid, required } from "./field-error";
import { internalPodSpec, semanticEqual } from "./go-cmp/convert";
import { cmpDiff } from "./go-cmp/format-diff";
import { PodSpecType } from "./go-cmp/types";
import { inclusiveRangeError } from "./names";
import { validateObjectMetaUpdate } from "./object-meta";
import { validateTolerations } from "./scheduling";
import { arr, child, idx, isObj, isSet, obj, type Obj, str } from "./util";

const MAX_INT32 = 2147483647;
const MIRROR_POD = "kubernetes.io/config.mirror";
const APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
/** updatablePodSpecFieldsNoResources (InPlacePodVerticalScaling is off in v1.32). */
export const UPDATABLE_POD_SPEC_FIELDS = [
  "`spec.containers[*].image`", "`spec.initContainers[*].image`", "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
].join(",");
/** The Forbidden detail without the diff. */
export const POD_UPDATE_FORBIDDEN = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS}`;

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function annotationUpdates(n: Obj, o: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const na = obj(obj(n.metadata).annotations);
  const oa = obj(obj(o.metadata).annotations);
  for (const [k, v] of Object.entries(oa)) {
    if (k in na && na[k] === v) continue;
    if (k.startsWith(APPARMOR_PREFIX)) errs.push(forbidden(`${path}[${k}]`, "may not remove or update AppArmor annotations"));
    if (k === MIRROR_POD) errs.push(forbidden(`${path}[${k}]`, "may not remove or update mirror pod annotation"));
  }
  for (const k of Object.keys(na)) {
    if (k in oa) continue;
    if (k.startsWith(APPARMOR_PREFIX)) errs.push(forbidden(`${path}[${k}]`, "may not add AppArmor annotations"));
    if (k === MIRROR_POD) errs.push(forbidden(`${path}[${k}]`, "may not add mirror pod annotation"));
  }
  return errs;
}

function containerUpdates(n: unknown, o: unknown, path: string): { errs: FieldError[]; stop: boolean } {
  const nn = arr(n);
  if (nn.length !== arr(o).length) return { errs: [forbidden(path, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  nn.forEach((c, i) => {
    const image = str(obj(c).image);
    if (!image) errs.push(required(child(idx(path, i), "image")));
    if (image.trim() !== image) errs.push(invalid(child(idx(path, i), "image"), image, "must not have leading or trailing whitespace"));
  });
  return { errs, stop: false };
}

const tolerationKey = (t: Obj) => JSON.stringify([str(t.key), str(t.operator), str(t.value), str(t.effect)]);

function onlyAddedTolerations(n: unknown, o: unknown, path: string): FieldError[] {
  const have = new Set(arr(n).map((t) => tolerationKey(obj(t))));
  for (const t of arr(o)) {
    if (!have.has(tolerationKey(obj(t)))) return [forbidden(path, "existing toleration can not be modified except its tolerationSeconds")];
  }
  return validateTolerations(n, path);
}

function onlyDeletedGates(n: unknown, o: unknown, path: string): FieldError[] {
  const old = new Set(arr(o).map((g) => str(obj(g).name)));
  const added = new Map<string, number>();
  arr(n).forEach((g, i) => { if (!old.has(str(obj(g).name))) added.set(str(obj(g).name), i); });
  return [...added].map(([g, i]) => forbidden(child(idx(path, i), "name"), `only deletion is allowed, but found new scheduling gate '${g}'`));
}

/** The rest of ValidatePodUpdate, in upstream order. */
export function validatePodUpdateRules(newPod: Obj, oldPod: Obj, metadataAndSpec: (p: Obj) => FieldError[]): FieldError[] {
  const ns = obj(newPod.spec);
  const os = obj(oldPod.spec);
  const errs = validateObjectMetaUpdate(newPod.metadata, oldPod.metadata, "metadata");
  errs.push(...metadataAndSpec(newPod));
  errs.push(...annotationUpdates(newPod, oldPod, "metadata.annotations"));
  for (const f of ["containers", "initContainers"]) {
    const r = containerUpdates(ns[f], os[f], `spec.${f}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  if (isSet(ns.activeDeadlineSeconds)) {
    const v = Number(ns.activeDeadlineSeconds);
    if (v < 0 || v > MAX_INT32) return [...errs, invalid("spec.activeDeadlineSeconds", v, inclusiveRangeError(0, MAX_INT32))];
    if (isSet(os.activeDeadlineSeconds) && Number(os.activeDeadlineSeconds) < v) {
      return [...errs, invalid("spec.activeDeadlineSeconds", v, "must be less than or equal to previous value")];
    }
  } else if (isSet(os.activeDeadlineSeconds)) {
    errs.push(invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }
  errs.push(...onlyAddedTolerations(ns.tolerations, os.tolerations, "spec.tolerations"));
  errs.push(...onlyDeletedGates(ns.schedulingGates, os.schedulingGates, "spec.schedulingGates"));
  const oldSpec = internalPodSpec(os);
  if (semanticEqual(PodSpecType, internalPodSpec(ns), oldSpec)) return errs;
  if (podQOS(oldPod) !== qosClass(newPod)) {
    errs.push(invalid("metadata", str(obj(newPod.status).qosClass), "Pod QoS is immutable"));
  }
  const munged = clone(ns);
  arr(munged.containers).forEach((c, i) => { c.image = obj(arr(os.containers)[i]).image; });
  arr(munged.initContainers).forEach((c, i) => { c.image = obj(arr(os.initContainers)[i]).image; });
  munged.activeDeadlineSeconds = clone(os.activeDeadlineSeconds);
  munged.schedulingGates = clone(os.schedulingGates);
  munged.tolerations = clone(os.tolerations);
  if (typeof os.terminationGracePeriodSeconds === "number" && os.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  }
  if (arr(os.schedulingGates).length > 0) {
    munged.nodeSelector = clone(os.nodeSelector);
    if (isObj(munged.affinity) || isObj(os.affinity)) {
      munged.affinity = { ...obj(munged.affinity), nodeAffinity: clone(obj(os.affinity).nodeAffinity) };
      if (!isSet(munged.affinity.nodeAffinity)) delete munged.affinity.nodeAffinity;
      if (!isObj(os.affinity) && Object.keys(munged.affinity).length === 0) delete munged.affinity;
    }
  }
  const mungedSpec = internalPodSpec(munged);
  if (!semanticEqual(PodSpecType, mungedSpec, oldSpec)) {
    errs.push(forbidden("spec", `${POD_UPDATE_FORBIDDEN}\n${cmpDiff(PodSpecType, oldSpec, mungedSpec)}`));
  }
  return errs;
}
