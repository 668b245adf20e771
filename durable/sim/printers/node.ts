// The nodes table (printNode): STATUS from the Ready condition, ROLES from labels, wide columns.
import { ageColumn, col, nameColumn, type ColumnDef } from "./columns";
import { age } from "./pod";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Column definitions of the nodes table. */
export const NODE_COLUMNS: ColumnDef[] = [
  nameColumn(),
  col("Status", "The status of the node"),
  col("Roles", "The roles of the node"),
  ageColumn(),
  col("Version", "Kubelet Version reported by the node."),
  col("Internal-IP", "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).", { priority: 1 }),
  col("External-IP", "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).", { priority: 1 }),
  col("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", { priority: 1 }),
  col("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
  col("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", { priority: 1 }),
];

/** The STATUS column: Ready / NotReady / Unknown, plus SchedulingDisabled. */
export function nodeStatus(node: Json): string {
  const ready = (node.status?.conditions ?? []).find((c: Json) => c.type === "Ready");
  const parts: string[] = [];
  if (ready) parts.push(ready.status === "True" ? "Ready" : "NotReady");
  else parts.push("Unknown");
  if (node.spec?.unschedulable) parts.push("SchedulingDisabled");
  return parts.join(",");
}

/** The ROLES column: node-role.kubernetes.io/<role> labels plus kubernetes.io/role. */
export function nodeRoles(node: Json): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(node.metadata?.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  const list = [...roles].sort();
  return list.length ? list.join(",") : "<none>";
}

/** First address of a type, or `<none>`. */
export function nodeAddress(node: Json, type: string): string {
  return (node.status?.addresses ?? []).find((a: Json) => a.type === type)?.address ?? "<none>";
}

/** One row of the nodes table. */
export function nodeRow(node: Json, now: number): unknown[] {
  const info = node.status?.nodeInfo ?? {};
  return [
    node.metadata.name,
    nodeStatus(node),
    nodeRoles(node),
    age(node, now),
    info.kubeletVersion ?? "",
    nodeAddress(node, "InternalIP"),
    nodeAddress(node, "ExternalIP"),
    info.osImage || "<unknown>",
    info.kernelVersion || "<unknown>",
    info.containerRuntimeVersion || "<unknown>",
  ];
}
