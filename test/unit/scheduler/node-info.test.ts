import { describe, expect, it } from "vitest";
import { NodeInfoCache } from "../../../durable/sim/scheduler/node-info";
import { node, pod } from "./fixtures";

describe("the node cache", () => {
  it("counts a bound pod's requests on its node", () => {
    const c = new NodeInfoCache();
    c.setNode(node("n1"));
    c.setPod("default/a", pod("a", { node: "n1", requests: { cpu: "500m", memory: "1Gi" } }));
    const i = c.get("n1")!;
    expect([i.requested.cpuMilli, i.requested.memoryBytes, i.pods.size]).toEqual([500, 1 << 30, 1]);
    expect(i.nonZeroRequested).toEqual({ cpuMilli: 500, memoryBytes: 1 << 30 });
  });

  it("stops counting a pod that succeeded or failed", () => {
    const c = new NodeInfoCache();
    c.setNode(node("n1"));
    c.setPod("default/a", pod("a", { node: "n1", requests: { cpu: "1" } }));
    c.setPod("default/a", pod("a", { node: "n1", requests: { cpu: "1" }, phase: "Succeeded" }));
    expect(c.get("n1")!.requested.cpuMilli).toBe(0);
    expect(c.get("n1")!.pods.size).toBe(0);
  });

  it("does not count a status update twice", () => {
    const c = new NodeInfoCache();
    c.setNode(node("n1"));
    for (let i = 0; i < 3; i++) c.setPod("default/a", pod("a", { node: "n1", requests: { cpu: "1" }, phase: "Running" }));
    expect(c.get("n1")!.requested.cpuMilli).toBe(1000);
  });

  it("treats the binding of an assumed pod as already counted", () => {
    const c = new NodeInfoCache();
    c.setNode(node("n1"));
    const p = pod("a", { node: "n1", requests: { cpu: "1" } });
    c.assume({ key: "default/a", node: "n1", priority: 0, requests: { cpuMilli: 1000, memoryBytes: 0, ephemeralBytes: 0 }, nonZero: { cpuMilli: 1000, memoryBytes: 200 << 20 }, hostPorts: [] });
    c.setPod("default/a", p);
    expect(c.get("n1")!.requested.cpuMilli).toBe(1000);
    c.removePod("default/a");
    expect(c.get("n1")!.requested.cpuMilli).toBe(0);
  });

  it("lists existing nodes sorted by name and forgets deleted ones", () => {
    const c = new NodeInfoCache();
    for (const n of ["node02", "master", "node01"]) c.setNode(node(n));
    expect(c.nodes().map((n) => n.name)).toEqual(["master", "node01", "node02"]);
    c.setPod("default/a", pod("a", { node: "node01", requests: { cpu: "1" } }));
    c.removeNode("node01");
    expect(c.nodes().map((n) => n.name)).toEqual(["master", "node02"]);
    c.setNode(node("node01"));
    expect(c.get("node01")!.requested.cpuMilli).toBe(1000);
  });

  it("tracks host ports and how many nodes hold each image", () => {
    const c = new NodeInfoCache();
    c.setNode(node("n1", { images: [{ names: ["nginx:latest"], sizeBytes: 100 }] }));
    c.setNode(node("n2", { images: [{ names: ["nginx:latest"], sizeBytes: 100 }] }));
    expect(c.imageNodeCount("nginx:latest")).toBe(2);
    c.setNode(node("n2"));
    expect(c.imageNodeCount("nginx:latest")).toBe(1);
    c.setPod("default/a", pod("a", { node: "n1", ports: [{ containerPort: 80, hostPort: 8080 }] }));
    expect(c.get("n1")!.portConflict({ ip: "0.0.0.0", protocol: "TCP", port: 8080 })).toBe(true);
    c.removePod("default/a");
    expect(c.get("n1")!.portConflict({ ip: "0.0.0.0", protocol: "TCP", port: 8080 })).toBe(false);
  });
});
