// Records every mutation a client made (create, update, patch, apply, delete) in D1 through
// drizzle, off the request's critical path (waitUntil). Teachers read it back per sandbox.
import { drizzle } from "drizzle-orm/d1";
import { manifests } from "../schema/db";
import type { AuditRecord } from "./sim/api/request";
import type { ClusterObject } from "./cluster-object";

/** Queues the D1 insert of one audited mutation. */
export function recordManifest(obj: ClusterObject, a: AuditRecord, userAgent: string): void {
  const env = (obj as unknown as { env: Env }).env;
  const id = obj.meta?.id;
  if (!id || !env.DB) return;
  const row = {
    sandboxId: id, verb: a.verb, kind: a.kind, namespace: a.namespace ?? null, name: a.name,
    body: a.body ?? null, at: Date.now(), virtualAt: obj.cluster?.now ?? null, userAgent: userAgent.slice(0, 200),
  };
  const p = drizzle(env.DB).insert(manifests).values(row).run().catch((e: unknown) => console.error("podlab: manifest insert failed", e));
  (obj as unknown as { ctx: DurableObjectState }).ctx.waitUntil(p);
}
