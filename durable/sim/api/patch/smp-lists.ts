// List machinery shared by strategic merge (smp-merge.ts) and the three-way diff (smp-diff.ts):
// element kinds, merge-key lookups, deduplication and the order rules of
// preserve-order-in-strategic-merge-patch ($setElementOrder > patch order > live order).
// A port of the helpers in apimachinery's strategicpatch/patch.go, on plain JSON arrays.
import { MergePatchErrors } from "./errors";
import { compareStrings, goFormat, isObject, type Json, type JsonObject } from "./json-value";
import { errBadArgType, errNoMergeKey, errText } from "./smp-errors";

/** `{"$patch": "delete" | "replace"}` in a map or list element. */
export const DIRECTIVE = "$patch";
/** `"$retainKeys": [...]`: the keys of a retainKeys-strategy map to keep. */
export const RETAIN_KEYS = "$retainKeys";
/** `"$deleteFromPrimitiveList/<field>": [...]`: entries to drop from a set of scalars. */
export const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
/** `"$setElementOrder/<field>": [...]`: the final order of a merge list. */
export const SET_ELEMENT_ORDER = "$setElementOrder";

/** Element kind of a list, as reflect.Kind distinguishes them. */
export type ElemKind = "map" | "scalar";

/** sliceElementType: the one element kind of the given lists (errors on mixed kinds and lists of lists). */
export function sliceElementKind(...lists: (Json[] | undefined)[]): ElemKind {
  let prev: string | undefined;
  for (const l of lists) {
    for (const v of l ?? []) {
      const cur = Array.isArray(v) ? "slice" : isObject(v) ? "map" : v === null ? "nil" : typeof v;
      if (prev === undefined) {
        prev = cur;
        if (cur === "slice") throw errText(MergePatchErrors.noListOfLists);
      } else if (prev !== cur) {
        throw errText(`list element types are not identical: ${goFormat(lists.map((x) => x ?? []))}`);
      }
    }
  }
  if (prev === undefined) throw errText("no elements in any of the given slices");
  return prev === "map" ? "map" : "scalar";
}

/** True when some list has at least one element. */
export function anyElements(...lists: (Json[] | undefined)[]): boolean {
  return lists.some((l) => (l?.length ?? 0) > 0);
}

/** fmt.Sprintf("%v", v): how strategicpatch compares and sorts merge-key values and scalars. */
export function vstr(v: unknown): string {
  return goFormat(v);
}

/** deduplicateScalars, including its habit of moving the last element into a duplicate's slot. */
export function deduplicateScalars(input: Json[]): Json[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** sortScalars: by their `%v` text. */
export function sortScalars(s: Json[]): Json[] {
  return [...s].sort((a, b) => compareStrings(vstr(a), vstr(b)));
}

/** sortMapsBasedOnField: list of maps sorted by the `%v` text of one field. */
export function sortMapsByField(s: Json[], field: string): Json[] {
  return [...s].sort((a, b) => compareStrings(vstr((a as JsonObject)[field]), vstr((b as JsonObject)[field])));
}

/** findMapInSliceBasedOnKeyValue */
export function findMapByKey(list: Json[], key: string, value: Json): { map: JsonObject; index: number } | undefined {
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (!isObject(m)) throw errText(`value for key ${i} is not a map.`);
    if (Object.prototype.hasOwnProperty.call(m, key) && m[key] === value) return { map: m, index: i };
  }
  return undefined;
}

