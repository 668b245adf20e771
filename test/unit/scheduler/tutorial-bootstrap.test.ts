import { describe, expect, it } from "vitest";
import { findResource } from "../../../durable/sim/api/registry";
import { bootstrapObjects } from "../../../durable/sim/bootstrap";
import { Cluster } from "../../../durable/sim/cluster";
import { clusterConfig } from "../../../durable/sim/config";
import { Ipam } from "../../../durable/sim/network/ipam";
import { Scheduler } from "../../../durable/sim/scheduler/scheduler";
import { START, TUTORIAL_FAILURE } from "./harness";

describe("the tutorial's §3.5 on the real bootstrap topology", () => {
  it("places two 1-CPU pods and leaves the third Pending with upstream's message", () => {
    const c = Cluster.create(clusterConfig({ seed: "tutorial", startTime: START }), (cl) => {
      bootstrapObjects(cl, new Ipam());
      cl.register("scheduler", new Scheduler(cl.ctx), "sched");
    });
    const podDef = findResource("", "v1", "pods")!;
    for (const name of ["pod-resources", "pod-resources2", "pod-resources3"]) {
      c.ctx.api.verbs.create(podDef, "default", { apiVersion: "v1", kind: "Pod", metadata: { name },
        spec: { containers: [{ name: "nginx", image: "nginx:1.27.5", resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "8", memory: "6Gi" } } }] } }, {});
      c.dispatch();
      c.advanceTo(c.now + 60_000);
    }
    const get = (n: string) => c.ctx.store.get("pods", "default", n) as Record<string, any>;
    expect(new Set([get("pod-resources").spec.nodeName, get("pod-resources2").spec.nodeName])).toEqual(new Set(["node01", "node02"]));
    expect(get("pod-resources3").spec.nodeName).toBeUndefined();
    const cond = get("pod-resources3").status.conditions.find((x: { type: string }) => x.type === "PodScheduled");
    expect(cond.message).toBe(TUTORIAL_FAILURE);
  });
});
