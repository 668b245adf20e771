// DefaultPreemption's PostFilter in miniature: eligibility, the dry run on nodes that failed
// only for resolvable reasons (evict every lower-priority pod, re-run the filters, reprieve as
// many victims as still fit), candidate choice, or the "preemption: 0/N nodes are available" text.
// Returns a plan (data); scheduler.ts evicts the victims and nominates the node.
import { Code, isRejected, unresolvable, type FilterPlugin, type SchedPod, type Status } from "./framework";
import { NO_PREEMPTION_VICTIMS, NOT_ELIGIBLE_NEVER, preemptionFailureMessage, preemptionIneligibleMessage } from "./failure";
import type { NodeInfo, NodeInfoCache, PodEntry } from "./node-info";

/** Plugin name (for statuses it creates). */
export const DEFAULT_PREEMPTION = "DefaultPreemption";
/** Eligibility reason when a victim on the nominated node is still terminating. */
export const NOT_ELIGIBLE_TERMINATING = "not eligible due to a terminating pod on the nominated node.";

/** Outcome of the PostFilter: a message for the FitError, or victims to evict on a node. */
export type PreemptionOutcome =
  | { kind: "message"; postFilterMsg: string }
  | { kind: "preempt"; node: string; victims: PodEntry[] };

/** Inputs of one preemption attempt. */
export interface PreemptionInput {
  sp: SchedPod;
  nodes: readonly NodeInfo[];
  /** The filter status of each node (explicit or the absent status). */
  statusOf(node: string): Status;
  filters: readonly FilterPlugin[];
  cache: NodeInfoCache;
  /** Whether a pod is already terminating because of an earlier preemption. */
  terminatingByPreemption(key: string): boolean;
}

function runFilters(filters: readonly FilterPlugin[], sp: SchedPod, n: NodeInfo): Status | undefined {
  for (const f of filters) {
    const s = f.filter(sp, n);
    if (s && isRejected(s)) return s;
  }
  return undefined;
}

/** Why the pod may not preempt, or undefined when it may (PodEligibleToPreemptOthers). */
export function ineligibleReason(inp: PreemptionInput): string | undefined {
  const { sp } = inp;
  if (sp.pod.spec?.preemptionPolicy === "Never") return NOT_ELIGIBLE_NEVER;
  const nominated = sp.pod.status?.nominatedNodeName;
  if (!nominated || inp.statusOf(nominated).code === Code.UnschedulableAndUnresolvable) return undefined;
  const info = inp.cache.get(nominated);
  for (const key of info?.pods ?? []) {
    const e = inp.cache.entry(key);
    if (e && e.priority < sp.priority && inp.terminatingByPreemption(key)) return NOT_ELIGIBLE_TERMINATING;
  }
  return undefined;
}

/** Runs the PostFilter for a pod no node could take. */
export function preempt(inp: PreemptionInput): PreemptionOutcome {
  const why = ineligibleReason(inp);
  if (why) return { kind: "message", postFilterMsg: preemptionIneligibleMessage(why) };
  const potential = inp.nodes.filter((n) => inp.statusOf(n.name).code === Code.Unschedulable);
  const statuses: Status[] = [];
  const candidates: { node: string; victims: PodEntry[] }[] = [];
  for (const n of potential) {
    const r = selectVictims(inp, n);
    if ("status" in r) statuses.push(r.status);
    else candidates.push({ node: n.name, victims: r.victims });
  }
  if (!candidates.length) {
    return { kind: "message", postFilterMsg: preemptionFailureMessage(inp.nodes.length, statuses, inp.nodes.length - potential.length) };
  }
  const best = candidates.reduce((a, b) => (compareCandidates(b, a) < 0 ? b : a));
  return { kind: "preempt", node: best.node, victims: best.victims };
}

/** SelectVictimsOnNode: evict all lower-priority pods, check the fit, then reprieve what still fits. */
function selectVictims(inp: PreemptionInput, n: NodeInfo): { status: Status } | { victims: PodEntry[] } {
  const lower: PodEntry[] = [];
  for (const key of n.pods) {
    const e = inp.cache.entry(key);
    if (e && e.priority < inp.sp.priority) lower.push(e);
  }
  if (!lower.length) return { status: unresolvable(DEFAULT_PREEMPTION, NO_PREEMPTION_VICTIMS) };
  const sim = n.clone();
  for (const e of lower) sim.apply(e, -1);
  const s = runFilters(inp.filters, inp.sp, sim);
  if (s) return { status: s };
  // Most important first (higher priority, then name): keep each one the pod can live with.
  lower.sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const victims: PodEntry[] = [];
  for (const e of lower) {
    sim.apply(e, 1);
    if (runFilters(inp.filters, inp.sp, sim)) {
      sim.apply(e, -1);
      victims.push(e);
    }
  }
  return { victims };
}

/** pickOneNodeForPreemption order: lowest top victim priority, lowest priority sum, fewest victims. */
function compareCandidates(a: { victims: PodEntry[] }, b: { victims: PodEntry[] }): number {
  const top = (v: PodEntry[]) => v.reduce((m, e) => Math.max(m, e.priority), -Infinity);
  const sum = (v: PodEntry[]) => v.reduce((m, e) => m + e.priority + 2 ** 31, 0);
  return top(a.victims) - top(b.victims) || sum(a.victims) - sum(b.victims) || a.victims.length - b.victims.length;
}
