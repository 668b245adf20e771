// Pure generators of the pod status the kubelet reports (kubelet_pods.go getPhase and
// generateAPIPodStatus, status/generate.go conditions): phase, conditions with transition
// times, and container statuses from the pod worker's records.
import { rfc3339 } from "../core/time";
import type { ContainerRecord, PodRecord, TerminatedRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Kubelet-owned condition types, in the order the kubelet writes them. */
export const KUBELET_CONDITIONS = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"] as const;

function terminatedJson(t: TerminatedRecord): Json {
  const out: Json = { containerID: t.containerId, exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt), reason: t.reason,
    startedAt: rfc3339(t.startedAt) };
  if (t.message) out.message = t.message;
  if (t.signal) out.signal = t.signal;
  return out;
}

/** The containerStatuses entry of one container record. */
export function containerStatusJson(c: ContainerRecord, specImage: string, mounts: Json[] | undefined): Json {
  const state: Json = c.state === "running" ? { running: { startedAt: rfc3339(c.startedAt!) } }
    : c.state === "terminated" && c.terminated ? { terminated: terminatedJson(c.terminated) }
    : { waiting: { reason: c.waiting?.reason ?? "ContainerCreating", ...(c.waiting?.message ? { message: c.waiting.message } : {}) } };
  const out: Json = {};
  if (c.containerId && c.state !== "waiting") out.containerID = c.containerId;
  else if (c.state === "waiting" && c.lastTerminated) out.containerID = c.lastTerminated.containerId;
  out.image = c.imageRef ?? specImage;
  out.imageID = c.imageID ?? "";
  out.lastState = c.lastTerminated ? { terminated: terminatedJson(c.lastTerminated) } : {};
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.attempt;
  out.started = c.state === "running" ? c.started : false;
  out.state = state;
  if (mounts?.length) {
    out.volumeMounts = mounts.map((m: Json) => ({ mountPath: m.mountPath, name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: "Disabled" } : {}) }));
  }
  return out;
}

