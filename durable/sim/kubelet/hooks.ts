// Lifecycle hooks (pkg/kubelet/lifecycle/handlers.go): postStart runs after Started, holding the
// pod worker until it returns (failure kills the container: FailedPostStartHook); preStop runs
// before the stop signal within the grace period. Handlers: exec, httpGet, sleep (tcpSocket
// is accepted by the API but fails at runtime).
import type { KObject } from "../store/types";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { killContainer } from "./terminate";
import { continuePlan, fieldPath } from "./worker";
import type { ContainerRecord, PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

function podFormat(rec: PodRecord): string {
  return `${rec.name}_${rec.namespace}(${rec.uid})`;
}

function handlerPort(pod: Json, cname: string, port: unknown): number {
  if (typeof port === "number") return port;
  const c = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find((x: Json) => x.name === cname);
  const p = (c?.ports ?? []).find((x: Json) => x.name === port);
  return p ? p.containerPort : Number(port);
}

/** Runs a synchronous handler (httpGet / tcpSocket); returns an error text or undefined on success. */
function runSync(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, h: Json): string | undefined {
  if (h.httpGet) {
    const port = handlerPort(pod, c.name, h.httpGet.port);
    const host = h.httpGet.host || rec.podIP || "";
    const path = h.httpGet.path || "/";
    const r = env.runtime.httpGet(env.node.ip, host, port, path, { "User-Agent": "kube-lifecycle/1.32" }, 30_000);
    const url = `http://${host}:${port}${path}`;
    if ("error" in r) return `Get "${url}": dial tcp ${host}:${port}: connect: connection ${r.error === "refused" ? "refused" : "timed out"}`;
    if (r.status < 200 || r.status >= 400) return `HTTP lifecycle hook (${path}) for Container "${c.name}" in Pod "${podFormat(rec)}" failed - error: <nil>, message: "${r.body.slice(0, 100)}"`;
    return undefined;
  }
  const kind = h.tcpSocket ? "TCPSocket" : "unknown";
  return `Cannot run handler: invalid handler: ${kind}`;
}

/** Starts the postStart hook of a freshly started container. Sets c.postStart while it runs. */
export function runPostStart(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, h: Json): void {
  if (h.exec) {
    const argv: string[] = h.exec.command ?? [];
    const r = env.runtime.exec(c.containerId!, argv, { owner: `hook:${env.node.name}:${rec.uid}:${c.name}:postStart` });
    if ("error" in r) {
      postStartFailed(env, rec, pod, c, `Exec lifecycle hook ([${argv.join(" ")}]) for Container "${c.name}" in Pod "${podFormat(rec)}" failed - error: ${r.error}, message: ""`);
      return;
    }
    c.postStart = { sessionId: r.sessionId };
    return;
  }
  if (h.sleep) {
    c.postStart = { until: env.ctx.now() + (h.sleep.seconds ?? 0) * 1000 };
    env.ctx.timers.schedule(`${env.prefix}/step/${rec.uid}`, c.postStart.until!, `${env.prefix}.step`, { uid: rec.uid });
    return;
  }
  const err = runSync(env, rec, pod, c, h);
  if (err) postStartFailed(env, rec, pod, c, err);
}

/** The postStart exec session ended. */
export function onPostStartDone(env: KubeletEnv, rec: PodRecord, c: ContainerRecord, sessionId: string, exitCode: number): void {
  if (c.postStart?.sessionId !== sessionId) return;
  const out = env.runtime.execRead(sessionId);
  c.postStart = undefined;
  const pod = Kubelet.podOf(env, rec) as Json;
  if (exitCode !== 0 && pod) {
    const spec = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find((x: Json) => x.name === c.name);
    const argv: string[] = spec?.lifecycle?.postStart?.exec?.command ?? [];
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    postStartFailed(env, rec, pod, c,
      `Exec lifecycle hook ([${argv.join(" ")}]) for Container "${c.name}" in Pod "${podFormat(rec)}" failed - error: command '${argv.join(" ")}' exited with ${exitCode}: ${text}, message: ${JSON.stringify(text)}`);
  }
  if (rec.busy) continuePlan(env, rec);
}

function postStartFailed(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, message: string): void {
  c.postStart = undefined;
  (c as ContainerRecord & { hookMessage?: string }).hookMessage = message;
  Kubelet.event(env, pod as KObject, "Warning", "FailedPostStartHook", "PostStartHook failed", fieldPath(c));
  killContainer(env, rec, pod, c, "poststart", (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
}

/** Starts the preStop hook; returns when an async hook will be done (undefined when already done). */
export function runPreStop(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, h: Json): number | undefined {
  if (h.exec) {
    const r = env.runtime.exec(c.containerId!, h.exec.command ?? [], { owner: `hook:${env.node.name}:${rec.uid}:${c.name}:preStop` });
    if ("error" in r) {
      Kubelet.event(env, pod as KObject, "Warning", "FailedPreStopHook", "PreStopHook failed", fieldPath(c));
      return undefined;
    }
    env.ctx.trace.step("kubelet", "Runtime", `exec preStop hook in ${c.name}`, rec, env.node.name);
    c.killing!.preStopSession = r.sessionId;
    return c.killing!.deadline;
  }
  if (h.sleep) return env.ctx.now() + (h.sleep.seconds ?? 0) * 1000;
  const err = runSync(env, rec, pod, c, h);
  if (err) Kubelet.event(env, pod as KObject, "Warning", "FailedPreStopHook", "PreStopHook failed", fieldPath(c));
  return undefined;
}
