// Cluster configuration: the node topology, address ranges and versions a sandbox starts with.
// The default is the tutorial's cluster (master tainted, node01 and node02 with 2 CPU / 4Gi).

/** One node of the topology. */
export interface NodeSpec {
  name: string;
  ip: string;
  cpu: string;
  memory: string;
  pods: number;
  controlPlane?: boolean;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }[];
  /** Calico IPIP block this node's pods get addresses from (e.g. 172.16.196.128/26). */
  podBlock: string;
  podCIDR: string;
}

/** Everything that varies between sandboxes. */
export interface ClusterConfig {
  seed: string;
  /** Virtual time at which the sandbox is created (ms since epoch). */
  startTime: number;
  /** How long before startTime the cluster was installed (node and kube-system ages). */
  installedAgoMs: number;
  nodes: NodeSpec[];
  kubernetesVersion: string;
  containerRuntime: string;
  osImage: string;
  kernelVersion: string;
}

/** The tutorial's three nodes. */
export function defaultNodes(): NodeSpec[] {
  return [
    { name: "master", ip: "192.168.10.80", cpu: "2", memory: "4Gi", pods: 110, controlPlane: true,
      taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }], podBlock: "172.16.219.64/26", podCIDR: "10.244.0.0/24" },
    { name: "node01", ip: "192.168.10.81", cpu: "2", memory: "4Gi", pods: 110, podBlock: "172.16.196.128/26", podCIDR: "10.244.1.0/24" },
    { name: "node02", ip: "192.168.10.82", cpu: "2", memory: "4Gi", pods: 110, podBlock: "172.16.140.64/26", podCIDR: "10.244.2.0/24" },
  ];
}

/** A full configuration with defaults for everything not given. */
export function clusterConfig(partial: Partial<ClusterConfig> & { seed: string; startTime: number }): ClusterConfig {
  return {
    installedAgoMs: 12 * 24 * 3600 * 1000,
    nodes: defaultNodes(),
    kubernetesVersion: "v1.32.4",
    containerRuntime: "containerd://1.7.27",
    osImage: "Rocky Linux 9.5 (Blue Onyx)",
    kernelVersion: "5.14.0-503.14.1.el9_5.x86_64",
    ...partial,
  };
}
