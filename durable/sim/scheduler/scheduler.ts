// The kube-scheduler component: watches pods and nodes through store events, keeps the node
// cache and the scheduling queue, and on its `sched.*` timers runs scheduling cycles (plan in
// cycle.ts, apply in apply.ts), backoff expiries and the unschedulable leftover flush.
// Registered by the cluster bootstrap under timer prefix "sched"; state saves as plain JSON.
import type { Node, Pod } from "../../../schema/k8s";
import { ApiError } from "../api/status";
import type { StatefulComponent } from "../cluster";
import type { SimContext } from "../context";
import type { Timer } from "../core/timers";
import type { StoreEvent } from "../store/types";
import { applyBind, applyFailure, evictVictims, PodScheduledReason, terminatingByPreemption, splitKey, type Reporter } from "./apply";
import { isPodUpdated, nodeUpdateEvents } from "./cluster-events";
import { schedulePod, type Decision } from "./cycle";
import { ClusterEvent, type ClusterEventKind, type SchedPod } from "./framework";
import { isTerminal, NodeInfoCache } from "./node-info";
import { DEFAULT_PROFILE, pluginsInterestedIn, type Profile } from "./profile";
import { SchedulingQueue, type QueuedPod, type QueueState } from "./queue";
import { schedPod } from "./scheduler-pod";

/** Timer kind prefix routed to the scheduler. */
export const SCHEDULER_TIMER_PREFIX = "sched";
/** Timer kinds: a scheduling cycle, a backoff expiry, the unschedulable leftover flush. */
export const SchedulerTimer = { Cycle: "sched.cycle", Backoff: "sched.backoff", Flush: "sched.flush" } as const;
const KEY_CYCLE = "sched/cycle";
const KEY_BACKOFF = "sched/backoff";
const KEY_FLUSH = "sched/flush";
/** A cycle starts this many ms (drawn from the RNG, inclusive) after a pod becomes ready to schedule. */
export const CYCLE_DELAY_MS = { min: 5, max: 20 } as const;
/** Pods placed per cycle timer, one after another; the rest wait for the next cycle. */
export const MAX_PODS_PER_CYCLE = 100;

/** Serializable scheduler state (the node cache is rebuilt from the store). */
export interface SchedulerState {
  version: 1;
  queue: QueueState;
  nextStartNodeIndex: number;
}

/** The default scheduler. */
export class Scheduler implements StatefulComponent {
  private readonly cache = new NodeInfoCache();
  private readonly queue: SchedulingQueue;
  private nextStartNodeIndex: number;
  private readonly reporter: Reporter;
  private readonly interested = new Map<ClusterEventKind, Set<string>>();
  /** Queue version the backoff and flush timers were last computed for. */
  private armedVersion = -1;

  constructor(private readonly ctx: SimContext, state?: SchedulerState, private readonly profile: Profile = DEFAULT_PROFILE) {
    this.queue = new SchedulingQueue(state?.queue);
    this.nextStartNodeIndex = state?.nextStartNodeIndex ?? 0;
    const host = ctx.config.nodes.find((n) => n.controlPlane)?.name ?? ctx.config.nodes[0]?.name ?? "master";
    this.reporter = { instance: `${profile.schedulerName}-${host}` };
    for (const k of Object.values(ClusterEvent)) this.interested.set(k, pluginsInterestedIn(profile, k));
    this.rebuild();
  }

  /** Serializable state. */
  save(): SchedulerState {
    return { version: 1, queue: this.queue.save(), nextStartNodeIndex: this.nextStartNodeIndex };
  }

  /** Keys of the pods waiting in the queue (tests and describers). */
  pending(): string[] {
    return this.queue.keys();
  }

  /** Reacts to pod and node changes. */
  onStoreEvent(e: StoreEvent): void {
    if (e.resource === "pods") this.onPod(e);
    else if (e.resource === "nodes") this.onNode(e);
    else return;
    this.arm();
  }

  /** Runs a cycle, a backoff expiry or the leftover flush. */
  onTimer(t: Timer): void {
    const now = this.ctx.now();
    if (t.kind === SchedulerTimer.Cycle) this.runCycle();
    else if (t.kind === SchedulerTimer.Backoff) this.queue.flushBackoff(now);
    else if (t.kind === SchedulerTimer.Flush) this.queue.flushLeftover(now);
    this.armedVersion = -1; // the fired timer is gone: recompute
    this.arm();
  }

  private rebuild(): void {
    const { store } = this.ctx;
    for (const n of store.list("nodes")) this.cache.setNode(n as Node);
    const live = new Set<string>();
    for (const p of store.list("pods")) {
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      this.cache.setPod(key, p as Pod);
      if (this.responsibleFor(p as Pod)) {
        live.add(key);
        this.queue.add(key, (p as Pod).spec?.priority ?? 0, this.ctx.now());
      }
    }
    for (const key of this.queue.keys()) if (!live.has(key)) this.queue.remove(key);
    this.arm();
  }

  /** Unassigned, ours, not terminating, not finished. */
  private responsibleFor(pod: Pod): boolean {
    return !pod.spec?.nodeName && (pod.spec?.schedulerName ?? this.profile.schedulerName) === this.profile.schedulerName &&
      !pod.metadata?.deletionTimestamp && !isTerminal(pod);
  }

