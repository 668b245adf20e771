// The Priority admission plugin: resolves priorityClassName to spec.priority and
// spec.preemptionPolicy on create (0 / PreemptLowerPriority without a class), refuses unknown
// classes and contradicting values, and keeps both on update when a client drops them.
import { type Json } from "../defaults/json";
import { AdmissionError } from "./errors";

/** A PriorityClass as admission needs it. */
export interface PriorityClassInfo { value: number; preemptionPolicy?: string }

/** The classes every cluster has. */
export const SYSTEM_PRIORITY_CLASSES: Record<string, PriorityClassInfo> = {
  "system-node-critical": { value: 2000001000, preemptionPolicy: "PreemptLowerPriority" },
  "system-cluster-critical": { value: 2000000000, preemptionPolicy: "PreemptLowerPriority" },
};

/** Mutates `pod` on create; throws AdmissionError (403) like the plugin. */
export function admitPriority(pod: Json, classes: Record<string, PriorityClassInfo> = SYSTEM_PRIORITY_CLASSES): void {
  const spec: Json = pod.spec;
  const name: string = pod.metadata?.name ?? "";
  let priority = 0;
  let policy: string | undefined = "PreemptLowerPriority";
  if (spec.priorityClassName) {
    const pc = classes[spec.priorityClassName];
    if (!pc) throw new AdmissionError("pods", name, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    policy = pc.preemptionPolicy;
  }
  if (typeof spec.priority === "number" && spec.priority !== priority) {
    throw new AdmissionError("pods", name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (policy) {
    if (typeof spec.preemptionPolicy === "string" && spec.preemptionPolicy !== policy) {
      throw new AdmissionError("pods", name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = policy;
  }
}

/** On update: a client that omits priority/preemptionPolicy keeps the stored values. */
export function admitPriorityUpdate(pod: Json, old: Json): void {
  if (typeof pod.spec.priority !== "number" && typeof old.spec?.priority === "number") pod.spec.priority = old.spec.priority;
  if (!pod.spec.preemptionPolicy && old.spec?.preemptionPolicy) pod.spec.preemptionPolicy = old.spec.preemptionPolicy;
}
