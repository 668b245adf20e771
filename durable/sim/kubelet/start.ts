// Starting one container (kuberuntime startContainer): image decision and pull, create with the
// generated config (argv, env, mounts), start, then the postStart hook — each sub-step taking
// virtual time and emitting the upstream events (Pulling, Pulled, Created, Started, Failed...).
import { goDuration } from "../core/time";
import type { KObject } from "../store/types";
import { shouldRestart } from "./backoff";
import { ConfigError, containerEnv } from "./env";
import { resolveArgv } from "./expand";
import { expand } from "./expand";
import { decide, pulledMessage } from "./images";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { runPostStart } from "./hooks";
import { initProbes } from "./prober";
import { containerMounts, MountError } from "./volumes";
import { containerSpec, fieldPath, startNextPull } from "./worker";
import { WAITING, type ContainerRecord, type PlanStep, type PodRecord } from "./types";
import { parseQuantity, value, milliValue } from "../../../schema/quantity";
import { ROOT_CA } from "../bootstrap/objects";

// deno-lint-ignore no-explicit-any
type Json = any;

/** What applying a step asks of the plan runner. */
export type StartOutcome = { kind: "wait"; ms: number } | { kind: "block" } | { kind: "started" } | { kind: "done" };

function fail(env: KubeletEnv, pod: Json, c: ContainerRecord, reason: (typeof WAITING)[keyof typeof WAITING], message: string): StartOutcome {
  c.state = "waiting";
  c.waiting = { reason, message };
  Kubelet.event(env, pod as KObject, "Warning", "Failed", `Error: ${reason === WAITING.CreateContainerConfigError || reason === WAITING.CreateContainerError ? message : reason}`, fieldPath(c));
  return { kind: "done" };
}

/** Applies the current sub-phase of a startContainer step. */
export function applyStart(env: KubeletEnv, rec: PodRecord, pod: Json, step: Extract<PlanStep, { kind: "startContainer" }>): StartOutcome {
  const ctx = env.ctx;
  const c = rec.containers.find((x) => x.name === step.name)!;
  const spec = containerSpec(pod, step.name);
  if (!spec) return { kind: "done" };
  const now = ctx.now();
  const image: string = spec.image;
  const fp = fieldPath(c);
  if (!step.phase || step.phase === "image") {
    const present = env.runtime.nodeHasImage(env.node.name, image);
    const d = decide(image, spec.imagePullPolicy ?? "IfNotPresent", present, rec.pullBackoff?.[image], now);
    if (d.kind === "invalid") {
      Kubelet.event(env, pod, "Warning", "InspectFailed", d.message, fp);
      return fail(env, pod, c, WAITING.InvalidImageName, d.message);
    }
    if (d.kind === "never") {
      Kubelet.event(env, pod, "Warning", "ErrImageNeverPull", d.message, fp);
      return fail(env, pod, c, WAITING.ErrImageNeverPull, d.message);
    }
    if (d.kind === "backoff") {
      Kubelet.event(env, pod, "Normal", "BackOff", d.message, fp);
      return fail(env, pod, c, WAITING.ImagePullBackOff, d.message);
    }
    if (d.kind === "present") {
      Kubelet.event(env, pod, "Normal", "Pulled", `Container image "${image}" already present on machine`, fp);
      step.phase = "create";
      return { kind: "wait", ms: 20 + ctx.rng.int(40) };
    }
    env.state.pulls.queue.push({ image, uid: rec.uid, container: c.name, enqueuedAt: now });
    step.phase = "pulling";
    ctx.trace.step("kubelet", "Runtime", `PullImage ${image}`, pod.metadata, env.node.name);
    startNextPull(env);
    return { kind: "block" };
  }
  if (step.phase === "pulling") {
    const job = rec.pulled?.[c.name];
    if (!job) return { kind: "block" };
    delete rec.pulled![c.name];
    const info = env.runtime.resolveImage(image);
    if ("error" in info) {
      rec.pullBackoff ??= {};
      const prev = rec.pullBackoff[image];
      rec.pullBackoff[image] = !prev || now - prev.failedAt > 600_000 ? { delayMs: 10_000, failedAt: now } : { delayMs: Math.min(prev.delayMs * 2, 300_000), failedAt: now };
      Kubelet.event(env, pod, "Warning", "Failed", `Failed to pull image "${image}": ${info.error}`, fp);
      return fail(env, pod, c, WAITING.ErrImagePull, info.error);
    }
    env.runtime.addNodeImage(env.node.name, image);
    if (rec.pullBackoff) delete rec.pullBackoff[image];
    const pullMs = (job.doneAt ?? now) - (job.startedAt ?? job.enqueuedAt);
    const totalMs = (job.doneAt ?? now) - job.enqueuedAt;
    Kubelet.event(env, pod, "Normal", "Pulled", pulledMessage(image, pullMs, totalMs, info.sizeBytes), fp);
    step.phase = "create";
    return { kind: "wait", ms: 20 + ctx.rng.int(40) };
  }
  if (step.phase === "create") return create(env, rec, pod, spec, c, step);
  if (step.phase === "start") return start(env, rec, pod, spec, c, step);
  if (step.phase === "poststart") {
    if (c.postStart?.until !== undefined && ctx.now() >= c.postStart.until) c.postStart = undefined;
    if (c.postStart) return { kind: "block" };
    return c.state === "running" ? { kind: "started" } : { kind: "done" };
  }
  return { kind: "done" };
}

