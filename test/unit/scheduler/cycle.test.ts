import { describe, expect, it } from "vitest";
import { Rng, seedRng } from "../../../durable/sim/core/rng";
import { numFeasibleNodesToFind, schedulePod, type CycleInput } from "../../../durable/sim/scheduler/cycle";
import type { NodeInfoCache } from "../../../durable/sim/scheduler/node-info";
import { DEFAULT_PROFILE } from "../../../durable/sim/scheduler/profile";
import type { Node, Pod } from "../../../schema/k8s";
import { cacheOf, node, pod, sp } from "./fixtures";

const CP = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

function tutorialCluster(): { nodes: Node[]; pods: Pod[] } {
  return {
    nodes: [node("master", { taints: [CP] }), node("node01"), node("node02")],
    pods: [
      pod("apiserver", { node: "master", requests: { cpu: "650m" }, priority: 2000001000 }),
      pod("calico-1", { node: "node01", requests: { cpu: "250m" }, priority: 2000001000 }),
      pod("dns-1", { node: "node01", requests: { cpu: "100m", memory: "70Mi" }, priority: 2000000000 }),
      pod("calico-2", { node: "node02", requests: { cpu: "250m" }, priority: 2000001000 }),
      pod("dns-2", { node: "node02", requests: { cpu: "100m", memory: "70Mi" }, priority: 2000000000 }),
    ],
  };
}

function input(cache: NodeInfoCache, p: Pod, seed = "s"): CycleInput {
  return { sp: sp(p), cache, profile: DEFAULT_PROFILE, rng: new Rng(seedRng(seed)), startIndex: 0, terminatingByPreemption: () => false };
}

function place(cache: NodeInfoCache, p: Pod, seed = "s") {
  const { decision } = schedulePod(input(cache, p, seed));
  if (decision.kind === "bind") {
    const bound = { ...p, spec: { ...p.spec!, nodeName: decision.node } } as Pod;
    cache.setPod(`default/${p.metadata!.name}`, bound);
  }
  return decision;
}

describe("a scheduling cycle", () => {
  it("places the tutorial's three 1-CPU pods on node01, node02, then nowhere", () => {
    const { nodes, pods } = tutorialCluster();
    const cache = cacheOf(nodes, pods);
    const req = { cpu: "1", memory: "1Gi" };
    const first = place(cache, pod("r1", { requests: req }));
    const second = place(cache, pod("r2", { requests: req }));
    expect(first.kind).toBe("bind");
    expect(second.kind).toBe("bind");
    expect(new Set([(first as { node: string }).node, (second as { node: string }).node])).toEqual(new Set(["node01", "node02"]));
    const third = place(cache, pod("r3", { requests: req }));
    expect(third).toEqual({
      kind: "fail",
      plugins: ["NodeResourcesFit", "TaintToleration"],
      message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
    });
  });

  it("prefers the less loaded worker", () => {
    const { nodes, pods } = tutorialCluster();
    const cache = cacheOf(nodes, [...pods, pod("busy", { node: "node01", requests: { cpu: "1", memory: "1Gi" } })]);
    for (const seed of ["a", "b", "c", "d"]) expect(place(cacheOf(nodes, [...pods, pod("busy", { node: "node01", requests: { cpu: "1", memory: "1Gi" } })]), pod("p"), seed)).toEqual({ kind: "bind", node: "node02" });
    expect(cache.get("node01")!.requested.cpuMilli).toBe(1350);
  });

  it("breaks ties between equal nodes with the seeded RNG, reproducibly", () => {
    const nodes = [node("a"), node("b"), node("c"), node("d")];
    const pick = (seed: string) => (schedulePod(input(cacheOf(nodes), pod("p"), seed)).decision as { node: string }).node;
    const picks = ["1", "2", "3", "4", "5", "6", "7", "8"].map(pick);
    expect(new Set(picks).size).toBeGreaterThan(1);
    expect(["1", "2", "3", "4", "5", "6", "7", "8"].map(pick)).toEqual(picks);
  });

  it("says so when the cluster has no nodes", () => {
    expect(schedulePod(input(cacheOf([]), pod("p"))).decision).toEqual({ kind: "fail", message: "no nodes available to schedule pods", plugins: [] });
  });

  it("explains nodeSelector misses and that preemption cannot help", () => {
    const { nodes, pods } = tutorialCluster();
    const d = schedulePod(input(cacheOf(nodes, pods), pod("p", { spec: { nodeSelector: { disktype: "ssd" } } }))).decision;
    expect(d).toMatchObject({ kind: "fail", message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.." });
  });

  it("counts nodes left out by a metadata.name affinity as not satisfying NodeAffinity", () => {
    const { nodes, pods } = tutorialCluster();
    const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node01"] }] }] } } } };
    const d = schedulePod(input(cacheOf(nodes, pods), pod("p", { requests: { cpu: "2" }, spec }))).decision;
    expect(d).toMatchObject({ kind: "fail", message: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.." });
  });

  it("tells a preemptionPolicy Never pod it may not preempt", () => {
    const { nodes, pods } = tutorialCluster();
    const d = schedulePod(input(cacheOf(nodes, pods), pod("p", { requests: { cpu: "10" }, spec: { preemptionPolicy: "Never" } }))).decision;
    expect(d).toMatchObject({ message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.." });
  });

  it("reports the filter reasons when evicting every lower-priority pod would still not be enough", () => {
    const { nodes, pods } = tutorialCluster();
    const cache = cacheOf(nodes, [...pods, pod("low", { node: "node01", requests: { cpu: "1" } })]);
    const d = schedulePod(input(cache, pod("p", { requests: { cpu: "3" }, priority: 1000 }))).decision;
    expect(d).toMatchObject({ message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.." });
  });

  it("plans to evict the fewest lower-priority pods on the best node", () => {
    const { nodes, pods } = tutorialCluster();
    const cache = cacheOf(nodes, [...pods,
      pod("low-a", { node: "node01", requests: { cpu: "800m" } }), pod("low-b", { node: "node01", requests: { cpu: "500m" } }),
      pod("low-c", { node: "node02", requests: { cpu: "1300m" }, priority: 10 })]);
    const d = schedulePod(input(cache, pod("p", { requests: { cpu: "1" }, priority: 1000 }))).decision;
    expect(d.kind).toBe("fail");
    if (d.kind !== "fail") return;
    expect(d.message).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.");
    expect(d.preemption?.node).toBe("node01");
    expect(d.preemption?.victims.map((v) => v.key)).toEqual(["default/low-a"]);
  });

  it("searches every node of clusters below 100 nodes and half of larger ones", () => {
    expect(numFeasibleNodesToFind(3)).toBe(3);
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
  });
});
