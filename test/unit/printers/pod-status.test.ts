import { describe, expect, it } from "vitest";
import { summarizePod } from "../../../durable/sim/printers/pod";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");
const running = { running: { startedAt: ago(60) } };
const waiting = (reason: string) => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number) => ({ terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}), finishedAt: ago(5) } });
const cs = (name: string, state: object, extra: object = {}) => ({ name, state, ready: false, restartCount: 0, ...extra });

function pod(spec: object, status: object, meta: object = {}) {
  return { metadata: { name: "p", creationTimestamp: ago(100), ...meta }, spec: { containers: [{ name: "a" }], ...spec }, status };
}

describe("printPod's STATUS/READY/RESTARTS (1.32)", () => {
  it.each([
    ["pending without statuses", pod({}, { phase: "Pending" }), "0/1", "Pending", "0"],
    ["container creating", pod({}, { phase: "Pending", containerStatuses: [cs("a", waiting("ContainerCreating"))] }), "0/1", "ContainerCreating", "0"],
    ["running and ready", pod({}, { phase: "Running", containerStatuses: [cs("a", running, { ready: true })] }), "1/1", "Running", "0"],
    ["running but not ready keeps the phase", pod({}, { phase: "Running", containerStatuses: [cs("a", running)] }), "0/1", "Running", "0"],
    ["completed", pod({}, { phase: "Succeeded", containerStatuses: [cs("a", terminated(0, "Completed"))] }), "0/1", "Completed", "0"],
    ["error", pod({}, { phase: "Failed", containerStatuses: [cs("a", terminated(1, "Error"))] }), "0/1", "Error", "0"],
    ["exit code without reason", pod({}, { phase: "Failed", containerStatuses: [cs("a", terminated(3))] }), "0/1", "ExitCode:3", "0"],
    ["signal without reason", pod({}, { phase: "Failed", containerStatuses: [cs("a", terminated(137, undefined, 9))] }), "0/1", "Signal:9", "0"],
    ["crash loop with restarts ago", pod({}, { phase: "Running", containerStatuses: [cs("a", waiting("CrashLoopBackOff"),
      { restartCount: 4, lastState: terminated(1, "Error") })] }), "0/1", "CrashLoopBackOff", "4 (5s ago)"],
    ["pod-level reason", pod({}, { phase: "Failed", reason: "SysctlForbidden" }), "0/1", "SysctlForbidden", "0"],
    ["terminating overrides", pod({}, { phase: "Running", containerStatuses: [cs("a", running, { ready: true })] }, { deletionTimestamp: ago(-30) }), "1/1", "Terminating", "0"],
    ["terminal phase is not terminating", pod({}, { phase: "Succeeded", containerStatuses: [cs("a", terminated(0, "Completed"))] }, { deletionTimestamp: ago(-30) }), "0/1", "Completed", "0"],
    ["NodeLost shows Unknown", pod({}, { phase: "Running", reason: "NodeLost", containerStatuses: [cs("a", running, { ready: true })] }, { deletionTimestamp: ago(10) }), "1/1", "Unknown", "0"],
    ["first container by name wins", pod({ containers: [{ name: "a" }, { name: "b" }] }, { phase: "Pending",
      containerStatuses: [cs("a", waiting("ErrImagePull")), cs("b", waiting("ContainerCreating"))] }), "0/2", "ErrImagePull", "0"],
    ["completed plus running ready → Running", pod({ containers: [{ name: "a" }, { name: "b" }] }, { phase: "Running",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [cs("a", terminated(0, "Completed")), cs("b", running, { ready: true })] }), "1/2", "Running", "0"],
    ["completed plus running not ready → NotReady", pod({ containers: [{ name: "a" }, { name: "b" }] }, { phase: "Running",
      containerStatuses: [cs("a", terminated(0, "Completed")), cs("b", running, { ready: true })] }), "1/2", "NotReady", "0"],
    ["init 0/2", pod({ initContainers: [{ name: "i1" }, { name: "i2" }] }, { phase: "Pending",
      initContainerStatuses: [cs("i1", waiting("PodInitializing")), cs("i2", waiting("PodInitializing"))],
      containerStatuses: [cs("a", waiting("PodInitializing"))] }), "0/1", "Init:0/2", "0"],
    ["init 1/2", pod({ initContainers: [{ name: "i1" }, { name: "i2" }] }, { phase: "Pending",
      initContainerStatuses: [cs("i1", terminated(0, "Completed")), cs("i2", running)],
      containerStatuses: [cs("a", waiting("PodInitializing"))] }), "0/1", "Init:1/2", "0"],
    ["init error", pod({ initContainers: [{ name: "i1" }] }, { phase: "Failed",
      initContainerStatuses: [cs("i1", terminated(1, "Error"))], containerStatuses: [cs("a", waiting("PodInitializing"))] }), "0/1", "Init:Error", "0"],
    ["init crash loop counts init restarts", pod({ initContainers: [{ name: "i1" }] }, { phase: "Pending",
      initContainerStatuses: [cs("i1", waiting("CrashLoopBackOff"), { restartCount: 2, lastState: terminated(1, "Error") })],
      containerStatuses: [cs("a", waiting("PodInitializing"))] }), "0/1", "Init:CrashLoopBackOff", "2 (5s ago)"],
    ["pod initializing after inits", pod({ initContainers: [{ name: "i1" }] }, { phase: "Pending", conditions: [{ type: "Initialized", status: "True" }],
      initContainerStatuses: [cs("i1", terminated(0, "Completed"))], containerStatuses: [cs("a", waiting("PodInitializing"))] }), "0/1", "PodInitializing", "0"],
    ["scheduling gated", pod({}, { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }), "0/1", "SchedulingGated", "0"],
    ["sidecars count in READY", pod({ initContainers: [{ name: "s", restartPolicy: "Always" }] }, { phase: "Running", conditions: [{ type: "Initialized", status: "True" }],
      initContainerStatuses: [cs("s", running, { started: true, ready: true })], containerStatuses: [cs("a", running, { ready: true })] }), "2/2", "Running", "0"],
  ])("%s", (_name, p, ready, status, restarts) => {
    const s = summarizePod(p, NOW);
    expect([s.ready, s.status, s.restarts]).toEqual([ready, status, restarts]);
  });
});
