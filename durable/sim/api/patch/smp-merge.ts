// Applying a strategic merge patch: a port of mergeMap / mergeSlice / mergePatchIntoOriginal
// from apimachinery's strategicpatch, on plain JSON. The functions work in place on copies the
// public entry points (strategic.ts) make, exactly as the Go code mutates its decoded maps.
// MergeOptions select the two modes upstream has: applying a patch on the server
// (mergeParallelList, ignoreUnmatchedNulls) and merging the two halves of kubectl's three-way
// patch on the client (neither).
import { MergePatchErrors } from "./errors";
import { deepEqual, goFormat, goKind, isObject, type Json, type JsonObject } from "./json-value";
import { childCursor, elemCursor, fieldMeta, splitStrategy, type MetaCursor } from "./patch-meta";
import { errBadArgType, errBadPatchType, errNoMergeKey, errText } from "./smp-errors";
import {
  anyElements, DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE, deduplicateScalars, discardNulls, extractKey,
  extractToDeleteItems, findMapByKey, mergeKeyValueEqual, normalizeElementOrder, partitionByPresence,
  removeDirectives, RETAIN_KEYS, SET_ELEMENT_ORDER, sliceElementKind, type ElemKind,
} from "./smp-lists";

/** The two ways upstream merges. */
export interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList` / `$setElementOrder` (server) instead of keeping them (client). */
  mergeParallelList: boolean;
  /** Drop nulls that match nothing (server) instead of keeping them as deletions (client). */
  ignoreUnmatchedNulls: boolean;
}

/** Server-side options (StrategicMergeMapPatch). */
export const SERVER_MERGE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };
/** Client-side options (the deletions + delta merge of CreateThreeWayMergePatch). */
export const CLIENT_MERGE: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };

/** Keys in a deterministic order: Go ranges maps randomly; `$` directives sort first. */
const keysOf = (o: JsonObject): string[] => Object.keys(o).sort();

/** mergeMap: merges `patch` into `original` (both mutated) and returns the result. */
export function mergeMap(original: JsonObject | null, patch: JsonObject, c: MetaCursor, opts: MergeOptions): JsonObject {
  if (Object.prototype.hasOwnProperty.call(patch, DIRECTIVE)) return handleDirectiveInMergeMap(patch[DIRECTIVE], patch);
  const orig: JsonObject = original ?? {};
  applyRetainKeysDirective(orig, patch, opts);
  mergePatchIntoOriginal(orig, patch, c, opts);
  for (const rawKey of keysOf(patch)) {
    const patchV = patch[rawKey];
    let k = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!opts.mergeParallelList) {
        orig[rawKey] = patchV;
        continue;
      }
      k = extractKey(rawKey, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete orig[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    if (!Object.prototype.hasOwnProperty.call(orig, k) || goKind(orig[k]) !== goKind(patchV)) {
      if (!isDeleteList) takePatchValue(orig, k, patchV, opts);
      continue;
    }
    const fc = childCursor(c, k);
    const { strategy } = splitStrategy(fieldMeta(fc));
    const cur = orig[k];
    if (isObject(cur)) {
      orig[k] = strategy === "replace" ? (patchV as JsonObject) : mergeMap(cur, patchV as JsonObject, fc, opts);
    } else if (Array.isArray(cur)) {
      orig[k] = mergeSliceHandler(cur, patchV, fc, isDeleteList, opts);
    } else {
      takePatchValue(orig, k, patchV, opts);
    }
  }
  return orig;
}

/** A patch value that replaces (or adds) a field, cleaned of nulls and directives as upstream. */
function takePatchValue(orig: JsonObject, k: string, patchV: Json, opts: MergeOptions): void {
  const v = opts.ignoreUnmatchedNulls ? discardNulls(patchV) : patchV;
  const r = removeDirectives(v);
  if (r.keep) orig[k] = r.value;
  else delete orig[k];
}

/** handleDirectiveInMergeMap: `$patch: replace` keeps the patch map alone, `$patch: delete` empties it. */
function handleDirectiveInMergeMap(directive: Json, patch: JsonObject): JsonObject {
  if (directive === "replace") {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === "delete") return {};
  throw errBadPatchType(directive, patch);
}

/** applyRetainKeysDirective: keeps only the listed keys of `original` (server), or carries the list (client). */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, opts: MergeOptions): void {
  if (!Object.prototype.hasOwnProperty.call(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!opts.mergeParallelList) {
    if (Object.prototype.hasOwnProperty.call(original, RETAIN_KEYS)) {
      if (!deepEqual(original[RETAIN_KEYS], retain)) {
        throw errText(`${goFormat(original[RETAIN_KEYS])} and ${goFormat(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
      }
    } else {
      original[RETAIN_KEYS] = retain;
    }
    return;
  }
  if (!Array.isArray(retain)) throw errText(MergePatchErrors.badPatchFormatForRetainKeys);
  const keep = new Set<Json>(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw errText(MergePatchErrors.patchContentNotMatchRetainKeys);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** mergePatchIntoOriginal: merges every list named by a `$setElementOrder/<field>` and orders it. */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, c: MetaCursor, opts: MergeOptions): void {
  for (const key of keysOf(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!opts.mergeParallelList) {
      if (Object.prototype.hasOwnProperty.call(original, key)) {
        if (!deepEqual(original[key], order)) throw errText(MergePatchErrors.badPatchFormatForSetElementOrderList);
      } else {
        original[key] = order;
      }
    }
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType("slice", order);
    const field = extractKey(key, SET_ELEMENT_ORDER);
    const hasOrig = Object.prototype.hasOwnProperty.call(original, field);
    const hasPatch = Object.prototype.hasOwnProperty.call(patch, field);
    const origList = original[field];
    const patchList = patch[field];
    if (hasOrig && !Array.isArray(origList)) throw errBadArgType("slice", origList);
    if (hasPatch && !Array.isArray(patchList)) throw errBadArgType("slice", patchList);
    const fc = childCursor(c, field);
    const mergeKey = fieldMeta(fc).mergeKey ?? "";
    const o = hasOrig ? (origList as Json[]) : undefined;
    const p = hasPatch ? (patchList as Json[]) : undefined;
    validatePatchWithSetOrderList(p ?? [], order, mergeKey);
    let merged: Json[];
    if (o && !p) merged = o;
    else if (!o && p) merged = p;
    else if (o && p) merged = mergeSliceHandler(o, p, fc, false, opts);
    else continue;
    if (!anyElements(o, p)) {
      original[field] = merged;
      delete patch[field];
      continue;
    }
    const { inBy, rest } = partitionByPresence(merged, order, mergeKey);
    const kind: ElemKind = sliceElementKind(o, p);
    original[field] = normalizeElementOrder(inBy, rest, order, o ?? [], mergeKey, kind);
    delete patch[field];
  }
}

