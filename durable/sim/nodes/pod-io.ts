// The kubelet-side of `pods/log`, `pods/exec` and `pods/attach` (served through the API server's
// hooks): finds the container instance, applies log options and upstream error texts, and opens
// exec and attach sessions in the runtime for WebSocket clients.
import type { ExecResponse, LogResponse } from "../api/request";
import { ApiError, badRequest } from "../api/status";
import { pickContainer } from "../api/pod-container";
import { parseTime } from "../core/time";
import type { Kubelet } from "../kubelet/kubelet";
import type { ContainerRecord } from "../kubelet/types";
import type { RuntimeApi } from "../kubelet/runtime-api";
import type { KObject } from "../store/types";
import type { AttachOptions, AttachStartResult } from "../runtime/contract";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Finds kubelets by node name. */
export type KubeletLookup = (node: string) => Kubelet | undefined;

function record(kubelets: KubeletLookup, pod: Json, name: string): ContainerRecord | undefined {
  const k = pod.spec.nodeName ? kubelets(pod.spec.nodeName) : undefined;
  return k?.record(pod.metadata.uid)?.containers.find((c) => c.name === name);
}

function waitingText(reason: string | undefined): string {
  if (reason === "ErrImagePull") return "image can't be pulled";
  if (reason === "ImagePullBackOff") return "trying and failing to pull image";
  return reason ?? "ContainerCreating";
}

/** `GET pods/<name>/log`. */
export function podLogs(kubelets: KubeletLookup, runtime: RuntimeApi, podObj: KObject, q: URLSearchParams, now: number): LogResponse {
  const pod = podObj as Json;
  const name = pickContainer(pod, q);
  const c = record(kubelets, pod, name);
  const previous = ["true", "True", "1"].includes(q.get("previous") ?? "");
  let id: string | undefined;
  if (previous) {
    id = c?.prevContainerId ?? (c?.state === "waiting" && c.lastTerminated ? undefined : undefined);
    if (c && c.state === "waiting" && c.waiting?.reason === "CrashLoopBackOff") id = c.prevContainerId ?? c.containerId;
    if (!id) throw badRequest(`previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
  } else {
    id = c?.containerId;
    const waiting = !c || (c.state === "waiting" && !c.containerId);
    if (waiting) {
      throw badRequest(`container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${waitingText(c?.waiting?.reason)}`);
    }
  }
  const timestamps = ["true", "True", "1"].includes(q.get("timestamps") ?? "");
  const tail = q.get("tailLines");
  const sinceSeconds = q.get("sinceSeconds");
  const sinceTime = q.get("sinceTime");
  const limitBytes = q.get("limitBytes");
  const opts = {
    timestamps,
    tailLines: tail !== null ? Number(tail) : undefined,
    sinceTime: sinceSeconds !== null ? now - Number(sinceSeconds) * 1000 : sinceTime ? parseTime(sinceTime) : undefined,
    limitBytes: limitBytes !== null ? Number(limitBytes) : undefined,
  };
  if (opts.tailLines !== undefined && (!Number.isFinite(opts.tailLines) || opts.tailLines < 0)) throw badRequest("tailLines must be a non-negative integer");
  const text = runtime.readLogs(id!, opts);
  const follow = ["true", "True", "1"].includes(q.get("follow") ?? "");
  const headers = { "content-type": "text/plain", "content-encoding": "identity" };
  if (follow && !previous && c?.state === "running") {
    return { type: "log", status: 200, headers, text, follow: { containerId: id!, cursor: runtime.logCursor(id!), timestamps } };
  }
  return { type: "log", status: 200, headers, text };
}

/** A boolean query parameter as the kubelet reads it. */
const flag = (q: URLSearchParams, name: string) => ["true", "True", "1"].includes(q.get(name) ?? "");

/** `pods/<name>/exec` over WebSocket: opens a runtime session. */
export function podExec(kubelets: KubeletLookup, runtime: RuntimeApi, podObj: KObject, q: URLSearchParams, protocol: string, owner: string): ExecResponse {
  const pod = podObj as Json;
  const name = pickContainer(pod, q);
  const c = record(kubelets, pod, name);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  if (!c || c.state !== "running" || !c.containerId) {
    throw new ApiError(400, "BadRequest", `unable to upgrade connection: container not found ("${name}")`);
  }
  const argv = q.getAll("command");
  if (!argv.length) throw badRequest("you must specify at least one command for the container");
  const tty = flag(q, "tty");
  const stdin = flag(q, "stdin");
  if (!stdin && !flag(q, "stdout") && !(flag(q, "stderr") && !tty)) throw badRequest("you must specify at least 1 of stdin, stdout, stderr");
  const r = runtime.exec(c.containerId, argv, { tty, stdin, owner });
  if ("error" in r) {
    return { type: "exec", protocol, sessionId: "", tty, stdin, startError: r.error };
  }
  return { type: "exec", protocol, sessionId: r.sessionId, tty, stdin };
}

/** The runtime call attach needs. */
export interface Attacher {
  attach(containerId: string, opts: AttachOptions): AttachStartResult;
}

/**
 * `pods/<name>/attach` over WebSocket: joins the container's PID 1 stdio. As the kubelet does,
 * the TTY is the container's own (`spec.containers[].tty`), not the request's.
 */
export function podAttach(kubelets: KubeletLookup, runtime: Attacher, podObj: KObject, q: URLSearchParams, protocol: string, owner: string): ExecResponse {
  const pod = podObj as Json;
  const name = pickContainer(pod, q);
  const stdin = flag(q, "stdin");
  const stdout = flag(q, "stdout");
  const stderr = flag(q, "stderr") && !flag(q, "tty");
  if (!stdin && !stdout && !stderr) throw badRequest("you must specify at least 1 of stdin, stdout, stderr");
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw badRequest(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const c = record(kubelets, pod, name);
  const notFound = () => new ApiError(400, "BadRequest", `unable to upgrade connection: container not found ("${name}")`);
  if (!c || c.state !== "running" || !c.containerId) throw notFound();
  const r = runtime.attach(c.containerId, { owner, stdin, stdout, stderr });
  if ("error" in r) throw notFound();
  const spec = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].find((x: Json) => x.name === name);
  return { type: "exec", protocol, sessionId: r.sessionId, tty: !!spec?.tty, stdin };
}
