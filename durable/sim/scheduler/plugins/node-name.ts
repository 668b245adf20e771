// NodeName: a pod that names a node fits only that node. Pods created with spec.nodeName bypass
// the scheduler, so this only matters for the scheduler's own checks. Default profile (profile.ts).
import { ClusterEvent, unresolvable, type FilterPlugin } from "../framework";

/** Plugin name. */
export const NODE_NAME = "NodeName";
/** Reason for a node other than the requested one. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** The NodeName filter. */
export const nodeName: FilterPlugin = {
  name: NODE_NAME,
  events: [ClusterEvent.NodeAdd],
  filter(p, n) {
    const want = p.pod.spec?.nodeName;
    return !want || want === n.name ? undefined : unresolvable(NODE_NAME, ERR_REASON_NODE_NAME);
  },
};
