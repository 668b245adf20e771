// /api/sandboxes: creating sandboxes (optionally guarded by ADMIN_TOKEN) and reading them back.
import { Hono } from "hono";
import * as v from "valibot";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { sandboxes } from "../schema/db";
import { CreateSandboxBody, type SandboxCreated } from "../schema/wire";
import { defaultName, isSandboxId, newSandboxId } from "./ids";
import { kubeconfig } from "./kubeconfig";
import { topologyFor } from "./topology";
import { requireAdmin, status } from "./http";

/** The sandbox Durable Object for an id. */
export function sandboxStub(env: Env, id: string): DurableObjectStub {
  return env.CLUSTER.get(env.CLUSTER.idFromName(id));
}

/** Sandbox routes. */
export const sandboxRoutes = new Hono<{ Bindings: Env }>();

sandboxRoutes.post("/", async (c) => {
  const denied = requireAdmin(c);
  if (denied) return denied;
  const text = await c.req.text();
  if (text.length > 65_536) return status(c, 413, "RequestEntityTooLarge", "sandbox request body too large");
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    return status(c, 400, "BadRequest", "body must be JSON");
  }
  const parsed = v.safeParse(CreateSandboxBody, raw);
  if (!parsed.success) {
    const i = parsed.issues[0];
    return status(c, 400, "BadRequest", `invalid sandbox request: ${i.path?.map((p) => p.key).join(".") ?? ""} ${i.message}`.trim());
  }
  const topo = topologyFor(parsed.output.nodes);
  if (topo && "error" in topo) return status(c, 403, "Forbidden", topo.error);
  const id = newSandboxId();
  const name = parsed.output.name ?? defaultName(id);
  const seed = parsed.output.seed ?? id;
  const init = await sandboxStub(c.env, id).fetch("http://sandbox/-/init", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, name, seed, ...(topo ? { nodes: topo } : {}),
      ...(parsed.output.startTime !== undefined ? { startTime: parsed.output.startTime } : {}),
      ...(parsed.output.speed !== undefined ? { speed: parsed.output.speed } : {}) }),
  });
  if (init.status !== 201) return status(c, 500, "InternalError", `sandbox init failed (${init.status})`);
  const now = Date.now();
  await drizzle(c.env.DB).insert(sandboxes).values({ id, name, createdAt: now, lastSeenAt: now, owner: null, classId: null, quotas: null }).run();
  const origin = new URL(c.req.url).origin;
  const server = `${origin}/clusters/${id}`;
  const body: SandboxCreated = { id, name, server, kubeconfig: kubeconfig(server, name) };
  return c.json(body, 201);
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
