// Subresources: pods/status, pods/log, pods/exec, pods/attach, pods/binding, pods/eviction, nodes/status,
// namespaces/status and namespaces/finalize.
import { pickContainer } from "./pod-container";
import { rfc3339 } from "../core/time";
import type { KObject } from "../store/types";
import { decodeObjectBody } from "./body";
import { buildTable } from "./../printers/table";
import { storeResource, type ResourceDef } from "./registry";
import { json, type ApiRequest } from "./request";
import type { ResourceRoute } from "./router";
import { ApiError, badRequest, conflict, methodNotSupported, notFound, pathNotFound, successStatus } from "./status";
import { TABLE_CONTENT_TYPE, wantsTable } from "./reads";
import { deleteOptions, writeOptions, type ApiServer, type HandleResult } from "./server";
import { clone, type Json } from "./strategies/types";

/** Dispatches a request on `<resource>/<name>/<subresource>`. */
export function subresource(server: ApiServer, def: ResourceDef, route: ResourceRoute, req: ApiRequest): HandleResult {
  const ctx = server.context;
  const sub = route.subresource!;
  const known = def.subresources?.find((s) => s.name === sub);
  if (!known || !route.name) throw pathNotFound();
  const method = req.method.toUpperCase();
  const res = storeResource(def);
  const obj = ctx.store.get(res, route.namespace, route.name);
  if (sub === "status" || sub === "finalize") {
    if (method === "GET") {
      if (!obj) throw notFound(def.resource, route.name, def.group);
      if (wantsTable(req.headers.accept)) {
        return { response: json(200, buildTable(res, [obj], ctx.now(), { resourceVersion: obj.metadata.resourceVersion ?? "", include: "Metadata" }), { "content-type": TABLE_CONTENT_TYPE }) };
      }
      return { response: json(200, obj) };
    }
    if (method === "PUT") {
      const opts = { ...writeOptions(req), subresource: "status" };
      const body = decodeObjectBody(req) as KObject;
      if (sub === "finalize") {
        if (!obj) throw notFound(def.resource, route.name, def.group);
        const ns = clone(obj) as Json;
        ns.spec = clone((body as Json).spec ?? {});
        const r = server.verbs.updateDecoded(def, undefined, route.name, ns, { ...opts, subresource: "finalize", internal: true }, []);
        return { response: json(200, r.object) };
      }
      const r = server.verbs.update(def, route.namespace, route.name, body, opts);
      return { response: json(200, r.object) };
    }
    if (method === "PATCH") return server.patch(def, route, req, "status");
    throw methodNotSupported(`${def.resource}/${sub}`, method.toLowerCase(), def.group);
  }
  if (!obj) throw notFound(def.resource, route.name, def.group);
  if (sub === "log") {
    if (method !== "GET") throw methodNotSupported("pods/log", method.toLowerCase());
    return { response: ctx.hooks.podLogs(obj, req.query) };
  }
  if (sub === "exec" || sub === "attach") {
    if (method !== "GET" && method !== "POST") throw methodNotSupported(`pods/${sub}`, method.toLowerCase());
    pickContainer(obj, req.query);
    if (!(obj as { spec?: { nodeName?: string } }).spec?.nodeName) throw badRequest(`pod ${route.name} does not have a host assigned`);
    const upgrade = (req.headers.upgrade ?? "").toLowerCase();
    if (upgrade !== "websocket") {
      throw badRequest("Upgrade request required");
    }
    const offered = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((s) => s.trim());
    const protocol = ["v5.channel.k8s.io", "v4.channel.k8s.io"].find((p) => offered.includes(p));
    if (!protocol) throw badRequest(`unable to upgrade: no supported subprotocol among [${offered.join(" ")}]; podlab speaks v5.channel.k8s.io and v4.channel.k8s.io`);
    return { response: sub === "exec" ? ctx.hooks.podExec(obj, req.query, protocol) : ctx.hooks.podAttach(obj, req.query, protocol) };
  }
  if (sub === "binding") {
    if (method !== "POST") throw methodNotSupported("pods/binding", method.toLowerCase());
    const body = decodeObjectBody(req) as Json;
    const target = body?.target?.name;
    if (!target) throw new ApiError(422, "Invalid", `Binding "${route.name}" is invalid: target.name: Required value`);
    bindPod(server, obj, target);
    return { response: json(201, successStatus()) };
  }
  if (sub === "eviction") {
    if (method !== "POST") throw methodNotSupported("pods/eviction", method.toLowerCase());
    const body = decodeObjectBody(req) as Json;
    const opts = body?.deleteOptions ? { ...body.deleteOptions } : deleteOptions({ ...req, body: undefined });
    server.verbs.delete(def, route.namespace, route.name, opts);
    return { response: json(201, successStatus()) };
  }
  throw pathNotFound();
}

/** Binds a pod to a node (the scheduler's Binding write): sets nodeName and PodScheduled=True. */
export function bindPod(server: ApiServer, pod: KObject, node: string): KObject {
  // Stored objects are never mutated in place: copy only what changes.
  const old = pod as Json;
  const p = { ...old, metadata: { ...old.metadata }, spec: { ...old.spec }, status: { ...old.status } } as Json;
  if (p.spec.nodeName) {
    throw conflict("pods", p.metadata.name, "", `pod ${p.metadata.name} is already assigned to node "${p.spec.nodeName}"`);
  }
  if (p.metadata.deletionTimestamp) throw conflict("pods", p.metadata.name, "", "pod is being deleted, cannot be assigned to a host");
  p.spec.nodeName = node;
  const now = rfc3339(server.context.now());
  const conds: Json[] = (p.status.conditions ?? []).filter((c: Json) => c.type !== "PodScheduled");
  conds.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: now });
  p.status.conditions = conds;
  return server.context.store.update("pods", p);
}
