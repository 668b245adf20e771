// The pod worker: on each sync it computes a plan (data: create the sandbox, start / restart /
// back off containers in kubelet order) and applies it step by step on the virtual clock,
// writing pod status at the start and end of every sync (kuberuntime computePodActions+SyncPod).
import { admitPod, rejectPod } from "./admit";
import { rfc3339 } from "../core/time";
import type { KObject } from "../store/types";
import { inBackoff, nextBackoff, shouldRestart } from "./backoff";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { applyStart, type StartOutcome } from "./start";
import { writeStatus } from "./status-writer";
import { killContainer } from "./terminate";
import { WAITING, type ContainerRecord, type PlanStep, type PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

/** The node's serial image pull queue (serializeImagePulls=true). */
export interface PullQueue { queue: { image: string; uid: string; container: string; enqueuedAt: number; startedAt?: number; doneAt?: number }[] }

/** Asks for a sync of a pod after `delayMs` (earliest request wins). */
export function requestSync(env: KubeletEnv, rec: PodRecord, delayMs: number): void {
  env.ctx.timers.scheduleEarliest(`${env.prefix}/sync/${rec.uid}`, env.ctx.now() + delayMs, `${env.prefix}.sync`, { uid: rec.uid });
}

/** Creates container records for every container of the spec (default waiting reason). */
export function ensureRecords(rec: PodRecord, pod: Json): void {
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const defaultReason = hasInit ? WAITING.PodInitializing : WAITING.ContainerCreating;
  const add = (c: Json, init: boolean) => {
    if (rec.containers.some((x) => x.name === c.name)) return;
    rec.containers.push({ name: c.name, init, sidecar: init && c.restartPolicy === "Always", attempt: 0, state: "waiting",
      waiting: { reason: init ? WAITING.PodInitializing : defaultReason }, started: false, ready: false });
  };
  for (const c of pod.spec.initContainers ?? []) add(c, true);
  for (const c of pod.spec.containers ?? []) add(c, false);
}

/** The spec of a container by name (init or app). */
export function containerSpec(pod: Json, name: string): Json | undefined {
  return (pod.spec.containers ?? []).find((c: Json) => c.name === name) ?? (pod.spec.initContainers ?? []).find((c: Json) => c.name === name);
}

/** `spec.containers{web}` / `spec.initContainers{init}` */
export function fieldPath(c: ContainerRecord): string {
  return c.init ? `spec.initContainers{${c.name}}` : `spec.containers{${c.name}}`;
}

/** Starts a sync now (or marks one pending when the worker is busy). */
export function runSync(env: KubeletEnv, rec: PodRecord): void {
  if (rec.terminating || rec.terminalPhase) return;
  if (rec.busy) {
    rec.needsSync = true;
    return;
  }
  const pod = Kubelet.podOf(env, rec) as Json;
  if (!pod || pod.metadata.uid !== rec.uid) return;
  ensureRecords(rec, pod);
  if (rec.startTime === undefined) {
    const refusal = admitPod(env, pod, rec);
    if (refusal) {
      rejectPod(env, rec, pod, refusal);
      writeStatus(env, rec);
      return;
    }
    rec.startTime = env.ctx.now();
    env.ctx.trace.step("kubelet", "API Server", "report initial pod status (ContainerCreating)", pod.metadata, env.node.name);
  }
  const plan = computePlan(env, rec, pod);
  writeStatus(env, rec);
  if (!plan.length) return;
  rec.plan = plan;
  rec.busy = true;
  continuePlan(env, rec);
}

/** computePodActions: what this sync should do, in order. */
export function computePlan(env: KubeletEnv, rec: PodRecord, pod: Json): PlanStep[] {
  const steps: PlanStep[] = [];
  const now = env.ctx.now();
  const policy = pod.spec.restartPolicy ?? "Always";
  if (!rec.sandboxId) steps.push({ kind: "createSandbox" });
  const byName = new Map(rec.containers.map((c) => [c.name, c]));
  const restartOrBackoff = (c: ContainerRecord) => {
    const last = c.terminated ?? c.lastTerminated!;
    if (inBackoff(c.backoff, last.finishedAt, now)) steps.push({ kind: "crashLoop", name: c.name, delayMs: c.backoff!.delayMs });
    else {
      c.backoff = nextBackoff(c.backoff, last.finishedAt, now);
      steps.push({ kind: "startContainer", name: c.name });
    }
  };
  for (const ic of pod.spec.initContainers ?? []) {
    const c = byName.get(ic.name)!;
    if (c.sidecar) {
      if (c.state === "running") {
        if (c.started) continue;
        return steps;
      }
      if (c.state === "terminated" || c.lastTerminated) restartOrBackoff(c);
      else steps.push({ kind: "startContainer", name: c.name });
      return steps;
    }
    if (c.state === "terminated" && c.terminated!.exitCode === 0) continue;
    if (c.state === "running") return steps;
    const failed = (c.state === "terminated" && c.terminated!.exitCode !== 0) ||
      (c.state === "waiting" && c.lastTerminated && c.lastTerminated.exitCode !== 0 && c.waiting?.reason === WAITING.CrashLoopBackOff);
    if (failed) {
      if (policy === "Never") {
        rec.terminalPhase = "Failed";
        return [];
      }
      restartOrBackoff(c);
      return steps;
    }
    steps.push({ kind: "startContainer", name: c.name });
    return steps;
  }
  for (const ac of pod.spec.containers ?? []) {
    const c = byName.get(ac.name)!;
    if (c.killing) continue;
    if (c.state === "running") {
      if (c.specImage && c.specImage !== ac.image) {
        steps.push({ kind: "killContainer", name: c.name, reason: "spec-change" });
        steps.push({ kind: "startContainer", name: c.name });
      }
      continue;
    }
    const last = c.state === "terminated" ? c.terminated : c.lastTerminated;
    const retryable = c.state === "waiting" && c.waiting?.reason !== WAITING.CrashLoopBackOff &&
      c.waiting?.reason !== WAITING.RunContainerError && c.waiting?.reason !== WAITING.PostStartHookError;
    if (c.state === "waiting" && (!last || retryable)) {
      steps.push({ kind: "startContainer", name: c.name });
      continue;
    }
    if (last && shouldRestart(policy, last.exitCode, false)) restartOrBackoff(c);
  }
  return steps;
}

/** Applies plan steps until one has to wait on the clock, a pull or a hook. */
export function continuePlan(env: KubeletEnv, rec: PodRecord): void {
  const pod = Kubelet.podOf(env, rec) as Json;
  if (!pod || pod.metadata.uid !== rec.uid || rec.terminating) {
    rec.plan = [];
    rec.busy = false;
    return;
  }
  let startedSomething = false;
  while (rec.plan && rec.plan.length) {
    const step = rec.plan[0];
    const out = applyStep(env, rec, pod, step);
    if (out.kind === "wait") {
      env.ctx.timers.schedule(`${env.prefix}/step/${rec.uid}`, env.ctx.now() + out.ms, `${env.prefix}.step`, { uid: rec.uid });
      return;
    }
    if (out.kind === "block") return;
    if (out.kind === "started") startedSomething = true;
    rec.plan.shift();
  }
  finishSync(env, rec, startedSomething);
}

/**
 * End of a sync. Like the kubelet, the status written at the start of the *next* sync shows
 * what this one did (started containers via the PLEG relist, waiting reasons such as
 * CrashLoopBackOff or ErrImagePull via the reason cache), and a sync that failed is retried
 * after the pod worker's back-off period (10 s + jitter).
 */
function finishSync(env: KubeletEnv, rec: PodRecord, startedSomething: boolean): void {
  rec.busy = false;
  rec.plan = [];
  const ctx = env.ctx;
  if (startedSomething) rec.plegPending = true;
  if (rec.plegPending) ctx.timers.scheduleEarliest(`${env.prefix}/pleg`, nextRelist(env), `${env.prefix}.pleg`);
  const erroring = rec.containers.some((c) => c.state === "waiting" && c.waiting && c.waiting.reason !== WAITING.ContainerCreating &&
    c.waiting.reason !== WAITING.PodInitializing);
  if (rec.needsSync) {
    rec.needsSync = false;
    requestSync(env, rec, 1);
  } else if (erroring) {
    requestSync(env, rec, 10_000 + ctx.rng.int(5000));
  }
}

/** The next PLEG relist tick of this node. */
export function nextRelist(env: KubeletEnv): number {
  const now = env.ctx.now();
  const phase = env.state.plegPhase;
  return Math.floor((now - phase) / 1000) * 1000 + phase + 1000;
}

type StepOutcome = StartOutcome | { kind: "done" };

function applyStep(env: KubeletEnv, rec: PodRecord, pod: Json, step: PlanStep): StepOutcome {
  const ctx = env.ctx;
  if (step.kind === "createSandbox") {
    if (!rec.sandboxId) {
      const ip = pod.spec.hostNetwork ? env.node.ip : env.ipam.allocate(env.node.name);
      rec.sandboxId = ctx.rng.hex(64);
      rec.podIP = ip;
      env.runtime.createSandbox({ sandboxId: rec.sandboxId, node: env.node.name, podUid: rec.uid, podName: rec.name,
        namespace: rec.namespace, ip, hostname: pod.spec.hostname ?? rec.name });
      rec.plegPending = true;
      ctx.trace.step("kubelet", "Runtime", "RunPodSandbox (pause container, CNI network)", pod.metadata, env.node.name);
      return { kind: "wait", ms: 300 + ctx.rng.int(500) };
    }
    rec.sandboxReady = true;
    ctx.trace.step("Runtime", "kubelet", `sandbox ready, pod IP ${rec.podIP}`, pod.metadata, env.node.name);
    return { kind: "done" };
  }
  if (step.kind === "crashLoop") {
    const c = rec.containers.find((x) => x.name === step.name)!;
    if (c.state === "terminated") {
      c.lastTerminated = c.terminated;
      c.terminated = undefined;
    }
    c.state = "waiting";
    c.waiting = { reason: WAITING.CrashLoopBackOff,
      message: `back-off ${fmtBackoff(step.delayMs)} restarting failed container=${c.name} pod=${rec.name}_${rec.namespace}(${rec.uid})` };
    Kubelet.event(env, pod as KObject, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${rec.name}_${rec.namespace}(${rec.uid})`, fieldPath(c));
    return { kind: "done" };
  }
  if (step.kind === "killContainer") {
    const c = rec.containers.find((x) => x.name === step.name)!;
    if (c.state !== "running") return { kind: "done" };
    if (!c.killing) killContainer(env, rec, pod, c, step.reason, (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
    return { kind: "block" };
  }
  return applyStart(env, rec, pod, step);
}

function fmtBackoff(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${s % 60}s`;
}

/** A pull finished (success or failure): resume the plans blocked on it and start the next pull. */
export function onPullDone(env: KubeletEnv): void {
  const q = env.state.pulls.queue;
  const job = q.shift();
  if (job) {
    const rec = env.state.pods[job.uid];
    if (rec) (rec.pulled ??= {})[job.container] = { ...job, doneAt: env.ctx.now() };
    if (rec && rec.plan?.length) {
      const step = rec.plan[0];
      if (step.kind === "startContainer" && step.name === job.container && step.phase === "pulling") continuePlan(env, rec);
    }
  }
  startNextPull(env);
}

/** Starts the head of the pull queue if nothing is pulling; schedules its completion. */
export function startNextPull(env: KubeletEnv): void {
  const q = env.state.pulls.queue;
  const head = q[0];
  if (!head || head.startedAt !== undefined) return;
  head.startedAt = env.ctx.now();
  const rec = env.state.pods[head.uid];
  const pod = rec && (Kubelet.podOf(env, rec) as Json);
  if (pod) Kubelet.event(env, pod, "Normal", "Pulling", `Pulling image "${head.image}"`, fieldPath(rec.containers.find((c) => c.name === head.container)!));
  const info = env.runtime.resolveImage(head.image);
  const size = "error" in info ? 0 : info.sizeBytes;
  const cached = env.runtime.nodeHasImage(env.node.name, head.image);
  const jitter = env.ctx.rng.float();
  const ms = "error" in info ? 500 + Math.floor(jitter * 1000) : cached ? 400 + Math.floor(jitter * 900) : Math.floor(600 + jitter * 700 + (size / ((20 + jitter * 20) * 1024 * 1024)) * 1000);
  head.doneAt = head.startedAt + ms;
  env.ctx.timers.schedule(`${env.prefix}/pull`, head.doneAt, `${env.prefix}.pull`);
}

export { rfc3339 };
