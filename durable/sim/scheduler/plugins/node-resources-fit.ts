// NodeResourcesFit: the pod's effective requests must fit in allocatable minus what counted pods
// request (only resources the pod requests are checked), plus one pod slot; every shortfall is a
// reason. Scores with LeastAllocated over cpu and memory (weights 1), using non-zero requests.
import { ClusterEvent, MAX_NODE_SCORE, unschedulable, type FilterPlugin, type SchedPod, type ScorePlugin } from "../framework";
import type { NodeInfo } from "../node-info";
import type { Allocatable, Resources } from "../resources";

/** Plugin name. */
export const NODE_RESOURCES_FIT = "NodeResourcesFit";
/** Reason when the node has no pod slot left. */
export const ERR_REASON_TOO_MANY_PODS = "Too many pods";
/** Reason for a resource shortfall: `Insufficient cpu`, `Insufficient nvidia.com/gpu`, … */
export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/** One resource the node lacks for a pod (noderesources.InsufficientResource). */
export interface Shortfall { resource: string; requested: number; used: number; capacity: number }

/**
 * fitsRequest: every shortfall of `want` on a node with `alloc` of which `used` is requested by
 * `pods` pods, in upstream order (pods, cpu, memory, ephemeral-storage, scalars by name). The
 * scheduler turns them into FailedScheduling reasons, the kubelet's admission into OutOf<resource>.
 */
export function resourceShortfalls(want: Resources, alloc: Allocatable, used: Resources, pods: number): Shortfall[] {
  const out: Shortfall[] = [];
  if (pods + 1 > alloc.pods) out.push({ resource: "pods", requested: 1, used: pods, capacity: alloc.pods });
  const check = (resource: string, r: number, a: number, u: number) => {
    if (r > 0 && r > a - u) out.push({ resource, requested: r, used: u, capacity: a });
  };
  check("cpu", want.cpuMilli, alloc.cpuMilli, used.cpuMilli);
  check("memory", want.memoryBytes, alloc.memoryBytes, used.memoryBytes);
  check("ephemeral-storage", want.ephemeralBytes, alloc.ephemeralBytes, used.ephemeralBytes);
  for (const name of Object.keys(want.scalars ?? {}).sort()) check(name, want.scalars![name], alloc.scalars?.[name] ?? 0, used.scalars?.[name] ?? 0);
  return out;
}

/** Every reason the pod does not fit the node (empty when it fits), in upstream order. */
export function insufficientResources(p: SchedPod, n: NodeInfo): string[] {
  if (fitsQuickly(p, n)) return [];
  return resourceShortfalls(p.requests, n.allocatable, n.requested, n.pods.size)
    .map((s) => (s.resource === "pods" ? ERR_REASON_TOO_MANY_PODS : insufficientReason(s.resource)));
}

/** The common case without allocations: a slot free and cpu/memory/storage fit, no scalars. */
function fitsQuickly(p: SchedPod, n: NodeInfo): boolean {
  const r = p.requests;
  const a = n.allocatable;
  const used = n.requested;
  return !r.scalars && n.pods.size + 1 <= a.pods && r.cpuMilli <= a.cpuMilli - used.cpuMilli &&
    r.memoryBytes <= a.memoryBytes - used.memoryBytes && r.ephemeralBytes <= a.ephemeralBytes - used.ephemeralBytes;
}

/** leastRequestedScore: the free fraction after placing the pod, 0..100. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The NodeResourcesFit filter and LeastAllocated score. */
export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: NODE_RESOURCES_FIT,
  events: [ClusterEvent.AssignedPodDelete, ClusterEvent.AssignedPodScaleDown, ClusterEvent.NodeAdd, ClusterEvent.NodeAllocatableChange],
  filter(p, n) {
    if (fitsQuickly(p, n)) return undefined;
    const reasons = insufficientResources(p, n);
    return reasons.length ? unschedulable(NODE_RESOURCES_FIT, ...reasons) : undefined;
  },
  score(p, n) {
    let sum = 0;
    let weights = 0;
    const a = n.allocatable;
    if (a.cpuMilli > 0) {
      sum += leastRequestedScore(n.nonZeroRequested.cpuMilli + p.nonZero.cpuMilli, a.cpuMilli);
      weights++;
    }
    if (a.memoryBytes > 0) {
      sum += leastRequestedScore(n.nonZeroRequested.memoryBytes + p.nonZero.memoryBytes, a.memoryBytes);
      weights++;
    }
    return weights ? Math.trunc(sum / weights) : 0;
  },
};
