// NodeAffinity: spec.nodeSelector plus requiredDuringSchedulingIgnoredDuringExecution as a
// filter (with the PreFilter shortcut for metadata.name matchFields), and the weights of matching
// preferredDuringScheduling terms as a score. Exports the node selector matching it is built on.
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from "../../../../schema/k8s";
import { ClusterEvent, defaultNormalizeScore, unresolvable, type FilterPlugin, type PreFilterPlugin, type ScorePlugin } from "../framework";

/** Plugin name. */
export const NODE_AFFINITY = "NodeAffinity";
/** Reason for a node that fails the pod's nodeSelector or required node affinity. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** PreFilter reason when every term pins disjoint node names. */
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";
/** The only field matchFields supports. */
const OBJECT_NAME_FIELD = "metadata.name";

/** Whether one requirement holds for a key/value lookup (NodeSelectorRequirement semantics). */
export function matchRequirement(r: NodeSelectorRequirement, get: (k: string) => string | undefined): boolean {
  const v = get(r.key);
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return v !== undefined && values.includes(v);
    case "NotIn":
      return v === undefined || !values.includes(v);
    case "Exists":
      return v !== undefined;
    case "DoesNotExist":
      return v === undefined;
    case "Gt":
    case "Lt": {
      if (v === undefined || values.length !== 1) return false;
      const have = parseIntStrict(v);
      const want = parseIntStrict(values[0]);
      if (have === undefined || want === undefined) return false;
      return r.operator === "Gt" ? have > want : have < want;
    }
    default:
      return false;
  }
}

function parseIntStrict(s: string): bigint | undefined {
  return /^[+-]?\d+$/.test(s) ? BigInt(s) : undefined;
}

/** Whether a node satisfies one term (an empty term matches nothing). */
export function matchTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (!matchRequirement(r, (k) => (k in labels ? labels[k] : undefined))) return false;
  const name = node.metadata?.name;
  for (const r of fields) if (!matchRequirement(r, (k) => (k === OBJECT_NAME_FIELD ? name : undefined))) return false;
  return true;
}

/** Whether a node satisfies any of the terms (ORed). */
export function matchTerms(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  for (const t of terms) if (matchTerm(t, node)) return true;
  return false;
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector and required affinity terms. */
export function matchesRequired(pod: Pod, node: Node): boolean {
  const sel = pod.spec?.nodeSelector;
  if (sel) {
    const labels = node.metadata?.labels ?? {};
    for (const k in sel) if (labels[k] !== sel[k]) return false;
  }
  const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return req ? matchTerms(req.nodeSelectorTerms ?? [], node) : true;
}

/** The node names a pod's required terms pin through metadata.name In, or undefined for all nodes. */
export function pinnedNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (!terms.length) return undefined;
  let union: Set<string> | undefined;
  for (const t of terms) {
    let names: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== OBJECT_NAME_FIELD || r.operator !== "In") continue;
      const s = new Set(r.values ?? []);
      names = names ? new Set([...names].filter((n) => s.has(n))) : s;
    }
    if (!names) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

/** The NodeAffinity prefilter, filter and score. */
export const nodeAffinity: PreFilterPlugin & FilterPlugin & ScorePlugin = {
  name: NODE_AFFINITY,
  events: [ClusterEvent.NodeAdd, ClusterEvent.NodeLabelChange],
  preFilter(p) {
    const names = pinnedNodeNames(p.pod);
    if (!names) return {};
    if (!names.size) return { status: unresolvable(NODE_AFFINITY, ERR_REASON_CONFLICT) };
    return { nodeNames: names };
  },
  filter(p, n) {
    if (!n.node) return undefined;
    return matchesRequired(p.pod, n.node) ? undefined : unresolvable(NODE_AFFINITY, ERR_REASON_POD);
  },
  preScore(p) {
    return !!p.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length;
  },
  score(p, n) {
    let sum = 0;
    if (!n.node) return 0;
    for (const t of p.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (t.weight && matchTerm(t.preference, n.node)) sum += t.weight;
    }
    return sum;
  },
  normalize(scores) {
    defaultNormalizeScore(scores, false);
  },
};
