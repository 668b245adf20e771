// Pod validation as the API server runs it: ValidatePodCreate (metadata, pod-specific
// annotations, ValidatePodSpec, pod-only checks, create-only rules) and ValidatePodUpdate (see
// pod-update.ts). Input is a defaulted, admitted v1 Pod as plain JSON. Used by the pod strategy.
import { type FieldError, forbidden, invalid } from "./field-error";
import { validateImagesOnlyForPod } from "./containers";
import { nameIsDNSSubdomain, validateObjectMeta } from "./object-meta";
import { validatePodSpec } from "./pod-spec";
import { validatePodUpdateRules } from "./pod-update";
import { arr, child, isObj, key, obj, type Obj, str } from "./util";

const MIRROR_POD = "kubernetes.io/config.mirror";
const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
const SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
const APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function validSeccompProfile(p: string): boolean {
  return p === "runtime/default" || p === "docker/default" || p === "unconfined" ||
    (p.startsWith("localhost/") && !p.slice(10).startsWith("/") && !p.slice(10).split("/").includes(".."));
}

/** ValidatePodSpecificAnnotations */
export function validatePodSpecificAnnotations(annotations: unknown, spec: Obj, path = "metadata.annotations"): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(annotations)) return errs;
  if (MIRROR_POD in annotations && !str(spec.nodeName)) {
    errs.push(invalid(key(path, MIRROR_POD), str(annotations[MIRROR_POD]), "must set spec.nodeName if mirror pod annotation is set"));
  }
  if (DELETION_COST in annotations) {
    const v = str(annotations[DELETION_COST]);
    const n = Number(v);
    if (!/^(0|-?[1-9][0-9]*)$/.test(v) || n < -2147483648 || n > 2147483647) {
      errs.push(invalid(key(path, DELETION_COST), v, "must be a 32bit integer"));
    }
  }
  for (const [k, v] of Object.entries(annotations)) {
    if ((k === SECCOMP_POD || k.startsWith(SECCOMP_CONTAINER_PREFIX)) && !validSeccompProfile(str(v))) {
      errs.push(invalid(child(path, k), str(v), "must be a valid seccomp profile"));
    }
  }
  const names = new Set([...arr(spec.initContainers), ...arr(spec.containers), ...arr(spec.ephemeralContainers)].map((c) => str(obj(c).name)));
  for (const [k, v] of Object.entries(annotations)) {
    if (!k.startsWith(APPARMOR_PREFIX)) continue;
    const ctr = k.slice(APPARMOR_PREFIX.length);
    if (!names.has(ctr)) errs.push(invalid(key(path, k), ctr, "container not found"));
    const p = str(v);
    if (p !== "" && p !== "runtime/default" && p !== "unconfined" && !p.startsWith("localhost/")) {
      errs.push(invalid(key(path, k), p, `invalid AppArmor profile name: ${JSON.stringify(p)}`));
    }
  }
  return errs;
}

/** validatePodMetadataAndSpec: shared by create and update. */
export function validatePodMetadataAndSpec(pod: Obj): FieldError[] {
  const meta = obj(pod.metadata);
  const spec = obj(pod.spec);
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, "metadata");
  errs.push(...validatePodSpecificAnnotations(meta.annotations, spec, "metadata.annotations"));
  errs.push(...validatePodSpec(spec, "spec"));
  if (!str(spec.serviceAccountName)) {
    arr(spec.volumes).forEach((v, vi) => {
      arr(obj(obj(v).projected).sources).forEach((s, si) => {
        if (isObj(obj(s).serviceAccountToken)) {
          errs.push(forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, "must not be specified when serviceAccountName is not set"));
        }
      });
    });
  }
  errs.push(...validateImagesOnlyForPod(spec.containers, "spec.containers"));
  errs.push(...validateImagesOnlyForPod(spec.initContainers, "spec.initContainers"));
  return errs;
}

/** ValidatePodCreate: what a POST of a (defaulted, admitted) pod is checked against. */
export function validatePodCreate(pod: unknown): FieldError[] {
  const p = obj(pod);
  const spec = obj(p.spec);
  const errs = validatePodMetadataAndSpec(p);
  if (arr(spec.ephemeralContainers).length > 0) errs.push(forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (str(spec.nodeName) && arr(spec.schedulingGates).length > 0) {
    errs.push(forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}

/**
 * ValidatePodUpdate: metadata update rules, full revalidation of the new pod, then the
 * immutable-spec rules with upstream's go-cmp diff of the internal PodSpec.
 */
export function validatePodUpdate(newPod: unknown, oldPod: unknown): FieldError[] {
  return validatePodUpdateRules(obj(newPod), obj(oldPod), validatePodMetadataAndSpec);
}
