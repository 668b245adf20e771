// Kubelet admission: pods that bypass the scheduler (nodeName) or ask for unsafe sysctls are
// rejected by the kubelet before they start, as on a real v1.32 node.
import { describe, expect, it } from "vitest";
import { lab } from "../kubectl/fixtures";

const pod = (name: string, spec: Record<string, unknown>, requests?: Record<string, string>) => JSON.stringify({
  apiVersion: "v1", kind: "Pod", metadata: { name },
  spec: { ...spec, containers: [{ name: "c", image: "nginx:1.27.5", ...(requests ? { resources: { requests } } : {}) }] },
});

describe("kubelet admission", () => {
  it("a pod placed by nodeName on a node without room fails with OutOfcpu and a Warning event", () => {
    const l = lab();
    l.out("apply -f -", pod("big", { nodeName: "node01" }, { cpu: "3" }));
    l.advance(5000);
    expect(l.out("get pod big")).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nbig\s+0\/1\s+OutOfcpu\s+0\s+\d+s\n$/);
    const p = JSON.parse(l.out("get pod big -o json"));
    expect(p.status.phase).toBe("Failed");
    expect(p.status.reason).toBe("OutOfcpu");
    expect(p.status.message).toMatch(/^Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: \d+, capacity: 2000$/);
    expect(p.status.containerStatuses).toBeUndefined();
    expect(p.status.conditions).toBeUndefined();
    const events = l.out("get events --field-selector involvedObject.name=big");
    expect(events).toMatch(/Warning\s+OutOfcpu\s+pod\/big\s+Node didn't have enough resource: cpu, requested: 3000/);
    expect(events).not.toMatch(/Pulling|Started/);
    expect(l.out("delete pod big")).toBe('pod "big" deleted\n');
  });

  it("counts the pods already admitted: the second pod that does not fit is refused", () => {
    const l = lab();
    l.out("apply -f -", pod("a", { nodeName: "node02" }, { memory: "3Gi" }));
    l.out("apply -f -", pod("b", { nodeName: "node02" }, { memory: "1Gi" }));
    l.advance(5000);
    expect(JSON.parse(l.out("get pod a -o json")).status.phase).toBe("Running");
    const b = JSON.parse(l.out("get pod b -o json")).status;
    expect(b.reason).toBe("OutOfmemory");
    expect(b.message).toMatch(/^Pod was rejected: Node didn't have enough resource: memory, requested: 1073741824, used: \d+, capacity: \d+$/);
  });

  it("unsafe sysctls are SysctlForbidden; safe ones run", () => {
    const l = lab();
    l.out("apply -f -", pod("sys", { securityContext: { sysctls: [{ name: "kernel.msgmax", value: "65536" }, { name: "net.core.somaxconn", value: "1024" }] } }));
    l.out("apply -f -", pod("safe", { securityContext: { sysctls: [{ name: "net.ipv4.tcp_syncookies", value: "1" }] } }));
    l.advance(30_000);
    expect(l.out("get pod sys")).toMatch(/\nsys\s+0\/1\s+SysctlForbidden\s+0\s/);
    expect(JSON.parse(l.out("get pod sys -o json")).status.message)
      .toBe('Pod was rejected: forbidden sysctl: ["kernel.msgmax" not allowlisted "net.core.somaxconn" not allowlisted]');
    expect(JSON.parse(l.out("get pod safe -o json")).status.phase).toBe("Running");
    const d = l.out("describe pod sys");
    expect(d).toMatch(/\nStatus:\s+Failed\n/);
    expect(d).toMatch(/\nReason:\s+SysctlForbidden\n/);
    expect(d).toMatch(/Warning\s+SysctlForbidden\s+\S+\s+kubelet\s+forbidden sysctl: \["kernel.msgmax" not allowlisted "net.core.somaxconn" not allowlisted\]/);
  });
});
