// TaintToleration: filters out nodes with a NoSchedule/NoExecute taint the pod does not tolerate
// (the first such taint names the reason) and prefers nodes with fewer untolerated
// PreferNoSchedule taints. Also exports the toleration matching NodeUnschedulable reuses.
import type { Taint, Toleration } from "../../../../schema/k8s";
import { ClusterEvent, defaultNormalizeScore, unresolvable, type FilterPlugin, type ScorePlugin } from "../framework";

/** Plugin name. */
export const TAINT_TOLERATION = "TaintToleration";

/** The reason for an untolerated taint: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason(t: { key: string; value?: string }): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ""}}`;
}

/** Toleration.ToleratesTaint: effect and key match (empty = any), then Equal or Exists. */
export function toleratesTaint(tol: Toleration, taint: { key: string; value?: string; effect: string }): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  const op = tol.operator ?? "";
  if (op === "" || op === "Equal") return (tol.value ?? "") === (taint.value ?? "");
  return op === "Exists";
}

/** True when any toleration tolerates the taint. */
export function tolerationsTolerateTaint(tols: readonly Toleration[], taint: { key: string; value?: string; effect: string }): boolean {
  for (const t of tols) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first NoSchedule/NoExecute taint no toleration matches, in node order. */
export function findUntoleratedTaint(taints: readonly Taint[], tols: readonly Toleration[]): Taint | undefined {
  for (const t of taints) {
    if (t.effect !== "NoSchedule" && t.effect !== "NoExecute") continue;
    if (!tolerationsTolerateTaint(tols, t)) return t;
  }
  return undefined;
}

/** The TaintToleration filter and score. */
export const taintToleration: FilterPlugin & ScorePlugin = {
  name: TAINT_TOLERATION,
  events: [ClusterEvent.NodeAdd, ClusterEvent.NodeTaintChange],
  filter(p, n) {
    const taint = findUntoleratedTaint(n.node?.spec?.taints ?? [], p.tolerations);
    return taint ? unresolvable(TAINT_TOLERATION, untoleratedTaintReason(taint)) : undefined;
  },
  score(p, n) {
    const taints = n.node?.spec?.taints;
    if (!taints?.length) return 0;
    const tols = p.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    let count = 0;
    for (const t of taints) {
      if (t.effect === "PreferNoSchedule" && !tolerationsTolerateTaint(tols, t)) count++;
    }
    return count;
  },
  normalize(scores) {
    defaultNormalizeScore(scores, true);
  },
};