/** The merge-key value of a map element, or the error strategicpatch reports. */
export function mergeKeyValue(v: Json, mergeKey: string): Json {
  if (!isObject(v)) throw errBadArgType("map", v);
  if (!Object.prototype.hasOwnProperty.call(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
  return v[mergeKey];
}

/** mergeKeyValueEqual: scalars by value, maps by their merge keys. */
export function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  return mergeKeyValue(left, mergeKey) === mergeKeyValue(right, mergeKey);
}

/** validateMergeKeyInLists */
export function validateMergeKeyInLists(mergeKey: string, ...lists: Json[][]): void {
  for (const l of lists) for (const item of l) mergeKeyValue(item, mergeKey);
}

/** extractToDeleteItems: splits `{"$patch":"delete"}` elements from the others. */
export function extractToDeleteItems(l: Json[]): { keep: Json[]; toDelete: Json[] } {
  const keep: Json[] = [];
  const toDelete: Json[] = [];
  for (const v of l) {
    if (!isObject(v)) throw errBadArgType("map", v);
    if (v[DIRECTIVE] === "delete") toDelete.push(v);
    else keep.push(v);
  }
  return { keep, toDelete };
}

/** Position of `val` in `l`, comparing merge keys for maps and values for scalars (-1 when absent). */
export function indexOf(l: Json[], val: Json, mergeKey: string, kind: ElemKind): number {
  const key = (x: Json): Json | undefined => (kind === "map" ? (isObject(x) ? x[mergeKey] ?? null : null) : x);
  const want = key(val);
  return l.findIndex((x) => key(x) === want);
}

/** normalizeSliceOrder: sorts `toSort` by its order in `order`; delete directives go last. */
export function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, kind: ElemKind): Json[] {
  let items = toSort;
  let toDelete: Json[] = [];
  if (kind === "map") {
    validateMergeKeyInLists(mergeKey, toSort, order);
    ({ keep: items, toDelete } = extractToDeleteItems(toSort));
  }
  const pos = items.map((x) => indexOf(order, x, mergeKey, kind));
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => (pos[a] >= 0 && pos[b] >= 0 ? pos[a] - pos[b] : 0));
  return [...idx.map((i) => items[i]), ...toDelete];
}

/** mergeSortedSlice: interleaves server-only items (left) into patch items (right) by live order. */
export function mergeSortedSlice(left: Json[], right: Json[], serverOrder: Json[], mergeKey: string, kind: ElemKind): Json[] {
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder: patch items in patch order, server-only items in live order, interleaved. */
export function normalizeElementOrder(patch: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[],
  mergeKey: string, kind: ElemKind): Json[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** partitionPrimitivesByPresentInList / partitionMapsByPresentInList */
export function partitionByPresence(list: Json[], by: Json[], mergeKey: string): { inBy: Json[]; rest: Json[] } {
  const inBy: Json[] = [];
  const rest: Json[] = [];
  for (const v of list) {
    const present = mergeKey
      ? findMapByKey(by, mergeKey, mergeKeyValue(v, mergeKey)) !== undefined
      : by.some((b) => b === v);
    (present ? inBy : rest).push(v);
  }
  return { inBy, rest };
}

/** Removes `{"$patch": ...}` maps (and their members) from a patch value; false when `v` itself is one. */
export function removeDirectives(v: Json): { value: Json; keep: boolean } {
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (const x of v) {
      const r = removeDirectives(x);
      if (r.keep) out.push(r.value);
    }
    return { value: out, keep: true };
  }
  if (isObject(v)) {
    if (Object.prototype.hasOwnProperty.call(v, DIRECTIVE)) return { value: null, keep: false };
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) {
      const r = removeDirectives(x);
      if (r.keep) out[k] = r.value;
    }
    return { value: out, keep: true };
  }
  return { value: v, keep: true };
}

/** discardNullValuesFromPatch: drops null members of maps, recursively (list elements stay). */
export function discardNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map((x) => discardNulls(x));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = discardNulls(x);
    return out;
  }
  return v;
}

/** extractKey: `$setElementOrder/containers` → `containers`, or the format error of the prefix. */
export function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf("/");
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw errText(MergePatchErrors.badPatchFormatForPrimitiveList);
    if (prefix === SET_ELEMENT_ORDER) throw errText(MergePatchErrors.badPatchFormatForSetElementOrderList);
    throw errText(`fail to find unknown prefix "${prefix}" in ${key}\n`);
  }
  return key.slice(slash + 1);
}
