import { describe, expect, it } from "vitest";
import { fitErrorMessage, preemptionFailureMessage, preemptionIneligibleMessage, truncateMessage, NOT_ELIGIBLE_NEVER } from "../../../durable/sim/scheduler/failure";
import { unresolvable, unschedulable, type Status } from "../../../durable/sim/scheduler/framework";

const taint = unresolvable("TaintToleration", "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
const cpu = unschedulable("NodeResourcesFit", "Insufficient cpu");
const cpuMem = unschedulable("NodeResourcesFit", "Insufficient cpu", "Insufficient memory");
const victims = unresolvable("DefaultPreemption", "No preemption victims found for incoming pod");

describe("the FitError message", () => {
  const cases: { name: string; statuses: Status[]; post?: string; pre?: string; absent?: { count: number; status: Status }; want: string }[] = [
    {
      name: "the tutorial's Pending pod (two periods at the end)",
      statuses: [taint, cpu, cpu],
      post: preemptionFailureMessage(3, [victims, victims], 1),
      want: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
    },
    {
      name: "a single tainted node",
      statuses: [taint],
      post: preemptionFailureMessage(1, [], 1),
      want: "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
    },
    {
      name: "every reason of a node is counted",
      statuses: [cpuMem, cpu],
      want: "0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.",
    },
    {
      name: "reasons sort as strings, so 10 comes before 2",
      statuses: [...Array(10).fill(cpu), unschedulable("NodePorts", "node(s) didn't have free ports for the requested pod ports"), unschedulable("NodePorts", "node(s) didn't have free ports for the requested pod ports")],
      want: "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) didn't have free ports for the requested pod ports.",
    },
    {
      name: "preemptionPolicy Never",
      statuses: [cpu],
      post: preemptionIneligibleMessage(NOT_ELIGIBLE_NEVER),
      want: "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..",
    },
    {
      name: "a PreFilter rejection replaces the histogram",
      statuses: [],
      pre: "pod affinity terms conflict",
      post: preemptionFailureMessage(3, [], 3),
      want: "0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    },
    {
      name: "nodes left out by PreFilter are counted by their absent status",
      statuses: [cpu],
      absent: { count: 2, status: unresolvable("NodeAffinity", "node(s) didn't satisfy plugin(s) [NodeAffinity]") },
      want: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    },
  ];
  it.each(cases)("$name", ({ statuses, post, pre, absent, want }) => {
    expect(fitErrorMessage({ numAllNodes: want.match(/^0\/(\d+)/) ? Number(want.match(/^0\/(\d+)/)![1]) : 0, statuses, postFilterMsg: post, preFilterMsg: pre, absent })).toBe(want);
  });

  it("truncates event notes longer than 1024 characters with ' ...'", () => {
    const long = "x".repeat(2000);
    const t = truncateMessage(long);
    expect(t.length).toBe(1024);
    expect(t.endsWith("x ...")).toBe(true);
    expect(truncateMessage("short")).toBe("short");
  });
});
