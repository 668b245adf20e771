// The kubelet of one node: keeps a record per pod bound to the node, runs a pod worker for each
// (plan then apply, see worker.ts), relists containers (PLEG) after runtime notices, terminates
// pods gracefully (terminate.ts), renews its Lease and reports node status.
import type { Component, SimContext } from "../context";
import type { Timer } from "../core/timers";
import { EventRecorder } from "../events/recorder";
import type { Ipam } from "../network/ipam";
import type { SimNotice } from "../notices";
import type { KObject, StoreEvent } from "../store/types";
import type { NodeSpec } from "../config";
import { onProbeExecDone, onProbeTimer } from "./prober";
import type { RuntimeApi } from "./runtime-api";
import { beginTermination, onHookDone, onKillDeadline, maybeFinishTermination } from "./terminate";
import type { PodRecord } from "./types";
import { continuePlan, onPullDone, PullQueue, requestSync, runSync } from "./worker";
import { heartbeat, renewLease } from "./node-status";
import { relist } from "./pleg";
import { powerOff, powerOn } from "./power";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Serializable kubelet state. */
export interface KubeletState {
  pods: Record<string, PodRecord>;
  pulls: PullQueue;
  plegPhase: number;
  /** The node is powered off: the kubelet neither reacts nor reports. */
  stopped?: boolean;
}

/** Everything the kubelet's helpers need. */
export interface KubeletEnv {
  ctx: SimContext;
  node: NodeSpec;
  runtime: RuntimeApi;
  ipam: Ipam;
  state: KubeletState;
  prefix: string;
}

/** Did anything but status (and bookkeeping metadata) change between two versions of a pod? */
function specChanged(a: Json, b: Json): boolean {
  const differ = (x: unknown, y: unknown) => x !== y && JSON.stringify(x) !== JSON.stringify(y);
  if (differ(a.spec, b.spec)) return true;
  const am = a.metadata ?? {}, bm = b.metadata ?? {};
  if (am === bm) return false;
  for (const k of new Set([...Object.keys(am), ...Object.keys(bm)])) {
    if (k !== "resourceVersion" && k !== "managedFields" && k !== "generation" && differ(am[k], bm[k])) return true;
  }
  return false;
}

/** One node's kubelet. */
export class Kubelet implements Component {
  readonly env: KubeletEnv;

  constructor(ctx: SimContext, node: NodeSpec, runtime: RuntimeApi, ipam: Ipam, state?: KubeletState) {
    const st: KubeletState = state ?? { pods: {}, pulls: { queue: [] }, plegPhase: ctx.rng.int(1000) };
    this.env = { ctx, node, runtime, ipam, state: st, prefix: `kubelet.${node.name}` };
    const t = ctx.timers;
    if (!t.get(`${this.env.prefix}/lease`)) t.schedule(`${this.env.prefix}/lease`, ctx.now() + 1000 + ctx.rng.int(9000), `${this.env.prefix}.lease`, { coalesce: 10_000 });
    if (!t.get(`${this.env.prefix}/heartbeat`)) t.schedule(`${this.env.prefix}/heartbeat`, ctx.now() + 10_000 + ctx.rng.int(290_000), `${this.env.prefix}.heartbeat`, { coalesce: 300_000 });
  }

  /** Serializable state. */
  save(): KubeletState {
    return this.env.state;
  }

  /** The record of a pod on this node. */
  record(uid: string): PodRecord | undefined {
    return this.env.state.pods[uid];
  }

  /** Pods bound to this node change: create records, start termination, or forget. */
  onStoreEvent(e: StoreEvent): void {
    if (e.resource !== "pods" || this.env.state.stopped) return;
    const pod = e.object as Json;
    const prev = e.prev as Json | undefined;
    const mine = pod.spec?.nodeName === this.env.node.name;
    const wasMine = prev?.spec?.nodeName === this.env.node.name;
    if (!mine && !wasMine) return;
    const uid = pod.metadata.uid;
    const rec = this.env.state.pods[uid];
    if (e.type === "DELETED") {
      if (!rec) return;
      if (rec.finalDeleteSent || rec.terminalPhase && !this.anyRunning(rec)) {
        this.forget(rec);
        return;
      }
      rec.orphaned = true;
      beginTermination(this.env, rec, pod, 2000);
      return;
    }
    if (!mine) return;
    if (!rec) {
      if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return;
      this.env.state.pods[uid] = { uid, namespace: pod.metadata.namespace, name: pod.metadata.name, sandboxReady: false, containers: [], conditionTimes: {} };
      this.env.ctx.trace.step("kubelet", "API Server", "watch: pod bound to this node", pod.metadata, this.env.node.name);
    }
    const r = this.env.state.pods[uid];
    if (pod.metadata.deletionTimestamp && !r.terminating) {
      const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
      beginTermination(this.env, r, pod, grace);
      return;
    }
    // Like the kubelet's config source, status-only changes (its own writes included) do not sync.
    if (!r.terminating && (e.type === "ADDED" || !prev || specChanged(pod, prev))) requestSync(this.env, r, 10 + this.env.ctx.rng.int(20));
  }

