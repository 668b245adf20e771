// One scheduling cycle for one pod, as a pure plan: PreFilter, Filter over the nodes (from a
// rotating start index, stopping once enough feasible nodes are found), Score with weights and
// normalization, host selection with reservoir sampling on ties, and on failure the FitError
// text plus DefaultPreemption's outcome. scheduler.ts applies the decision.
import type { Rng } from "../core/rng";
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage } from "./failure";
import { Code, isRejected, unresolvable, type SchedPod, type ScoreContext, type Status } from "./framework";
import type { NodeInfo, NodeInfoCache, PodEntry } from "./node-info";
import { preempt } from "./preemption";
import type { Profile } from "./profile";

/** Clusters smaller than this are always searched in full (minFeasibleNodesToFind). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** Lower bound of the adaptive percentage of nodes to score (minFeasibleNodesPercentageToFind). */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** The decision of one cycle. */
export type Decision =
  | { kind: "bind"; node: string }
  | {
      kind: "fail";
      /** The FitError text (condition message and, truncated, event note). */
      message: string;
      /** Plugins that rejected the pod somewhere (decides which events requeue it). */
      plugins: string[];
      /** Victims to evict and the node to nominate, when preemption found a candidate. */
      preemption?: { node: string; victims: PodEntry[] };
    };

/** Inputs of one cycle. */
export interface CycleInput {
  sp: SchedPod;
  cache: NodeInfoCache;
  profile: Profile;
  rng: Rng;
  /** Where the previous cycle stopped searching (nextStartNodeIndex). */
  startIndex: number;
  terminatingByPreemption(key: string): boolean;
}

/** numFeasibleNodesToFind with the default adaptive percentage. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  return Math.max(Math.trunc((numAllNodes * percentage) / 100), MIN_FEASIBLE_NODES_TO_FIND);
}

/** Runs the filter plugins in order; the first rejection is the node's status. */
export function runFilters(inp: CycleInput, n: NodeInfo): Status | undefined {
  for (const f of inp.profile.filter) {
    const s = f.filter(inp.sp, n);
    if (s && isRejected(s)) return s;
  }
  return undefined;
}

/** Plans the placement of one pod. */
export function schedulePod(inp: CycleInput): { decision: Decision; nextStartIndex: number } {
  const all = inp.cache.nodes();
  if (!all.length) return { decision: { kind: "fail", message: ERR_NO_NODES_AVAILABLE, plugins: [] }, nextStartIndex: 0 };
  const statuses = new Map<string, Status>();
  const plugins = new Set<string>();
  let absent: Status | undefined;
  let candidates = all;
  for (const pf of inp.profile.preFilter) {
    const r = pf.preFilter(inp.sp);
    if (r.status && isRejected(r.status)) {
      plugins.add(pf.name);
      const msg = r.status.reasons.join(", ");
      return { decision: fail(inp, all, () => r.status!, [], { count: all.length, status: r.status }, plugins, msg), nextStartIndex: inp.startIndex };
    }
    if (r.nodeNames) {
      plugins.add(pf.name);
      candidates = candidates.filter((n) => r.nodeNames!.has(n.name));
      absent = unresolvable(pf.name, `node(s) didn't satisfy plugin(s) [${pf.name}]`);
    }
  }
  const want = numFeasibleNodesToFind(candidates.length);
  const feasible: NodeInfo[] = [];
  const start = candidates.length ? inp.startIndex % candidates.length : 0;
  for (let i = 0; i < candidates.length && feasible.length < want; i++) {
    const n = candidates[(start + i) % candidates.length];
    const s = runFilters(inp, n);
    if (!s) feasible.push(n);
    else {
      statuses.set(n.name, s);
      if (s.plugin) plugins.add(s.plugin);
    }
  }
  const nextStartIndex = (inp.startIndex + feasible.length + statuses.size) % all.length;
  if (!feasible.length) {
    const absentInfo = absent ? { count: all.length - candidates.length, status: absent } : undefined;
    const statusOf = (name: string) => statuses.get(name) ?? absent ?? { code: Code.Success, reasons: [] };
    return { decision: fail(inp, all, statusOf, [...statuses.values()], absentInfo, plugins), nextStartIndex };
  }
  if (feasible.length === 1) return { decision: { kind: "bind", node: feasible[0].name }, nextStartIndex };
  return { decision: { kind: "bind", node: selectHost(feasible, scoreNodes(inp, feasible, all.length), inp.rng) }, nextStartIndex };
}

function fail(inp: CycleInput, all: readonly NodeInfo[], statusOf: (n: string) => Status, explicit: Status[],
  absent: { count: number; status: Status } | undefined, plugins: Set<string>, preFilterMsg?: string): Decision {
  const outcome = preempt({ sp: inp.sp, nodes: all, statusOf, filters: inp.profile.filter, cache: inp.cache,
    terminatingByPreemption: inp.terminatingByPreemption });
  const postFilterMsg = outcome.kind === "message" ? outcome.postFilterMsg : undefined;
  const message = fitErrorMessage({ numAllNodes: all.length, preFilterMsg, statuses: explicit, absent, postFilterMsg });
  const decision: Decision = { kind: "fail", message, plugins: [...plugins].sort() };
  if (outcome.kind === "preempt") decision.preemption = { node: outcome.node, victims: outcome.victims };
  return decision;
}

/** Weighted, normalized totals per feasible node. */
export function scoreNodes(inp: CycleInput, feasible: readonly NodeInfo[], totalNodes: number): number[] {
  const n = feasible.length;
  const totals = new Array<number>(n).fill(0);
  const scores = new Array<number>(n);
  const ctx: ScoreContext = { totalNodes, imageNodes: (name) => inp.cache.imageNodeCount(name) };
  for (const { plugin, weight } of inp.profile.score) {
    if (plugin.preScore && !plugin.preScore(inp.sp, feasible)) continue;
    for (let i = 0; i < n; i++) scores[i] = plugin.score(inp.sp, feasible[i], ctx);
    plugin.normalize?.(scores);
    for (let i = 0; i < n; i++) totals[i] += scores[i] * weight;
  }
  return totals;
}

/** selectHost: the highest total; ties broken by reservoir sampling with the seeded RNG. */
export function selectHost(nodes: readonly NodeInfo[], totals: readonly number[], rng: Rng): string {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (rng.int(ties) === 0) best = i;
    }
  }
  return nodes[best].name;
}
