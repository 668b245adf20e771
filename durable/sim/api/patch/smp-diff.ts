// Computing strategic merge patches: a port of diffMaps / diffLists from apimachinery's
// strategicpatch, the half kubectl runs on the client. Used by createTwoWayMergePatch and
// createThreeWayMergePatch in strategic.ts (and so by podlab's in-core `kubectl apply`).
// DiffOptions select which changes a diff keeps: the three-way patch is the additions/changes of
// current→modified plus the deletions of original→modified.
import { deepEqual, goKind, isObject, type Json, type JsonObject } from "./json-value";
import { childCursor, elemCursor, fieldMeta, splitStrategy, type MetaCursor } from "./patch-meta";
import { errText } from "./smp-errors";
import {
  DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE, deduplicateScalars, mergeKeyValue, mergeKeyValueEqual, normalizeSliceOrder,
  RETAIN_KEYS, SET_ELEMENT_ORDER, sliceElementKind, sortMapsByField, sortScalars, vstr,
} from "./smp-lists";

/** What a diff keeps. */
export interface DiffOptions {
  /** Emit `$setElementOrder/<field>` lists. */
  setElementOrder?: boolean;
  /** Drop additions and changes (the deletions half of a three-way patch). */
  ignoreChangesAndAdditions?: boolean;
  /** Drop deletions (the delta half of a three-way patch). */
  ignoreDeletions?: boolean;
  /** Emit `$retainKeys` for the maps at this level (fields with the retainKeys strategy). */
  buildRetainKeysDirective?: boolean;
}

/** diffMaps: the strategic merge patch that turns `original` into `modified`. */
export function diffMaps(original: JsonObject, modified: JsonObject, c: MetaCursor, opts: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: Json[] = [];
  for (const key of Object.keys(modified)) {
    const modV = modified[key];
    if (opts.buildRetainKeysDirective && modV !== null) retainKeys.push(key);
    if (!Object.prototype.hasOwnProperty.call(original, key)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modV;
      continue;
    }
    const origV = original[key];
    if (key === DIRECTIVE) {
      if (typeof origV !== "string" || typeof modV !== "string") throw errText(`invalid value for special key: ${DIRECTIVE}`);
      if (origV !== modV) patch[DIRECTIVE] = modV;
      continue;
    }
    if (goKind(origV) !== goKind(modV)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modV;
      continue;
    }
    if (isObject(origV)) handleMapDiff(key, origV, modV as JsonObject, patch, c, opts);
    else if (Array.isArray(origV)) handleSliceDiff(key, origV, modV as Json[], patch, c, opts);
    else replaceIfNotEqual(key, origV, modV, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.prototype.hasOwnProperty.call(modified, key)) patch[key] = null;
  }
  if (retainKeys.length && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

/** handleMapDiff: recurse, unless the field's strategy replaces the whole map. */
function handleMapDiff(key: string, orig: JsonObject, mod: JsonObject, patch: JsonObject, c: MetaCursor, opts: DiffOptions): void {
  const fc = childCursor(c, key);
  const { retainKeys, strategy } = splitStrategy(fieldMeta(fc));
  if (strategy === "replace") {
    if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
    return;
  }
  const sub = diffMaps(orig, mod, fc, { ...opts, buildRetainKeysDirective: retainKeys });
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

/** handleSliceDiff: merge lists diff element-wise into parallel lists; others are replaced if changed. */
function handleSliceDiff(key: string, orig: Json[], mod: Json[], patch: JsonObject, c: MetaCursor, opts: DiffOptions): void {
  const fc = childCursor(c, key);
  const meta = fieldMeta(fc);
  const { retainKeys, strategy } = splitStrategy(meta);
  if (strategy !== "merge") {
    replaceIfNotEqual(key, orig, mod, patch, opts);
    return;
  }
  const r = diffLists(orig, mod, fc, meta.mergeKey ?? "", { ...opts, buildRetainKeysDirective: retainKeys });
  if (r.patch.length) patch[key] = r.patch;
  if (r.deletions.length) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = r.deletions;
  if (r.order.length) patch[`${SET_ELEMENT_ORDER}/${key}`] = r.order;
}

/** replacePatchFieldIfNotEqual */
function replaceIfNotEqual(key: string, orig: Json, mod: Json, patch: JsonObject, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions || deepEqual(orig, mod)) return;
  patch[key] = mod;
}

/** hasAdditionalNewField: `original` has a non-null key that `modified` lacks. */
function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !Object.prototype.hasOwnProperty.call(modified, k));
}

