// NodePorts: a pod asking for host ports fits only nodes where no counted pod holds the same
// protocol/port on the same (or the wildcard) host IP. Default profile (profile.ts).
import { ClusterEvent, unschedulable, type FilterPlugin } from "../framework";

/** Plugin name. */
export const NODE_PORTS = "NodePorts";
/** Reason for a host port clash. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** The NodePorts filter. */
export const nodePorts: FilterPlugin = {
  name: NODE_PORTS,
  events: [ClusterEvent.AssignedPodDelete, ClusterEvent.NodeAdd],
  filter(p, n) {
    for (const hp of p.hostPorts) if (n.portConflict(hp)) return unschedulable(NODE_PORTS, ERR_REASON_NODE_PORTS);
    return undefined;
  },
};
