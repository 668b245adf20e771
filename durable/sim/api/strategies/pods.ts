// Pod rules: defaulting + admission on create, the immutable-spec update rules, status
// writes (kubelet, scheduler) and graceful deletion (pkg/registry/core/pod/strategy.go).
import { AdmissionError, admitPod, admitPodUpdate } from "../../../../schema/admission/pod";
import { defaultPod } from "../../../../schema/defaults/pod";
import { validatePodCreate, validatePodUpdate } from "../../../../schema/validation/pod";
import type { KObject } from "../../store/types";
import { forbidden } from "../status";
import { clone, type DeleteOptions, type Json, type Strategy } from "./types";

function admit<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AdmissionError) throw forbidden(e.message, { name: e.objectName, kind: e.resource });
    throw e;
  }
}

/** The Pod strategy. */
export const podStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    const pod = defaultPod(clone(obj)) as Json;
    const sa = ctx.store.get("serviceaccounts", pod.metadata.namespace, pod.spec?.serviceAccountName ?? pod.spec?.serviceAccount ?? "default") as Json;
    const serviceAccount = sa ? { automountServiceAccountToken: sa.automountServiceAccountToken, imagePullSecrets: sa.imagePullSecrets } : undefined;
    return admit(() => admitPod(pod, { rng: ctx.rng, serviceAccount })) as KObject;
  },
  validateCreate: (obj) => validatePodCreate(obj),
  prepareForUpdate(obj, old) {
    const pod = admit(() => admitPodUpdate(defaultPod(clone(obj)), old)) as Json;
    pod.status = clone((old as Json).status);
    return pod;
  },
  validateUpdate: (obj, old) => validatePodUpdate(obj, old),
  prepareForStatusUpdate(obj, old) {
    // Stored objects are never mutated in place, so the new version can share old's spec.
    return { ...old, metadata: { ...old.metadata }, status: clone((obj as Json).status) } as typeof old;
  },
  gracePeriod(obj, opts: DeleteOptions) {
    const pod = obj as Json;
    let grace: number;
    if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds !== null) grace = opts.gracePeriodSeconds;
    else grace = pod.spec?.terminationGracePeriodSeconds ?? 0;
    if (!pod.spec?.nodeName) grace = 0;
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") grace = 0;
    if (grace < 0) grace = 1;
    return grace;
  },
};
