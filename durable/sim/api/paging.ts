// List chunking (`?limit=N&continue=TOKEN`) as the apiserver's etcd3 store does it: a page of at
// most `limit` objects in key order, a continue token (base64url JSON {"v","rv","start"}) naming
// the key after the last object returned and the resourceVersion of the first page, and
// remainingItemCount when no selector filtered the list. kubectl sends limit=500 and follows
// continue tokens by itself; notebooks page with the Python client's `limit=`/`_continue=`.
// podlab keeps no MVCC snapshots: later pages list the current objects after the start key
// (what a compacted etcd answers too), under the first page's resourceVersion.
import type { KObject } from "../store/types";
import { decodeBase64Url, encodeBase64Url } from "../core/base64url";
import { badRequest } from "./status";

/** Metadata of a (possibly partial) list, in ListMeta field order. */
export interface PageMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** The key of an object relative to the list's prefix (namespace/name across namespaces). */
function relativeKey(o: KObject, acrossNamespaces: boolean): string {
  return acrossNamespaces && o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : String(o.metadata.name);
}

function invalidToken(why: string): never {
  throw badRequest(`invalid continue token: continue key is not valid: ${why}`);
}

/** Decodes a continue token into its start key and resourceVersion (400 like upstream otherwise). */
export function decodeContinue(token: string): { start: string; rv: number } {
  let text: string;
  try {
    text = decodeBase64Url(token);
  } catch (e) {
    invalidToken((e as Error).message);
  }
  let c: unknown;
  try {
    c = JSON.parse(text);
  } catch {
    invalidToken(`invalid character ${JSON.stringify(text.trim()[0] ?? "")} looking for beginning of value`);
  }
  const t = (c && typeof c === "object" ? c : {}) as { v?: unknown; rv?: unknown; start?: unknown };
  if (t.v !== "meta.k8s.io/v1") invalidToken(`server does not recognize this encoded version "${typeof t.v === "string" ? t.v : ""}"`);
  const rv = typeof t.rv === "number" && Number.isInteger(t.rv) ? t.rv : 0;
  if (rv === 0) invalidToken("incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  const start = typeof t.start === "string" ? t.start : "";
  if (!start) invalidToken("encoded start key empty (version meta.k8s.io/v1)");
  if (start.split("/").includes("..")) invalidToken("path traversal attempt detected");
  return { start: start.endsWith("\u0000") ? start.slice(0, -1) : start, rv };
}

/** Encodes the token for a page that ended at `lastKey`. */
export function encodeContinue(lastKey: string, rv: number): string {
  return encodeBase64Url(JSON.stringify({ v: "meta.k8s.io/v1", rv, start: `${lastKey}\u0000` }));
}

/**
 * One page of the objects of `all` that `matches` (in key order) for the request's limit and
 * continue; remainingItemCount only when no label or field selector was given.
 */
export function paginate(query: URLSearchParams, all: KObject[], matches: (o: KObject) => boolean, currentRv: number,
  acrossNamespaces: boolean): { items: KObject[]; meta: PageMeta } {
  const cont = query.get("continue") ?? "";
  const limitText = query.get("limit");
  const limit = limitText && /^-?\d+$/.test(limitText) ? Number(limitText) : 0;
  const filtered = !!(query.get("labelSelector") || query.get("fieldSelector"));
  let rv = currentRv;
  const keyed = all.map((o) => ({ o, k: relativeKey(o, acrossNamespaces) }));
  if (limit > 0 || cont) keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)); // etcd's byte order of keys
  let rest = keyed;
  if (cont) {
    const rvParam = query.get("resourceVersion");
    if (rvParam) throw badRequest("specifying resource version is not allowed when using continue");
    const t = decodeContinue(cont);
    rv = t.rv;
    rest = keyed.filter((x) => x.k > t.start);
  }
  const matching = rest.filter((x) => matches(x.o));
  if (limit <= 0 || matching.length <= limit) return { items: matching.map((x) => x.o), meta: { resourceVersion: String(rv) } };
  const page = matching.slice(0, limit);
  const meta: PageMeta = { resourceVersion: String(rv), continue: encodeContinue(page[page.length - 1].k, rv) };
  if (!filtered) meta.remainingItemCount = matching.length - limit;
  return { items: page.map((x) => x.o), meta };
}
