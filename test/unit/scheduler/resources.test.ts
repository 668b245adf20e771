import { describe, expect, it } from "vitest";
import type { Pod } from "../../../schema/k8s";
import { nodeAllocatable, podLimits, podNonZeroRequests, podRequests } from "../../../durable/sim/scheduler/resources";
import { node } from "./fixtures";

const c = (requests?: Record<string, string>, extra: Record<string, unknown> = {}) => ({ name: "c", image: "x", ...(requests ? { resources: { requests } } : {}), ...extra });
const podOf = (spec: Record<string, unknown>) => ({ metadata: { name: "p" }, spec }) as Pod;

describe("effective pod requests (§7.3)", () => {
  const cases: { name: string; spec: Record<string, unknown>; cpu: number; mem: number; scalars?: Record<string, number> }[] = [
    { name: "one container counts its requests", spec: { containers: [c({ cpu: "1", memory: "1Gi" })] }, cpu: 1000, mem: 1 << 30 },
    { name: "app containers add up", spec: { containers: [c({ cpu: "250m" }), c({ cpu: "500m", memory: "64Mi" })] }, cpu: 750, mem: 64 << 20 },
    { name: "a bigger init container sets the floor", spec: { initContainers: [c({ cpu: "2" })], containers: [c({ cpu: "500m", memory: "1Gi" })] }, cpu: 2000, mem: 1 << 30 },
    { name: "a smaller init container changes nothing", spec: { initContainers: [c({ cpu: "100m" })], containers: [c({ cpu: "500m" })] }, cpu: 500, mem: 0 },
    {
      name: "sidecars add to the app containers and to later init containers",
      spec: { initContainers: [c({ cpu: "200m" }, { restartPolicy: "Always" }), c({ cpu: "1" })], containers: [c({ cpu: "300m" })] },
      cpu: 1200, mem: 0,
    },
    { name: "overhead is added", spec: { containers: [c({ cpu: "100m" })], overhead: { cpu: "250m", memory: "120Mi" } }, cpu: 350, mem: 120 << 20 },
    { name: "extended resources are scalars", spec: { containers: [c({ "nvidia.com/gpu": "1", "hugepages-2Mi": "0" })] }, cpu: 0, mem: 0, scalars: { "nvidia.com/gpu": 1 } },
    { name: "a container without requests requests nothing", spec: { containers: [c()] }, cpu: 0, mem: 0 },
  ];
  it.each(cases)("$name", ({ spec, cpu, mem, scalars }) => {
    const r = podRequests(podOf(spec));
    expect([r.cpuMilli, r.memoryBytes]).toEqual([cpu, mem]);
    expect(r.scalars).toEqual(scalars);
  });

  it("scores containers without requests as 100m CPU and 200Mi memory", () => {
    expect(podNonZeroRequests(podOf({ containers: [c(), c({ cpu: "1" })] }))).toEqual({ cpuMilli: 1100, memoryBytes: 400 << 20 });
  });

  it("keeps an explicit zero request at zero for scoring", () => {
    expect(podNonZeroRequests(podOf({ containers: [c({ cpu: "0", memory: "0" })] }))).toEqual({ cpuMilli: 0, memoryBytes: 0 });
  });

  it("adds overhead only to limits that are set", () => {
    const l = podLimits(podOf({ containers: [c(undefined, { resources: { limits: { cpu: "1" } } })], overhead: { cpu: "100m", memory: "1Mi" } }));
    expect([l.cpuMilli, l.memoryBytes]).toEqual([1100, 0]);
  });

  it("reads node allocatable in millicores, bytes and pods", () => {
    const a = nodeAllocatable(node("n", { cpu: "2", memory: "4015672Ki", pods: 110 }));
    expect(a).toMatchObject({ cpuMilli: 2000, memoryBytes: 4015672 * 1024, pods: 110 });
  });
});
