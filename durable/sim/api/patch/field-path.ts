// Field paths and field sets as structured-merge-diff models them for managedFields: a path is a
// list of elements (`f:` field, `k:` associative-list key, `v:` set value, `i:` index); a set is
// the paths a manager owns. This module serializes them both ways: the FieldsV1 JSON of
// metadata.managedFields (`{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},...}}}}`)
// and the display form of apply conflicts (`.spec.containers[name="nginx"].image`).
// Used by field-set.ts, managed-fields.ts and apply.ts.
import { compareStrings, goJson, isObject, type Json, type JsonObject } from "./json-value";

/** One path element. Key fields are sorted by name. */
export type PathElement =
  | { t: "f"; name: string }
  | { t: "k"; key: [string, Json][] }
  | { t: "v"; value: Json }
  | { t: "i"; index: number };

/** A set of paths, keyed by their serialization (see pathId). */
export type FieldSet = Map<string, PathElement[]>;

const SEP = "\u0001";

/** The FieldsV1 object key of one element. */
export function elementKey(e: PathElement): string {
  switch (e.t) {
    case "f":
      return `f:${e.name}`;
    case "k":
      return `k:${goJson(Object.fromEntries(e.key))}`;
    case "v":
      return `v:${goJson(e.value)}`;
    default:
      return `i:${e.index}`;
  }
}

/** A path's identity within a FieldSet. */
export function pathId(path: PathElement[]): string {
  return path.map(elementKey).join(SEP);
}

/** fieldpath.Path.String(): `.spec.containers[name="nginx"].image`. */
export function pathString(path: PathElement[]): string {
  return path.map((e) => {
    switch (e.t) {
      case "f":
        return `.${e.name}`;
      case "k":
        return `[${e.key.map(([k, v]) => `${k}=${goJson(v)}`).join(",")}]`;
      case "v":
        return `[=${goJson(e.value)}]`;
      default:
        return `[${e.index}]`;
    }
  }).join("");
}

/** An empty set. */
export function newSet(): FieldSet {
  return new Map();
}

/** Adds a path to a set. */
export function addPath(set: FieldSet, path: PathElement[]): void {
  set.set(pathId(path), path);
}

/** Paths in `a` but not in `b`. */
export function difference(a: FieldSet, b: FieldSet): FieldSet {
  const out = newSet();
  for (const [id, p] of a) if (!b.has(id)) out.set(id, p);
  return out;
}

/** Paths in both. */
export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  const out = newSet();
  for (const [id, p] of a) if (b.has(id)) out.set(id, p);
  return out;
}

/** Paths in either. */
export function union(...sets: FieldSet[]): FieldSet {
  const out = newSet();
  for (const s of sets) for (const [id, p] of s) out.set(id, p);
  return out;
}

/** Value order of structured-merge-diff: numbers < strings < booleans < others, then by value. */
function compareValues(a: Json, b: Json): number {
  const rank = (v: Json) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return compareStrings(goJson(a), goJson(b));
}

/** PathElement.Compare: fields < keys < values < indices, then by content. */
export function compareElements(a: PathElement, b: PathElement): number {
  const order = { f: 0, k: 1, v: 2, i: 3 };
  if (a.t !== b.t) return order[a.t] - order[b.t];
  if (a.t === "f" && b.t === "f") return compareStrings(a.name, b.name);
  if (a.t === "k" && b.t === "k") {
    for (let i = 0; ; i++) {
      if (i >= a.key.length || i >= b.key.length) return a.key.length - b.key.length;
      const c = compareStrings(a.key[i][0], b.key[i][0]) || compareValues(a.key[i][1], b.key[i][1]);
      if (c) return c;
    }
  }
  if (a.t === "v" && b.t === "v") return compareValues(a.value, b.value);
  return (a as { index: number }).index - (b as { index: number }).index;
}

interface Tree {
  el?: PathElement;
  member: boolean;
  children: Map<string, Tree>;
}

/** Serializes a set as FieldsV1: `.` marks a member that also has children; keys sorted as upstream. */
export function toFieldsV1(set: FieldSet): JsonObject {
  const root: Tree = { member: false, children: new Map() };
  for (const path of set.values()) {
    let node = root;
    for (const el of path) {
      const k = elementKey(el);
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = { el, member: false, children: new Map() }));
      node = next;
    }
    node.member = true;
  }
  const emit = (node: Tree): JsonObject => {
    const out: JsonObject = {};
    if (node.member && node.children.size) out["."] = {};
    const kids = [...node.children.values()].sort((a, b) => compareElements(a.el!, b.el!));
    for (const kid of kids) out[elementKey(kid.el!)] = emit(kid);
    return out;
  };
  return emit(root);
}

/** Parses one FieldsV1 key back into an element (undefined for keys podlab cannot read). */
export function parseElementKey(k: string): PathElement | undefined {
  const body = k.slice(2);
  try {
    if (k.startsWith("f:")) return { t: "f", name: body };
    if (k.startsWith("k:")) {
      const o: unknown = JSON.parse(body);
      if (!isObject(o)) return undefined;
      return { t: "k", key: Object.keys(o).sort(compareStrings).map((n) => [n, o[n]] as [string, Json]) };
    }
    if (k.startsWith("v:")) return { t: "v", value: JSON.parse(body) as Json };
    if (k.startsWith("i:")) return { t: "i", index: Number(body) };
  } catch {
    return undefined;
  }
  return undefined;
}

/** Parses FieldsV1 into a set: leaves (`{}`) and nodes carrying `.` are members. */
export function fromFieldsV1(fields: unknown): FieldSet {
  const set = newSet();
  const walk = (node: unknown, path: PathElement[]) => {
    if (!isObject(node)) return;
    const keys = Object.keys(node).filter((k) => k !== ".");
    if (path.length && (keys.length === 0 || Object.prototype.hasOwnProperty.call(node, "."))) addPath(set, path);
    for (const k of keys) {
      const el = parseElementKey(k);
      if (el) walk(node[k], [...path, el]);
    }
  };
  walk(fields, []);
  return set;
}
