// Test harness for scheduler scenarios: a real Cluster with only the Scheduler registered
// (timer prefix "sched"), nodes and kube-system pods written straight into the store the way
// the bootstrap does, and helpers to create/delete pods through the API and read the results.
import { findResource } from "../../../durable/sim/api/registry";
import { Cluster } from "../../../durable/sim/cluster";
import { clusterConfig, defaultNodes, type ClusterConfig, type NodeSpec } from "../../../durable/sim/config";
import { Scheduler, type SchedulerState } from "../../../durable/sim/scheduler/scheduler";
import type { KObject } from "../../../durable/sim/store/types";

export const START = Date.UTC(2025, 0, 27, 10, 0, 0);
const podDef = findResource("", "v1", "pods")!;
const nodeDef = findResource("", "v1", "nodes")!;

/** A Node object for a topology entry (labels, taints, allocatable as kubeadm nodes report them). */
export function nodeObject(n: NodeSpec): KObject {
  return {
    apiVersion: "v1", kind: "Node",
    metadata: { name: n.name, uid: `uid-${n.name}`, labels: { "kubernetes.io/hostname": n.name, "kubernetes.io/os": "linux", ...(n.controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}), ...(n.labels ?? {}) } },
    spec: n.taints?.length ? { taints: n.taints.map((t) => ({ ...t })) } : {},
    status: { allocatable: { cpu: n.cpu, memory: n.memory, pods: String(n.pods), "ephemeral-storage": "47093746742" }, capacity: { cpu: n.cpu, memory: n.memory, pods: String(n.pods) } },
  };
}

/** A bound kube-system pod with the given requests (what calico-node / coredns request). */
export function systemPod(name: string, node: string, requests: Record<string, string>, priority = 2000001000): KObject {
  return {
    apiVersion: "v1", kind: "Pod",
    metadata: { name, namespace: "kube-system", uid: `uid-${name}` },
    spec: { nodeName: node, priority, schedulerName: "default-scheduler", containers: [{ name: "c", image: "registry.k8s.io/pause:3.10", resources: { requests } }] },
    status: { phase: "Running" },
  };
}

/** Options of a test cluster. */
export interface HarnessOptions {
  seed?: string;
  nodes?: NodeSpec[];
  /** Whether to add the tutorial's kube-system pods (350m CPU / 70Mi on each worker, 650m on master). */
  systemPods?: boolean;
  config?: Partial<ClusterConfig>;
}

/** A cluster with the scheduler and a handful of helpers. */
export class Harness {
  readonly cluster: Cluster;

  constructor(opts: HarnessOptions = {}, restoreFrom?: Harness) {
    const nodes = opts.nodes ?? defaultNodes();
    if (restoreFrom) {
      const snap = JSON.parse(JSON.stringify(restoreFrom.cluster.save()));
      this.cluster = Cluster.restore(snap, (c, states) => c.register("scheduler", new Scheduler(c.ctx, states.scheduler as SchedulerState), "sched"));
      return;
    }
    const cfg = clusterConfig({ seed: opts.seed ?? "sched-test", startTime: START, nodes, ...opts.config });
    this.cluster = Cluster.create(cfg, (c) => {
      const { store } = c.ctx;
      store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
      store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-system" } });
      for (const n of nodes) store.create("nodes", nodeObject(n));
      if (opts.systemPods ?? true) {
        for (const n of nodes) {
          if (n.controlPlane) store.create("pods", systemPod(`kube-apiserver-${n.name}`, n.name, { cpu: "650m", memory: "100Mi" }));
          else {
            store.create("pods", systemPod(`calico-node-${n.name}`, n.name, { cpu: "250m" }));
            store.create("pods", systemPod(`coredns-${n.name}`, n.name, { cpu: "100m", memory: "70Mi" }, 2000000000));
          }
        }
      }
      c.register("scheduler", new Scheduler(c.ctx), "sched");
    });
  }

  /** The scheduler component. */
  get scheduler(): Scheduler {
    return this.cluster.component<Scheduler>("scheduler")!;
  }

  /** Creates a pod through the API (defaulting applies) and delivers the store events. */
  createPod(name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}, namespace = "default"): KObject {
    const body = { apiVersion: "v1", kind: "Pod", metadata: { name, ...meta }, spec };
    const r = this.cluster.ctx.api.verbs.create(podDef, namespace, body, {});
    this.cluster.dispatch();
    return r.object;
  }

  /** A pod with one nginx container requesting the given resources. */
  createResourcePod(name: string, requests: Record<string, string>, extra: Record<string, unknown> = {}): KObject {
    return this.createPod(name, { containers: [{ name: "nginx", image: "nginx:1.27.5", resources: { requests } }], ...extra });
  }

  /** Deletes a pod immediately (grace 0) through the API. */
  deletePod(name: string, namespace = "default"): void {
    this.cluster.ctx.api.verbs.delete(podDef, namespace, name, { gracePeriodSeconds: 0 });
    this.cluster.dispatch();
  }

  /** Replaces a node object (cordon, taints, labels) through the store. */
  updateNode(name: string, mutate: (n: KObject & Record<string, any>) => void): void {
    const n = JSON.parse(JSON.stringify(this.cluster.ctx.store.get("nodes", undefined, name))) as KObject & Record<string, any>;
    mutate(n);
    this.cluster.ctx.api.verbs.updateDecoded(nodeDef, undefined, name, n, { internal: true }, []);
    this.cluster.dispatch();
  }

  /** Adds a node. */
  addNode(spec: NodeSpec): void {
    this.cluster.ctx.store.create("nodes", nodeObject(spec));
    this.cluster.dispatch();
  }

  /** Advances virtual time by ms. */
  advance(ms: number): void {
    this.cluster.advanceTo(this.cluster.now + ms);
  }

  /** The stored pod. */
  pod(name: string, namespace = "default"): KObject & Record<string, any> {
    return this.cluster.ctx.store.get("pods", namespace, name) as KObject & Record<string, any>;
  }

  /** spec.nodeName of a pod. */
  nodeOf(name: string): string | undefined {
    return this.pod(name)?.spec?.nodeName;
  }

  /** The PodScheduled condition of a pod. */
  scheduledCondition(name: string): Record<string, any> | undefined {
    return (this.pod(name)?.status?.conditions ?? []).find((c: { type: string }) => c.type === "PodScheduled");
  }

  /** Events about a pod, oldest first. */
  events(name: string, namespace = "default"): (KObject & Record<string, any>)[] {
    return (this.cluster.ctx.store.list("events", namespace) as (KObject & Record<string, any>)[])
      .filter((e) => e.involvedObject?.name === name)
      .sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
  }
}

/** The tutorial's unschedulable message for three nodes (§4.6, B.2). */
export const TUTORIAL_FAILURE = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..";
