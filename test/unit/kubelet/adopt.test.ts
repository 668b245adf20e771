import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../durable/sim/sandbox";
import type { Runtime } from "../../../durable/sim/runtime/runtime";

// deno-lint-ignore no-explicit-any
type Any = any;

describe("kube-system pods adopted at sandbox creation", () => {
  const c = createSandbox({ seed: "adopt", startTime: Date.UTC(2026, 0, 1) });
  const pods = c.ctx.store.list("pods", "kube-system") as Any[];

  it("are written once: the kubelet finds its status already true and does not rewrite it", () => {
    const events = c.ctx.store.eventsSince(0, "pods") as Any[];
    expect(pods.length).toBeGreaterThan(10);
    expect(events.filter((e) => e.type === "MODIFIED")).toEqual([]);
  });

  it("run in the runtime under the container IDs their status reports, with the catalog's image IDs", () => {
    const rt = (c as unknown as { runtime: Runtime }).runtime;
    for (const p of pods) {
      for (const s of p.status.containerStatuses) {
        expect(rt.containerStatus(s.containerID)?.state).toBe("running");
        expect(s.imageID).toMatch(/@sha256:[0-9a-f]{64}$/);
      }
    }
    const proxies = pods.filter((p) => p.metadata.name.startsWith("kube-proxy-"));
    expect(new Set(proxies.map((p) => p.status.containerStatuses[0].imageID)).size).toBe(1);
  });

  it("keep their completed init containers' IDs and image IDs", () => {
    const calico = pods.find((p) => p.metadata.name.startsWith("calico-node-"));
    const inits = calico.status.initContainerStatuses as Any[];
    expect(inits.length).toBe(3);
    for (const s of inits) {
      expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
      expect(s.state.terminated).toMatchObject({ exitCode: 0, reason: "Completed", containerID: s.containerID });
      expect(s.imageID).toMatch(/^docker\.io\/calico\/(cni|node)@sha256:/);
    }
  });
});
