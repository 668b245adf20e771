// Builders for scheduler unit tests: Node and Pod objects with just the fields plugins read,
// a NodeInfoCache filled from them, and the SchedPod view of a pod.
import type { Node, Pod } from "../../../schema/k8s";
import { NodeInfoCache, type NodeInfo } from "../../../durable/sim/scheduler/node-info";
import { schedPod } from "../../../durable/sim/scheduler/scheduler-pod";
import type { SchedPod } from "../../../durable/sim/scheduler/framework";

/** Options of a test node. */
export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
  extra?: Record<string, string>;
}

/** A Node. */
export function node(name: string, o: NodeOpts = {}): Node {
  return {
    apiVersion: "v1", kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? "2", memory: o.memory ?? "4Gi", pods: String(o.pods ?? 110), ...(o.extra ?? {}) },
      images: o.images ?? [],
    },
  } as Node;
}

/** Options of a test pod. */
export interface PodOpts {
  requests?: Record<string, string>;
  node?: string;
  priority?: number;
  phase?: string;
  spec?: Record<string, unknown>;
  ports?: { containerPort: number; hostPort?: number; hostIP?: string; protocol?: string }[];
  image?: string;
}

/** A Pod with one container. */
export function pod(name: string, o: PodOpts = {}): Pod {
  return {
    apiVersion: "v1", kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}` },
    spec: {
      ...(o.node ? { nodeName: o.node } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      containers: [{ name: "c", image: o.image ?? "nginx", ...(o.requests ? { resources: { requests: o.requests } } : {}), ...(o.ports ? { ports: o.ports } : {}) }],
      ...(o.spec ?? {}),
    },
    status: { phase: o.phase ?? "Pending" },
  } as Pod;
}

/** A cache holding the nodes and the (bound) pods. */
export function cacheOf(nodes: Node[], pods: Pod[] = []): NodeInfoCache {
  const c = new NodeInfoCache();
  for (const n of nodes) c.setNode(n);
  for (const p of pods) c.setPod(`default/${p.metadata!.name}`, p);
  return c;
}

/** One NodeInfo holding the node and pods. */
export function infoOf(n: Node, pods: Pod[] = []): NodeInfo {
  return cacheOf([n], pods).get(n.metadata!.name!)!;
}

/** The SchedPod view of a pod. */
export function sp(p: Pod): SchedPod {
  return schedPod(`default/${p.metadata!.name}`, p);
}
