// /embed: the page that /widget.js frames (and that course pages may frame directly). It is the
// static client's index.html; the client reads lesson, lang, panes and slot from the query.
// Mounted in worker/index.ts with app.route("/embed", webRoutes).
import { Hono } from "hono";

/** Routes of the embeddable page. */
export const webRoutes = new Hono<{ Bindings: Env }>();

webRoutes.get("/", (c) => c.env.ASSETS.fetch(new Request(new URL("/", c.req.url), { headers: c.req.raw.headers })));
