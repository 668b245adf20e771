// Strategic merge patch (`application/strategic-merge-patch+json`): the public entry points.
// strategicMergePatch is what the apiserver runs for PATCH (api/patch-verb.ts);
// createThreeWayMergePatch and createTwoWayMergePatch are what kubectl runs to compute the patch
// of `kubectl apply` and `kubectl edit` (used by podlab's in-core kubectl, see kubectl-apply.ts).
// Behaviour follows apimachinery's strategicpatch (v0.32): merge lists by patchMergeKey, sets of
// scalars, atomic lists, `null` deletions, `$patch: delete|replace`, `$setElementOrder/<field>`,
// `$retainKeys`, `$deleteFromPrimitiveList/<field>`. Inputs are never mutated.
import { badPatch } from "./errors";
import { clone, isObject, jsonTypeName, type Json, type JsonObject } from "./json-value";
import { rootCursor, type PatchMeta } from "./patch-meta";
import { removeDirectives } from "./smp-lists";
import { diffMaps } from "./smp-diff";
import { CLIENT_MERGE, mergeMap, SERVER_MERGE } from "./smp-merge";

export { patchMetaFor, PATCH_META } from "./patch-meta-tables";
export type { FieldMeta, PatchMeta, PatchStrategy } from "./patch-meta";

/** The object a patch document must be, or the 400 `json: cannot unmarshal ...` the apiserver answers. */
function patchObject(patch: unknown): JsonObject {
  if (patch === null || patch === undefined) return {};
  if (!isObject(patch)) {
    throw badPatch(`json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`);
  }
  return clone(patch);
}

/** Removes what must never be stored: `$patch` maps and every other `$`-prefixed key. */
export function stripDirectives(v: Json): Json {
  const r = removeDirectives(v);
  const strip = (x: Json): Json => {
    if (Array.isArray(x)) return x.map(strip);
    if (isObject(x)) {
      const out: JsonObject = {};
      for (const [k, y] of Object.entries(x)) if (!k.startsWith("$")) out[k] = strip(y);
      return out;
    }
    return x;
  };
  return r.keep ? strip(r.value) : {};
}

/** Applies a strategic merge patch to `original` (StrategicMergeMapPatch); throws PatchError. */
export function strategicMergePatch<T extends object>(original: T, patch: unknown, schema: PatchMeta): T {
  const p = patchObject(patch);
  const merged = mergeMap(clone(original) as unknown as JsonObject, p, rootCursor(schema), SERVER_MERGE);
  return stripDirectives(merged) as unknown as T;
}

/** kubectl's client-side apply patch: changes current→modified plus deletions original→modified. */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, schema: PatchMeta): JsonObject {
  const o = isObject(original) ? clone(original) : {};
  const m = isObject(modified) ? clone(modified) : {};
  const cur = isObject(current) ? clone(current) : {};
  const c = rootCursor(schema);
  const delta = diffMaps(cur, m, c, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(o, m, c, { ignoreChangesAndAdditions: true, setElementOrder: true });
  return mergeMap(deletions, delta, c, CLIENT_MERGE);
}

/** The patch that turns `original` into `modified` (CreateTwoWayMergePatch, used by kubectl edit/label). */
export function createTwoWayMergePatch(original: unknown, modified: unknown, schema: PatchMeta): JsonObject {
  const o = isObject(original) ? clone(original) : {};
  const m = isObject(modified) ? clone(modified) : {};
  return diffMaps(o, m, rootCursor(schema), { setElementOrder: true });
}
