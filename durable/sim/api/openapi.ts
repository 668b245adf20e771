// The OpenAPI v3 documents podlab serves at /openapi/v3 and /openapi/v3/<group-version>: built
// from the schemas in schema/k8s and the resource table in registry.ts, memoized (they are static).
// kubectl explain renders them; apply/create/replace find the PATCH operation's fieldValidation
// parameter there. No operation has a requestBody, so kubectl keeps its compiled-in strategic
// merge rules (spec §B7). The server adds the caching headers.
import { componentsFor, type JsonSchema } from "../../../schema/k8s/openapi-schema";
import { typeByName, typeForKind, type NamedType } from "../../../schema/k8s/introspect";
import type { GroupVersionKind } from "../../../schema/k8s/primitives";
import { sha512Hex } from "../../../schema/k8s/sha512";
import { RESOURCES, type ResourceDef } from "./registry";

/** Kubernetes version the documents claim. */
const VERSION = "v1.32.0";
const META = "io.k8s.apimachinery.pkg.apis.meta.v1";
const REF = "#/components/schemas/";

const q = (name: string, type = "string"): JsonSchema => ({ in: "query", name, schema: { type, uniqueItems: true } });
const PRETTY = q("pretty");
const PARAMS: Record<string, JsonSchema[]> = {
  get: [PRETTY],
  list: [q("allowWatchBookmarks", "boolean"), q("continue"), q("fieldSelector"), q("labelSelector"), q("limit", "integer"), PRETTY,
    q("resourceVersion"), q("resourceVersionMatch"), q("sendInitialEvents", "boolean"), q("timeoutSeconds", "integer"), q("watch", "boolean")],
  create: [q("dryRun"), q("fieldManager"), q("fieldValidation"), PRETTY],
  update: [q("dryRun"), q("fieldManager"), q("fieldValidation"), PRETTY],
  patch: [q("dryRun"), q("fieldManager"), q("fieldValidation"), q("force", "boolean"), PRETTY],
  delete: [q("dryRun"), q("gracePeriodSeconds", "integer"), q("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean"),
    q("orphanDependents", "boolean"), PRETTY, q("propagationPolicy")],
  log: [q("container"), q("follow", "boolean"), q("insecureSkipTLSVerifyBackend", "boolean"), q("limitBytes", "integer"), PRETTY,
    q("previous", "boolean"), q("sinceSeconds", "integer"), q("stream"), q("tailLines", "integer"), q("timestamps", "boolean")],
  connect: [q("command"), q("container"), q("stderr", "boolean"), q("stdin", "boolean"), q("stdout", "boolean"), q("tty", "boolean")],
};
PARAMS.deletecollection = [...PARAMS.list, ...PARAMS.delete.filter((p) => p !== PRETTY)];

/** `api/v1` or `apis/<group>/<version>`: the key of a group-version in the root document. */
function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** `CoreV1`, `CoordinationV1`, `MetricsV1beta1`: the middle of upstream operationIds. */
function gvCamel(group: string, version: string): string {
  const g = group ? group.split(".")[0] : "core";
  return g[0].toUpperCase() + g.slice(1) + version[0].toUpperCase() + version.slice(1);
}

const json = (schema: JsonSchema) => ({ content: { "application/json": { schema } }, description: "OK" });
const ref = (name: string) => ({ $ref: REF + name });

/** One operation in upstream's shape (minus requestBody, see the file comment). */
function op(action: string, params: string, opId: string, gvk: GroupVersionKind, response: JsonSchema, extra: Record<string, unknown> = {}) {
  return {
    operationId: opId,
    parameters: PARAMS[params],
    responses: { "200": json(response), "401": { description: "Unauthorized" }, ...extra },
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": { group: gvk.group, kind: gvk.kind, version: gvk.version },
  };
}

/** Path-level parameters for `{namespace}` and `{name}`. */
function pathParams(def: ResourceDef, withName: boolean): JsonSchema[] {
  const out: JsonSchema[] = [];
  if (withName) out.push({ description: `name of the ${def.kind}`, in: "path", name: "name", required: true, schema: { type: "string", uniqueItems: true } });
  if (def.namespaced) out.push({ description: "object name and auth scope, such as for teams and projects", in: "path", name: "namespace", required: true, schema: { type: "string", uniqueItems: true } });
  return out;
}

