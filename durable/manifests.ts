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
/** Rows per D1 round trip (one batch of statements). */
const BATCH = 50;
/** Rows per INSERT: D1 binds at most 100 parameters per statement, a row takes 9. */
const ROWS_PER_INSERT = 10;
/** Bodies above this are replaced by a note (a D1 row holds at most 2 MB; requests may carry 3 MiB). */
const MAX_BODY = 512 * 1024;

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
      sandboxId, verb: a.verb, kind: a.kind, namespace: a.namespace ?? null, name: a.name, body: storedBody(a.body),
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
      const last = Number(rows[rows.length - 1].id);
      try {
        const [first, ...rest] = chunks(values, ROWS_PER_INSERT).map((c) => d.insert(manifests).values(c));
        await d.batch([first, ...rest]);
      } catch (e) {
        // D1 unreachable: keep the rows for the next flush. A row D1 refuses would block the
        // outbox forever, so retry one by one and drop (with a log line) the ones it refuses.
        if (!(await this.insertOneByOne(d, values))) {
          console.error(`podlab: manifest flush failed, will retry: ${(e as Error)?.message ?? e}`);
          return;
        }
      }
      this.sql.exec("DELETE FROM outbox WHERE id <= ?", last);
    }
  }

  /** Inserts rows singly; false when D1 fails on every row (unavailable rather than refusing). */
  private async insertOneByOne(d: ReturnType<typeof drizzle>, values: ManifestInsert[]): Promise<boolean> {
    const refused: string[] = [];
    for (const v of values) {
      try {
        await d.insert(manifests).values(v).run();
      } catch (e) {
        refused.push(`${v.verb} ${v.kind} ${v.name}: ${(e as Error)?.message ?? e}`);
      }
    }
    if (refused.length === values.length) return false;
    for (const r of refused) console.error(`podlab: dropping a manifest row D1 refused: ${r}`);
    return true;
  }
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The body as stored: very large ones become a note with their size. */
function storedBody(body: string | undefined): string | null {
  if (body === undefined) return null;
  return body.length > MAX_BODY ? JSON.stringify({ podlab: "body not stored: too large", bytes: body.length }) : body;
}
