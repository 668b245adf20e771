// Turns the optional node list of POST /api/sandboxes into the core's topology (addresses,
// Calico blocks, pod CIDRs), within quotas. Without a list the tutorial's default is used.
import type { NodeSpec } from "../durable/sim/config";
import type { CreateSandboxBody } from "../schema/wire";

/** Quota: total CPUs of a custom topology. */
export const MAX_TOTAL_CPU = 64;

/** The core topology for a request, or an error message. */
export function topologyFor(nodes: CreateSandboxBody["nodes"]): NodeSpec[] | { error: string } | undefined {
  if (!nodes) return undefined;
  const names = new Set<string>();
  let cpu = 0;
  const out: NodeSpec[] = [];
  nodes.forEach((n, i) => {
    names.add(n.name);
    cpu += Number(n.cpu);
    out.push({
      name: n.name, ip: `192.168.10.${80 + i}`, cpu: n.cpu, memory: n.memory, pods: n.pods,
      ...(n.controlPlane ? { controlPlane: true } : {}),
      ...(n.labels ? { labels: n.labels } : {}),
      taints: n.taints ?? (n.controlPlane ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }] : undefined),
      podBlock: `172.16.${100 + i * 8}.0/26`, podCIDR: `10.244.${i}.0/24`,
    });
  });
  if (names.size !== nodes.length) return { error: "node names must be unique" };
  if (cpu > MAX_TOTAL_CPU) return { error: `a sandbox may have at most ${MAX_TOTAL_CPU} CPUs in total` };
  return out;
}
