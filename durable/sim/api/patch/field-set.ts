// Field sets of objects, as structured-merge-diff computes them for managedFields: the set an
// apply configuration owns (ToFieldSet), and the paths an update added, modified or removed
// (Compare). Lists are associative when the patch metadata gives them keys (`k:` elements,
// missing key fields filled with their defaults), sets when they merge scalars (`v:`), atomic
// otherwise (a leaf). Used by managed-fields.ts and apply.ts.
import { deepEqual, isObject, type Json, type JsonObject } from "./json-value";
import { childCursor, elemCursor, fieldMeta, isScalarSet, listKeys, type MetaCursor } from "./patch-meta";
import { addPath, newSet, pathId, type FieldSet, type PathElement } from "./field-path";

/** Top-level and metadata fields no manager owns (the apiserver's stripMeta set). */
const STRIPPED_META = new Set(["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName",
  "generation", "managedFields", "resourceVersion"]);

/** Which part of an object a request manages: the main resource ignores status, `status` only tracks it. */
export type Subresource = "" | "status";

/** True when field tracking ignores this path (apiVersion, kind, system metadata, reset fields). */
export function ignoredPath(path: PathElement[], subresource: Subresource): boolean {
  const [a, b] = path;
  if (!a || a.t !== "f") return false;
  if (a.name === "apiVersion" || a.name === "kind") return true;
  if (a.name === "metadata") return path.length === 1 || (b?.t === "f" && STRIPPED_META.has(b.name));
  return subresource === "status" ? a.name !== "status" : a.name === "status";
}

/** True when every path under this field is ignored, so a walk need not descend into it. */
function prunedField(path: PathElement[], name: string, subresource: Subresource): boolean {
  if (path.length === 0) {
    if (name === "apiVersion" || name === "kind") return true;
    return subresource === "status" ? name !== "status" : name === "status";
  }
  return path.length === 1 && path[0].t === "f" && path[0].name === "metadata" && STRIPPED_META.has(name);
}

/** The element of an associative-list item, or undefined when it is not a map. */
export function itemElement(item: Json, keys: string[], c: MetaCursor): PathElement | undefined {
  if (!isObject(item)) return undefined;
  const defaults = fieldMeta(c).keyDefaults ?? {};
  const key: [string, Json][] = [];
  for (const k of [...keys].sort()) {
    const v = Object.prototype.hasOwnProperty.call(item, k) ? item[k] : defaults[k];
    if (v !== undefined) key.push([k, v]);
  }
  return { t: "k", key };
}

/** The kind of list at a cursor. */
export function listKind(c: MetaCursor): { kind: "atomic" } | { kind: "map"; keys: string[] } | { kind: "set" } {
  const meta = fieldMeta(c);
  const keys = listKeys(meta);
  if (keys) return { kind: "map", keys };
  if (isScalarSet(meta)) return { kind: "set" };
  return { kind: "atomic" };
}

/** Items of a list keyed by their path element (first occurrence wins). */
export function indexItems(list: Json[], c: MetaCursor): Map<string, { el: PathElement; item: Json }> {
  const out = new Map<string, { el: PathElement; item: Json }>();
  const lk = listKind(c);
  for (const item of list) {
    const el: PathElement | undefined = lk.kind === "map" ? itemElement(item, lk.keys, c) : { t: "v", value: item };
    if (!el) continue;
    const id = pathId([el]);
    if (!out.has(id)) out.set(id, { el, item });
  }
  return out;
}

/** ToFieldSet: the fields an apply configuration sets (leaves, list items, empty maps, nulls). */
export function toFieldSet(obj: JsonObject, c: MetaCursor, subresource: Subresource): FieldSet {
  const set = newSet();
  const visit = (v: Json, vc: MetaCursor, path: PathElement[]) => {
    if (isObject(v)) {
      const keys = Object.keys(v);
      if (!keys.length && path.length) addPath(set, path);
      for (const k of keys) {
        if (path.length < 2 && prunedField(path, k, subresource)) continue;
        visit(v[k], childCursor(vc, k), [...path, { t: "f", name: k }]);
      }
    } else if (Array.isArray(v)) {
      const lk = listKind(vc);
      if (lk.kind === "atomic") {
        addPath(set, path);
        return;
      }
      for (const { el, item } of indexItems(v, vc).values()) {
        addPath(set, [...path, el]);
        if (lk.kind === "map") visit(item, elemCursor(vc), [...path, el]);
      }
    } else {
      addPath(set, path);
    }
  };
  visit(obj, c, []);
  return filterIgnored(set, subresource);
}

/** Drops the paths field tracking ignores. */
export function filterIgnored(set: FieldSet, subresource: Subresource): FieldSet {
  const out = newSet();
  for (const [id, p] of set) if (!ignoredPath(p, subresource)) out.set(id, p);
  return out;
}

/** The result of Compare. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** Compare(old, new): leaves added/modified/removed, plus container nodes that appeared or vanished. */
export function compareObjects(lhs: Json | undefined, rhs: Json | undefined, c: MetaCursor, subresource: Subresource): Comparison {
  const out: Comparison = { added: newSet(), modified: newSet(), removed: newSet() };
  const leaf = (l: Json | undefined, r: Json | undefined, path: PathElement[]) => {
    if (l === undefined) addPath(out.added, path);
    else if (r === undefined) addPath(out.removed, path);
    else if (!deepEqual(l, r)) addPath(out.modified, path);
  };
  const visit = (l: Json | undefined, r: Json | undefined, vc: MetaCursor, path: PathElement[]) => {
    if (l === r && l !== undefined) return; // the same (never mutated) subtree: nothing changed
    const shape = (v: Json | undefined) => (v === undefined || v === null ? undefined : isObject(v) ? "map" : Array.isArray(v) ? "list" : "scalar");
    const ls = shape(l);
    const rs = shape(r);
    const s = rs ?? ls;
    if ((ls && rs && ls !== rs) || s === undefined || s === "scalar") return leaf(l, r, path);
    if (s === "map") {
      const lm = isObject(l) ? l : {};
      const rm = isObject(r) ? r : {};
      if (!Object.keys(lm).length && !Object.keys(rm).length) return leaf(l, r, path);
      for (const k of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
        if (path.length < 2 && prunedField(path, k, subresource)) continue;
        visit(own(lm, k), own(rm, k), childCursor(vc, k), [...path, { t: "f", name: k }]);
      }
    } else {
      const ll = Array.isArray(l) ? l : [];
      const rl = Array.isArray(r) ? r : [];
      const lk = listKind(vc);
      if (lk.kind === "atomic" || (!ll.length && !rl.length)) return leaf(l, r, path);
      const li = indexItems(ll, vc);
      const ri = indexItems(rl, vc);
      const ec = elemCursor(vc);
      for (const id of new Set([...li.keys(), ...ri.keys()])) {
        const el = (ri.get(id) ?? li.get(id))!.el;
        visit(li.get(id)?.item, ri.get(id)?.item, ec, [...path, el]);
      }
    }
    if (path.length && l === undefined) addPath(out.added, path);
    else if (path.length && r === undefined) addPath(out.removed, path);
  };
  visit(lhs, rhs, c, []);
  return {
    added: filterIgnored(out.added, subresource),
    modified: filterIgnored(out.modified, subresource),
    removed: filterIgnored(out.removed, subresource),
  };
}

function own(o: JsonObject, k: string): Json | undefined {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}
