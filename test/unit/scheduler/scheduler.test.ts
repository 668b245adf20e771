import { describe, expect, it } from "vitest";
import { findResource } from "../../../durable/sim/api/registry";
import { Harness, TUTORIAL_FAILURE } from "./harness";

const REQ = { cpu: "1", memory: "1Gi" };

/** The tutorial's §3.5: three 1-CPU pods on two 2-CPU workers. */
function tutorial(seed?: string): Harness {
  const h = new Harness({ seed });
  for (const n of ["pod-resources", "pod-resources2", "pod-resources3"]) {
    h.createResourcePod(n, REQ);
    h.advance(1000);
  }
  return h;
}

describe("the scheduler in the tutorial's cluster (§3.5)", () => {
  it("puts the first two pods on different workers and leaves the third Pending", () => {
    const h = tutorial();
    expect(new Set([h.nodeOf("pod-resources"), h.nodeOf("pod-resources2")])).toEqual(new Set(["node01", "node02"]));
    expect(h.nodeOf("pod-resources3")).toBeUndefined();
    expect(h.scheduledCondition("pod-resources3")).toEqual({
      type: "PodScheduled", status: "False", lastProbeTime: null, lastTransitionTime: "2025-01-27T10:00:02Z", reason: "Unschedulable", message: TUTORIAL_FAILURE,
    });
  });

  it("records Scheduled and FailedScheduling events as default-scheduler", () => {
    const h = tutorial();
    const [ok] = h.events("pod-resources");
    expect(ok).toMatchObject({ type: "Normal", reason: "Scheduled", message: `Successfully assigned default/pod-resources to ${h.nodeOf("pod-resources")}`,
      action: "Binding", reportingComponent: "default-scheduler", reportingInstance: "default-scheduler-master", source: {}, firstTimestamp: null });
    const [bad] = h.events("pod-resources3");
    expect(bad).toMatchObject({ type: "Warning", reason: "FailedScheduling", message: TUTORIAL_FAILURE, action: "Scheduling", reportingComponent: "default-scheduler" });
  });

  it("binds a few milliseconds after creation and sets PodScheduled=True", () => {
    const h = new Harness();
    h.createResourcePod("web", REQ);
    expect(h.nodeOf("web")).toBeUndefined();
    h.advance(25);
    expect(h.nodeOf("web")).toBeDefined();
    expect(h.scheduledCondition("web")).toMatchObject({ status: "True" });
    const t = Date.parse(h.events("web")[0].eventTime) - Date.parse("2025-01-27T10:00:00Z");
    expect(t).toBeGreaterThanOrEqual(5);
    expect(t).toBeLessThanOrEqual(20);
  });

  it("traces the binding for the sequence diagram", () => {
    const h = new Harness();
    h.createResourcePod("web", REQ);
    h.advance(25);
    const steps = h.cluster.ctx.trace.forPod("default", "web").map((s) => `${s.from}->${s.to}: ${s.action}`);
    expect(steps).toEqual(["Scheduler->API Server: bind", "API Server->etcd: update spec.nodeName"]);
  });

  it("schedules the Pending pod as soon as another pod is deleted", () => {
    const h = tutorial();
    h.advance(10_000);
    const freed = h.nodeOf("pod-resources");
    h.deletePod("pod-resources");
    h.advance(25);
    expect(h.nodeOf("pod-resources3")).toBe(freed);
    expect(h.scheduledCondition("pod-resources3")).toMatchObject({ status: "True" });
    expect(h.events("pod-resources3").map((e) => e.reason)).toEqual(["FailedScheduling", "Scheduled"]);
  });

  it("waits out the pod's backoff when the deletion comes right after the failure", () => {
    const h = new Harness();
    for (const n of ["pod-resources", "pod-resources2", "pod-resources3"]) {
      h.createResourcePod(n, REQ);
      h.advance(25);
    }
    expect(h.scheduledCondition("pod-resources3")!.status).toBe("False");
    h.deletePod("pod-resources2");
    h.advance(500);
    expect(h.nodeOf("pod-resources3")).toBeUndefined();
    h.advance(1000);
    expect(h.nodeOf("pod-resources3")).toBeDefined();
  });

  it("retries an unschedulable pod after five minutes and counts the repeat in the event series", () => {
    const h = tutorial();
    h.advance(4 * 60_000);
    expect(h.events("pod-resources3")[0].series).toBeUndefined();
    h.advance(2 * 60_000);
    const evs = h.events("pod-resources3");
    expect(evs).toHaveLength(1);
    expect(evs[0].series.count).toBe(2);
    expect(h.scheduledCondition("pod-resources3")!.lastTransitionTime).toBe("2025-01-27T10:00:02Z");
  });

  it("does not retry a pod rejected for resources when only a label changes", () => {
    const h = tutorial();
    h.advance(10_000);
    h.updateNode("node01", (n) => { n.metadata.labels = { ...n.metadata.labels, disktype: "ssd" }; });
    h.advance(10_000);
    expect(h.events("pod-resources3")[0].series).toBeUndefined();
  });

  it("schedules a Pending pod when a pod on a node succeeds", () => {
    const h = tutorial();
    h.advance(10_000);
    const node = h.nodeOf("pod-resources2");
    const p = JSON.parse(JSON.stringify(h.pod("pod-resources2")));
    p.status.phase = "Succeeded";
    h.cluster.ctx.api.verbs.updateDecoded(podDef(), "default", "pod-resources2", p, { subresource: "status", internal: true }, []);
    h.cluster.dispatch();
    h.advance(25);
    expect(h.nodeOf("pod-resources3")).toBe(node);
  });

  it("schedules a Pending pod on a node that joins", () => {
    const h = tutorial();
    h.advance(10_000);
    h.addNode({ name: "node03", ip: "192.168.10.83", cpu: "2", memory: "4Gi", pods: 110, podBlock: "172.16.1.0/26", podCIDR: "10.244.3.0/24" });
    h.advance(25);
    expect(h.nodeOf("pod-resources3")).toBe("node03");
  });
});

