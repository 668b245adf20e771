// Node objects of a fresh sandbox: labels, taints, capacity/allocatable, conditions, addresses
// and nodeInfo as a kubeadm v1.32 node with containerd and Calico reports them.
import type { ClusterConfig, NodeSpec } from "../config";
import type { Rng } from "../core/rng";
import { rfc3339 } from "../core/time";
import type { KObject } from "../store/types";

/** Memory reserved for the hard eviction threshold (memory.available<100Mi). */
const EVICTION_RESERVE_KI = 100 * 1024;

/** Converts a memory quantity like `4Gi`/`8192Mi` to Ki (the form nodes report). */
export function memoryKi(q: string): number {
  const m = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return 4 * 1024 * 1024;
  const n = Number(m[1]);
  const f = { Ki: 1, Mi: 1024, Gi: 1024 * 1024, Ti: 1024 * 1024 * 1024 }[m[2] ?? "Ki"] ?? 1;
  return n * f;
}

/**
 * The memory the node's kernel reports (MemTotal, hence the node's capacity) for a machine of
 * `memKi`: a VM sold as 4Gi shows about 3.69Gi once the kernel and crash kernel take their share,
 * which is why real nodes report odd Ki values rather than round ones.
 */
export function visibleMemoryKi(memKi: number): number {
  return memKi - Math.min(Math.floor(memKi / 8), Math.floor(memKi / 32) + 197_972);
}

/** The Ready condition and its three pressure siblings, as the kubelet writes them. */
export function nodeConditions(heartbeat: number, transition: number, ready = true): Record<string, unknown>[] {
  const hb = rfc3339(heartbeat);
  const tr = rfc3339(transition);
  return [
    { type: "NetworkUnavailable", status: "False", lastHeartbeatTime: hb, lastTransitionTime: tr, reason: "CalicoIsUp", message: "Calico is running on this node" },
    { type: "MemoryPressure", status: "False", lastHeartbeatTime: hb, lastTransitionTime: tr, reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
    { type: "DiskPressure", status: "False", lastHeartbeatTime: hb, lastTransitionTime: tr, reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
    { type: "PIDPressure", status: "False", lastHeartbeatTime: hb, lastTransitionTime: tr, reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
    ready
      ? { type: "Ready", status: "True", lastHeartbeatTime: hb, lastTransitionTime: tr, reason: "KubeletReady", message: "kubelet is posting ready status" }
      : { type: "Ready", status: "False", lastHeartbeatTime: hb, lastTransitionTime: tr, reason: "KubeletNotReady", message: "container runtime network not ready" },
  ];
}

/** A Node object for a topology entry. */
export function nodeObject(spec: NodeSpec, cfg: ClusterConfig, rng: Rng, created: number, now: number): KObject {
  const memKi = visibleMemoryKi(memoryKi(spec.memory));
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": spec.name,
    "kubernetes.io/os": "linux",
    ...(spec.controlPlane ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
    ...(spec.labels ?? {}),
  };
  const tunnel = spec.podBlock.split("/")[0];
  const node: Record<string, unknown> = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: spec.name,
      uid: rng.uuid(),
      creationTimestamp: rfc3339(created),
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "projectcalico.org/IPv4Address": `${spec.ip}/24`,
        "projectcalico.org/IPv4IPIPTunnelAddr": tunnel,
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: spec.podCIDR,
      podCIDRs: [spec.podCIDR],
      ...(spec.taints?.length ? { taints: spec.taints.map((t) => ({ effect: t.effect, key: t.key, ...(t.value ? { value: t.value } : {}) })) } : {}),
    },
    status: {
      addresses: [{ address: spec.ip, type: "InternalIP" }, { address: spec.name, type: "Hostname" }],
      allocatable: {
        cpu: spec.cpu,
        "ephemeral-storage": "47093746742",
        "hugepages-1Gi": "0",
        "hugepages-2Mi": "0",
        memory: `${memKi - EVICTION_RESERVE_KI}Ki`,
        pods: String(spec.pods),
      },
      capacity: {
        cpu: spec.cpu,
        "ephemeral-storage": "51100652Ki",
        "hugepages-1Gi": "0",
        "hugepages-2Mi": "0",
        memory: `${memKi}Ki`,
        pods: String(spec.pods),
      },
      conditions: nodeConditions(now, created + 60_000),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [],
      nodeInfo: {
        architecture: "amd64",
        bootID: rng.uuid(),
        containerRuntimeVersion: cfg.containerRuntime,
        kernelVersion: cfg.kernelVersion,
        kubeProxyVersion: cfg.kubernetesVersion,
        kubeletVersion: cfg.kubernetesVersion,
        machineID: rng.hex(32),
        operatingSystem: "linux",
        osImage: cfg.osImage,
        systemUUID: rng.uuid().toUpperCase(),
      },
    },
  };
  return node as KObject;
}

/** The node's Lease in kube-node-lease. */
export function leaseObject(spec: NodeSpec, nodeUid: string, rng: Rng, created: number, renew: number): KObject {
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: {
      name: spec.name,
      namespace: "kube-node-lease",
      uid: rng.uuid(),
      creationTimestamp: rfc3339(created),
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: spec.name, uid: nodeUid }],
    },
    spec: { holderIdentity: spec.name, leaseDurationSeconds: 40, renewTime: new Date(renew).toISOString().replace("Z", "000Z") },
  };
}
