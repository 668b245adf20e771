// The D1 tables (drizzle): what outlives a sandbox and what teachers query across sandboxes.
// Used by worker/ and the Durable Object's manifest recorder; never by durable/sim.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One row per sandbox. */
export const sandboxes = sqliteTable("sandboxes", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  owner: text("owner"),
  classId: text("class_id"),
  createdAt: integer("created_at").notNull(),
  lastSeenAt: integer("last_seen_at").notNull(),
  quotas: text("quotas"),
  deletedAt: integer("deleted_at"),
  /** Why the sandbox is gone: "deleted" (by a teacher) or "expired" (idle past RETENTION_DAYS). */
  deletedReason: text("deleted_reason"),
  /** JSON summary as of the last activity (pods by STATUS, restarts, objects, virtual time). */
  summary: text("summary"),
}, (t) => [index("sandboxes_class").on(t.classId)]);

/** Every object a student created, patched or deleted. */
export const manifests = sqliteTable("manifests", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  sandboxId: text("sandbox_id").notNull(),
  verb: text("verb").notNull(),
  kind: text("kind").notNull(),
  namespace: text("namespace"),
  name: text("name").notNull(),
  body: text("body"),
  at: integer("at").notNull(),
  virtualAt: integer("virtual_at"),
  userAgent: text("user_agent"),
}, (t) => [index("manifests_sandbox").on(t.sandboxId, t.id)]);

export type SandboxRow = typeof sandboxes.$inferSelect;
export type ManifestRow = typeof manifests.$inferSelect;