  private onPod(e: StoreEvent): void {
    const key = e.key;
    const now = this.ctx.now();
    if (e.type === "DELETED") {
      const had = this.cache.entry(key);
      this.cache.removePod(key);
      this.queue.remove(key);
      if (had) this.move(ClusterEvent.AssignedPodDelete);
      return;
    }
    const pod = e.object as Pod;
    const before = this.cache.entry(key);
    this.cache.setPod(key, pod);
    const after = this.cache.entry(key);
    if (before && !after) this.move(ClusterEvent.AssignedPodDelete);
    else if (before && after && (after.requests.cpuMilli < before.requests.cpuMilli || after.requests.memoryBytes < before.requests.memoryBytes)) {
      this.move(ClusterEvent.AssignedPodScaleDown);
    }
    if (!this.responsibleFor(pod)) {
      this.queue.remove(key);
      return;
    }
    const q = this.queue.get(key);
    if (!q) this.queue.add(key, pod.spec?.priority ?? 0, now);
    else if (e.prev && q.where === "unschedulable" && isPodUpdated(e.prev as Pod, pod)) this.queue.podUpdated(key, now);
  }

  private onNode(e: StoreEvent): void {
    const node = e.object as Node;
    const name = node.metadata?.name ?? "";
    if (e.type === "DELETED") {
      this.cache.removeNode(name);
      return;
    }
    const kinds = e.type === "ADDED" || !e.prev ? [ClusterEvent.NodeAdd] : nodeUpdateEvents(e.prev as Node, node);
    this.cache.setNode(node);
    for (const k of kinds) this.move(k);
  }

  private move(kind: ClusterEventKind): void {
    if (this.queue.unschedulableCount) this.queue.moveForEvent(kind, this.interested.get(kind)!, this.ctx.now());
  }

  /** Keeps exactly the timers the queue needs: a cycle, the next backoff expiry, the next flush. */
  private arm(): void {
    const { timers, rng } = this.ctx;
    const now = this.ctx.now();
    if (this.queue.activeCount > 0 && !timers.get(KEY_CYCLE)) {
      timers.schedule(KEY_CYCLE, now + rng.range(CYCLE_DELAY_MS.min, CYCLE_DELAY_MS.max), SchedulerTimer.Cycle);
    }
    if (this.armedVersion === this.queue.version) return;
    this.armedVersion = this.queue.version;
    this.keep(KEY_BACKOFF, SchedulerTimer.Backoff, this.queue.nextBackoff());
    this.keep(KEY_FLUSH, SchedulerTimer.Flush, this.queue.nextLeftoverFlush());
  }

  private keep(key: string, kind: string, due: number | undefined): void {
    const cur = this.ctx.timers.get(key);
    if (due === undefined) {
      if (cur) this.ctx.timers.cancel(key);
    } else if (!cur || cur.due !== due) this.ctx.timers.schedule(key, Math.max(due, this.ctx.now()), kind);
  }

  private runCycle(): void {
    this.queue.flushBackoff(this.ctx.now());
    for (let i = 0; i < MAX_PODS_PER_CYCLE; i++) {
      const qp = this.queue.pop();
      if (!qp) break;
      this.scheduleOne(qp);
    }
  }

  /** One pod: plan the placement, then apply it. */
  private scheduleOne(qp: QueuedPod): void {
    const [ns, name] = splitKey(qp.key);
    const pod = this.ctx.store.get("pods", ns, name);
    if (!pod || !this.responsibleFor(pod as Pod)) return;
    const sp = schedPod(qp.key, pod as Pod);
    const { decision, nextStartIndex } = schedulePod({ sp, cache: this.cache, profile: this.profile, rng: this.ctx.rng,
      startIndex: this.nextStartNodeIndex, terminatingByPreemption: (k) => terminatingByPreemption(this.ctx.store.get("pods", ...splitKey(k))) });
    this.nextStartNodeIndex = nextStartIndex;
    this.apply(qp, sp, decision);
  }

  private apply(qp: QueuedPod, sp: SchedPod, d: Decision): void {
    const pod = this.ctx.store.get("pods", ...splitKey(qp.key))!;
    const now = this.ctx.now();
    if (d.kind === "bind") {
      this.cache.assume({ key: sp.key, node: d.node, priority: sp.priority, requests: sp.requests, nonZero: sp.nonZero, hostPorts: sp.hostPorts });
      try {
        applyBind(this.ctx, this.reporter, pod, d.node);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        this.cache.removePod(sp.key);
        applyFailure(this.ctx, this.reporter, pod, (err as Error).message, undefined, PodScheduledReason.SchedulerError);
        this.queue.addBackoff(qp, now);
      }
      return;
    }
    if (d.preemption) evictVictims(this.ctx, this.reporter, pod, d.preemption.node, d.preemption.victims);
    applyFailure(this.ctx, this.reporter, pod, d.message, d.preemption?.node);
    this.queue.addUnschedulable(qp, d.plugins, now);
  }
}
