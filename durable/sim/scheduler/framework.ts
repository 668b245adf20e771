// The scheduler framework in miniature: typed status codes, the plugin interfaces (PreFilter,
// Filter, Score with optional normalization), the cluster events plugins react to, and the
// pod view plugins read. Plugins (plugins/*.ts), the cycle (cycle.ts) and the queue use it.
import type { Pod, Toleration } from "../../../schema/k8s";
import type { NodeInfo } from "./node-info";
import type { Resources } from "./resources";

/** Status codes of a plugin result, as upstream's framework.Code. */
export const Code = {
  Success: "Success",
  Error: "Error",
  Unschedulable: "Unschedulable",
  UnschedulableAndUnresolvable: "UnschedulableAndUnresolvable",
  Skip: "Skip",
} as const;
/** One of the status codes. */
export type StatusCode = (typeof Code)[keyof typeof Code];

/** A plugin's verdict: a code, the human reasons users read, and the plugin that said it. */
export interface Status {
  code: StatusCode;
  reasons: string[];
  plugin?: string;
}

/** A rejection a later event may resolve (for example, resources freed by a deleted pod). */
export function unschedulable(plugin: string, ...reasons: string[]): Status {
  return { code: Code.Unschedulable, reasons, plugin };
}

/** A rejection preemption cannot resolve (taints, affinity, node name, cordon). */
export function unresolvable(plugin: string, ...reasons: string[]): Status {
  return { code: Code.UnschedulableAndUnresolvable, reasons, plugin };
}

/** True for Unschedulable and UnschedulableAndUnresolvable. */
export function isRejected(s: Status): boolean {
  return s.code === Code.Unschedulable || s.code === Code.UnschedulableAndUnresolvable;
}

/** Highest score one plugin gives a node (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** Cluster changes that can make a rejected pod schedulable (framework.ClusterEvent, simplified). */
export const ClusterEvent = {
  NodeAdd: "NodeAdd",
  NodeTaintChange: "NodeTaintChange",
  NodeLabelChange: "NodeLabelChange",
  NodeAllocatableChange: "NodeAllocatableChange",
  NodeSpecUnschedulableChange: "NodeSpecUnschedulableChange",
  AssignedPodDelete: "AssignedPodDelete",
  AssignedPodScaleDown: "AssignedPodScaleDown",
  UnscheduledPodUpdate: "UnscheduledPodUpdate",
  Flush: "Flush",
} as const;
/** One cluster event kind. */
export type ClusterEventKind = (typeof ClusterEvent)[keyof typeof ClusterEvent];

/** A host port a container asks for (NodePorts). */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** The pod being scheduled, with everything plugins need computed once per attempt. */
export interface SchedPod {
  key: string;
  pod: Pod;
  /** Effective requests (§7.3), used by the fit filter and BalancedAllocation. */
  requests: Resources;
  /** Requests with the 100m / 200Mi defaults for containers that set none (LeastAllocated only). */
  nonZero: { cpuMilli: number; memoryBytes: number };
  tolerations: Toleration[];
  hostPorts: HostPort[];
  priority: number;
}

/** What a PreFilter plugin may return: a rejection, or the only nodes worth filtering. */
export interface PreFilterResult {
  status?: Status;
  nodeNames?: Set<string>;
}

/** A plugin with a name (every plugin has one). */
export interface Plugin {
  readonly name: string;
  /** Cluster events after which a pod this plugin rejected is worth retrying. */
  readonly events?: readonly ClusterEventKind[];
}

/** Narrows the set of nodes, or rejects the pod outright, before per-node filtering. */
export interface PreFilterPlugin extends Plugin {
  preFilter(p: SchedPod): PreFilterResult;
}

/** Says whether a pod may run on one node; undefined means it may. */
export interface FilterPlugin extends Plugin {
  filter(p: SchedPod, n: NodeInfo): Status | undefined;
}

/** Ranks feasible nodes: raw scores per node, then an optional normalization to 0..100. */
export interface ScorePlugin extends Plugin {
  /** Returns false to skip scoring this pod (the plugin then adds 0 everywhere). */
  preScore?(p: SchedPod, nodes: readonly NodeInfo[]): boolean;
  score(p: SchedPod, n: NodeInfo, ctx: ScoreContext): number;
  normalize?(scores: number[]): void;
}

/** What a score plugin may read besides the node: cluster-wide facts. */
export interface ScoreContext {
  /** Number of nodes in the cluster (ImageLocality's spread). */
  totalNodes: number;
  /** How many nodes hold an image (ImageLocality). */
  imageNodes(name: string): number;
}

/** DefaultNormalizeScore: scales to 0..max by the highest raw score; `reverse` flips it. */
export function defaultNormalizeScore(scores: number[], reverse: boolean, max = MAX_NODE_SCORE): void {
  let top = 0;
  for (const s of scores) if (s > top) top = s;
  if (top === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((max * scores[i]) / top);
    scores[i] = reverse ? max - s : s;
  }
}
