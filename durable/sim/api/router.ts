// Parses Kubernetes API paths into a route: which group/version/resource/namespace/name/
// subresource a request addresses, or which special endpoint (version, discovery, openapi).

/** A parsed resource path. */
export interface ResourceRoute {
  type: "resource";
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Any route podlab knows. */
export type Route =
  | ResourceRoute
  | { type: "version" }
  | { type: "api" }
  | { type: "apis" }
  | { type: "group"; group: string }
  | { type: "groupVersion"; group: string; version: string }
  | { type: "openapiRoot" }
  | { type: "openapi"; path: string }
  | { type: "openapiV2" }
  | { type: "health"; which: string }
  | { type: "notFound" };

/** Parses a path like `/api/v1/namespaces/default/pods/web/log`. */
export function parsePath(path: string): Route {
  const clean = path.replace(/\/+$/, "") || "/";
  if (clean === "/version") return { type: "version" };
  if (clean === "/api") return { type: "api" };
  if (clean === "/apis") return { type: "apis" };
  if (clean === "/openapi/v3") return { type: "openapiRoot" };
  if (clean.startsWith("/openapi/v3/")) return { type: "openapi", path: clean.slice("/openapi/v3/".length) };
  if (clean === "/openapi/v2" || clean === "/swagger.json") return { type: "openapiV2" };
  if (clean === "/healthz" || clean === "/livez" || clean === "/readyz") return { type: "health", which: clean.slice(1) };
  const parts = clean.split("/").slice(1).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api") {
    if (parts.length === 1) return { type: "api" };
    group = "";
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === "apis") {
    if (parts.length === 2) return { type: "group", group: parts[1] };
    if (parts.length < 3) return { type: "notFound" };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: "notFound" };
  }
  if (rest.length === 0) return { type: "groupVersion", group, version };
  let namespace: string | undefined;
  if (group === "" && rest[0] === "namespaces" && rest.length === 3 && (rest[2] === "status" || rest[2] === "finalize")) {
    return { type: "resource", group, version, resource: "namespaces", name: rest[1], subresource: rest[2] };
  }
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length) return { type: "notFound" };
  if (namespace !== undefined && resource === undefined) return { type: "notFound" };
  return { type: "resource", group, version, resource, namespace, name, subresource };
}
