// The object half of server-side apply: merging an apply configuration into the live object the
// way structured-merge-diff does (maps merge, associative lists merge item by item on their
// keys keeping a stable order, sets union, atomic lists and scalars are replaced), and removing
// the fields an applier dropped from its configuration. Used by apply.ts.
import { clone, isObject, type Json, type JsonObject } from "./json-value";
import { childCursor, elemCursor, type MetaCursor } from "./patch-meta";
import { pathId, type FieldSet, type PathElement } from "./field-path";
import { indexItems, listKind } from "./field-set";

/** live.Merge(config): the configuration's values win; unmentioned live fields stay. */
export function mergeConfig(live: Json | undefined, config: Json | undefined, c: MetaCursor): Json | undefined {
  if (config === undefined) return live;
  if (live === undefined || live === null || config === null) return clone(config);
  if (isObject(live) && isObject(config)) {
    const out: JsonObject = { ...live };
    for (const [k, v] of Object.entries(config)) {
      if (v === null) {
        delete out[k]; // an explicit null clears the field, as decoding it into the typed object would
        continue;
      }
      const merged = mergeConfig(own(live, k), v, childCursor(c, k));
      if (merged !== undefined) out[k] = merged;
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(config) && listKind(c).kind !== "atomic") return mergeList(live, config, c);
  return clone(config);
}

/** Associative lists and sets: structured-merge-diff's ordering of shared, live-only and new items. */
function mergeList(lhs: Json[], rhs: Json[], c: MetaCursor): Json[] {
  const ec = elemCursor(c);
  const l = [...indexItems(lhs, c).entries()];
  const r = [...indexItems(rhs, c).entries()];
  const lIds = new Set(l.map(([id]) => id));
  const rIds = new Set(r.map(([id]) => id));
  const shared = r.map(([id]) => id).filter((id) => lIds.has(id));
  let next = shared.shift();
  const done = new Set<string>();
  const out: Json[] = [];
  const item = (id: string) => mergeConfig(l.find(([x]) => x === id)?.[1].item, r.find(([x]) => x === id)?.[1].item, ec);
  let li = 0;
  let ri = 0;
  while (li < l.length || ri < r.length) {
    if (li < l.length && ri < r.length) {
      const id = l[li][0];
      if (id === r[ri][0]) {
        done.add(id);
        out.push(item(id) as Json);
        li++;
        ri++;
        next = shared.shift();
        continue;
      }
      if (rIds.has(id) && next !== undefined && next !== id) {
        li++;
        continue;
      }
    }
    if (li < l.length) {
      const id = l[li][0];
      if (!rIds.has(id)) {
        out.push(clone(l[li][1].item));
        li++;
        continue;
      }
      if (done.has(id)) {
        li++;
        continue;
      }
    }
    if (ri < r.length) {
      const id = r[ri][0];
      done.add(id);
      out.push(item(id) as Json);
      ri++;
      if (next === id) next = shared.shift();
    }
  }
  return out;
}

/** Top-level fields a removal never takes away, even when emptied. */
const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata", "spec", "status"]);

/**
 * Removes `paths` from `obj` (a copy). Maps and lists a removal leaves empty go too, unless `keep`
 * owns them or the configuration itself spells them out (`env: []`).
 */
export function removePaths(obj: JsonObject, paths: FieldSet, keep: FieldSet, c: MetaCursor, config: JsonObject): JsonObject {
  const out = clone(obj);
  // Whole list items first: removing one takes its fields with it.
  const sorted = [...paths.values()].sort((a, b) => a.length - b.length);
  for (const path of sorted) removeOne(out, path, keep, c, config);
  return out;
}

/** The value at `path` in `root`, if any. */
function lookup(root: Json, path: PathElement[], c: MetaCursor): Json | undefined {
  let node: Json | undefined = root;
  let cursor = c;
  for (const el of path) {
    if (node === undefined) return undefined;
    node = step(node, el, cursor);
    cursor = el.t === "f" ? childCursor(cursor, el.name) : elemCursor(cursor);
  }
  return node;
}

function removeOne(root: JsonObject, path: PathElement[], keep: FieldSet, c: MetaCursor, config: JsonObject): void {
  const parents: { node: Json; key: PathElement; cursor: MetaCursor }[] = [];
  let node: Json = root;
  let cursor = c;
  for (const el of path) {
    parents.push({ node, key: el, cursor });
    const found = step(node, el, cursor);
    if (found === undefined) return;
    cursor = el.t === "f" ? childCursor(cursor, el.name) : elemCursor(cursor);
    node = found;
  }
  for (let i = parents.length - 1; i >= 0; i--) {
    const { node: parent, key, cursor: pc } = parents[i];
    if (i < parents.length - 1) {
      const child = step(parent, key, pc);
      const emptied = (isObject(child) && Object.keys(child).length === 0) || (Array.isArray(child) && child.length === 0);
      const top = i === 0 && key.t === "f" && ROOT_FIELDS.has(key.name);
      const here = path.slice(0, i + 1);
      if (!emptied || top || keep.has(pathId(here)) || lookup(config, here, c) !== undefined) return;
    }
    detach(parent, key, pc);
  }
}

function step(node: Json, el: PathElement, c: MetaCursor): Json | undefined {
  if (el.t === "f") return isObject(node) ? own(node, el.name) : undefined;
  if (!Array.isArray(node)) return undefined;
  return indexItems(node, c).get(pathId([el]))?.item;
}

function detach(node: Json, el: PathElement, c: MetaCursor): void {
  if (el.t === "f") {
    if (isObject(node)) delete node[el.name];
    return;
  }
  if (!Array.isArray(node)) return;
  const target = step(node, el, c);
  const i = node.indexOf(target as Json);
  if (i >= 0) node.splice(i, 1);
}

function own(o: JsonObject, k: string): Json | undefined {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}
