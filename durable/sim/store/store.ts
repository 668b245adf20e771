// The etcd stand-in: objects by resource and key, one global resourceVersion counter,
// optimistic concurrency, and a bounded event history for watch replay (410 Gone beyond it).
// Only the API server and the cluster bootstrap write here; everything else reads.
import type { KObject, StoreEvent, WatchEventType } from "./types";

/** Key of a namespaced or cluster-scoped object inside its resource. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Serializable store contents. */
export interface StoreState {
  rv: number;
  objects: Record<string, KObject[]>;
}

/** Thrown by writes whose preconditions fail; the API layer turns it into a Status. */
export class StoreConflict extends Error {
  constructor(readonly resource: string, readonly key: string, readonly reason: "exists" | "missing" | "stale") {
    super(`${reason}: ${resource} ${key}`);
  }
}

/** The object store. */
export class Store {
  private rv = 0;
  private byResource = new Map<string, Map<string, KObject>>();
  private history: StoreEvent[] = [];
  private oldestRv = 0;
  /** Events not yet handed to the cluster's dispatcher (drained by Cluster, never re-entrant). */
  readonly pending: StoreEvent[] = [];
  /** `resource\u0000key` of objects written since the persister last took them. */
  private dirty = new Set<string>();

  constructor(private readonly historyLimit = 4000, private readonly clock: () => number = () => 0) {}

  /** Rebuilds a store; history starts empty, so watches from older versions get 410 Gone. */
  static restore(state: StoreState, clock: () => number, historyLimit?: number): Store {
    const s = new Store(historyLimit, clock);
    s.rv = state.rv;
    s.oldestRv = state.rv;
    for (const [res, list] of Object.entries(state.objects)) {
      const m = new Map<string, KObject>();
      for (const o of list) m.set(objectKey(o.metadata.namespace, o.metadata.name!), o);
      s.byResource.set(res, m);
    }
    return s;
  }

  /** Serializable contents, sorted for byte-stable output. */
  save(): StoreState {
    const objects: Record<string, KObject[]> = {};
    for (const res of [...this.byResource.keys()].sort()) {
      const m = this.byResource.get(res)!;
      if (m.size) objects[res] = [...m.keys()].sort().map((k) => m.get(k)!);
    }
    return { rv: this.rv, objects };
  }

  /** Current global resourceVersion. */
  get resourceVersion(): number {
    return this.rv;
  }

  /** Oldest resourceVersion a watch may resume from. */
  get oldestResourceVersion(): number {
    return this.oldestRv;
  }

  /** Reads one object (the stored instance: treat as read-only). */
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.byResource.get(resource)?.get(objectKey(namespace, name));
  }

  /** Lists objects of a resource, optionally in one namespace, sorted by (namespace, name). */
  list(resource: string, namespace?: string): KObject[] {
    const m = this.byResource.get(resource);
    if (!m) return [];
    const out: KObject[] = [];
    for (const o of m.values()) if (!namespace || o.metadata.namespace === namespace) out.push(o);
    return out.sort(byNamespaceName);
  }

  /** Number of objects of a resource. */
  count(resource: string): number {
    return this.byResource.get(resource)?.size ?? 0;
  }

  /** Inserts a new object; assigns resourceVersion. */
  create(resource: string, obj: KObject): KObject {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name!);
    const m = this.mapFor(resource);
    if (m.has(key)) throw new StoreConflict(resource, key, "exists");
    const stored = this.stamp(obj);
    m.set(key, stored);
    this.record("ADDED", resource, key, stored);
    return stored;
  }

  /** Replaces an existing object; with `expectRv`, fails on a stale resourceVersion. */
  update(resource: string, obj: KObject, expectRv?: string): KObject {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name!);
    const m = this.mapFor(resource);
    const prev = m.get(key);
    if (!prev) throw new StoreConflict(resource, key, "missing");
    if (expectRv && expectRv !== prev.metadata.resourceVersion) throw new StoreConflict(resource, key, "stale");
    const stored = this.stamp(obj);
    m.set(key, stored);
    this.record("MODIFIED", resource, key, stored, prev);
    return stored;
  }

  /** Removes an object; the DELETED event carries a final resourceVersion. */
  delete(resource: string, namespace: string | undefined, name: string, expectUid?: string): KObject {
    const key = objectKey(namespace, name);
    const m = this.mapFor(resource);
    const prev = m.get(key);
    if (!prev) throw new StoreConflict(resource, key, "missing");
    if (expectUid && prev.metadata.uid !== expectUid) throw new StoreConflict(resource, key, "stale");
    m.delete(key);
    const gone = this.stamp(prev);
    this.record("DELETED", resource, key, gone, prev);
    return gone;
  }

  /**
   * Events after `rv` for one resource (all resources when omitted), or "expired" when the
   * history no longer reaches back that far.
   */
  eventsSince(rv: number, resource?: string): StoreEvent[] | "expired" {
    if (rv < this.oldestRv) return "expired";
    const out: StoreEvent[] = [];
    // History is ordered by rv; binary search for the first event after rv.
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.history.length; i++) {
      const e = this.history[i];
      if (!resource || e.resource === resource) out.push(e);
    }
    return out;
  }

  private mapFor(resource: string): Map<string, KObject> {
    let m = this.byResource.get(resource);
    if (!m) this.byResource.set(resource, (m = new Map()));
    return m;
  }

  private stamp(obj: KObject): KObject {
    this.rv += 1;
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rv) } };
  }

  /** Objects written since the last call, as [resource, key] pairs (for incremental persistence). */
  takeDirty(): [string, string][] {
    const out = [...this.dirty].map((d) => d.split("\u0000") as [string, string]);
    this.dirty.clear();
    return out;
  }

  /** The object of a resource by key (the persister's view), if it exists. */
  getByKey(resource: string, key: string): KObject | undefined {
    return this.byResource.get(resource)?.get(key);
  }

  private record(type: WatchEventType, resource: string, key: string, object: KObject, prev?: KObject): void {
    this.dirty.add(`${resource}\u0000${key}`);
    const e: StoreEvent = { type, rv: this.rv, resource, key, object, prev, time: this.clock() };
    this.history.push(e);
    this.pending.push(e);
    if (this.history.length > 2 * this.historyLimit) {
      // Amortized trimming: keep between limit and 2 × limit events.
      const drop = this.history.length - this.historyLimit;
      this.oldestRv = this.history[drop - 1].rv;
      this.history.splice(0, drop);
    }
  }
}

function byNamespaceName(a: KObject, b: KObject): number {
  const an = a.metadata.namespace ?? "";
  const bn = b.metadata.namespace ?? "";
  if (an !== bn) return an < bn ? -1 : 1;
  const a2 = a.metadata.name ?? "";
  const b2 = b.metadata.name ?? "";
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}
