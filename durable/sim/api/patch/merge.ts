// JSON merge patch (RFC 7386, `application/merge-patch+json`): `kubectl patch --type merge` and
// the PATCH handler (api/patch-verb.ts). Semantics and errors follow evanphx/json-patch v4 as the
// apiserver vendors it: null deletes a member, objects merge recursively, everything else
// (arrays included) is replaced, and nulls inside newly added values are pruned (nulls inside
// arrays stay). createMergePatch is the inverse (jsonpatch.CreateMergePatch). Written by hand:
// the algorithm is a few lines and podlab needs the apiserver's exact edge cases and messages.
import { badPatch } from "./errors";
import { clone, deepEqual, isObject, jsonTypeName, type Json, type JsonObject } from "./json-value";

/** evanphx/json-patch ErrBadJSONPatch: a patch that is `null`. */
export const INVALID_JSON_PATCH = "Invalid JSON Patch";

/** Applies a JSON merge patch to `original`; throws a 400 PatchError for patches that are not objects. */
export function jsonMergePatch<T extends object>(original: T, patch: unknown): T {
  if (patch === null || patch === undefined) throw badPatch(INVALID_JSON_PATCH);
  if (!isObject(patch)) {
    // The apiserver first decodes the patch into a map (fieldValidation Warn/Strict, the default).
    throw badPatch(`error decoding patch: json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`);
  }
  const doc = clone(original) as unknown as JsonObject;
  return mergeDocs(isObject(doc) ? doc : {}, clone(patch)) as unknown as T;
}

/** mergeDocs: applies the members of `patch` to `doc` (mutating the copy). */
function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = doc[k];
    if (!Object.prototype.hasOwnProperty.call(doc, k) || cur === null) doc[k] = pruneNulls(v);
    else doc[k] = merge(cur, v);
  }
  return doc;
}

/** merge: objects merge; a non-object current value is replaced by the pruned patch value. */
function merge(cur: Json, patch: Json): Json {
  if (!isObject(cur)) return pruneNulls(patch);
  if (!isObject(patch)) return patch;
  return mergeDocs(cur, patch);
}

/** pruneNulls: drops null members of objects, recursively through arrays (null elements stay). */
function pruneNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map((x) => (x === null ? x : pruneNulls(x)));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
    return out;
  }
  return v;
}

/** The merge patch that turns `original` into `modified` (nulls for removed members, whole arrays). */
export function createMergePatch(original: unknown, modified: unknown): JsonObject {
  if (!isObject(original) || !isObject(modified)) {
    throw badPatch(`json: cannot unmarshal ${jsonTypeName(isObject(original) ? modified : original)} into Go value of type map[string]interface {}`);
  }
  return diff(original, modified);
}

function diff(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, bv] of Object.entries(b)) {
    if (!Object.prototype.hasOwnProperty.call(a, k)) {
      out[k] = clone(bv);
      continue;
    }
    const av = a[k];
    if (isObject(av) && isObject(bv)) {
      const sub = diff(av, bv);
      if (Object.keys(sub).length) out[k] = sub;
    } else if (!deepEqual(av, bv)) {
      out[k] = clone(bv);
    }
  }
  for (const k of Object.keys(a)) if (!Object.prototype.hasOwnProperty.call(b, k)) out[k] = null;
  return out;
}
