// What the live view knows about the cluster, kept current by watch feeds: pods (as Table rows
// with full objects, so STATUS is kubectl's own), nodes and events. This store is the only
// writer of that knowledge; views subscribe and re-render once per animation frame.
import type { SandboxApi } from "../api/sandbox-api";
import { WatchFeed, type FeedItem } from "../api/watch-feed";
import { CONN, WATCH, type ConnState } from "../states";

type Json = Record<string, any>;

/** A pod or node with kubectl's printed cells. */
export interface Row { object: Json; cells: string[] }

const keyOf = (o: Json) => `${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;
const FEEDS = ["pods", "nodes", "events"] as const;
type FeedName = (typeof FEEDS)[number];

/** The live cluster model. */
export class ClusterState {
  readonly pods = new Map<string, Row>();
  readonly nodes = new Map<string, Row>();
  readonly events = new Map<string, Json>();
  podColumns: string[] = [];
  nodeColumns: string[] = [];
  readonly conn: Record<FeedName, ConnState> = { pods: CONN.connecting, nodes: CONN.connecting, events: CONN.connecting };
  reconnects = 0;
  private feeds: WatchFeed[] = [];
  private listeners = new Set<() => void>();
  private scheduled = false;
  private poll?: ReturnType<typeof setInterval>;

  /** watchNodes=false lists nodes every few seconds instead (embeds keep to two streams). */
  constructor(private readonly api: SandboxApi, private readonly watchNodes = true) {}

  /** Opens the feeds. */
  start(): void {
    const rows = (map: Map<string, Row>, name: FeedName, cols: (c: string[]) => void) => new WatchFeed(this.api, `/api/v1/${name}`, true, {
      sync: (items, columns) => { cols(columns); map.clear(); for (const i of items) map.set(keyOf(i.object), toRow(i)); this.changed(); },
      event: (type, i) => { if (type === WATCH.deleted) map.delete(keyOf(i.object)); else map.set(keyOf(i.object), toRow(i)); this.changed(); },
      state: (s, d) => this.setConn(name, s, d.reconnects),
    });
    this.feeds.push(rows(this.pods, "pods", (c) => { this.podColumns = c; }));
    if (this.watchNodes) this.feeds.push(rows(this.nodes, "nodes", (c) => { this.nodeColumns = c; }));
    else {
      void this.listNodes();
      this.poll = setInterval(() => void this.listNodes(), 5000);
      this.conn.nodes = CONN.live;
    }
    this.feeds.push(new WatchFeed(this.api, "/api/v1/events", false, {
      sync: (items) => { this.events.clear(); for (const i of items) this.events.set(i.object.metadata?.uid ?? keyOf(i.object), i.object); this.changed(); },
      event: (type, i) => {
        const k = i.object.metadata?.uid ?? keyOf(i.object);
        if (type === WATCH.deleted) this.events.delete(k); else this.events.set(k, i.object);
        this.changed();
      },
      state: (s, d) => this.setConn("events", s, d.reconnects),
    }));
    for (const f of this.feeds) f.start();
  }

  private async listNodes(): Promise<void> {
    try {
      const t = await this.api.table("/api/v1/nodes", "Object");
      this.nodeColumns = (t.columnDefinitions ?? []).map((c) => c.name);
      this.nodes.clear();
      for (const r of t.rows) this.nodes.set(keyOf(r.object ?? {}), { object: r.object ?? {}, cells: r.cells.map(String) });
      this.changed();
    } catch { /* next poll */ }
  }

  /** Lists everything again (after a reset, or when something changed that feeds do not carry). */
  refresh(): void {
    for (const f of this.feeds) f.relist();
    if (!this.watchNodes) void this.listNodes();
  }

  /** Re-lists polled resources soon (after a command that may have changed nodes). */
  poke(): void {
    if (!this.watchNodes) void this.listNodes();
  }

  /** Drops every stream as a network failure would (they reconnect and resume). */
  drop(): void {
    for (const f of this.feeds) f.drop();
  }

  /** Closes the feeds. */
  stop(): void {
    for (const f of this.feeds) f.close();
    if (this.poll) clearInterval(this.poll);
    this.feeds = [];
  }

  /** The overall connection state (worst of the feeds). */
  overall(): ConnState {
    const states = Object.values(this.conn);
    for (const s of [CONN.reconnecting, CONN.connecting, CONN.stopped]) if (states.includes(s)) return s;
    return CONN.live;
  }

  /** A pod's cell by column name ("Status", "Ready", ...). */
  podCell(row: Row, column: string): string {
    const i = this.podColumns.indexOf(column);
    return i >= 0 ? (row.cells[i] ?? "") : "";
  }

  /** A node's cell by column name. */
  nodeCell(row: Row, column: string): string {
    const i = this.nodeColumns.indexOf(column);
    return i >= 0 ? (row.cells[i] ?? "") : "";
  }

  /** Events about one pod, oldest first. */
  eventsFor(namespace: string, name: string): Json[] {
    const time = (e: Json) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? "") || 0;
    return [...this.events.values()]
      .filter((e) => e.involvedObject?.kind === "Pod" && e.involvedObject?.name === name && (e.involvedObject?.namespace ?? "default") === namespace)
      .sort((a, b) => time(a) - time(b) || String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
  }

  /** Calls fn (at most once per frame) after changes; returns an unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private setConn(name: FeedName, s: ConnState, reconnects: number): void {
    this.conn[name] = s;
    this.reconnects = Math.max(this.reconnects, reconnects);
    this.changed();
  }

  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const l of this.listeners) l();
    });
  }
}

function toRow(i: FeedItem): Row {
  return { object: i.object, cells: i.cells ?? [] };
}