interface ListDiff {
  patch: Json[];
  deletions: Json[];
  order: Json[];
}

/** diffLists: patch list, parallel deletion list (scalars) and `$setElementOrder` list of a merge list. */
function diffLists(original: Json[], modified: Json[], fc: MetaCursor, mergeKey: string, opts: DiffOptions): ListDiff {
  if (!original.length) {
    if (!modified.length || opts.ignoreChangesAndAdditions) return { patch: [], deletions: [], order: [] };
    return { patch: modified, deletions: [], order: [] };
  }
  const kind = sliceElementKind(original, modified);
  if (kind === "map") {
    const r = diffListsOfMaps(original, modified, elemCursor(fc), mergeKey, opts);
    const patch = [...normalizeSliceOrder(r.patch, modified, mergeKey, kind), ...r.deletions];
    const orderSame = isOrderSame(original, modified, mergeKey);
    const wantOrder = opts.setElementOrder &&
      ((!opts.ignoreChangesAndAdditions && (patch.length > 0 || !orderSame)) || (!opts.ignoreDeletions && patch.length > 0));
    const order = wantOrder ? modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] })) : [];
    return { patch, deletions: [], order };
  }
  const r = diffListsOfScalars(original, modified, opts);
  const patch = normalizeSliceOrder(r.patch, modified, mergeKey, kind);
  const wantOrder = opts.setElementOrder &&
    ((!opts.ignoreDeletions && r.deletions.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)));
  return { patch, deletions: r.deletions, order: wantOrder ? modified : [] };
}

/** isOrderSame: same length and the same merge keys position by position. */
function isOrderSame(original: Json[], modified: Json[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey));
}

/** diffListsOfScalars: additions and deletions of two lists of scalars compared as sorted `%v` texts. */
function diffListsOfScalars(original: Json[], modified: Json[], opts: DiffOptions): { patch: Json[]; deletions: Json[] } {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const patch: Json[] = [];
  const deletions: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? vstr(o[i]) : undefined;
    const ms = j < m.length ? vstr(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push(o[i]);
      i++;
    }
  }
  return { patch, deletions: deduplicateScalars(deletions) };
}

/** diffListsOfMaps: element patches (recursive) and `$patch: delete` directives, walking both lists by merge key. */
function diffListsOfMaps(original: Json[], modified: Json[], ec: MetaCursor, mergeKey: string, opts: DiffOptions):
  { patch: Json[]; deletions: Json[] } {
  for (const v of [...original, ...modified]) mergeKeyValue(v, mergeKey);
  const o = sortMapsByField(original, mergeKey);
  const m = sortMapsByField(modified, mergeKey);
  const patch: Json[] = [];
  const deletions: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oe = o[i] as JsonObject | undefined;
    const me = m[j] as JsonObject | undefined;
    const os = oe ? vstr(oe[mergeKey]) : undefined;
    const ms = me ? vstr(me[mergeKey]) : undefined;
    if (oe && me && os === ms) {
      const sub = diffMaps(oe, me, ec, opts);
      if (Object.keys(sub).length > 0) {
        sub[mergeKey] = me[mergeKey];
        patch.push(sub);
      }
      i++;
      j++;
    } else if (!oe || (me && os! > ms!)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(me!);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: oe[mergeKey], [DIRECTIVE]: "delete" });
      i++;
    }
  }
  return { patch, deletions };
}
