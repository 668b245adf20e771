// /api/sandboxes: creating sandboxes (optionally guarded by ADMIN_TOKEN) and reading them back.
import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { sandboxes } from "../schema/db";
import { CreateSandboxBody } from "../schema/wire";
import { isSandboxId } from "./ids";
import { requireAdmin, status } from "./http";
import { readBody } from "./body";
import { provision, sandboxStub } from "./provision";

export { sandboxStub };

/** Largest POST /api/sandboxes body: a replayed journal can be as large as the bytes quota allows (64 MiB). */
export const MAX_CREATE_BYTES = 72 * 1024 * 1024;

/** Sandbox routes. */
export const sandboxRoutes = new Hono<{ Bindings: Env }>();

sandboxRoutes.post("/", async (c) => {
  const denied = requireAdmin(c);
  if (denied) return denied;
  const body = await readBody(c, CreateSandboxBody, MAX_CREATE_BYTES, "sandbox request");
  if (body instanceof Response) return body;
  const made = await provision(c.env, new URL(c.req.url).origin, [body]);
  if (!Array.isArray(made)) return status(c, made.code, made.reason, made.message);
  return c.json(made[0], 201);
});

sandboxRoutes.get("/:id", async (c) => {
  const id = c.req.param("id");
  if (!isSandboxId(id)) return status(c, 404, "NotFound", "the server could not find the requested resource");
  const rows = await drizzle(c.env.DB).select().from(sandboxes).where(eq(sandboxes.id, id)).limit(1);
  const row = rows[0];
  if (!row || row.deletedAt) return status(c, 404, "NotFound", "the server could not find the requested resource");
  const origin = new URL(c.req.url).origin;
  return c.json({ id: row.id, name: row.name, createdAt: new Date(row.createdAt).toISOString(), server: `${origin}/clusters/${id}` });
});
