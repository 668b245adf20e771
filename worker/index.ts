// The Worker: a stateless Hono app. /api/sandboxes provisions sandboxes, /clusters/<id>/... is
// each sandbox's Kubernetes API (forwarded to its Durable Object), everything else is the
// static web client. No Kubernetes logic lives here.
import { Hono } from "hono";
import { clusterRoutes } from "./clusters";
import { sandboxRoutes } from "./sandboxes";
import { status } from "./http";

export { ClusterObject } from "../durable/cluster-object";

const app = new Hono<{ Bindings: Env }>();

app.get("/healthz", (c) => c.text("ok"));
app.route("/api/sandboxes", sandboxRoutes);
app.route("/clusters", clusterRoutes);
app.all("/api/*", (c) => status(c, 404, "NotFound", "the server could not find the requested resource"));
app.notFound((c) => status(c, 404, "NotFound", "the server could not find the requested resource"));
app.onError((err, c) => {
  console.error("podlab worker error", err);
  return status(c, 500, "InternalError", "Internal error occurred: unexpected worker error");
});

export default app;
