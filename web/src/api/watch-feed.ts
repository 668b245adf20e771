// A resumable list+watch of one resource (the informer pattern in miniature): list, then watch
// from the list's resourceVersion; after a dropped or ended stream, watch again from the last
// resourceVersion seen; on 410 Expired (or any ERROR event) list again. Emits a full sync after
// each list and single events in between; the feed's owner is the one writer of what it shows.
import { ApiFailure, TABLE_ACCEPT, type SandboxApi, type Table } from "./sandbox-api";
import { readLines } from "./line-stream";
import { CONN, WATCH, type ConnState } from "../states";

/** One object of a feed, with its Table cells when the feed asks for Tables. */
export interface FeedItem { object: Record<string, any>; cells?: string[] }

/** What a feed tells its owner. */
export interface FeedHandlers {
  sync(items: FeedItem[], columns: string[]): void;
  event(type: string, item: FeedItem): void;
  state?(state: ConnState, detail: { reconnects: number; resourceVersion: string }): void;
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  signal.addEventListener("abort", () => { clearTimeout(t); resolve(); }, { once: true });
});

class Expired extends Error {}

/** A list+watch loop over one collection path (e.g. /api/v1/pods). */
export class WatchFeed {
  private stop = new AbortController();
  private conn?: AbortController;
  private rv = "";
  private reconnects = 0;
  private needList = true;
  /** Column names of the last list (Table feeds). */
  columns: string[] = [];

  constructor(private readonly api: SandboxApi, private readonly path: string, private readonly table: boolean, private readonly on: FeedHandlers) {}

  /** The last resourceVersion seen. */
  get resourceVersion(): string {
    return this.rv;
  }

  /** Starts the loop. */
  start(): void {
    void this.loop();
  }

  /** Stops for good. */
  close(): void {
    this.stop.abort();
    this.conn?.abort();
    this.on.state?.(CONN.stopped, this.detail());
  }

  /** Drops the current connection (as a network failure would); the loop resumes. */
  drop(): void {
    this.conn?.abort();
  }

  /** Lists again on the next turn (after a sandbox reset the history starts over). */
  relist(): void {
    this.needList = true;
    this.conn?.abort();
  }

  private detail() {
    return { reconnects: this.reconnects, resourceVersion: this.rv };
  }

  private async loop(): Promise<void> {
    let backoff = 250;
    this.on.state?.(CONN.connecting, this.detail());
    while (!this.stop.signal.aborted) {
      const conn = (this.conn = new AbortController());
      let dropped = false;
      try {
        if (this.needList) await this.list();
        this.needList = false;
        await this.watch(conn.signal);
        backoff = 250;
      } catch (e) {
        dropped = conn.signal.aborted;
        if (e instanceof Expired) this.needList = true;
        else if (!dropped) backoff = Math.min(backoff * 2, 8000);
      }
      conn.abort();
      if (this.stop.signal.aborted) break;
      this.reconnects++;
      this.on.state?.(CONN.reconnecting, this.detail());
      await sleep(dropped ? 100 : backoff, this.stop.signal);
    }
  }

  private async list(): Promise<void> {
    let items: FeedItem[];
    if (this.table) {
      const t = await this.api.table(this.path, "Object");
      this.columns = (t.columnDefinitions ?? []).map((c) => c.name);
      items = t.rows.map((r) => ({ object: r.object ?? {}, cells: r.cells.map(String) }));
      this.rv = t.metadata.resourceVersion ?? "";
    } else {
      const l = await this.api.get<{ metadata: { resourceVersion?: string }; items: Record<string, any>[] }>(this.path);
      items = l.items.map((object) => ({ object }));
      this.rv = l.metadata.resourceVersion ?? "";
    }
    this.on.sync(items, this.columns);
  }

  private async watch(signal: AbortSignal): Promise<void> {
    const q = new URLSearchParams({ watch: "true", resourceVersion: this.rv, allowWatchBookmarks: "true", timeoutSeconds: "290" });
    if (this.table) q.set("includeObject", "Object");
    const res = await this.api.fetch(`${this.path}?${q}`, { headers: { accept: this.table ? TABLE_ACCEPT : "application/json" }, signal });
    if (res.status === 410) throw new Expired();
    if (!res.ok) throw new ApiFailure(res.status, { kind: "Status", message: `watch ${this.path}: HTTP ${res.status}` });
    this.on.state?.(CONN.live, this.detail());
    await readLines(res, (line) => this.onLine(line));
  }

  private onLine(line: string): void {
    let e: { type: string; object: any };
    try { e = JSON.parse(line); } catch { return; }
    // 410 Expired (history compacted) and any other ERROR event: list again.
    if (e.type === WATCH.error) throw new Expired(e.object?.message ?? "watch error");
    if (e.type === WATCH.bookmark) {
      this.rv = e.object?.metadata?.resourceVersion ?? this.rv;
      return;
    }
    let item: FeedItem;
    if (this.table && e.object?.kind === "Table") {
      const t = e.object as Table;
      if (t.columnDefinitions?.length) this.columns = t.columnDefinitions.map((c) => c.name);
      const row = t.rows[0];
      if (!row) return;
      item = { object: row.object ?? {}, cells: row.cells.map(String) };
    } else {
      item = { object: e.object };
    }
    this.rv = item.object?.metadata?.resourceVersion ?? this.rv;
    this.on.event(e.type, item);
  }
}
