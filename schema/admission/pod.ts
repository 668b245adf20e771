// Pod admission and create-time preparation, in the API server's order: the ServiceAccount,
// Priority and DefaultTolerationSeconds plugins, then PrepareForCreate (status reset to Pending
// with the computed QoS class, and the SchedulingGated condition). Used by the pod strategy.
import { clone, type Json, isObj, arr } from "../defaults/json";
import { qosClass } from "../qos";
import { admitPriority, admitPriorityUpdate, type PriorityClassInfo, SYSTEM_PRIORITY_CLASSES } from "./priority";
import { admitServiceAccount, type ServiceAccountInfo } from "./service-account";
import { admitDefaultTolerations } from "./tolerations";

/** The 403 refusal admission throws. */
export { AdmissionError } from "./errors";

/** What admission needs from the cluster. */
export interface AdmitContext {
  /** The seeded randomness (kube-api-access-xxxxx suffix). */
  rng: { suffix(n?: number): string };
  /** The pod's service account, when known (default: automount, no pull secrets). */
  serviceAccount?: ServiceAccountInfo;
  /** PriorityClasses by name (default: the two system classes). */
  priorityClasses?: Record<string, PriorityClassInfo>;
  /** Unused; accepted so callers can pass their whole context. */
  now?: unknown;
}

/** PrepareForCreate's status: Pending, QoS, and the SchedulingGated condition when gated. */
export function initialPodStatus(pod: Json): Json {
  const status: Json = { phase: "Pending", qosClass: qosClass(pod) };
  if (arr(pod.spec?.schedulingGates).length > 0) {
    status.conditions = [{
      lastProbeTime: null, lastTransitionTime: null, message: "Scheduling is blocked due to non-empty scheduling gates",
      reason: "SchedulingGated", status: "False", type: "PodScheduled",
    }];
  }
  return status;
}

/** Admits a defaulted pod on create; returns a new pod. Throws AdmissionError (403) on refusal. */
export function admitPod<T>(input: T, ctx: AdmitContext): T {
  const pod = clone(input) as Json;
  if (!isObj(pod.spec)) pod.spec = {};
  admitServiceAccount(pod, ctx.rng, ctx.serviceAccount);
  admitPriority(pod, ctx.priorityClasses ?? SYSTEM_PRIORITY_CLASSES);
  admitDefaultTolerations(pod);
  pod.status = initialPodStatus(pod);
  return pod as T;
}

/** Admits a defaulted pod on update (DefaultTolerationSeconds, Priority's keep-old rule). */
export function admitPodUpdate<T>(input: T, old: unknown): T {
  const pod = clone(input) as Json;
  if (!isObj(pod.spec)) pod.spec = {};
  admitPriorityUpdate(pod, isObj(old) ? old : {});
  admitDefaultTolerations(pod);
  return pod as T;
}
