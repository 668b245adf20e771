// The node lifecycle and taint-eviction controllers: a node whose Lease has not been renewed for
// the grace period (50 s in 1.32) turns Unknown (NotReady), gets the unreachable taints, its pods
// lose readiness; after the pods' 300 s toleration they are marked for deletion. A renewed Lease
// clears the taints and cancels pending evictions.
import { findResource } from "../api/registry";
import type { Component, SimContext } from "../context";
import type { Timer } from "../core/timers";
import { parseTime, rfc3339 } from "../core/time";
import { EventRecorder } from "../events/recorder";
import type { KObject, StoreEvent } from "../store/types";
import type { SimNotice } from "../notices";

// deno-lint-ignore no-explicit-any
type Json = any;

/** node-monitor-grace-period of kube-controller-manager 1.32. */
export const NODE_GRACE_MS = 50_000;
const MONITOR_PERIOD_MS = 5_000;
const UNREACHABLE = "node.kubernetes.io/unreachable";
const POD_DEF = findResource("", "v1", "pods")!;

/** Node health monitoring and NoExecute taint eviction. */
export class NodeLifecycleController implements Component {
  constructor(private readonly ctx: SimContext) {}

  /** A renewed Lease of a recovered node clears its taints and pending evictions. */
  onStoreEvent(e: StoreEvent): void {
    if (e.resource === "leases.coordination.k8s.io" && e.object.metadata.namespace === "kube-node-lease" && e.type !== "DELETED") {
      this.recover(e.object.metadata.name!);
    }
  }

  /**
   * A kubelet stopped renewing its Lease. (kube-controller-manager polls every 5 s; the
   * simulation learns it from the kubelet and checks exactly when the grace period ends.)
   */
  onNotice(n: SimNotice): void {
    if (n.type !== "node-stopped") return;
    const due = n.lastRenew + NODE_GRACE_MS;
    const at = due + (MONITOR_PERIOD_MS - (due % MONITOR_PERIOD_MS)) % MONITOR_PERIOD_MS;
    this.ctx.timers.schedule(`ctrl.node/${n.node}`, Math.max(at, this.ctx.now()), "ctrl.node.check", { node: n.node });
  }

  /** Staleness checks and scheduled evictions. */
  onTimer(t: Timer): void {
    const d = t.data as { node?: string; ns?: string; pod?: string; uid?: string };
    if (t.kind === "ctrl.node.check" && d.node) this.markUnknown(d.node);
    if (t.kind === "ctrl.node.evict" && d.pod) this.evict(d.ns!, d.pod, d.uid!);
  }

  private node(name: string): Json | undefined {
    return this.ctx.store.get("nodes", undefined, name) as Json;
  }

