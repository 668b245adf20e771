import { describe, expect, it } from "vitest";
import { balancedScore, nodeResourcesBalancedAllocation } from "../../../durable/sim/scheduler/plugins/node-resources-balanced-allocation";
import { infoOf, node, pod, sp } from "./fixtures";

describe("NodeResourcesBalancedAllocation", () => {
  const cases = [
    { name: "equal fractions score 100", req: [1000, 2048], alloc: [2000, 4096], want: 100 },
    { name: "half cpu and no memory score 75", req: [1000, 0], alloc: [2000, 4096], want: 75 },
    { name: "fractions cap at 1", req: [4000, 0], alloc: [2000, 4096], want: 50 },
    { name: "resources without allocatable are skipped", req: [1000, 5], alloc: [2000, 0], want: 100 },
  ];
  it.each(cases)("$name", ({ req, alloc, want }) => expect(balancedScore(req, alloc)).toBe(want));

  it("uses actual requests of the node and the pod", () => {
    const n = infoOf(node("n", { cpu: "2", memory: "4Gi" }), [pod("a", { node: "n", requests: { cpu: "1" } })]);
    // cpu (1000+0)/2000 = 0.5, memory (0+1Gi)/4Gi = 0.25 -> 1 - 0.125 = 87.5
    expect(nodeResourcesBalancedAllocation.score(sp(pod("p", { requests: { memory: "1Gi" } })), n, { totalNodes: 1, imageNodes: () => 0 })).toBe(87);
  });
});