describe("the scheduler's filters in a live cluster", () => {
  it("skips cordoned nodes and schedules when one is uncordoned", () => {
    const h = new Harness();
    for (const n of ["node01", "node02"]) h.updateNode(n, (o) => { o.spec.unschedulable = true; });
    h.createResourcePod("web", REQ);
    h.advance(25);
    expect(h.scheduledCondition("web")!.message).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..");
    h.advance(5000);
    h.updateNode("node02", (o) => { delete o.spec.unschedulable; });
    h.advance(25);
    expect(h.nodeOf("web")).toBe("node02");
  });

  it("avoids a node the node lifecycle controller tainted unreachable", () => {
    const h = new Harness();
    h.updateNode("node01", (o) => { o.spec.taints = [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }, { key: "node.kubernetes.io/unreachable", effect: "NoExecute" }]; });
    for (const n of ["a", "b", "c"]) {
      h.createResourcePod(n, { cpu: "100m" }, { tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }] });
      h.advance(25);
    }
    expect(["a", "b", "c"].map((n) => h.nodeOf(n))).toEqual(["node02", "node02", "node02"]);
  });

  it("keeps a nodeSelector pod Pending until a node gets the label", () => {
    const h = new Harness();
    h.createResourcePod("ssd", { cpu: "100m" }, { nodeSelector: { disktype: "ssd" } });
    h.advance(25);
    expect(h.scheduledCondition("ssd")!.message).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..");
    h.advance(5000);
    h.updateNode("node02", (n) => { n.metadata.labels = { ...n.metadata.labels, disktype: "ssd" }; });
    h.advance(25);
    expect(h.nodeOf("ssd")).toBe("node02");
  });

  it("leaves pods with spec.nodeName alone but counts their requests", () => {
    const h = new Harness();
    h.createPod("pinned", { nodeName: "node01", containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "1500m" } } }] });
    h.advance(25);
    expect(h.events("pinned")).toEqual([]);
    h.createResourcePod("web", REQ);
    h.advance(25);
    expect(h.nodeOf("web")).toBe("node02");
  });

  it("ignores pods that ask for another scheduler", () => {
    const h = new Harness();
    h.createResourcePod("custom", REQ, { schedulerName: "my-scheduler" });
    h.advance(60_000);
    expect(h.nodeOf("custom")).toBeUndefined();
    expect(h.events("custom")).toEqual([]);
    expect(h.scheduledCondition("custom")).toBeUndefined();
  });

  it("reports a cluster without nodes", () => {
    const h = new Harness({ nodes: [], systemPods: false });
    h.createResourcePod("web", REQ);
    h.advance(25);
    expect(h.scheduledCondition("web")!.message).toBe("no nodes available to schedule pods");
  });

  it("refuses a second pod on the same host port", () => {
    const h = new Harness();
    const spec = (n: string) => ({ containers: [{ name: n, image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }] }] });
    for (const n of ["p1", "p2", "p3"]) {
      h.createPod(n, spec(n));
      h.advance(25);
    }
    expect(new Set([h.nodeOf("p1"), h.nodeOf("p2")])).toEqual(new Set(["node01", "node02"]));
    expect(h.scheduledCondition("p3")!.message).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..");
  });
});

