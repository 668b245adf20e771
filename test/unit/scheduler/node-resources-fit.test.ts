import { describe, expect, it } from "vitest";
import { leastRequestedScore, nodeResourcesFit } from "../../../durable/sim/scheduler/plugins/node-resources-fit";
import { infoOf, node, pod, sp } from "./fixtures";

describe("NodeResourcesFit filter", () => {
  const used = pod("used", { node: "n", requests: { cpu: "350m", memory: "70Mi" } });
  const cases: { name: string; requests?: Record<string, string>; nodeOpts?: Record<string, unknown>; want: string[] }[] = [
    { name: "a pod that fits passes", requests: { cpu: "1", memory: "1Gi" }, want: [] },
    { name: "too much cpu is 'Insufficient cpu'", requests: { cpu: "1700m" }, want: ["Insufficient cpu"] },
    { name: "exactly the free cpu fits", requests: { cpu: "1650m" }, want: [] },
    { name: "every shortfall is its own reason", requests: { cpu: "3", memory: "8Gi" }, want: ["Insufficient cpu", "Insufficient memory"] },
    { name: "ephemeral storage is checked", requests: { "ephemeral-storage": "100G" }, want: ["Insufficient ephemeral-storage"] },
    { name: "extended resources the node lacks are insufficient", requests: { "nvidia.com/gpu": "1" }, want: ["Insufficient nvidia.com/gpu"] },
    { name: "extended resources the node has fit", requests: { "nvidia.com/gpu": "1" }, nodeOpts: { extra: { "nvidia.com/gpu": "2" } }, want: [] },
    { name: "a full node says 'Too many pods' first", requests: { cpu: "5" }, nodeOpts: { pods: 1 }, want: ["Too many pods", "Insufficient cpu"] },
    { name: "a best-effort pod only needs a pod slot", requests: undefined, nodeOpts: { cpu: "100m" }, want: [] },
  ];
  it.each(cases)("$name", ({ requests, nodeOpts, want }) => {
    const s = nodeResourcesFit.filter(sp(pod("p", { requests })), infoOf(node("n", nodeOpts), [used]));
    expect(s?.reasons ?? []).toEqual(want);
    if (s) expect(s.code).toBe("Unschedulable");
  });

  it("does not count succeeded pods", () => {
    const n = infoOf(node("n"), [pod("done", { node: "n", requests: { cpu: "2" }, phase: "Succeeded" })]);
    expect(nodeResourcesFit.filter(sp(pod("p", { requests: { cpu: "2" } })), n)).toBeUndefined();
  });
});

describe("NodeResourcesFit LeastAllocated score", () => {
  it("scores the free fraction after placement", () => {
    expect(leastRequestedScore(0, 2000)).toBe(100);
    expect(leastRequestedScore(1350, 2000)).toBe(32);
    expect(leastRequestedScore(3000, 2000)).toBe(0);
  });

  it("averages cpu and memory using non-zero requests", () => {
    // node: 350m + pod 1000m of 2000m -> 32; memory: (70Mi + 1Gi) of 4Gi -> 73
    const n = infoOf(node("n"), [pod("used", { node: "n", requests: { cpu: "350m", memory: "70Mi" } })]);
    expect(nodeResourcesFit.score(sp(pod("p", { requests: { cpu: "1", memory: "1Gi" } })), n, { totalNodes: 1, imageNodes: () => 0 })).toBe(52);
  });

  it("counts a pod without requests as 100m and 200Mi", () => {
    const n = infoOf(node("n"));
    // cpu (2000-100)*100/2000 = 95; memory (4096-200)*100/4096 = 95
    expect(nodeResourcesFit.score(sp(pod("p")), n, { totalNodes: 1, imageNodes: () => 0 })).toBe(95);
  });
});
