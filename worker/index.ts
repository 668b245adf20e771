// The Worker: a stateless Hono app. /api/sandboxes provisions sandboxes, /api/classes and the
// teacher routes manage them, /clusters/<id>/... is each sandbox's Kubernetes API (forwarded to
// its Durable Object), everything else is the static web client. No Kubernetes logic lives here.
import { Hono } from "hono";
import { clusterRoutes } from "./clusters";
import { sandboxRoutes } from "./sandboxes";
import { adminRoutes } from "./admin";
import { classRoutes } from "./classes";
import { status } from "./http";
import { webRoutes } from "./web";

export { ClusterObject } from "../durable/cluster-object";

const app = new Hono<{ Bindings: Env }>();

app.get("/healthz", (c) => c.text("ok"));
app.route("/api/sandboxes", sandboxRoutes);
app.route("/api/sandboxes", adminRoutes);
app.route("/api/classes", classRoutes);
// The Durable Object's internal endpoints (init, and what teacher routes call) are not part of a
// sandbox's public API: whoever holds a sandbox id must not re-create, export or delete through it.
app.all("/clusters/:id/-/*", async (c, next) => {
  const rest = new URL(c.req.url).pathname.split("/-/").slice(1).join("/-/");
  const decoded = (() => { try { return decodeURIComponent(rest); } catch { return rest; } })();
  if ([rest, decoded].some((r) => r === "init" || r === "internal" || r.startsWith("internal/"))) {
    return status(c, 404, "NotFound", "the server could not find the requested resource");
  }
  return next();
});
app.route("/clusters", clusterRoutes);
app.route("/embed", webRoutes);
app.all("/api/*", (c) => status(c, 404, "NotFound", "the server could not find the requested resource"));
app.notFound((c) => status(c, 404, "NotFound", "the server could not find the requested resource"));
app.onError((err, c) => {
  console.error("podlab worker error", err);
  return status(c, 500, "InternalError", "Internal error occurred: unexpected worker error");
});

export default app;