/** The path items of one resource (collection, item, all-namespaces list, subresources). */
function resourcePaths(def: ResourceDef): Record<string, JsonSchema> {
  const base = `/${gvPath(def.group, def.version)}`;
  const coll = def.namespaced ? `${base}/namespaces/{namespace}/${def.resource}` : `${base}/${def.resource}`;
  const gvk = { group: def.group, version: def.version, kind: def.kind };
  const id = (verb: string, suffix = "") => `${verb}${gvCamel(def.group, def.version)}${def.namespaced ? "Namespaced" : ""}${def.kind}${suffix}`;
  const has = (verb: string) => def.verbs.includes(verb);
  const kindRef = ref(typeForKind(def.kind, def.group)?.name ?? `${META}.Status`);
  const listType = typeForKind(`${def.kind}List`, def.group);
  const listRef = listType ? ref(listType.name) : kindRef;
  const status = ref(`${META}.Status`);
  const paths: Record<string, JsonSchema> = {};

  const collection: JsonSchema = {};
  if (has("list")) collection.get = op("list", "list", id("list"), gvk, listRef);
  if (has("create")) collection.post = op("post", "create", id("create"), gvk, kindRef, { "201": json(kindRef), "202": json(kindRef) });
  if (has("deletecollection")) collection.delete = op("deletecollection", "deletecollection", `delete${gvCamel(def.group, def.version)}Collection${def.namespaced ? "Namespaced" : ""}${def.kind}`, gvk, status);
  if (Object.keys(collection).length) paths[coll] = { ...collection, parameters: pathParams(def, false) };

  const item: JsonSchema = {};
  if (has("get")) item.get = op("get", "get", id("read"), gvk, kindRef);
  if (has("update")) item.put = op("put", "update", id("replace"), gvk, kindRef, { "201": json(kindRef) });
  if (has("patch")) item.patch = op("patch", "patch", id("patch"), gvk, kindRef, { "201": json(kindRef) });
  if (has("delete")) item.delete = op("delete", "delete", id("delete"), gvk, kindRef, { "202": json(kindRef) });
  if (Object.keys(item).length) paths[`${coll}/{name}`] = { ...item, parameters: pathParams(def, true) };

  if (def.namespaced && has("list")) {
    paths[`${base}/${def.resource}`] = { get: op("list", "list", `list${gvCamel(def.group, def.version)}${def.kind}ForAllNamespaces`, gvk, listRef) };
  }
  for (const sub of def.subresources ?? []) {
    const sgvk = { group: sub.group ?? def.group, version: sub.version ?? def.version, kind: sub.kind };
    const sname = sub.name[0].toUpperCase() + sub.name.slice(1);
    const sref = ref(typeForKind(sub.kind, sgvk.group)?.name ?? `${META}.Status`);
    const it: JsonSchema = {};
    if (sub.name === "log") it.get = op("get", "log", id("read", "Log"), sgvk, { type: "string" });
    else if (sub.name === "exec" || sub.name === "attach" || sub.name === "portforward") {
      it.get = op("connect", "connect", id("connectGet", sname), sgvk, { type: "string" });
      it.post = op("connect", "connect", id("connectPost", sname), sgvk, { type: "string" });
    } else {
      if (sub.verbs.includes("get")) it.get = op("get", "get", id("read", sname), sgvk, sref);
      if (sub.verbs.includes("update")) it.put = op("put", "update", id("replace", sname), sgvk, sref, { "201": json(sref) });
      if (sub.verbs.includes("patch")) it.patch = op("patch", "patch", id("patch", sname), sgvk, sref, { "201": json(sref) });
      if (sub.verbs.includes("create")) it.post = op("post", "create", id("create", sname), sgvk, sref, { "201": json(sref), "202": json(sref) });
    }
    if (Object.keys(it).length) paths[`${coll}/{name}/${sub.name}`] = { ...it, parameters: pathParams(def, true) };
  }
  return paths;
}

/** Every group-version podlab serves, in registry order, with its resources. */
function groupVersions(): Map<string, ResourceDef[]> {
  const out = new Map<string, ResourceDef[]>();
  for (const def of RESOURCES) {
    const key = gvPath(def.group, def.version);
    out.set(key, [...(out.get(key) ?? []), def]);
  }
  return out;
}

/** Builds the document of one group-version. */
function buildDocument(defs: ResourceDef[]): JsonSchema {
  const roots: NamedType[] = [];
  const add = (t: NamedType | undefined) => t && !roots.includes(t) && roots.push(t);
  for (const def of defs) {
    add(typeForKind(def.kind, def.group));
    add(typeForKind(`${def.kind}List`, def.group));
    for (const sub of def.subresources ?? []) add(typeForKind(sub.kind, sub.group ?? def.group));
  }
  for (const n of ["DeleteOptions", "Status", "WatchEvent"]) add(typeByName(`${META}.${n}`));
  const served = [...new Map(RESOURCES.map((d) => [gvPath(d.group, d.version), d])).values()];
  const perGV = (kind: string): GroupVersionKind[] => served.map((d) => ({ group: d.group, kind, version: d.version }));
  const overrides = new Map([[`${META}.DeleteOptions`, perGV("DeleteOptions")], [`${META}.WatchEvent`, perGV("WatchEvent")],
    [`${META}.Status`, [{ group: "", kind: "Status", version: "v1" }]]]);
  const paths: Record<string, JsonSchema> = {};
  for (const def of defs) Object.assign(paths, resourcePaths(def));
  const sorted = Object.fromEntries(Object.keys(paths).sort().map((k) => [k, paths[k]]));
  return { components: { schemas: componentsFor(roots, overrides) }, info: { title: "Kubernetes", version: VERSION }, openapi: "3.0.0", paths: sorted };
}

const docs = new Map<string, { body: string; hash: string }>();

/** The document at /openapi/v3/<groupVersionPath> (`api/v1`, `apis/coordination.k8s.io/v1`), or undefined. */
export function openapiDocument(groupVersionPath: string): { body: string; hash: string } | undefined {
  const key = groupVersionPath.replace(/^\/+|\/+$/g, "");
  const hit = docs.get(key);
  if (hit) return hit;
  const defs = groupVersions().get(key);
  if (!defs) return undefined;
  const body = JSON.stringify(buildDocument(defs));
  const doc = { body, hash: sha512Hex(body) };
  docs.set(key, doc);
  return doc;
}

/** The root document at /openapi/v3: one serverRelativeURL per group-version, with its content hash. */
export function openapiRoot(): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of groupVersions().keys()) {
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${openapiDocument(key)!.hash}` };
  }
  return { paths };
}
