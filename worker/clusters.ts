// /clusters/<id>/...: the sandbox's Kubernetes API and podlab endpoints. Requests stream
// straight to the sandbox's Durable Object (101 upgrades and watch streams pass through
// untouched); the manifest history is read from D1 here.
import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import { and, asc, eq, isNull } from "drizzle-orm";
import { manifests, sandboxes } from "../schema/db";
import { isSandboxId } from "./ids";
import { sandboxStub } from "./sandboxes";
import { status } from "./http";

/** Cluster routes. */
export const clusterRoutes = new Hono<{ Bindings: Env }>();

const NOT_FOUND = "the server could not find the requested resource";

clusterRoutes.get("/:id/-/manifests", async (c) => {
  const id = c.req.param("id");
  if (!isSandboxId(id)) return status(c, 404, "NotFound", NOT_FOUND);
  const db = drizzle(c.env.DB);
  const sb = await db.select({ id: sandboxes.id }).from(sandboxes).where(and(eq(sandboxes.id, id), isNull(sandboxes.deletedAt))).limit(1);
  if (!sb.length) return status(c, 404, "NotFound", NOT_FOUND);
  await sandboxStub(c.env, id).fetch("http://sandbox/-/flush", { method: "POST" });
  const rows = await db.select().from(manifests).where(eq(manifests.sandboxId, id)).orderBy(asc(manifests.id)).limit(5000);
  return c.json({ items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), virtualAt: r.virtualAt ? new Date(r.virtualAt).toISOString() : null })) });
});

clusterRoutes.all("/:id/*", async (c) => {
  const id = c.req.param("id");
  // Unread request bodies break the kept-alive connection in wrangler dev: drain before refusing.
  if (!isSandboxId(id)) return (await c.req.raw.body?.cancel(), status(c, 404, "NotFound", NOT_FOUND));
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > 3 * 1024 * 1024) return (await c.req.raw.body?.cancel(), status(c, 413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728"));
  const url = new URL(c.req.url);
  url.pathname = url.pathname.slice(`/clusters/${id}`.length) || "/";
  return sandboxStub(c.env, id).fetch(new Request(url, c.req.raw));
});

clusterRoutes.all("/:id", (c) => status(c, 404, "NotFound", NOT_FOUND));
