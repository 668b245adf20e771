// Applies a scheduling decision through the API server: the Binding (spec.nodeName and
// PodScheduled=True) with its `Scheduled` event and trace steps, or the PodScheduled=False
// condition with its `FailedScheduling` event, and preemption's evictions and nomination.
// Called by scheduler.ts only; every write goes through the API like kube-scheduler's client.
import type { Pod } from "../../../schema/k8s";
import { bindPod } from "../api/subresources";
import { findResource } from "../api/registry";
import type { SimContext } from "../context";
import { rfc3339 } from "../core/time";
import { EventRecorder } from "../events/recorder";
import type { KObject } from "../store/types";
import { truncateMessage } from "./failure";
import type { PodEntry } from "./node-info";

/** reportingController and source component of scheduler events. */
export const SCHEDULER_COMPONENT = "default-scheduler";
/** Event reasons the scheduler records. */
export const SchedulerEventReason = { Scheduled: "Scheduled", FailedScheduling: "FailedScheduling", Preempted: "Preempted" } as const;
/** events.k8s.io `action` of each scheduler event. */
export const SchedulerEventAction = { Binding: "Binding", Scheduling: "Scheduling", Preempting: "Preempting" } as const;
/** PodScheduled=False reasons: no node fits (v1.PodReasonUnschedulable), or an API error (SchedulerError). */
export const PodScheduledReason = { Unschedulable: "Unschedulable", SchedulerError: "SchedulerError" } as const;
/** DisruptionTarget reason on preemption victims (v1.PodReasonPreemptionByScheduler). */
export const POD_REASON_PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";

const podDef = findResource("", "v1", "pods")!;
type Cond = { type: string; status: string; lastProbeTime?: string | null; lastTransitionTime?: string | null; reason?: string; message?: string };

/** Who writes: the scheduler's events carry `default-scheduler-<host>` as reportingInstance. */
export interface Reporter {
  instance: string;
}

function record(ctx: SimContext, r: Reporter, obj: KObject, type: "Normal" | "Warning", reason: string, action: string, note: string): void {
  ctx.events.record(EventRecorder.ref(obj), type, reason, truncateMessage(note), { component: SCHEDULER_COMPONENT },
    { newApi: { action, reportingInstance: r.instance } });
}

/** POSTs the Binding; throws the API error when the API server refuses it. */
export function applyBind(ctx: SimContext, r: Reporter, pod: KObject, node: string): void {
  const who = { namespace: pod.metadata.namespace, name: pod.metadata.name };
  ctx.trace.step("Scheduler", "API Server", "bind", who, node);
  bindPod(ctx.api, pod, node);
  ctx.trace.step("API Server", "etcd", "update spec.nodeName", who, node);
  record(ctx, r, pod, "Normal", SchedulerEventReason.Scheduled, SchedulerEventAction.Binding, `Successfully assigned ${who.namespace}/${who.name} to ${node}`);
}

/** Records FailedScheduling and sets PodScheduled=False (and the nominated node) when they changed. */
export function applyFailure(ctx: SimContext, r: Reporter, pod: KObject, message: string, nominatedNode?: string,
  reason: string = PodScheduledReason.Unschedulable): void {
  record(ctx, r, pod, "Warning", SchedulerEventReason.FailedScheduling, SchedulerEventAction.Scheduling, message);
  const cond: Cond = { type: "PodScheduled", status: "False", lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now()), reason, message };
  const cur = ctx.store.get("pods", pod.metadata.namespace, pod.metadata.name!);
  if (cur) updatePodStatus(ctx, cur, cond, nominatedNode);
}

/** UpdatePodCondition plus nominatedNodeName: writes pods/status only when something changed. */
function updatePodStatus(ctx: SimContext, pod: KObject, cond: Cond, nominatedNode?: string): void {
  const p = JSON.parse(JSON.stringify(pod)) as KObject & { status?: { conditions?: Cond[]; nominatedNodeName?: string } };
  const status = (p.status ??= {});
  const conds = (status.conditions ??= []);
  const i = conds.findIndex((c) => c.type === cond.type);
  const old = i >= 0 ? conds[i] : undefined;
  if (old && old.status === cond.status) cond.lastTransitionTime = old.lastTransitionTime ?? null;
  const condChanged = !old || old.status !== cond.status || old.reason !== cond.reason || old.message !== cond.message ||
    (old.lastProbeTime ?? null) !== cond.lastProbeTime || (old.lastTransitionTime ?? null) !== cond.lastTransitionTime;
  const nnnChanged = nominatedNode !== undefined && status.nominatedNodeName !== nominatedNode;
  if (!condChanged && !nnnChanged) return;
  if (i >= 0) conds[i] = cond;
  else conds.push(cond);
  if (nnnChanged) status.nominatedNodeName = nominatedNode;
  ctx.api.verbs.updateDecoded(podDef, pod.metadata.namespace, pod.metadata.name!, p,
    { subresource: "status", internal: true, fieldManager: "kube-scheduler" }, []);
}

/** Preemption: marks each victim DisruptionTarget, records `Preempted`, and deletes it gracefully. */
export function evictVictims(ctx: SimContext, r: Reporter, preemptor: KObject, node: string, victims: readonly PodEntry[]): void {
  const schedulerName = (preemptor as Pod).spec?.schedulerName ?? SCHEDULER_COMPONENT;
  for (const v of victims) {
    const [ns, name] = splitKey(v.key);
    const victim = ctx.store.get("pods", ns, name);
    if (!victim || victim.metadata.deletionTimestamp) continue;
    updatePodStatus(ctx, victim, { type: "DisruptionTarget", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now()),
      reason: POD_REASON_PREEMPTION_BY_SCHEDULER, message: `${schedulerName}: preempting to accommodate a higher priority pod` });
    record(ctx, r, victim, "Normal", SchedulerEventReason.Preempted, SchedulerEventAction.Preempting, `Preempted by pod ${preemptor.metadata.uid ?? ""} on node ${node}`);
    ctx.api.verbs.delete(podDef, ns, name, {});
  }
}

/** Whether a pod is terminating because the scheduler preempted it (podTerminatingByPreemption). */
export function terminatingByPreemption(pod: KObject | undefined): boolean {
  if (!pod?.metadata.deletionTimestamp) return false;
  const conds = ((pod as Pod).status?.conditions ?? []) as Cond[];
  return conds.some((c) => c.type === "DisruptionTarget" && c.status === "True" && c.reason === POD_REASON_PREEMPTION_BY_SCHEDULER);
}

/** Splits a store key `namespace/name`. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}
