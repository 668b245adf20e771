import { describe, expect, it } from "vitest";
import { nodePorts } from "../../../durable/sim/scheduler/plugins/node-ports";
import { infoOf, node, pod, sp } from "./fixtures";

const REASON = "node(s) didn't have free ports for the requested pod ports";
type Port = { containerPort: number; hostPort?: number; hostIP?: string; protocol?: string };

describe("NodePorts", () => {
  const cases: { name: string; used: Port[]; want: Port[]; reason?: string }[] = [
    { name: "a pod without host ports fits", used: [{ containerPort: 80, hostPort: 80 }], want: [{ containerPort: 80 }] },
    { name: "the same TCP host port clashes", used: [{ containerPort: 80, hostPort: 8080 }], want: [{ containerPort: 81, hostPort: 8080 }], reason: REASON },
    { name: "another protocol does not clash", used: [{ containerPort: 53, hostPort: 53 }], want: [{ containerPort: 53, hostPort: 53, protocol: "UDP" }] },
    { name: "different host IPs do not clash", used: [{ containerPort: 80, hostPort: 80, hostIP: "10.0.0.1" }], want: [{ containerPort: 80, hostPort: 80, hostIP: "10.0.0.2" }] },
    { name: "the wildcard IP clashes with a specific IP", used: [{ containerPort: 80, hostPort: 80, hostIP: "10.0.0.1" }], want: [{ containerPort: 80, hostPort: 80 }], reason: REASON },
    { name: "a specific IP clashes with the wildcard", used: [{ containerPort: 80, hostPort: 80 }], want: [{ containerPort: 80, hostPort: 80, hostIP: "10.0.0.2" }], reason: REASON },
  ];
  it.each(cases)("$name", ({ used, want, reason }) => {
    const n = infoOf(node("n"), [pod("a", { node: "n", ports: used })]);
    const s = nodePorts.filter(sp(pod("p", { ports: want })), n);
    expect(s?.reasons[0]).toBe(reason);
    if (s) expect(s.code).toBe("Unschedulable");
  });
});
