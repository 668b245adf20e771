// Stopping containers and pods (killContainer, killPod): Killing events, the preStop hook
// bounded by the grace period, the stop signal with the remaining grace (at least 2 s), SIGKILL
// at the deadline, then the terminal phase and the kubelet's final DELETE of the pod.
import { findResource } from "../api/registry";
import type { KObject } from "../store/types";
import { shouldRestart } from "./backoff";
import { onPostStartDone, runPreStop } from "./hooks";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { stopProbes } from "./prober";
import { writeStatus } from "./status-writer";
import { continuePlan, fieldPath, requestSync } from "./worker";
import { WAITING, type ContainerRecord, type KillReason, type PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

const POD_DEF = findResource("", "v1", "pods")!;
const MIN_GRACE_MS = 2000;

function killMessage(c: ContainerRecord, reason: KillReason, policy: string): string {
  const again = shouldRestart(policy, 1, c.sidecar) ? ", will be restarted" : "";
  const who = c.init && c.sidecar ? `Init container ${c.name}` : `Container ${c.name}`;
  switch (reason) {
    case "liveness": return `${who} failed liveness probe${again}`;
    case "startup": return `${who} failed startup probe${again}`;
    case "spec-change": return `Container ${c.name} definition changed, will be restarted`;
    case "poststart": return "FailedPostStartHook";
    default: return `Stopping container ${c.name}`;
  }
}

/** Starts stopping one running container with a grace period (ms). */
export function killContainer(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, reason: KillReason, graceMs: number): void {
  if (c.state !== "running" || !c.containerId || c.killing) return;
  const now = env.ctx.now();
  const grace = Math.max(graceMs, 0);
  c.killing = { reason, since: now, deadline: now + grace, signalled: false };
  stopProbes(env, rec, c);
  if (!rec.orphaned || pod) Kubelet.event(env, pod as KObject, "Normal", "Killing", killMessage(c, reason, pod?.spec?.restartPolicy ?? "Always"), fieldPath(c));
  env.ctx.trace.step("kubelet", "Runtime", reason === "delete" ? `StopContainer ${c.name}` : `kill ${c.name} (${reason})`, rec, env.node.name);
  const spec = [...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])].find((x: Json) => x.name === c.name);
  const preStop = spec?.lifecycle?.preStop;
  if (preStop && grace > 0 && reason !== "poststart") {
    // An async hook (exec session or sleep) holds the stop until it ends or the grace runs out.
    const until = runPreStop(env, rec, pod, c, preStop);
    if (until !== undefined) {
      const at = Math.min(until, c.killing.deadline);
      env.ctx.timers.schedule(`${env.prefix}/kill/${rec.uid}/${c.name}`, at, `${env.prefix}.kill`, { uid: rec.uid, container: c.name });
      return;
    }
  }
  signalStop(env, rec, c);
}

/** Sends the stop signal with the grace left after the preStop hook (minimum 2 s). */
export function signalStop(env: KubeletEnv, rec: PodRecord, c: ContainerRecord): void {
  const k = c.killing;
  if (!k || k.signalled || !c.containerId) return;
  const now = env.ctx.now();
  const spentWhole = Math.floor((now - k.since) / 1000) * 1000;
  const total = k.deadline - k.since;
  const remaining = Math.max(total - spentWhole, MIN_GRACE_MS);
  k.signalled = true;
  env.ctx.timers.cancel(`${env.prefix}/kill/${rec.uid}/${c.name}`);
  env.runtime.stopContainer(c.containerId, remaining);
  env.ctx.trace.step("kubelet", "Runtime", `send stop signal to ${c.name} (grace ${Math.round(remaining / 1000)}s, then SIGKILL)`, rec, env.node.name);
}

/** The preStop hook overran the grace period: abandon it and stop now. */
export function onKillDeadline(env: KubeletEnv, rec: PodRecord, container: string): void {
  const c = rec.containers.find((x) => x.name === container);
  if (!c?.killing || c.killing.signalled) return;
  if (c.killing.preStopSession) env.runtime.execKill(c.killing.preStopSession);
  c.killing.preStopSession = undefined;
  signalStop(env, rec, c);
}

