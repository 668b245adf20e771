// Builds the SchedPod view of a pod (effective and non-zero requests, tolerations, host ports,
// priority) once per scheduling attempt. Used by scheduler.ts and tests.
import type { Pod } from "../../../schema/k8s";
import type { SchedPod } from "./framework";
import { podHostPorts } from "./node-info";
import { podNonZeroRequests, podRequests } from "./resources";

/** The pod view plugins read. */
export function schedPod(key: string, pod: Pod): SchedPod {
  return { key, pod, requests: podRequests(pod), nonZero: podNonZeroRequests(pod), tolerations: pod.spec?.tolerations ?? [],
    hostPorts: podHostPorts(pod), priority: pod.spec?.priority ?? 0 };
}
