import { describe, expect, it } from "vitest";
import { nodeName } from "../../../durable/sim/scheduler/plugins/node-name";
import { infoOf, node, pod, sp } from "./fixtures";

describe("NodeName", () => {
  const cases = [
    { name: "a pod without nodeName fits any node", want: undefined, nodeName: undefined },
    { name: "a pod naming this node fits", want: undefined, nodeName: "n" },
    { name: "a pod naming another node is rejected", want: "node(s) didn't match the requested node name", nodeName: "other" },
  ];
  it.each(cases)("$name", ({ nodeName: nn, want }) => {
    const p = pod("p", nn ? { spec: { nodeName: nn } } : {});
    expect(nodeName.filter(sp(p), infoOf(node("n")))?.reasons[0]).toBe(want);
  });
});
