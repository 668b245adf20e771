// NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be equally used
// after placing the pod (score = (1 - std of the requested fractions) × 100, actual requests).
import { MAX_NODE_SCORE, type ScorePlugin } from "../framework";

/** Plugin name. */
export const NODE_RESOURCES_BALANCED_ALLOCATION = "NodeResourcesBalancedAllocation";

/** balancedResourceScorer over (requested, allocatable) pairs; resources with 0 allocatable are skipped. */
export function balancedScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i] / allocatable[i], 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** balancedScore for exactly cpu and memory, without allocating (the scheduling hot path). */
export function balancedScoreCpuMemory(cpu: number, cpuAlloc: number, mem: number, memAlloc: number): number {
  if (cpuAlloc === 0 || memAlloc === 0) return MAX_NODE_SCORE; // one fraction or none: no deviation
  const fc = Math.min(cpu / cpuAlloc, 1);
  const fm = Math.min(mem / memAlloc, 1);
  return Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX_NODE_SCORE);
}

/** The BalancedAllocation score. */
export const nodeResourcesBalancedAllocation: ScorePlugin = {
  name: NODE_RESOURCES_BALANCED_ALLOCATION,
  score(p, n) {
    const r = n.requested;
    const a = n.allocatable;
    return balancedScoreCpuMemory(r.cpuMilli + p.requests.cpuMilli, a.cpuMilli, r.memoryBytes + p.requests.memoryBytes, a.memoryBytes);
  },
};
