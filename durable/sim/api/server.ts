// The API server's HTTP surface: routes a request to discovery, OpenAPI, or a resource verb,
// negotiates Table vs JSON, and turns every failure into a Status. Pure: returns data that the
// Durable Object adapter serializes, streams or upgrades.
import type { KObject } from "../store/types";
import { decodeObjectBody, mediaType, readText } from "./body";
import type { ApiContext, WriteOptions } from "./context";
import { aggregatedDiscovery, AGGREGATED_CONTENT_TYPE, legacyApiGroup, legacyApiGroupList, legacyApiVersions,
  legacyResourceList, VERSION_INFO, wantsAggregated } from "./discovery";
import { openapiDocument, openapiRoot } from "./openapi";
import { patchObject } from "./patch-verb";
import { readResource } from "./reads";
import { findResource, storeResource, type ResourceDef } from "./registry";
import { json, parseBool, type ApiRequest, type ApiResponse, type AuditRecord } from "./request";
import { parsePath, type ResourceRoute } from "./router";
import { ApiError, badRequest, internalError, methodNotSupported, notFound, pathNotFound, successStatus } from "./status";
import type { DeleteOptions } from "./strategies/types";
import { ApiVerbs } from "./verbs";
import { subresource } from "./subresources";
import { isReview, review } from "./reviews";

/** What handling a request produced. */
export interface HandleResult {
  response: ApiResponse;
  audit?: AuditRecord;
  /** Set when an unexpected exception was turned into a 500 (the adapter logs it). */
  bug?: unknown;
}

/** Resources whose DELETE returns the object rather than a Success Status. */
const RETURNS_DELETED = new Set(["pods", "services", "namespaces"]);

/** The API server. */
export class ApiServer {
  readonly verbs: ApiVerbs;

  constructor(private readonly ctx: ApiContext) {
    this.verbs = new ApiVerbs(ctx);
  }

