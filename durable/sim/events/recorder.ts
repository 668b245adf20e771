// Records Kubernetes Events the way client-go's recorders do: core/v1 events with counts for
// kubelet and controllers (identical events are aggregated into count/lastTimestamp), and
// events.k8s.io-style events (eventTime, series) for the scheduler. Events expire after 1 h.
import { rfc3339, rfc3339Micro } from "../core/time";
import type { Store } from "../store/store";
import type { KObject } from "../store/types";

/** The object an event is about. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** Who reports an event. */
export interface EventSource {
  component: string;
  host?: string;
}

/** Options of one event. */
export interface EventOptions {
  /** Record the same event this many times at once (bulk-skipped repeats); default 1. */
  times?: number;
  /** events.k8s.io style (scheduler): eventTime + series instead of timestamps + count. */
  newApi?: { action: string; reportingInstance: string };
}

/** Serializable recorder state: aggregation keys → event names. */
export interface RecorderState { seq: number; keys: Record<string, string> }

/** Event TTL of the apiserver (--event-ttl). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** Writes events into the store. */
export class EventRecorder {
  private seq: number;
  private keys: Record<string, string>;

  constructor(private readonly store: Store, private readonly now: () => number, private readonly uid: () => string,
    state?: RecorderState) {
    this.seq = state?.seq ?? 0;
    this.keys = state ? { ...state.keys } : {};
  }

  /** Serializable state. */
  save(): RecorderState {
    return { seq: this.seq, keys: { ...this.keys } };
  }

  /** A reference to an object, as recorders build it. */
  static ref(obj: KObject, fieldPath?: string): ObjectRef {
    const r: ObjectRef = { kind: obj.kind ?? "", namespace: obj.metadata.namespace, name: obj.metadata.name ?? "",
      uid: obj.metadata.uid, apiVersion: obj.apiVersion ?? "v1", resourceVersion: obj.metadata.resourceVersion };
    if (fieldPath) r.fieldPath = fieldPath;
    return r;
  }

  /** Records (or aggregates) an event; returns the stored Event. */
  record(ref: ObjectRef, type: "Normal" | "Warning", reason: string, message: string, source: EventSource,
    opts: EventOptions = {}): KObject {
    const now = this.now();
    const namespace = ref.namespace || "default";
    const key = JSON.stringify([source.component, source.host ?? "", ref.kind, ref.namespace ?? "", ref.name, ref.uid ?? "",
      ref.fieldPath ?? "", type, reason, message]);
    const existingName = this.keys[key];
    const existing = existingName ? this.store.get("events", namespace, existingName) : undefined;
    if (existing) {
      const ev = JSON.parse(JSON.stringify(existing)) as Record<string, any>;
      if (opts.newApi) {
        const count = (ev.series?.count ?? 1) + 1;
        ev.series = { count, lastObservedTime: rfc3339Micro(now) };
      } else {
        ev.count = (ev.count ?? 1) + (opts.times ?? 1);
        ev.lastTimestamp = rfc3339(now);
      }
      return this.store.update("events", ev as KObject);
    }
    const name = `${ref.name}.${this.nanosHex(now)}`;
    const involvedObject: Record<string, unknown> = { kind: ref.kind };
    if (ref.namespace) involvedObject.namespace = ref.namespace;
    involvedObject.name = ref.name;
    if (ref.uid) involvedObject.uid = ref.uid;
    involvedObject.apiVersion = ref.apiVersion ?? "v1";
    if (ref.resourceVersion) involvedObject.resourceVersion = ref.resourceVersion;
    if (ref.fieldPath) involvedObject.fieldPath = ref.fieldPath;
    const ev: Record<string, unknown> = {
      kind: "Event",
      apiVersion: "v1",
      metadata: { name, namespace, uid: this.uid(), creationTimestamp: rfc3339(now) },
      involvedObject,
      reason,
      message,
    };
    if (opts.newApi) {
      Object.assign(ev, {
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        type,
        eventTime: rfc3339Micro(now),
        action: opts.newApi.action,
        reportingComponent: source.component,
        reportingInstance: opts.newApi.reportingInstance,
      });
    } else {
      Object.assign(ev, {
        source: source.host ? { component: source.component, host: source.host } : { component: source.component },
        firstTimestamp: rfc3339(now),
        lastTimestamp: rfc3339(now),
        count: opts.times ?? 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? "",
      });
    }
    this.keys[key] = name;
    return this.store.create("events", ev as KObject);
  }

  /** Deletes events older than the TTL (by last observation) and forgets their keys. */
  expire(): void {
    const cutoff = this.now() - EVENT_TTL_MS;
    for (const ev of this.store.list("events") as Record<string, any>[]) {
      const last = ev.series?.lastObservedTime ?? ev.lastTimestamp ?? ev.eventTime ?? ev.metadata.creationTimestamp;
      if (last && Date.parse(last) < cutoff) this.store.delete("events", ev.metadata.namespace, ev.metadata.name);
    }
    const live = new Set(this.store.list("events").map((e) => e.metadata.name));
    for (const [k, n] of Object.entries(this.keys)) if (!live.has(n)) delete this.keys[k];
  }

  /** 16 hex digits of unix nanoseconds, unique per recorder (the suffix of event names). */
  private nanosHex(now: number): string {
    this.seq = (this.seq + 1) % 1_000_000;
    return (BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.seq)).toString(16);
  }
}
