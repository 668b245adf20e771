import { describe, expect, it } from "vitest";
import { kubeletConditions, podPhase } from "../../../durable/sim/kubelet/status";
import type { ContainerRecord, PodRecord } from "../../../durable/sim/kubelet/types";

const c = (name: string, over: Partial<ContainerRecord> = {}): ContainerRecord =>
  ({ name, init: false, sidecar: false, attempt: 0, state: "waiting", started: false, ready: false, ...over });
const term = (exitCode: number) => ({ exitCode, reason: exitCode ? "Error" : "Completed", startedAt: 0, finishedAt: 1, containerId: "x" });
const rec = (containers: ContainerRecord[], over: Partial<PodRecord> = {}): PodRecord =>
  ({ uid: "u", namespace: "default", name: "p", sandboxReady: true, containers, conditionTimes: {}, ...over });
const pod = (policy = "Always", inits: string[] = []) =>
  ({ spec: { restartPolicy: policy, containers: [{ name: "a" }], initContainers: inits.map((name) => ({ name })) } });

describe("getPhase", () => {
  it.each([
    ["waiting container → Pending", pod(), [c("a")], "Pending"],
    ["running → Running", pod(), [c("a", { state: "running" })], "Running"],
    ["exit 0 under Always → Running (restarting)", pod(), [c("a", { state: "terminated", terminated: term(0) })], "Running"],
    ["exit 0 under OnFailure → Succeeded", pod("OnFailure"), [c("a", { state: "terminated", terminated: term(0) })], "Succeeded"],
    ["exit 1 under OnFailure → Running", pod("OnFailure"), [c("a", { state: "terminated", terminated: term(1) })], "Running"],
    ["exit 1 under Never → Failed", pod("Never"), [c("a", { state: "terminated", terminated: term(1) })], "Failed"],
    ["crash loop (waiting with last state) → Running", pod(), [c("a", { state: "waiting", lastTerminated: term(1) })], "Running"],
    ["failed init under Never → Failed", pod("Never", ["i"]), [c("i", { init: true, state: "terminated", terminated: term(1) }), c("a")], "Failed"],
    ["running init → Pending", pod("Always", ["i"]), [c("i", { init: true, state: "running" }), c("a")], "Pending"],
  ])("%s", (_n, p, cs, want) => expect(podPhase(p, rec(cs as ContainerRecord[]))).toBe(want));
});

describe("kubelet conditions", () => {
  it("reports unready containers with their names", () => {
    const conds = kubeletConditions({ spec: { containers: [{ name: "a" }, { name: "b" }] } }, rec([c("a", { state: "running", ready: true }), c("b", { state: "running" })]), "Running");
    expect(conds.find((x) => x.type === "ContainersReady")).toEqual({ type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: "containers with unready status: [b]" });
    expect(conds.find((x) => x.type === "Ready")?.reason).toBe("ContainersNotReady");
  });
  it("lists incomplete init containers", () => {
    const conds = kubeletConditions(pod("Always", ["i1", "i2"]), rec([c("i1", { init: true }), c("i2", { init: true }), c("a")]), "Pending");
    expect(conds.find((x) => x.type === "Initialized")?.message).toBe("containers with incomplete status: [i1 i2]");
  });
  it("marks a succeeded pod PodCompleted", () => {
    const conds = kubeletConditions(pod("Never"), rec([c("a", { state: "terminated", terminated: term(0) })]), "Succeeded");
    expect(conds.find((x) => x.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
  });
});