/** A lifecycle hook's exec session finished. */
export function onHookDone(env: KubeletEnv, rec: PodRecord, cname: string, which: "postStart" | "preStop", sessionId: string, exitCode: number): void {
  const c = rec.containers.find((x) => x.name === cname);
  if (!c) return;
  if (which === "postStart") {
    onPostStartDone(env, rec, c, sessionId, exitCode);
    return;
  }
  if (!c.killing || c.killing.preStopSession !== sessionId) return;
  c.killing.preStopSession = undefined;
  if (exitCode !== 0) {
    const pod = Kubelet.podOf(env, rec);
    if (pod) Kubelet.event(env, pod, "Warning", "FailedPreStopHook", "PreStopHook failed", fieldPath(c));
  }
  signalStop(env, rec, c);
}

/** Begins graceful termination of a whole pod (deletion, eviction or orphaning). */
export function beginTermination(env: KubeletEnv, rec: PodRecord, pod: Json, graceMs: number): void {
  if (rec.terminating) return;
  rec.terminating = { since: env.ctx.now(), graceMs };
  rec.plan = [];
  rec.busy = false;
  env.state.pulls.queue = env.state.pulls.queue.filter((j, i) => i === 0 || j.uid !== rec.uid);
  env.ctx.trace.step("kubelet", "API Server", "watch: pod has deletionTimestamp (Terminating)", rec, env.node.name);
  for (const c of rec.containers) {
    if (c.state === "running") killContainer(env, rec, pod, c, "delete", rec.orphaned ? Math.max(graceMs, MIN_GRACE_MS) : graceMs);
    if (c.postStart) c.postStart = undefined;
  }
  scheduleFinishCheck(env, rec);
}

function scheduleFinishCheck(env: KubeletEnv, rec: PodRecord): void {
  env.ctx.timers.schedule(`${env.prefix}/finish/${rec.uid}`, env.ctx.now() + 5 + env.ctx.rng.int(20), `${env.prefix}.finish`, { uid: rec.uid });
}

/** Bookkeeping after PLEG saw a container exit. */
export function afterContainerExit(env: KubeletEnv, rec: PodRecord, c: ContainerRecord): void {
  const killed = c.killing;
  c.killing = undefined;
  if (rec.terminating) {
    scheduleFinishCheck(env, rec);
    return;
  }
  if (killed?.reason === "poststart") {
    c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.state = "waiting";
    c.waiting = { reason: WAITING.PostStartHookError, message: (c as ContainerRecord & { hookMessage?: string }).hookMessage ?? "" };
  }
  if (rec.busy && rec.plan?.length && rec.plan[0].kind === "killContainer" && rec.plan[0].name === c.name) {
    rec.plan.shift();
    continuePlan(env, rec);
  }
}

/** When nothing runs any more: tear down the sandbox, report the terminal phase, delete the pod. */
export function maybeFinishTermination(env: KubeletEnv, rec: PodRecord): void {
  if (!rec.terminating) return;
  if (rec.containers.some((c) => c.state === "running")) return;
  const ctx = env.ctx;
  if (rec.sandboxId) {
    env.runtime.removeSandbox(rec.sandboxId);
    if (rec.podIP && rec.podIP !== env.node.ip) env.ipam.release(env.node.name, rec.podIP);
    rec.sandboxId = undefined;
    rec.sandboxReady = false;
    ctx.trace.step("kubelet", "Runtime", "StopPodSandbox / RemovePodSandbox", rec, env.node.name);
  }
  for (const c of rec.containers) if (c.state === "waiting" && !c.lastTerminated) c.state = "waiting";
  if (!rec.terminalPhase) {
    const app = rec.containers.filter((c) => !c.init);
    const ok = app.every((c) => c.state === "terminated" && c.terminated!.exitCode === 0);
    rec.terminalPhase = ok ? "Succeeded" : "Failed";
  }
  if (rec.orphaned) {
    delete env.state.pods[rec.uid];
    return;
  }
  writeStatus(env, rec);
  const pod = Kubelet.podOf(env, rec);
  if (pod && pod.metadata.uid === rec.uid && !rec.finalDeleteSent) {
    rec.finalDeleteSent = true;
    ctx.trace.step("kubelet", "API Server", "DELETE pod (grace 0): containers stopped", rec, env.node.name);
    ctx.trace.step("API Server", "etcd", "remove pod", rec);
    ctx.api.verbs.delete(POD_DEF, rec.namespace, rec.name, { gracePeriodSeconds: 0, preconditions: { uid: rec.uid } });
  }
}

/** Kubelet-initiated stop for restarts (liveness, startup, spec change): the container's grace. */
export function restartKill(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, reason: KillReason, probeGraceS?: number): void {
  const grace = (probeGraceS ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  killContainer(env, rec, pod, c, reason, grace);
}

export { stopProbes };
