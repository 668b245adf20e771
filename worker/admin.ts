// Teacher endpoints for one sandbox: reset, delete (the Durable Object drops its storage, D1 keeps
// the row and the manifest history) and export (sandbox row, manifest history, journal). With
// ADMIN_TOKEN set they need `Authorization: Bearer <ADMIN_TOKEN>`: a sandbox id is never a
// substitute. Unset (local default), they are open like sandbox creation.
import { Hono, type Context } from "hono";
import { drizzle } from "drizzle-orm/d1";
import { asc, eq } from "drizzle-orm";
import { manifests, sandboxes, type SandboxRow } from "../schema/db";
import { effectiveQuotas } from "../schema/wire";
import { isSandboxId } from "./ids";
import { status } from "./http";
import { sandboxStub } from "./provision";

const NOT_FOUND = "the server could not find the requested resource";
/** Most manifest rows an export carries. */
export const MAX_EXPORT_MANIFESTS = 20_000;

/** With ADMIN_TOKEN configured, requires it as a bearer token; returns the 401/403 or undefined. */
export function requireTeacher(c: Context<{ Bindings: Env }>): Response | undefined {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return undefined;
  const auth = c.req.header("authorization") ?? "";
  if (!auth.startsWith("Bearer ")) return status(c, 401, "Unauthorized", "teacher endpoints require Authorization: Bearer <ADMIN_TOKEN>");
  if (!constantTimeEqual(auth.slice(7), token)) return status(c, 403, "Forbidden", "invalid admin token: teacher endpoints need ADMIN_TOKEN (a sandbox id is not a token)");
  return undefined;
}

function constantTimeEqual(a: string, b: string): boolean {
  let d = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) d |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return d === 0;
}

/** A sandbox row as teachers see it. */
export function rowView(origin: string, r: SandboxRow): Record<string, unknown> {
  return {
    id: r.id, name: r.name, classId: r.classId, server: `${origin}/clusters/${r.id}`,
    createdAt: new Date(r.createdAt).toISOString(), lastSeenAt: new Date(r.lastSeenAt).toISOString(),
    quotas: effectiveQuotas(r.quotas ? JSON.parse(r.quotas) : undefined),
    summary: r.summary ? JSON.parse(r.summary) : null,
    ...(r.deletedAt ? { deletedAt: new Date(r.deletedAt).toISOString(), deletedReason: r.deletedReason ?? "deleted" } : {}),
  };
}

async function row(env: Env, id: string): Promise<SandboxRow | undefined> {
  if (!isSandboxId(id)) return undefined;
  return (await drizzle(env.DB).select().from(sandboxes).where(eq(sandboxes.id, id)).limit(1))[0];
}

/** Teacher routes under /api/sandboxes/<id>. */
export const adminRoutes = new Hono<{ Bindings: Env }>();

adminRoutes.use("*", async (c, next) => requireTeacher(c) ?? next());

adminRoutes.post("/:id/reset", async (c) => {
  const r = await row(c.env, c.req.param("id"));
  if (!r || r.deletedAt) return status(c, 404, "NotFound", NOT_FOUND);
  const res = await sandboxStub(c.env, r.id).fetch("http://sandbox/-/reset", { method: "POST" });
  if (res.status !== 200) return res;
  return c.json({ id: r.id, reset: true });
});

adminRoutes.delete("/:id", async (c) => {
  const r = await row(c.env, c.req.param("id"));
  if (!r || r.deletedAt) return status(c, 404, "NotFound", NOT_FOUND);
  const res = await sandboxStub(c.env, r.id).fetch("http://sandbox/-/internal/destroy", { method: "POST" });
  if (res.status !== 200 && res.status !== 404) return status(c, 500, "InternalError", `sandbox delete failed (${res.status})`);
  const now = Date.now();
  await drizzle(c.env.DB).update(sandboxes).set({ deletedAt: now, deletedReason: "deleted" }).where(eq(sandboxes.id, r.id)).run();
  return c.json({ id: r.id, deleted: true, deletedAt: new Date(now).toISOString() });
});

adminRoutes.get("/:id/export", async (c) => {
  let r = await row(c.env, c.req.param("id"));
  if (!r) return status(c, 404, "NotFound", NOT_FOUND);
  let journal: unknown = null;
  if (!r.deletedAt) {
    const res = await sandboxStub(c.env, r.id).fetch("http://sandbox/-/internal/export");
    if (res.status === 200) journal = await res.json();
    else if (res.status !== 404) return res;
    r = (await row(c.env, r.id)) ?? r;
  }
  const rows = await drizzle(c.env.DB).select().from(manifests).where(eq(manifests.sandboxId, r.id)).orderBy(asc(manifests.id)).limit(MAX_EXPORT_MANIFESTS);
  const items = rows.map((m) => ({ ...m, at: new Date(m.at).toISOString(), virtualAt: m.virtualAt ? new Date(m.virtualAt).toISOString() : null }));
  return c.json({ sandbox: rowView(new URL(c.req.url).origin, r), manifests: items, journal });
});
