// Pod QoS class (pkg/apis/core/helper/qos ComputePodQOS): only cpu and memory, only positive
// quantities, app and init containers alike. Used at create (status.qosClass), by the update
// rule "Pod QoS is immutable", by the kubelet's eviction order and by printers.
import { add, cmp, parseQuantity, type Quantity } from "./quantity";

/** status.qosClass values. */
export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const QOS_RESOURCES = new Set(["cpu", "memory"]);

function positive(list: unknown): [string, Quantity][] {
  const out: [string, Quantity][] = [];
  for (const [name, raw] of Object.entries(obj(list))) {
    if (!QOS_RESOURCES.has(name)) continue;
    const q = typeof raw === "string" || typeof raw === "number" ? parseQuantity(raw) : undefined;
    if (q && q.mantissa > 0n) out.push([name, q]);
  }
  return out;
}

const accumulate = (into: Map<string, Quantity>, name: string, q: Quantity) =>
  into.set(name, into.has(name) ? add(q, into.get(name)!) : q);

/** ComputePodQOS for a v1 pod (plain JSON). */
export function qosClass(pod: unknown): QOSClass {
  const spec = obj(obj(pod).spec);
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
    const res = obj(obj(c).resources);
    for (const [n, q] of positive(res.requests)) accumulate(requests, n, q);
    const found = new Set<string>();
    for (const [n, q] of positive(res.limits)) { found.add(n); accumulate(limits, n, q); }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [n, req] of requests) {
      const lim = limits.get(n);
      if (!lim || cmp(lim, req) !== 0) { guaranteed = false; break; }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

/** GetPodQOS: the recorded status.qosClass, else computed. */
export function podQOS(pod: unknown): QOSClass {
  const recorded = obj(obj(pod).status).qosClass;
  return typeof recorded === "string" && recorded ? (recorded as QOSClass) : qosClass(pod);
}
