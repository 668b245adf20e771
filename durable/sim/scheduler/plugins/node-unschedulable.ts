// NodeUnschedulable: rejects cordoned nodes (spec.unschedulable) unless the pod tolerates the
// node.kubernetes.io/unschedulable:NoSchedule taint. Part of the default profile (profile.ts).
import { ClusterEvent, unresolvable, type FilterPlugin } from "../framework";
import { tolerationsTolerateTaint } from "./taint-toleration";

/** Plugin name. */
export const NODE_UNSCHEDULABLE = "NodeUnschedulable";
/** Reason for a cordoned node. */
export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
/** Taint a pod may tolerate to land on a cordoned node (v1.TaintNodeUnschedulable). */
export const TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

/** The NodeUnschedulable filter. */
export const nodeUnschedulable: FilterPlugin = {
  name: NODE_UNSCHEDULABLE,
  events: [ClusterEvent.NodeAdd, ClusterEvent.NodeSpecUnschedulableChange, ClusterEvent.NodeTaintChange],
  filter(p, n) {
    if (!n.node?.spec?.unschedulable) return undefined;
    const tolerated = tolerationsTolerateTaint(p.tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule" });
    return tolerated ? undefined : unresolvable(NODE_UNSCHEDULABLE, ERR_REASON_UNSCHEDULABLE);
  },
};