/** getPhase of kubelet_pods.go (1.32). */
export function podPhase(pod: Json, rec: PodRecord): string {
  if (rec.terminalPhase) return rec.terminalPhase;
  const spec = pod.spec ?? {};
  const policy = spec.restartPolicy ?? "Always";
  let pendingInit = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let unknown = 0;
  const byName = new Map(rec.containers.map((c) => [c.name, c]));
  for (const ic of spec.initContainers ?? []) {
    const c = byName.get(ic.name);
    const sidecar = ic.restartPolicy === "Always";
    if (sidecar) {
      if (!c) unknown++;
      else if (c.state === "running") running++;
      else if (c.state === "terminated") stopped++;
      else if (c.lastTerminated) stopped++;
      else waiting++;
      continue;
    }
    if (!c || c.state === "running") pendingInit++;
    else if (c.state === "terminated") {
      if (c.terminated!.exitCode === 0) continue;
      failedInit++;
    } else if (c.lastTerminated && c.lastTerminated.exitCode !== 0) failedInit++;
    else pendingInit++;
  }
  let anyStarted = false;
  for (const ac of spec.containers ?? []) {
    const c = byName.get(ac.name);
    if (c && (c.state !== "waiting" || c.lastTerminated)) anyStarted = true;
    if (!c) unknown++;
    else if (c.state === "running") running++;
    else if (c.state === "terminated") {
      stopped++;
      if (c.terminated!.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) stopped++;
    else waiting++;
  }
  if (failedInit > 0 && policy === "Never") return "Failed";
  if ((pendingInit > 0 && !anyStarted) || waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (rec.terminating) return stopped === succeeded ? "Succeeded" : "Failed";
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

interface Cond { type: string; status: "True" | "False"; reason?: string; message?: string }

/** The four kubelet conditions (status/generate.go). */
export function kubeletConditions(pod: Json, rec: PodRecord, phase: string): Cond[] {
  const spec = pod.spec ?? {};
  const byName = new Map(rec.containers.map((c) => [c.name, c]));
  const out: Cond[] = [];
  out.push({ type: "PodReadyToStartContainers", status: rec.sandboxReady ? "True" : "False" });
  const inits: Json[] = spec.initContainers ?? [];
  if (!inits.length) out.push({ type: "Initialized", status: "True" });
  else {
    const anyAppStarted = (spec.containers ?? []).some((ac: Json) => {
      const c = byName.get(ac.name);
      return c && (c.state !== "waiting" || c.lastTerminated);
    });
    const incomplete = inits.filter((ic) => {
      const c = byName.get(ic.name);
      if (ic.restartPolicy === "Always") return !(c && c.state === "running" && c.started);
      return !(c && c.state === "terminated" && c.terminated!.exitCode === 0);
    }).map((ic) => ic.name);
    if (phase === "Succeeded") out.push({ type: "Initialized", status: "True", reason: "PodCompleted" });
    else if (anyAppStarted || !incomplete.length) out.push({ type: "Initialized", status: "True" });
    else out.push({ type: "Initialized", status: "False", reason: "ContainersNotInitialized", message: `containers with incomplete status: [${incomplete.join(" ")}]` });
  }
  let ready: Cond;
  if (phase === "Succeeded") ready = { type: "ContainersReady", status: "False", reason: "PodCompleted" };
  else if (phase === "Failed") ready = { type: "ContainersReady", status: "False", reason: "PodFailed" };
  else {
    const names = [...inits.filter((ic) => ic.restartPolicy === "Always").map((ic) => ic.name), ...(spec.containers ?? []).map((c: Json) => c.name)];
    const unknown = names.filter((n) => !byName.has(n));
    const unready = names.filter((n) => byName.has(n) && !byName.get(n)!.ready);
    const msgs: string[] = [];
    if (unknown.length) msgs.push(`containers with unknown status: [${unknown.join(" ")}]`);
    if (unready.length) msgs.push(`containers with unready status: [${unready.join(" ")}]`);
    ready = msgs.length ? { type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: msgs.join(", ") }
      : { type: "ContainersReady", status: "True" };
  }
  let podReady: Cond = { ...ready, type: "Ready" };
  if (ready.status === "True") {
    for (const g of spec.readinessGates ?? []) {
      const c = (pod.status?.conditions ?? []).find((x: Json) => x.type === g.conditionType);
      if (!c) { podReady = { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.` }; break; }
      if (c.status !== "True") { podReady = { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: `the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}` }; break; }
    }
  }
  out.push(podReady, ready);
  return out;
}

/** The complete status the kubelet would write now, merged with the stored one (PodScheduled etc. kept). */
export function generatePodStatus(pod: Json, rec: PodRecord, now: number, node: { ip: string }): Json {
  const old = pod.status ?? {};
  if (rec.rejected) {
    // rejectPod's status: phase, reason, message and start time; conditions other components own are kept.
    const status: Json = {};
    const kept = (old.conditions ?? []).filter((c: Json) => !(KUBELET_CONDITIONS as readonly string[]).includes(c.type));
    if (kept.length) status.conditions = kept;
    status.message = rec.rejected.message;
    status.phase = "Failed";
    if (old.qosClass) status.qosClass = old.qosClass;
    status.reason = rec.rejected.reason;
    if (rec.startTime !== undefined) status.startTime = rfc3339(rec.startTime);
    return status;
  }
  const phase = podPhase(pod, rec);
  const conds = kubeletConditions(pod, rec, phase);
  const times = rec.conditionTimes;
  const conditions: Json[] = conds.map((c) => {
    const prev = times[c.type];
    if (!prev || prev.status !== c.status) times[c.type] = { status: c.status, time: now };
    const out: Json = { lastProbeTime: null, lastTransitionTime: rfc3339(times[c.type].time), status: c.status, type: c.type };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
  for (const c of old.conditions ?? []) if (!(KUBELET_CONDITIONS as readonly string[]).includes(c.type)) conditions.push(c);
  const spec = pod.spec ?? {};
  const byName = new Map(rec.containers.map((c) => [c.name, c]));
  const status: Json = { conditions };
  const app = (spec.containers ?? []).filter((c: Json) => byName.has(c.name))
    .map((c: Json) => containerStatusJson(byName.get(c.name)!, c.image, c.volumeMounts))
    .sort((a: Json, b: Json) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (app.length) status.containerStatuses = app;
  status.hostIP = node.ip;
  status.hostIPs = [{ ip: node.ip }];
  const inits = (spec.initContainers ?? []).filter((c: Json) => byName.has(c.name))
    .map((c: Json) => containerStatusJson(byName.get(c.name)!, c.image, c.volumeMounts));
  if (inits.length) status.initContainerStatuses = inits;
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  status.phase = phase;
  if (rec.podIP) {
    status.podIP = rec.podIP;
    status.podIPs = [{ ip: rec.podIP }];
  }
  if (old.qosClass) status.qosClass = old.qosClass;
  if (rec.startTime !== undefined) status.startTime = rfc3339(rec.startTime);
  return status;
}
