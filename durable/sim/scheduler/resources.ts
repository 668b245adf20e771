// Effective pod resource requests and limits as upstream's resourcehelper.PodRequests/PodLimits
// compute them (§7.3: app containers + sidecars, the max with each init container plus the
// sidecars started before it, plus overhead), the scheduler's "non-zero" scoring defaults, and
// node allocatable. Used by the scheduler's cache and plugins; the kubelet (admission) and
// `kubectl describe node` reuse podRequests/podLimits/nodeAllocatable.
import type { Container, Node, Pod } from "../../../schema/k8s";
import { milliValue, parseQuantity, value } from "../../../schema/quantity";

/** Per-resource amounts: CPU in millicores, everything else in base units (bytes, devices). */
export interface Resources {
  cpuMilli: number;
  memoryBytes: number;
  ephemeralBytes: number;
  /** Extended resources, hugepages-*, attachable-volumes-* (only the non-zero ones). */
  scalars?: Record<string, number>;
}

/** Node allocatable: Resources plus the pod count. */
export interface Allocatable extends Resources {
  pods: number;
}

/** CPU request assumed for scoring when a container sets none (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** Memory request assumed for scoring when a container sets none (schedutil.DefaultMemoryRequest). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type Quantityish = string | number;
type ResourceList = Record<string, Quantityish>;
/** A resource list in numbers: cpu in millicores, the rest in base units. */
type Amounts = Record<string, number>;

const memo = new Map<string, number>();
const MEMO_LIMIT = 10_000;

/** A quantity as a number: millicores for cpu (rounded up), base units otherwise; 0 if invalid. */
export function quantityAmount(resource: string, q: Quantityish): number {
  const k = `${resource === "cpu" ? "m" : "v"}${q}`;
  let n = memo.get(k);
  if (n === undefined) {
    const p = parseQuantity(q);
    n = p ? (resource === "cpu" ? milliValue(p) : value(p)) : 0;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(k, n);
  }
  return n;
}

/** Whether the scheduler tracks this resource as a scalar (schedutil.IsScalarResourceName). */
export function isScalarResourceName(name: string): boolean {
  return name.includes("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

function amounts(list: ResourceList | undefined, nonMissing: boolean): Amounts {
  const out: Amounts = {};
  if (list) for (const name in list) out[name] = quantityAmount(name, list[name]);
  if (nonMissing) {
    if (!list || !("cpu" in list)) out.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!list || !("memory" in list)) out.memory = DEFAULT_MEMORY_REQUEST;
  }
  return out;
}

function addInto(into: Amounts, from: Amounts): void {
  for (const k in from) into[k] = (into[k] ?? 0) + from[k];
}

function maxInto(into: Amounts, from: Amounts): void {
  for (const k in from) if (!(k in into) || from[k] > into[k]) into[k] = from[k];
}

/** AggregateContainerRequests/Limits: app containers + sidecars, max'ed with each init step. */
function aggregate(pod: Pod, field: "requests" | "limits", nonMissing: boolean): Amounts {
  const spec = pod.spec;
  const total: Amounts = {};
  for (const c of spec?.containers ?? []) addInto(total, amounts(c.resources?.[field] as ResourceList, nonMissing));
  const inits = spec?.initContainers;
  if (!inits?.length) return total;
  const sidecars: Amounts = {};
  const initMax: Amounts = {};
  for (const c of inits as Container[]) {
    const own = amounts(c.resources?.[field] as ResourceList, nonMissing);
    if (c.restartPolicy === "Always") {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const step: Amounts = { ...own };
      addInto(step, sidecars);
      maxInto(initMax, step);
    }
  }
  maxInto(total, initMax);
  return total;
}

function toResources(a: Amounts): Resources {
  const r: Resources = { cpuMilli: a.cpu ?? 0, memoryBytes: a.memory ?? 0, ephemeralBytes: a["ephemeral-storage"] ?? 0 };
  for (const k in a) {
    if (a[k] !== 0 && isScalarResourceName(k)) (r.scalars ??= {})[k] = a[k];
  }
  return r;
}

/** Effective requests of a pod (resourcehelper.PodRequests with overhead). */
export function podRequests(pod: Pod): Resources {
  const a = aggregate(pod, "requests", false);
  const overhead = pod.spec?.overhead as ResourceList | undefined;
  if (overhead) addInto(a, amounts(overhead, false));
  return toResources(a);
}

/** Requests with the non-zero defaults (100m CPU, 200Mi memory) per container; for scoring only. */
export function podNonZeroRequests(pod: Pod): { cpuMilli: number; memoryBytes: number } {
  const a = aggregate(pod, "requests", true);
  const overhead = pod.spec?.overhead as ResourceList | undefined;
  if (overhead) addInto(a, amounts(overhead, false));
  return { cpuMilli: a.cpu ?? 0, memoryBytes: a.memory ?? 0 };
}

/** Effective limits of a pod (resourcehelper.PodLimits: overhead added only to limits that are set). */
export function podLimits(pod: Pod): Resources {
  const a = aggregate(pod, "limits", false);
  const overhead = pod.spec?.overhead as ResourceList | undefined;
  if (overhead) {
    const o = amounts(overhead, false);
    for (const k in o) if (k in a) a[k] += o[k];
  }
  return toResources(a);
}

/** A node's allocatable resources (status.allocatable; capacity when allocatable is absent). */
export function nodeAllocatable(node: Node): Allocatable {
  const list = (node.status?.allocatable ?? node.status?.capacity ?? {}) as ResourceList;
  const a = amounts(list, false);
  return { ...toResources(a), pods: a.pods ?? 0 };
}