/** validatePatchWithSetOrderList: patch items must appear in `$setElementOrder` in the same order. */
function validatePatchWithSetOrderList(patchList: Json[], order: Json[], mergeKey: string): void {
  if (!order.length || !patchList.length) return;
  const items = mergeKey ? extractToDeleteItems(patchList).keep : patchList;
  let pi = 0;
  let oi = 0;
  while (pi < items.length && oi < order.length) {
    if (isObject(items[pi]) && Object.prototype.hasOwnProperty.call(items[pi], DIRECTIVE)) {
      pi++;
      continue;
    }
    if (mergeKeyValueEqual(items[pi], order[oi], mergeKey)) pi++;
    oi++;
  }
  if (pi < items.length && oi >= order.length) {
    throw errText(`The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goFormat(order)}\n`);
  }
}

/** mergeSliceHandler: merge lists (and delete lists) merge; every other list is replaced. */
function mergeSliceHandler(original: Json[], patch: Json, fc: MetaCursor, isDeleteList: boolean, opts: MergeOptions): Json[] {
  if (!Array.isArray(patch)) throw errBadArgType("slice", patch);
  const meta = fieldMeta(fc);
  if (splitStrategy(meta).strategy === "merge" || isDeleteList) {
    return mergeSlice(original, patch, fc, meta.mergeKey ?? "", isDeleteList, opts);
  }
  return patch;
}

/** mergeSlice: sets of scalars union (or subtract), lists of maps merge element-wise on the merge key. */
function mergeSlice(original: Json[], patch: Json[], fc: MetaCursor, mergeKey: string, isDeleteList: boolean,
  opts: MergeOptions): Json[] {
  if (!original.length && !patch.length) return original;
  const kind = sliceElementKind(original, patch);
  let orig = original;
  let p: Json[] = patch;
  let merged: Json[];
  if (kind !== "map") {
    if (opts.mergeParallelList && isDeleteList) return original.filter((v) => !patch.some((d) => d === v));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw errText(`cannot merge lists without merge key for ${fc.path}`);
    ({ original: orig, patch: p } = mergeSliceWithSpecialElements(original, patch, mergeKey));
    merged = mergeSliceWithoutSpecialElements([...orig], p, mergeKey, elemCursor(fc), opts);
  }
  const { inBy, rest } = partitionByPresence(merged, p, kind === "map" ? mergeKey : "");
  return normalizeElementOrder(inBy, rest, p, orig, kind === "map" ? mergeKey : "", kind);
}

/** mergeSliceWithSpecialElements: applies `$patch: delete` / `replace` elements of the patch. */
function mergeSliceWithSpecialElements(original: Json[], patch: Json[], mergeKey: string): { original: Json[]; patch: Json[] } {
  const plain: Json[] = [];
  let replace = false;
  let orig = original;
  for (const v of patch) {
    const m = v as JsonObject;
    if (!Object.prototype.hasOwnProperty.call(m, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const directive = m[DIRECTIVE];
    if (directive === "delete") {
      if (!Object.prototype.hasOwnProperty.call(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      const target = m[mergeKey];
      while (findMapByKey(orig, mergeKey, target)) orig = orig.filter((x) => (x as JsonObject)[mergeKey] !== target);
    } else if (directive === "replace") {
      replace = true;
    } else if (directive === "merge") {
      throw errText("merging lists cannot yet be specified in the patch");
    } else {
      throw errBadPatchType(directive, m);
    }
  }
  return replace ? { original: plain, patch: [] } : { original: orig, patch: plain };
}

/** mergeSliceWithoutSpecialElements: merges each patch element into its match, or appends it. */
function mergeSliceWithoutSpecialElements(original: Json[], patch: Json[], mergeKey: string, ec: MetaCursor,
  opts: MergeOptions): Json[] {
  for (const v of patch) {
    const m = v as JsonObject;
    if (!Object.prototype.hasOwnProperty.call(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const found = findMapByKey(original, mergeKey, m[mergeKey]);
    if (found) original[found.index] = mergeMap(found.map, m, ec, opts);
    else original.push(v);
  }
  return original;
}
