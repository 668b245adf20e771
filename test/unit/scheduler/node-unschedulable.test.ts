import { describe, expect, it } from "vitest";
import { nodeUnschedulable } from "../../../durable/sim/scheduler/plugins/node-unschedulable";
import { infoOf, node, pod, sp } from "./fixtures";

describe("NodeUnschedulable", () => {
  const cases = [
    { name: "a schedulable node fits", unschedulable: false, tolerations: [], want: undefined },
    { name: "a cordoned node is rejected", unschedulable: true, tolerations: [], want: "node(s) were unschedulable" },
    { name: "a pod tolerating the unschedulable taint fits a cordoned node", unschedulable: true,
      tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }], want: undefined },
    { name: "a pod tolerating everything fits a cordoned node", unschedulable: true, tolerations: [{ operator: "Exists" }], want: undefined },
  ];
  it.each(cases)("$name", ({ unschedulable, tolerations, want }) => {
    const s = nodeUnschedulable.filter(sp(pod("p", { spec: { tolerations } })), infoOf(node("n", { unschedulable })));
    expect(s?.reasons[0]).toBe(want);
    if (s) expect(s.code).toBe("UnschedulableAndUnresolvable");
  });
});