  private markUnknown(name: string): void {
    const { store, now } = this.ctx;
    const node = this.node(name);
    if (!node) return;
    const lease = store.get("leases.coordination.k8s.io", "kube-node-lease", name) as Json;
    const renew = parseTime(String(lease?.spec?.renewTime ?? ""));
    if (renew && renew + NODE_GRACE_MS > now()) return;
    const ready = (node.status?.conditions ?? []).find((c: Json) => c.type === "Ready");
    if (ready?.status === "Unknown") return;
    const t = rfc3339(now());
    const next = JSON.parse(JSON.stringify(node));
    for (const c of next.status.conditions ?? []) {
      if (c.type === "NetworkUnavailable") continue;
      c.status = "Unknown";
      c.reason = "NodeStatusUnknown";
      c.message = "Kubelet stopped posting node status.";
      c.lastTransitionTime = t;
    }
    const taints: Json[] = (next.spec.taints ?? []).filter((x: Json) => x.key !== UNREACHABLE);
    taints.push({ effect: "NoSchedule", key: UNREACHABLE, timeAdded: t }, { effect: "NoExecute", key: UNREACHABLE, timeAdded: t });
    next.spec.taints = taints;
    store.update("nodes", next);
    const src = { component: "node-controller" };
    this.ctx.events.record({ kind: "Node", name, uid: name, apiVersion: "v1" }, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`, src);
    this.ctx.trace.step("Controller", "API Server", `node ${name} NotReady: taint ${UNREACHABLE}:NoExecute`, undefined, name);
    for (const pod of store.list("pods") as Json[]) {
      if (pod.spec?.nodeName !== name) continue;
      const p = JSON.parse(JSON.stringify(pod));
      const c = (p.status.conditions ?? []).find((x: Json) => x.type === "Ready");
      if (c && c.status !== "False") {
        c.status = "False";
        c.lastTransitionTime = t;
        this.ctx.api.verbs.updateDecoded(POD_DEF, p.metadata.namespace, p.metadata.name, p, { subresource: "status", internal: true, fieldManager: "node-controller" }, []);
        this.ctx.events.record(EventRecorder.ref({ ...pod, kind: "Pod" }), "Warning", "NodeNotReady", "Node is not ready", src);
      }
      const tol = (pod.spec.tolerations ?? []).find((x: Json) => x.effect === "NoExecute" && (x.key === UNREACHABLE || (x.operator === "Exists" && !x.key)));
      if (tol && tol.tolerationSeconds === undefined) continue;
      const after = tol ? tol.tolerationSeconds * 1000 : 0;
      this.ctx.timers.schedule(`ctrl.node/evict/${pod.metadata.uid}`, now() + after, "ctrl.node.evict",
        { ns: pod.metadata.namespace, pod: pod.metadata.name, uid: pod.metadata.uid });
    }
  }

  private evict(ns: string, name: string, uid: string): void {
    const pod = this.ctx.store.get("pods", ns, name) as Json;
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    const node = this.node(pod.spec.nodeName);
    if (!(node?.spec?.taints ?? []).some((x: Json) => x.key === UNREACHABLE && x.effect === "NoExecute")) return;
    const p = JSON.parse(JSON.stringify(pod));
    const conds: Json[] = (p.status.conditions ?? []).filter((c: Json) => c.type !== "DisruptionTarget");
    conds.push({ lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.now()), message: "Taint manager: deleting due to NoExecute taint",
      reason: "DeletionByTaintManager", status: "True", type: "DisruptionTarget" });
    p.status.conditions = conds;
    this.ctx.api.verbs.updateDecoded(POD_DEF, ns, name, p, { subresource: "status", internal: true, fieldManager: "taint-eviction-controller" }, []);
    this.ctx.events.record(EventRecorder.ref({ ...pod, kind: "Pod" } as KObject), "Normal", "TaintManagerEviction", `Marking for deletion Pod ${ns}/${name}`,
      { component: "taint-eviction-controller" });
    this.ctx.api.verbs.delete(POD_DEF, ns, name, {});
  }

  private recover(name: string): void {
    const node = this.node(name);
    if (!node) return;
    const hasTaint = (node.spec?.taints ?? []).some((x: Json) => x.key === UNREACHABLE);
    const ready = (node.status?.conditions ?? []).find((c: Json) => c.type === "Ready");
    if (!hasTaint || ready?.status !== "True") return;
    const next = JSON.parse(JSON.stringify(node));
    next.spec.taints = (next.spec.taints ?? []).filter((x: Json) => x.key !== UNREACHABLE);
    if (!next.spec.taints.length) delete next.spec.taints;
    this.ctx.store.update("nodes", next);
    for (const t of this.ctx.timers.withPrefix("ctrl.node/evict/")) {
      const d = t.data as { ns: string; pod: string };
      const pod = this.ctx.store.get("pods", d.ns, d.pod) as Json;
      if (pod?.spec?.nodeName !== name) continue;
      this.ctx.timers.cancel(t.key);
      this.ctx.events.record(EventRecorder.ref({ ...pod, kind: "Pod" }), "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${d.ns}/${d.pod}`,
        { component: "taint-eviction-controller" });
    }
  }
}
