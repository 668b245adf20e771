// GET verbs: get, list and watch, with Table negotiation (server-side printing), selectors and
// the resourceVersion semantics clients rely on (RV 0 → synthetic ADDED, RV N → changes after N).
import { buildTable, type IncludeObject } from "../printers/table";
import type { KObject } from "../store/types";
import type { ApiContext } from "./context";
import { compileFilter } from "./filters";
import { apiVersionOf, storeResource, type ResourceDef } from "./registry";
import { json, parseBool, type ApiRequest, type ApiResponse } from "./request";
import type { ResourceRoute } from "./router";
import { badRequest, notFound } from "./status";
import { paginate } from "./paging";

/** Content type of Table responses. */
export const TABLE_CONTENT_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";

/** Does the Accept header ask for a meta.k8s.io Table? */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((p) => {
    const s = p.replace(/\s/g, "");
    return s.includes("as=Table") && s.includes("g=meta.k8s.io") && (s.includes("v=v1;") || s.endsWith("v=v1") || s.includes("v=v1beta1"));
  });
}

function includeObject(req: ApiRequest): IncludeObject {
  const v = req.query.get("includeObject");
  if (!v) return "Metadata";
  if (v === "None" || v === "Metadata" || v === "Object") return v;
  throw badRequest(`includeObject: Unsupported value: "${v}": supported values: "None", "Metadata", "Object"`);
}

/** Handles GET on a resource path (get one, list, or watch). */
export function readResource(ctx: ApiContext, def: ResourceDef, route: ResourceRoute, req: ApiRequest,
  forceList = false): ApiResponse {
  const res = storeResource(def);
  const table = wantsTable(req.headers.accept);
  const now = ctx.now();
  if (def.group === "metrics.k8s.io") return metricsRead(ctx, def, route, req);
  const watch = parseBool(req.query.get("watch")) ?? false;
  if (route.name && !forceList && !watch) {
    if (!def.verbs.includes("get")) throw notFound(def.resource, route.name, def.group);
    const obj = ctx.store.get(res, route.namespace, route.name);
    if (!obj) throw notFound(def.resource, route.name, def.group);
    if (table) {
      const t = buildTable(res, [obj], now, { resourceVersion: obj.metadata.resourceVersion ?? "", include: includeObject(req) });
      return json(200, t, { "content-type": TABLE_CONTENT_TYPE });
    }
    return json(200, obj);
  }
  let fieldSelector = req.query.get("fieldSelector");
  if (route.name && watch) fieldSelector = [`metadata.name=${route.name}`, fieldSelector].filter(Boolean).join(",");
  const filter = compileFilter(res, req.query.get("labelSelector"), fieldSelector);
  if (watch) return watchResponse(ctx, def, route, req, filter, table);
  const { items, meta } = paginate(req.query, ctx.store.list(res, route.namespace), filter, ctx.store.resourceVersion, !route.namespace);
  if (table) {
    const t = buildTable(res, items, now, { resourceVersion: meta.resourceVersion, include: includeObject(req) });
    return json(200, { ...t, metadata: meta }, { "content-type": TABLE_CONTENT_TYPE });
  }
  return json(200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: meta, items: items.map(withTypeMeta(def)) });
}

function withTypeMeta(def: ResourceDef) {
  return (o: KObject) => ({ ...o, apiVersion: o.apiVersion ?? apiVersionOf(def), kind: o.kind ?? def.kind });
}

function watchResponse(ctx: ApiContext, def: ResourceDef, route: ResourceRoute, req: ApiRequest,
  filter: (o: KObject) => boolean, table: boolean): ApiResponse {
  const res = storeResource(def);
  const rvParam = req.query.get("resourceVersion");
  let sinceRv: number;
  let initial: KObject[] = [];
  if (!rvParam || rvParam === "0") {
    sinceRv = ctx.store.resourceVersion;
    initial = ctx.store.list(res, route.namespace).filter(filter);
  } else {
    sinceRv = Number(rvParam);
    if (!Number.isInteger(sinceRv) || sinceRv < 0) throw badRequest(`invalid resource version: ${rvParam}`);
    if (sinceRv > ctx.store.resourceVersion) sinceRv = ctx.store.resourceVersion;
  }
  const timeout = Number(req.query.get("timeoutSeconds") ?? "");
  return {
    type: "watch",
    status: 200,
    headers: { "content-type": table ? TABLE_CONTENT_TYPE : "application/json", "transfer-encoding": "chunked" },
    watch: {
      resource: res,
      kind: def.kind,
      apiVersion: apiVersionOf(def),
      namespace: route.namespace,
      matches: filter,
      table: table ? { include: includeObject(req) } : undefined,
      sinceRv,
      initial,
      bookmarks: parseBool(req.query.get("allowWatchBookmarks")) ?? false,
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined,
    },
  };
}

function metricsRead(ctx: ApiContext, def: ResourceDef, route: ResourceRoute, req: ApiRequest): ApiResponse {
  const which = def.resource as "pods" | "nodes";
  const all = ctx.hooks.metrics(which, route.namespace);
  const filter = compileFilter(which, req.query.get("labelSelector"), null);
  if (route.name) {
    const one = all.find((m) => m.metadata.name === route.name);
    if (!one) throw notFound(def.resource, route.name, def.group);
    return json(200, one);
  }
  return json(200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: {}, items: all.filter(filter) });
}
