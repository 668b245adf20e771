// /api/classes/<class>/sandboxes: a teacher creates a class's sandboxes in bulk ({count} or
// {names}) and lists them with a summary from D1 (pods by STATUS, restarts, last activity), or
// fresh from each sandbox with ?live=true. Guarded like the other teacher endpoints.
import { Hono } from "hono";
import * as v from "valibot";
import { drizzle } from "drizzle-orm/d1";
import { and, asc, eq, isNull } from "drizzle-orm";
import { sandboxes, type SandboxRow } from "../schema/db";
import { NodeInput, QuotasInput } from "../schema/wire";
import { status } from "./http";
import { readBody } from "./body";
import { requireTeacher, rowView } from "./admin";
import { provision, sandboxStub } from "./provision";
import { kubeconfig } from "./kubeconfig";

/** Most sandboxes one class request creates. */
export const MAX_CLASS_BATCH = 100;

/** A class id: letters, digits, dot, dash and underscore. */
const ClassId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/, "class ids are 1–63 letters, digits, '.', '-' or '_'"));

/** Body of POST /api/classes/<class>/sandboxes. */
export const CreateClassBody = v.pipe(v.strictObject({
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CLASS_BATCH))),
  names: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(63))), v.minLength(1), v.maxLength(MAX_CLASS_BATCH),
    v.check((n) => new Set(n).size === n.length, "names must be unique"))),
  nodes: v.optional(v.pipe(v.array(NodeInput), v.minLength(1), v.maxLength(10))),
  quotas: v.optional(QuotasInput),
  speed: v.optional(v.picklist([0, 1, 10, 60])),
}), v.check((b) => (b.count === undefined) !== (b.names === undefined), "give exactly one of count or names"));

/** Class routes. */
export const classRoutes = new Hono<{ Bindings: Env }>();

classRoutes.use("*", async (c, next) => requireTeacher(c) ?? next());

classRoutes.use("/:class/*", async (c, next) => {
  const ok = v.safeParse(ClassId, c.req.param("class"));
  if (!ok.success) return status(c, 400, "BadRequest", `invalid class id: ${ok.issues[0].message}`);
  return next();
});

classRoutes.post("/:class/sandboxes", async (c) => {
  const classId = c.req.param("class");
  const body = await readBody(c, CreateClassBody, 65_536, "class request");
  if (body instanceof Response) return body;
  const names = body.names ?? Array.from({ length: body.count! }, (_, i) => `${classId}-${String(i + 1).padStart(2, "0")}`);
  const { nodes, quotas, speed } = body;
  const made = await provision(c.env, new URL(c.req.url).origin, names.map((name) => ({ name, classId, nodes, quotas, speed })));
  if (!Array.isArray(made)) return status(c, made.code, made.reason, made.message);
  return c.json({ class: classId, sandboxes: made }, 201);
});

async function liveSummary(env: Env, r: SandboxRow): Promise<SandboxRow> {
  const res = await sandboxStub(env, r.id).fetch("http://sandbox/-/internal/summary");
  if (res.status !== 200) return r;
  const s = await res.json() as { summary: unknown; lastSeenAt: number };
  return { ...r, summary: JSON.stringify(s.summary), lastSeenAt: s.lastSeenAt };
}

classRoutes.get("/:class/sandboxes", async (c) => {
  const classId = c.req.param("class");
  const all = c.req.query("all") === "true";
  const where = all ? eq(sandboxes.classId, classId) : and(eq(sandboxes.classId, classId), isNull(sandboxes.deletedAt));
  let rows = await drizzle(c.env.DB).select().from(sandboxes).where(where).orderBy(asc(sandboxes.name), asc(sandboxes.createdAt)).limit(1000);
  if (c.req.query("live") === "true") {
    const out: SandboxRow[] = [];
    for (let i = 0; i < rows.length; i += 8) out.push(...await Promise.all(rows.slice(i, i + 8).map((r) => (r.deletedAt ? r : liveSummary(c.env, r)))));
    rows = out;
  }
  const origin = new URL(c.req.url).origin;
  const items = rows.map((r) => ({ ...rowView(origin, r), kubeconfig: kubeconfig(`${origin}/clusters/${r.id}`, r.name) }));
  return c.json({ class: classId, items });
});