describe("preemption", () => {
  it("evicts a lower-priority pod for a critical pod and nominates the node", () => {
    const h = new Harness();
    h.createResourcePod("low1", { cpu: "1500m" });
    h.advance(25);
    h.createResourcePod("low2", { cpu: "1500m" });
    h.advance(25);
    h.createPod("critical", { priorityClassName: "system-cluster-critical", containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "1" } } }] }, {}, "kube-system");
    h.advance(25);
    const crit = h.cluster.ctx.store.get("pods", "kube-system", "critical") as Record<string, any>;
    const victim = ["low1", "low2"].find((n) => h.pod(n).metadata.deletionTimestamp)!;
    expect(victim).toBeDefined();
    expect(crit.status.nominatedNodeName).toBe(h.nodeOf(victim));
    expect(h.pod(victim).status.conditions).toContainEqual(expect.objectContaining({ type: "DisruptionTarget", reason: "PreemptionByScheduler", message: "default-scheduler: preempting to accommodate a higher priority pod" }));
    expect(h.events(victim).map((e) => e.message)).toContain(`Preempted by pod ${crit.metadata.uid} on node ${h.nodeOf(victim)}`);
    const node = h.nodeOf(victim);
    h.deletePod(victim); // the kubelet would finish the graceful deletion
    h.advance(1500);
    expect((h.cluster.ctx.store.get("pods", "kube-system", "critical") as Record<string, any>).spec.nodeName).toBe(node);
  });
});

describe("determinism and persistence", () => {
  function run(seed: string): (string | undefined)[] {
    const h = new Harness({ seed });
    for (let i = 0; i < 12; i++) {
      h.createResourcePod(`p${i}`, { cpu: "100m" });
      if (i % 3 === 0) h.advance(7);
    }
    h.advance(100);
    return Array.from({ length: 12 }, (_, i) => h.nodeOf(`p${i}`));
  }

  it("places pods identically for the same seed", () => {
    expect(run("alpha")).toEqual(run("alpha"));
  });

  it("continues after save and restore exactly as without", () => {
    const a = tutorial("persist");
    const b = new Harness({}, a);
    for (const h of [a, b]) {
      h.advance(10_000);
      h.deletePod("pod-resources");
      h.createResourcePod("late", { cpu: "100m" });
      h.advance(10 * 60_000);
    }
    expect(JSON.stringify(b.cluster.save())).toBe(JSON.stringify(a.cluster.save()));
    expect(b.scheduler.save()).toEqual(a.scheduler.save());
  });
});

function podDef() {
  return findResource("", "v1", "pods")!;
}