  /** Runtime notices for containers of this node. */
  onNotice(n: SimNotice): void {
    if (this.env.state.stopped) return;
    if (n.type === "container-exited") {
      if (n.node !== this.env.node.name) return;
      const ctx = this.env.ctx;
      const period = 1000;
      const phase = this.env.state.plegPhase;
      const now = ctx.now();
      const next = Math.floor((now - phase) / period) * period + phase + period;
      ctx.timers.scheduleEarliest(`${this.env.prefix}/pleg`, next, `${this.env.prefix}.pleg`);
      return;
    }
    if (n.type === "exec-done") {
      const [kind, node, uid, cname, extra] = n.owner.split(":");
      if (node !== this.env.node.name) return;
      const rec = this.env.state.pods[uid];
      if (!rec) return;
      if (kind === "probe") onProbeExecDone(this.env, rec, cname, extra, n.sessionId, n.exitCode);
      else if (kind === "hook") onHookDone(this.env, rec, cname, extra as "postStart" | "preStop", n.sessionId, n.exitCode);
    }
  }

  /** Timers of this kubelet. */
  onTimer(t: Timer): void {
    if (this.env.state.stopped) return;
    const kind = t.kind.slice(this.env.prefix.length + 1);
    const uid = (t.data as { uid?: string } | undefined)?.uid;
    const rec = uid ? this.env.state.pods[uid] : undefined;
    switch (kind) {
      case "sync":
        if (rec) runSync(this.env, rec);
        break;
      case "step":
        if (rec) continuePlan(this.env, rec);
        break;
      case "pull":
        onPullDone(this.env);
        break;
      case "pleg":
        relist(this.env);
        break;
      case "kill":
        if (rec) onKillDeadline(this.env, rec, (t.data as { container: string }).container);
        break;
      case "finish":
        if (rec) maybeFinishTermination(this.env, rec);
        break;
      case "probe":
        if (rec) onProbeTimer(this.env, rec, t.data as { uid: string; container: string; probe: string });
        break;
      case "lease":
        renewLease(this.env);
        this.env.ctx.timers.schedule(`${this.env.prefix}/lease`, this.env.ctx.now() + 10_000, `${this.env.prefix}.lease`, { coalesce: 10_000 });
        break;
      case "heartbeat":
        heartbeat(this.env);
        this.env.ctx.timers.schedule(`${this.env.prefix}/heartbeat`, this.env.ctx.now() + 300_000, `${this.env.prefix}.heartbeat`, { coalesce: 300_000 });
        break;
    }
  }

  /** Powers the node off (podlab's node fault lab). */
  stop(): void {
    powerOff(this.env);
  }

  /** Boots the node again. */
  start(): void {
    powerOn(this.env);
  }

  private anyRunning(rec: PodRecord): boolean {
    return rec.containers.some((c) => c.state === "running");
  }

  private forget(rec: PodRecord): void {
    for (const k of ["sync", "step", "finish"]) this.env.ctx.timers.cancel(`${this.env.prefix}/${k}/${rec.uid}`);
    if (rec.podIP && !rec.sandboxId) this.env.ipam.release(this.env.node.name, rec.podIP);
    delete this.env.state.pods[rec.uid];
  }

  /** Pod object of a record from the store. */
  static podOf(env: KubeletEnv, rec: PodRecord): KObject | undefined {
    return env.ctx.store.get("pods", rec.namespace, rec.name);
  }

  /** An event about a pod (and optionally one of its containers). */
  static event(env: KubeletEnv, pod: KObject, type: "Normal" | "Warning", reason: string, message: string, fieldPath?: string, times = 1): void {
    env.ctx.events.record(EventRecorder.ref({ ...pod, kind: "Pod", apiVersion: "v1" }, fieldPath), type, reason, message,
      { component: "kubelet", host: env.node.name }, { times });
  }
}
