// A sandbox's life outside the simulation: its last activity (D1's last_seen_at and summary,
// written at most once a minute off the hot path, from the alarm when a write is deferred), idle
// expiry after RETENTION_DAYS (an alarm deletes the Durable Object's storage) and deletion by a
// teacher. D1 keeps the sandbox row and its manifest history either way. Used by cluster-object.ts.
import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { sandboxes } from "../schema/db";
import { sandboxSummary } from "./sim/checks/summary";
import type { ClusterObject } from "./cluster-object";

/** D1's last activity is written at most this often per sandbox. */
export const TOUCH_EVERY_MS = 60_000;
/** Idle days before a sandbox's storage is deleted when RETENTION_DAYS is not set. */
export const DEFAULT_RETENTION_DAYS = 14;

/** Why a sandbox is gone. */
export type GoneReason = "deleted" | "expired";

/** Idle retention in milliseconds from RETENTION_DAYS (0 = keep forever → undefined). */
export function retentionMs(env: { RETENTION_DAYS?: string }): number | undefined {
  const raw = env.RETENTION_DAYS;
  const days = raw === undefined || raw === "" ? DEFAULT_RETENTION_DAYS : Number(raw);
  if (!Number.isFinite(days) || days < 0) return DEFAULT_RETENTION_DAYS * 86_400_000;
  return days === 0 ? undefined : days * 86_400_000;
}

/** Persisted activity state. */
interface ActivityState { last: number; written: number }

/** Tracks the last activity and when D1 was last told about it. */
export class Activity {
  /** Wall time of the last request or socket message. */
  last = 0;
  /** Wall time D1 was last written (and the last activity persisted then). */
  written = 0;
  private persistedLast = 0;
  private pending = false;

  /** Restores the persisted state (or starts at creation). */
  load(raw: string | undefined, createdAt: number): void {
    const s = raw ? JSON.parse(raw) as ActivityState : { last: createdAt, written: createdAt };
    this.last = s.last;
    this.persistedLast = s.last;
    this.written = s.written;
    this.pending = false;
  }

  /** Notes activity; returns true when D1 should be written now. */
  touch(now: number): boolean {
    this.last = Math.max(this.last, now);
    if (now - this.written >= TOUCH_EVERY_MS) return true;
    this.pending = true;
    return false;
  }

  /** Marks a write done; returns the state to persist. */
  markWritten(now: number): ActivityState {
    this.written = now;
    this.persistedLast = this.last;
    this.pending = false;
    return { last: this.last, written: now };
  }

  /** When a deferred write is due, if one is. */
  dueAt(): number | undefined {
    return this.pending ? this.written + TOUCH_EVERY_MS : undefined;
  }

  /** When the sandbox expires (coarse: from the persisted activity, so it moves at most once a minute). */
  expiresAt(retention: number | undefined): number | undefined {
    return retention === undefined ? undefined : this.persistedLast + retention;
  }

  /** Whether the sandbox has been idle past its retention. */
  expired(now: number, retention: number | undefined): boolean {
    return retention !== undefined && now >= this.last + retention;
  }
}

/** Notes a request or message; writes D1 now (off the hot path) or leaves it to the alarm. */
export function noteActivity(obj: ClusterObject): void {
  if (obj.activity.touch(obj.now())) obj.state.waitUntil(writeActivity(obj));
}

/** Writes last_seen_at and the summary to D1 and persists the activity state. */
export async function writeActivity(obj: ClusterObject): Promise<void> {
  if (!obj.cluster || !obj.meta) return;
  const state = obj.activity.markWritten(obj.now());
  obj.state.storage.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES ('activity', ?)", JSON.stringify(state));
  const summary = JSON.stringify(sandboxSummary(obj.cluster));
  try {
    await drizzle(obj.bindings.DB).update(sandboxes).set({ lastSeenAt: state.last, summary }).where(eq(sandboxes.id, obj.meta.id)).run();
  } catch (e) {
    console.error("podlab: activity write failed", e);
  }
}

const EXPIRY_GRANULARITY_MS = 3600_000;

/** Wall times the alarm must wake for besides streams: a deferred activity write, expiry. */
export function lifecycleAlarms(obj: ClusterObject): number[] {
  const out: number[] = [];
  const due = obj.activity.dueAt();
  if (due !== undefined) out.push(due);
  // Expiry moves with every request; rounded up to the hour, the alarm is rewritten at most
  // hourly instead of on each request (the alarm re-checks expiry when it fires).
  const exp = obj.activity.expiresAt(retentionMs(obj.bindings));
  if (exp !== undefined) out.push(Math.ceil(exp / EXPIRY_GRANULARITY_MS) * EXPIRY_GRANULARITY_MS);
  return out;
}

/** The alarm's lifecycle duties (expiry first, before catching up); returns true when the sandbox expired. */
export async function lifecycleAlarm(obj: ClusterObject): Promise<boolean> {
  const now = obj.now();
  if (obj.activity.expired(now, retentionMs(obj.bindings))) {
    await destroy(obj, "expired");
    return true;
  }
  obj.catchUp();
  const due = obj.activity.dueAt();
  if (due !== undefined && now >= due) await writeActivity(obj);
  return false;
}

/** Deletes the Durable Object's storage (manifests flushed to D1 first) and marks D1's row gone. */
export async function destroy(obj: ClusterObject, reason: GoneReason): Promise<void> {
  const id = obj.meta?.id;
  await obj.outbox.flush();
  if (id) {
    const now = obj.now();
    await drizzle(obj.bindings.DB).update(sandboxes).set({ deletedAt: now, deletedReason: reason })
      .where(and(eq(sandboxes.id, id), isNull(sandboxes.deletedAt))).run();
  }
  obj.streams.closeAll();
  for (const ws of obj.state.getWebSockets()) {
    try { ws.close(1001, `sandbox ${reason}`); } catch { /* already closed */ }
  }
  obj.cluster = undefined;
  obj.meta = undefined;
  obj.clock = undefined;
  obj.gone = true;
  await obj.state.storage.deleteAlarm();
  await obj.state.storage.deleteAll();
  // A manifest flush may still be scheduled from the last request: give it an empty outbox to read.
  obj.state.storage.sql.exec("CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, row TEXT NOT NULL)");
}