function create(env: KubeletEnv, rec: PodRecord, pod: Json, spec: Json, c: ContainerRecord, step: Extract<PlanStep, { kind: "startContainer" }>): StartOutcome {
  const ctx = env.ctx;
  const info = env.runtime.resolveImage(spec.image);
  if ("error" in info) return fail(env, pod, c, WAITING.ErrImagePull, info.error);
  let envVars: [string, string][];
  let mounts;
  try {
    const node = ctx.store.get("nodes", undefined, env.node.name) as Json;
    envVars = containerEnv({ pod, container: spec, store: ctx.store, hostIP: env.node.ip, podIP: rec.podIP ?? "",
      nodeAllocatable: node?.status?.allocatable ?? {} });
    envVars = shuffleLikeGoMap(envVars, ctx.rng);
    mounts = containerMounts(pod, spec, ctx.store, rec.podIP ?? "", "10.96.0.10", ROOT_CA);
  } catch (e) {
    if (e instanceof ConfigError) return fail(env, pod, c, WAITING.CreateContainerConfigError, e.message);
    if (e instanceof MountError) {
      Kubelet.event(env, pod, "Warning", "FailedMount", e.message);
      return fail(env, pod, c, WAITING.ContainerCreating, e.message);
    }
    throw e;
  }
  const lookup = new Map(envVars);
  const exp = (s: string) => expand(s, (n) => lookup.get(n));
  const argv = resolveArgv(spec.command?.map(exp), spec.args?.map(exp), info.config);
  const lim = spec.resources?.limits ?? {};
  const memQ = lim.memory !== undefined ? parseQuantity(String(lim.memory)) : undefined;
  const cpuQ = lim.cpu !== undefined ? parseQuantity(String(lim.cpu)) : undefined;
  // A new instance replaces the previous one: its state becomes lastState and the count goes up.
  const isRestart = !!c.containerId || !!c.terminated || !!c.lastTerminated && c.state === "waiting" && c.waiting?.reason === WAITING.CrashLoopBackOff;
  const attempt = c.containerId ? c.attempt + 1 : c.attempt;
  const res = env.runtime.createContainer({
    node: env.node.name, podUid: rec.uid, podName: rec.name, podNamespace: rec.namespace, sandboxId: rec.sandboxId!,
    name: c.name, attempt, image: spec.image, argv, env: envVars, workingDir: spec.workingDir, tty: !!spec.tty, stdin: !!spec.stdin,
    stdinOnce: !!spec.stdinOnce, mounts, memoryLimitBytes: memQ ? value(memQ) : undefined, cpuLimitMillis: cpuQ ? milliValue(cpuQ) : undefined,
    terminationMessagePath: spec.terminationMessagePath ?? "/dev/termination-log",
  });
  if ("error" in res) return fail(env, pod, c, WAITING.CreateContainerError, res.error);
  if (isRestart && c.containerId) {
    if (c.terminated) c.lastTerminated = c.terminated;
    c.prevContainerId = c.containerId;
  }
  if (c.terminated) c.terminated = undefined;
  c.attempt = attempt;
  c.containerId = res.containerId;
  c.imageRef = info.normalized;
  c.imageID = info.imageID;
  c.specImage = spec.image;
  Kubelet.event(env, pod, "Normal", "Created", `Created container: ${c.name}`, fieldPath(c));
  ctx.trace.step("kubelet", "Runtime", `CreateContainer ${c.name}`, pod.metadata, env.node.name);
  step.phase = "start";
  return { kind: "wait", ms: 40 + ctx.rng.int(80) };
}

function start(env: KubeletEnv, rec: PodRecord, pod: Json, spec: Json, c: ContainerRecord, step: Extract<PlanStep, { kind: "startContainer" }>): StartOutcome {
  const ctx = env.ctx;
  const r = env.runtime.startContainer(c.containerId!);
  if (!r.ok) {
    const now = ctx.now();
    const term = { exitCode: r.exitCode, reason: r.reason, message: r.message, startedAt: 0, finishedAt: now, containerId: c.containerId! };
    c.ready = false;
    c.started = false;
    if (shouldRestart(pod.spec.restartPolicy ?? "Always", r.exitCode, c.sidecar)) {
      c.state = "waiting";
      c.waiting = { reason: WAITING.RunContainerError, message: r.message };
      c.lastTerminated = term;
    } else {
      c.state = "terminated";
      c.terminated = term;
    }
    Kubelet.event(env, pod, "Warning", "Failed", `Error: ${r.message}`, fieldPath(c));
    return { kind: "done" };
  }
  c.state = "running";
  c.startedAt = r.startedAt;
  c.waiting = undefined;
  c.started = !spec.startupProbe;
  c.ready = false;
  initProbes(env, rec, pod, c, spec);
  if (!spec.readinessProbe && c.started) c.ready = true;
  Kubelet.event(env, pod, "Normal", "Started", `Started container ${c.name}`, fieldPath(c));
  ctx.trace.step("kubelet", "Runtime", `StartContainer ${c.name}`, pod.metadata, env.node.name);
  ctx.trace.step("Runtime", "kubelet", `container ${c.name} running`, pod.metadata, env.node.name);
  if (spec.lifecycle?.postStart) {
    step.phase = "poststart";
    runPostStart(env, rec, pod, c, spec.lifecycle.postStart);
    return c.postStart ? { kind: "block" } : { kind: "started" };
  }
  return { kind: "started" };
}

/** Go map iteration order stand-in: a seeded shuffle (the kubelet builds env from a map). */
function shuffleLikeGoMap<T>(items: T[], rng: { int(n: number): number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export { goDuration };
