// Watch streams as pure data: a WatchSpec says what a client watches; a WatchCursor remembers
// how far it got. The adapter holds cursors and pulls newline-terminated JSON lines from
// drainWatch after every request and alarm: events are queued, never pushed re-entrantly.
import type { Store } from "../store/store";
import type { KObject, StoreEvent } from "../store/types";
import { buildTable, type IncludeObject } from "../printers/table";

/** What a watch request asks for. */
export interface WatchSpec {
  resource: string;
  kind: string;
  apiVersion: string;
  namespace?: string;
  /** Label and field selectors compiled to one predicate. */
  matches: (obj: KObject) => boolean;
  /** Render objects as single-row Tables. */
  table?: { include: IncludeObject };
  /** Send only events after this resourceVersion. */
  sinceRv: number;
  /** Synthetic ADDED events sent first (resourceVersion unset or "0"). */
  initial: KObject[];
  bookmarks: boolean;
  /** Server-side timeout in ms (timeoutSeconds), enforced by the adapter. */
  timeoutMs?: number;
}

/** Progress of one open watch. */
export interface WatchCursor {
  spec: WatchSpec;
  rv: number;
  sentColumns: boolean;
  initialSent: boolean;
  closed: boolean;
}

/** Opens a cursor for a spec. */
export function openCursor(spec: WatchSpec): WatchCursor {
  return { spec, rv: spec.sinceRv, sentColumns: false, initialSent: false, closed: false };
}

/** Renders one watch event line (with trailing newline). */
function line(cur: WatchCursor, type: string, obj: KObject, time: number): string {
  let object: unknown = obj;
  if (cur.spec.table) {
    object = buildTable(cur.spec.resource, [obj], time, {
      resourceVersion: "", include: cur.spec.table.include, withColumns: !cur.sentColumns,
    });
    cur.sentColumns = true;
  }
  return `${JSON.stringify({ type, object })}\n`;
}

/** The ERROR event sent when a watch starts too far back in history. */
export function expiredLine(rv: number, oldest: number): string {
  const status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure",
    message: `too old resource version: ${rv} (${oldest})`, reason: "Expired", code: 410 };
  return `${JSON.stringify({ type: "ERROR", object: status })}\n`;
}

/** A BOOKMARK event at the store's current resourceVersion. */
export function bookmarkLine(cur: WatchCursor, rv: number): string {
  return `${JSON.stringify({ type: "BOOKMARK", object: { kind: cur.spec.kind, apiVersion: cur.spec.apiVersion, metadata: { resourceVersion: String(rv) } } })}\n`;
}

/** Pulls every pending line for a cursor; marks it closed after an ERROR. */
export function drainWatch(store: Store, cur: WatchCursor, now: number): string[] {
  if (cur.closed) return [];
  const out: string[] = [];
  if (!cur.initialSent) {
    cur.initialSent = true;
    for (const o of cur.spec.initial) out.push(line(cur, "ADDED", o, now));
  }
  const events = store.eventsSince(cur.rv, cur.spec.resource);
  if (events === "expired") {
    out.push(expiredLine(cur.rv, store.oldestResourceVersion));
    cur.closed = true;
    return out;
  }
  for (const e of events) {
    cur.rv = e.rv;
    const t = translate(cur.spec, e);
    if (t) out.push(line(cur, t, e.object, e.time));
  }
  cur.rv = Math.max(cur.rv, store.resourceVersion);
  return out;
}

/** Maps a store event to what this watch sees (selector transitions become ADDED/DELETED). */
function translate(spec: WatchSpec, e: StoreEvent): string | undefined {
  const inNs = (o: KObject | undefined) => !!o && (!spec.namespace || o.metadata.namespace === spec.namespace);
  const now = inNs(e.object) && spec.matches(e.object);
  if (e.type === "ADDED") return now ? "ADDED" : undefined;
  const before = inNs(e.prev) && spec.matches(e.prev!);
  if (e.type === "DELETED") return before || now ? "DELETED" : undefined;
  if (before && now) return "MODIFIED";
  if (!before && now) return "ADDED";
  if (before && !now) return "DELETED";
  return undefined;
}
