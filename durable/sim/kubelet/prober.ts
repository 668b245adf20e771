// The prober (pkg/kubelet/prober): one worker per probe per container on a ticker of
// periodSeconds (phase fixed when the kubelet first saw the pod), startup gating liveness and
// readiness, thresholds, Unhealthy events, and the resulting ready/started flags and kills.
import type { KObject } from "../store/types";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { restartKill } from "./terminate";
import { writeStatus } from "./status-writer";
import { fieldPath } from "./worker";
import type { ContainerRecord, PodRecord, ProbeRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

/** The three probe kinds, as their spec fields and event prefixes. */
export const PROBES = { startup: { field: "startupProbe", title: "Startup" }, liveness: { field: "livenessProbe", title: "Liveness" },
  readiness: { field: "readinessProbe", title: "Readiness" } } as const;

/** A probe kind. */
export type ProbeKind = keyof typeof PROBES;

/** Steady outcomes after which a successful probe's ticks may be skipped in bulk. */
const STEADY = 3;

function key(env: KubeletEnv, rec: PodRecord, c: string, kind: string): string {
  return `${env.prefix}/probe/${rec.uid}/${c}/${kind}`;
}

function specOf(pod: Json, name: string): Json {
  return [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find((x: Json) => x.name === name);
}

/** The next tick at or after `from` on the worker's ticker. */
function nextTick(rec: PodRecord, period: number, from: number): number {
  const phase = rec.startTime ?? 0;
  return phase + Math.ceil((from - phase) / period) * period;
}

/** Creates probe workers for a freshly started container instance. */
export function initProbes(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, spec: Json): void {
  c.probes = {};
  for (const kind of Object.keys(PROBES) as ProbeKind[]) {
    const p = spec[PROBES[kind].field];
    if (!p) continue;
    const period = (p.periodSeconds ?? 10) * 1000;
    c.probes[kind] = { successes: 0, failures: 0, phase: rec.startTime ?? 0, streak: 0 };
    const at = nextTick(rec, period, env.ctx.now() + 1);
    env.ctx.timers.schedule(key(env, rec, c.name, kind), at, `${env.prefix}.probe`, { uid: rec.uid, container: c.name, probe: kind });
  }
}

/** Stops a container's probe workers (container exited or is being killed). */
export function stopProbes(env: KubeletEnv, rec: PodRecord, c: ContainerRecord): void {
  for (const kind of Object.keys(c.probes ?? {})) {
    const p = c.probes![kind];
    if (p.inflight) env.runtime.execKill(p.inflight.sessionId);
    env.ctx.timers.cancel(key(env, rec, c.name, kind));
  }
  c.probes = undefined;
}

/** A probe tick. */
export function onProbeTimer(env: KubeletEnv, rec: PodRecord, d: { container: string; probe: string; skipped?: number }): void {
  const c = rec.containers.find((x) => x.name === d.container);
  const kind = d.probe as ProbeKind;
  const pr = c?.probes?.[kind];
  const pod = Kubelet.podOf(env, rec) as Json;
  if (!c || !pr || !pod || c.state !== "running" || c.killing) return;
  const probe = specOf(pod, c.name)?.[PROBES[kind].field];
  if (!probe) return;
  const period = (probe.periodSeconds ?? 10) * 1000;
  const now = env.ctx.now();
  const skipped = (d as { skipped?: number }).skipped ?? 0;
  const lastOutput = (pr as ProbeRecord & { lastOutput?: string }).lastOutput;
  if (skipped > 0 && pr.result === "failure" && lastOutput !== undefined) {
    // Ticks skipped in bulk repeated the same failure: count them in the Unhealthy event.
    Kubelet.event(env, pod, "Warning", "Unhealthy", `${PROBES[kind].title} probe failed: ${lastOutput}`, fieldPath(c), skipped);
    pr.failures += skipped;
  }
  const steady = pr.streak >= STEADY && kind !== "startup" && (pr.result === "success" || (kind === "readiness" && pr.result === "failure"));
  // A startup probe that has succeeded is idle until the container restarts (initProbes re-arms it).
  if (!(kind === "startup" && c.started)) {
    env.ctx.timers.schedule(key(env, rec, c.name, kind), now + period, `${env.prefix}.probe`,
      { uid: rec.uid, container: c.name, probe: kind, ...(steady ? { coalesce: period } : {}) });
  }
  if (pr.inflight) return;
  if (rec.terminating && kind !== "readiness") return;
  if (Math.floor((now - (c.startedAt ?? now)) / 1000) < (probe.initialDelaySeconds ?? 0)) return;
  if (kind === "startup" && c.started) return;
  if (kind !== "startup" && !c.started) return;
  runProbe(env, rec, pod, c, kind, probe);
}

function runProbe(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, kind: ProbeKind, probe: Json): void {
  const pr = c.probes![kind];
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  const ip = rec.podIP ?? "";
  if (probe.exec) {
    const argv: string[] = probe.exec.command ?? [];
    const r = env.runtime.exec(c.containerId!, argv, { owner: `probe:${env.node.name}:${rec.uid}:${c.name}:${kind}`, timeoutMs });
    if ("error" in r) {
      outcome(env, rec, pod, c, kind, probe, false, r.error);
      return;
    }
    pr.inflight = { sessionId: r.sessionId, startedAt: env.ctx.now() };
    return;
  }
  if (probe.httpGet) {
    const port = resolvePort(pod, c.name, probe.httpGet.port);
    const host = probe.httpGet.host || ip;
    const path = probe.httpGet.path || "/";
    const scheme = String(probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const url = `${scheme}://${host}:${port}${path}`;
    const headers: Record<string, string> = { "User-Agent": "kube-probe/1.32", Accept: "*/*" };
    for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name] = h.value;
    const r = env.runtime.httpGet(env.node.ip, host, port, path, headers, timeoutMs);
    if ("error" in r) {
      const why = r.error === "refused" ? `dial tcp ${host}:${port}: connect: connection refused`
        : r.error === "timeout" ? "context deadline exceeded (Client.Timeout exceeded while awaiting headers)" : "EOF";
      outcome(env, rec, pod, c, kind, probe, false, `Get "${url}": ${why}`);
    } else if (r.status >= 200 && r.status < 400) outcome(env, rec, pod, c, kind, probe, true, "");
    else outcome(env, rec, pod, c, kind, probe, false, `HTTP probe failed with statuscode: ${r.status}`);
    return;
  }
  if (probe.tcpSocket) {
    const port = resolvePort(pod, c.name, probe.tcpSocket.port);
    const host = probe.tcpSocket.host || ip;
    const r = env.runtime.tcpConnect(env.node.ip, host, port);
    if (r === "ok") outcome(env, rec, pod, c, kind, probe, true, "");
    else outcome(env, rec, pod, c, kind, probe, false, `dial tcp ${host}:${port}: ${r === "refused" ? "connect: connection refused" : "i/o timeout"}`);
    return;
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    const r = env.runtime.grpcCheck?.(env.node.ip, ip, port, probe.grpc.service ?? "", timeoutMs) ?? { error: "unimplemented" as const };
    const secs = `${probe.timeoutSeconds ?? 1}s`;
    if ("status" in r) {
      if (r.status === "SERVING") outcome(env, rec, pod, c, kind, probe, true, "");
      else outcome(env, rec, pod, c, kind, probe, false, `service unhealthy (responded with "${r.status}")`);
    } else if (r.error === "timeout") outcome(env, rec, pod, c, kind, probe, false, `timeout: failed to connect service "${ip}:${port}" within ${secs}: context deadline exceeded`);
    else if (r.error === "refused") outcome(env, rec, pod, c, kind, probe, false, `timeout: failed to connect service "${ip}:${port}" within ${secs}: context deadline exceeded`);
    else outcome(env, rec, pod, c, kind, probe, false, "error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health");
  }
}

function resolvePort(pod: Json, cname: string, port: unknown): number {
  if (typeof port === "number") return port;
  const p = (specOf(pod, cname)?.ports ?? []).find((x: Json) => x.name === port);
  return p ? p.containerPort : Number(port);
}

/** An exec probe's session finished. */
export function onProbeExecDone(env: KubeletEnv, rec: PodRecord, cname: string, kind: string, sessionId: string, exitCode: number): void {
  const c = rec.containers.find((x) => x.name === cname);
  const pr = c?.probes?.[kind];
  if (!c || !pr || pr.inflight?.sessionId !== sessionId) return;
  pr.inflight = undefined;
  const pod = Kubelet.podOf(env, rec) as Json;
  if (!pod) return;
  const probe = specOf(pod, c.name)?.[PROBES[kind as ProbeKind].field];
  if (!probe) return;
  const out = env.runtime.execRead(sessionId);
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (out.timedOut) {
    outcome(env, rec, pod, c, kind as ProbeKind, probe, false, `command "${(probe.exec.command ?? []).join(" ")}" timed out`);
    return;
  }
  outcome(env, rec, pod, c, kind as ProbeKind, probe, exitCode === 0, text);
}

/** doProbe's result handling: thresholds, events and effects. */
function outcome(env: KubeletEnv, rec: PodRecord, pod: Json, c: ContainerRecord, kind: ProbeKind, probe: Json, ok: boolean, output: string): void {
  const pr = c.probes?.[kind] as ProbeRecord | undefined;
  if (!pr) return;
  if (!ok) Kubelet.event(env, pod as KObject, "Warning", "Unhealthy", `${PROBES[kind].title} probe failed: ${output}`, fieldPath(c));
  (pr as ProbeRecord & { lastOutput?: string }).lastOutput = ok ? undefined : output;
  const res = ok ? "success" : "failure";
  if (ok) { pr.successes++; pr.failures = 0; } else { pr.failures++; pr.successes = 0; }
  pr.streak = (pr as ProbeRecord & { last?: string }).last === res ? pr.streak + 1 : 1;
  (pr as ProbeRecord & { last?: string }).last = res;
  const failureThreshold = probe.failureThreshold ?? 3;
  const successThreshold = probe.successThreshold ?? 1;
  if (!ok && pr.failures < failureThreshold) return;
  if (ok && pr.successes < successThreshold) return;
  const changed = pr.result !== res;
  pr.result = res;
  if (kind === "readiness") {
    if (c.ready !== ok) {
      c.ready = ok;
      writeStatus(env, rec);
    }
    return;
  }
  if (kind === "startup") {
    if (ok && !c.started) {
      c.started = true;
      const spec = specOf(pod, c.name);
      if (!spec.readinessProbe) c.ready = true;
      writeStatus(env, rec);
      const rp = c.probes?.readiness;
      const rdelay = spec.readinessProbe?.initialDelaySeconds ?? 0;
      if (rp && spec.readinessProbe && Math.floor((env.ctx.now() - (c.startedAt ?? 0)) / 1000) >= rdelay) {
        runProbe(env, rec, pod, c, "readiness", spec.readinessProbe);
      }
      return;
    }
  }
  if (!ok && changed !== undefined && kind !== "startup" || !ok && kind === "startup") {
    pr.failures = 0;
    restartKill(env, rec, pod, c, kind, probe.terminationGracePeriodSeconds);
  }
}
