// Records every mutation a client made (create, update, patch, apply, delete) in D1 through
// drizzle. Rows go to a local outbox table first (a cheap DO SQLite insert on the request path)
// and are flushed to D1 in batches a moment later, or on demand before the history is read.
import { drizzle } from "drizzle-orm/d1";
import { manifests } from "../schema/db";
import type { AuditRecord } from "./sim/api/request";
import type { SqlLike } from "./persist";

/** A manifest row as D1 stores it. */
type ManifestInsert = typeof manifests.$inferInsert;

const FLUSH_DELAY_MS = 1000;
const BATCH = 50;

/** The outbox of manifest rows waiting for D1. */
export class ManifestOutbox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly sql: SqlLike, private readonly db: D1Database | undefined, private readonly waitUntil: (p: Promise<unknown>) => void) {
    sql.exec("CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, row TEXT NOT NULL)");
  }

  /** Queues one audited mutation. */
  add(sandboxId: string, a: AuditRecord, userAgent: string, virtualAt: number): void {
    const row: ManifestInsert = {
      sandboxId, verb: a.verb, kind: a.kind, namespace: a.namespace ?? null, name: a.name, body: a.body ?? null,
      at: Date.now(), virtualAt, userAgent: userAgent.slice(0, 200),
    };
    this.sql.exec("INSERT INTO outbox (row) VALUES (?)", JSON.stringify(row));
    if (!this.timer) this.timer = setTimeout(() => { this.timer = undefined; this.waitUntil(this.flush()); }, FLUSH_DELAY_MS);
  }

  /** Sends everything queued to D1 (batched); safe to call concurrently. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.doFlush().finally(() => { this.flushing = undefined; });
    return this.flushing;
  }

  private async doFlush(): Promise<void> {
    if (!this.db) return;
    const d = drizzle(this.db);
    for (;;) {
      const rows = this.sql.exec("SELECT id, row FROM outbox ORDER BY id LIMIT ?", BATCH).toArray();
      if (!rows.length) return;
      const values = rows.map((r) => JSON.parse(String(r.row)) as ManifestInsert);
      try {
        await d.insert(manifests).values(values).run();
      } catch (e) {
        console.error("podlab: manifest flush failed", e);
        return;
      }
      this.sql.exec("DELETE FROM outbox WHERE id <= ?", Number(rows[rows.length - 1].id));
    }
  }
}