  /** Handles one request. Never throws. */
  handle(req: ApiRequest): HandleResult {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof ApiError) return { response: statusResponse(e) };
      return { response: statusResponse(internalError(String((e as Error)?.message ?? e))), bug: e };
    }
  }

  private route(req: ApiRequest): HandleResult {
    const route = parsePath(req.path);
    const accept = req.headers.accept;
    switch (route.type) {
      case "version":
        return ok(json(200, VERSION_INFO));
      case "api":
      case "apis": {
        const agg = wantsAggregated(accept);
        if (agg) return ok(json(200, aggregatedDiscovery(route.type, agg), { "content-type": AGGREGATED_CONTENT_TYPE.replace("v=v2", `v=${agg}`) }));
        return ok(json(200, route.type === "api" ? legacyApiVersions(req.headers.host ?? "127.0.0.1:8787") : legacyApiGroupList()));
      }
      case "group": {
        const g = legacyApiGroup(route.group);
        if (!g) throw pathNotFound();
        return ok(json(200, g));
      }
      case "groupVersion": {
        const l = legacyResourceList(route.group, route.version);
        if (!l) throw pathNotFound();
        return ok(json(200, l));
      }
      case "openapiRoot":
        return ok(json(200, openapiRoot()));
      case "openapi": {
        const doc = openapiDocument(route.path);
        if (!doc) throw pathNotFound();
        const hash = req.query.get("hash");
        const headers: Record<string, string> = { "content-type": "application/json", etag: `"${doc.hash}"` };
        if (hash && hash === doc.hash) {
          headers["cache-control"] = "public, immutable";
          headers.expires = "Fri, 01 Jan 2100 00:00:00 GMT";
        } else headers["cache-control"] = "no-cache, private";
        return ok({ type: "body", status: 200, headers, body: doc.body });
      }
      case "openapiV2":
        throw pathNotFound();
      case "health":
        return ok({ type: "body", status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: "ok" });
      case "resource":
        return this.resource(route, req);
      default:
        throw pathNotFound();
    }
  }

  private resource(route: ResourceRoute, req: ApiRequest): HandleResult {
    const def = findResource(route.group, route.version, route.resource);
    if (!def) throw pathNotFound();
    if (!def.namespaced && route.namespace !== undefined) throw pathNotFound();
    if (route.subresource) return subresource(this, def, route, req);
    if (isReview(def)) return ok(review(def, req.method.toUpperCase(), req.method.toUpperCase() === "POST" ? decodeObjectBody(req) : undefined));
    const method = req.method.toUpperCase();
    if (method === "GET") return ok(readResource(this.ctx, def, route, req));
    if (method === "POST") {
      if (route.name) throw methodNotSupported(def.resource, "create", def.group);
      if (def.namespaced && route.namespace === undefined) throw pathNotFound();
      this.requireVerb(def, "create");
      const opts = writeOptions(req);
      const r = this.verbs.create(def, route.namespace, decodeObjectBody(req), opts, rawJson(req));
      return this.written(def, 201, r.object, r.warnings, opts, "create");
    }
    if (method === "PUT") {
      if (!route.name) throw methodNotSupported(def.resource, "update", def.group);
      this.requireVerb(def, "update");
      const opts = writeOptions(req);
      const r = this.verbs.update(def, route.namespace, route.name, decodeObjectBody(req), opts, rawJson(req));
      return this.written(def, 200, r.object, r.warnings, opts, r.unchanged ? undefined : "update");
    }
    if (method === "PATCH") {
      if (!route.name) throw methodNotSupported(def.resource, "patch", def.group);
      this.requireVerb(def, "patch");
      return this.patch(def, route, req);
    }
    if (method === "DELETE") {
      if (!route.name) return this.deleteCollection(def, route, req);
      this.requireVerb(def, "delete");
      const opts = deleteOptions(req);
      const { object } = this.verbs.delete(def, route.namespace, route.name, opts);
      const body = RETURNS_DELETED.has(storeResource(def)) ? object
        : successStatus({ name: route.name, kind: def.resource, ...(def.group ? { group: def.group } : {}), uid: object.metadata.uid });
      const dry = !!opts.dryRun?.includes("All");
      return { response: json(200, body), audit: dry ? undefined : audit("delete", def, object) };
    }
    throw methodNotSupported(def.resource, method.toLowerCase(), def.group);
  }

  /** PATCH of the main resource or of a subresource (`status`). */
  patch(def: ResourceDef, route: ResourceRoute, req: ApiRequest, sub?: string): HandleResult {
    const opts = { ...writeOptions(req), subresource: sub, force: parseBool(req.query.get("force")) ?? false, now: this.ctx.now() };
    const live = this.ctx.store.get(storeResource(def), route.namespace, route.name!);
    const mt = mediaType(req);
    const r = patchObject(this.verbs, live, def, route.namespace, route.name!, mt, readText(req), opts);
    const verb = mt === "application/apply-patch+yaml" ? "apply" : "patch";
    return this.written(def, r.created ? 201 : 200, r.object, r.warnings, opts, r.unchanged ? undefined : verb);
  }

  private deleteCollection(def: ResourceDef, route: ResourceRoute, req: ApiRequest): HandleResult {
    this.requireVerb(def, "deletecollection");
    const listed = readResource(this.ctx, def, { ...route }, withoutTable(req), true) as { type: "body"; body: string };
    const items = (JSON.parse(listed.body).items ?? []) as KObject[];
    const opts = deleteOptions(req);
    for (const it of items) {
      try {
        this.verbs.delete(def, it.metadata.namespace, it.metadata.name!, opts);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
    return ok(json(200, { kind: `${def.kind}List`, apiVersion: def.group ? `${def.group}/${def.version}` : def.version, metadata: {}, items }));
  }

  private written(def: ResourceDef, status: number, object: KObject, warnings: string[], opts: WriteOptions,
    verb: AuditRecord["verb"] | undefined): HandleResult {
    const headers: Record<string, string> = {};
    if (warnings.length) headers.warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(", ");
    return { response: json(status, object, headers), audit: opts.dryRun || !verb ? undefined : audit(verb, def, object) };
  }

  private requireVerb(def: ResourceDef, verb: string): void {
    if (!def.verbs.includes(verb)) throw methodNotSupported(def.resource, verb, def.group);
  }

  /** The context (for subresource handlers). */
  get context(): ApiContext {
    return this.ctx;
  }
}

function ok(response: ApiResponse): HandleResult {
  return { response };
}

/** A Status error as a response. */
export function statusResponse(e: ApiError): ApiResponse {
  return json(e.code, e.toStatus());
}

/** Write options from query parameters. */
export function writeOptions(req: ApiRequest): WriteOptions {
  const fv = req.query.get("fieldValidation");
  if (fv && !["Strict", "Warn", "Ignore"].includes(fv)) {
    throw badRequest(`fieldValidation parameter unsupported: ${fv}. Must be one of Ignore, Warn, or Strict`);
  }
  const dry = req.query.getAll("dryRun");
  if (dry.some((d: string) => d !== "All")) throw badRequest(`Invalid dryRun value: ${dry.join(",")}`);
  const ua = req.headers["user-agent"];
  return {
    dryRun: dry.includes("All"),
    fieldManager: req.query.get("fieldManager") ?? (ua ? ua.split("/")[0] : "unknown"),
    fieldValidation: (fv as WriteOptions["fieldValidation"]) ?? "Warn",
  };
}

/** DeleteOptions from the body (kubectl) or the query (other clients). */
export function deleteOptions(req: ApiRequest): DeleteOptions {
  let o: DeleteOptions = {};
  const text = readText(req);
  if (text.trim()) {
    try {
      o = JSON.parse(text) as DeleteOptions;
    } catch {
      throw badRequest("couldn't get version/kind; json parse error: invalid DeleteOptions body");
    }
  }
  const g = req.query.get("gracePeriodSeconds");
  if (g !== null) o.gracePeriodSeconds = Number(g);
  const pp = req.query.get("propagationPolicy");
  if (pp) o.propagationPolicy = pp;
  if (req.query.getAll("dryRun").includes("All")) o.dryRun = ["All"];
  if (o.gracePeriodSeconds !== undefined && !Number.isFinite(o.gracePeriodSeconds)) throw badRequest("invalid gracePeriodSeconds");
  return o;
}

/** The raw JSON text of a JSON body (strict decoding reports duplicate fields from it). */
function rawJson(req: ApiRequest): string | undefined {
  const mt = mediaType(req);
  return mt === "" || mt === "application/json" ? readText(req) : undefined;
}

function withoutTable(req: ApiRequest): ApiRequest {
  return { ...req, headers: { ...req.headers, accept: "application/json" } };
}

function audit(verb: AuditRecord["verb"], def: ResourceDef, obj: KObject): AuditRecord {
  return { verb, kind: def.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "", body: JSON.stringify(obj) };
}

export { notFound };
