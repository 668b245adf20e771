// The sandbox's journal: every input that changes the simulation (a mutating request, an exec
// frame, a clock advance that fired timers, a node power operation, a kubectl command) appended to
// DO SQLite in the order it was applied. Snapshots are taken every few hundred entries; loading
// restores the last snapshot and replays the journal after it. Snapshots never prune it: the
// journal reaches back to creation (or the last reset) for export, bounded by the sandbox's
// `bytes` quota. Because the core is deterministic, replaying the whole journal from creation
// rebuilds an identical sandbox.
import type { SqlLike } from "./persist";

/** One recorded input, at the virtual time it was applied. */
export type JournalEntry =
  | { k: "adv"; t: number }
  | { k: "req"; t: number; m: string; p: string; q: string; h: Record<string, string>; b?: string }
  | { k: "ws"; t: number; s: string; d: string }
  | { k: "wsgone"; t: number; s: string }
  | { k: "node"; t: number; n: string; op: "stop" | "start" }
  | { k: "kubectl"; t: number; c: string; i?: string };

/** Snapshot after this many entries. */
export const SNAPSHOT_EVERY = 256;
/** … or after this many journal bytes. */
export const SNAPSHOT_BYTES = 512 * 1024;

/** Base64 of bytes (request bodies, exec frames). */
export function toB64(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Bytes of a base64 string. */
export function fromB64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Appends and reads journal rows. */
export class Journal {
  private sinceSnapshot = 0;
  private bytesSinceSnapshot = 0;
  private totalBytes: number | undefined;

  constructor(private readonly sql: SqlLike) {
    sql.exec("CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL)");
  }

  /** Appends one entry; returns its sequence number. */
  append(e: JournalEntry): number {
    const text = JSON.stringify(e);
    this.sql.exec("INSERT INTO journal (entry) VALUES (?)", text);
    this.sinceSnapshot++;
    this.bytesSinceSnapshot += text.length;
    if (this.totalBytes !== undefined) this.totalBytes += text.length;
    return Number(this.sql.exec("SELECT last_insert_rowid() AS seq").toArray()[0].seq);
  }

  /** Entries after a sequence number, in order. */
  after(seq: number): { seq: number; entry: JournalEntry }[] {
    return this.sql.exec("SELECT seq, entry FROM journal WHERE seq > ? ORDER BY seq", seq).toArray()
      .map((r) => ({ seq: Number(r.seq), entry: JSON.parse(String(r.entry)) as JournalEntry }));
  }

  /** Highest sequence number written (0 when empty). */
  lastSeq(): number {
    const r = this.sql.exec("SELECT MAX(seq) AS seq FROM journal").toArray()[0];
    return Number(r?.seq ?? 0);
  }

  /** Bytes of every entry stored (counted against the bytes quota). */
  bytes(): number {
    this.totalBytes ??= Number(this.sql.exec("SELECT COALESCE(SUM(LENGTH(entry)), 0) AS n FROM journal").toArray()[0].n);
    return this.totalBytes;
  }

  /** Whether it is time for a snapshot. */
  due(): boolean {
    return this.sinceSnapshot >= SNAPSHOT_EVERY || this.bytesSinceSnapshot >= SNAPSHOT_BYTES;
  }

  /** Marks a snapshot taken. */
  snapshotTaken(): void {
    this.sinceSnapshot = 0;
    this.bytesSinceSnapshot = 0;
  }

  /** Forgets everything (reset). */
  clear(): void {
    this.sql.exec("DELETE FROM journal");
    this.totalBytes = 0;
    this.snapshotTaken();
  }
}
