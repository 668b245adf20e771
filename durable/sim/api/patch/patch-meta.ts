// Patch metadata: what the Go struct tags `patchStrategy:"merge" patchMergeKey:"name"` (and the
// OpenAPI list-map keys server-side apply uses) say about each field of a kind. A PatchMeta is a
// flat table from field path to FieldMeta; strategic merge, the three-way diff and server-side
// apply walk objects with a MetaCursor that tracks the current path. Per-kind tables live in
// patch-meta-tables.ts.
//
// Paths are dotted field names from the object root; `[]` after a list field descends into its
// elements: `spec.containers`, `spec.containers[].env`. Fields absent from the table have no
// strategy: maps merge key by key and lists are atomic (replaced whole), as upstream.
import type { Json } from "./json-value";

/** A patchStrategy tag value. */
export type PatchStrategy = "merge" | "replace" | "retainKeys" | "merge,retainKeys";

/** What podlab knows about one field. */
export interface FieldMeta {
  /** The patchStrategy struct tag. */
  strategy?: PatchStrategy;
  /** The patchMergeKey struct tag (absent on merge lists of scalars such as finalizers). */
  mergeKey?: string;
  /** x-kubernetes-list-map-keys, when server-side apply keys the list on more than mergeKey. */
  listMapKeys?: string[];
  /** Defaults the apiserver fills into list-map key fields (`ports[].protocol: TCP`). */
  keyDefaults?: Record<string, Json>;
}

/** Per-kind table: field path → metadata. */
export type PatchMeta = Readonly<Record<string, FieldMeta>>;

/** A position inside an object, with the table that describes it. */
export interface MetaCursor {
  readonly table: PatchMeta;
  readonly path: string;
}

/** The cursor at the root of an object of the given table. */
export function rootCursor(table: PatchMeta): MetaCursor {
  return { table, path: "" };
}

/** The cursor of field `key` below `c`. */
export function childCursor(c: MetaCursor, key: string): MetaCursor {
  return { table: c.table, path: c.path ? `${c.path}.${key}` : key };
}

/** The cursor of the elements of the list at `c`. */
export function elemCursor(c: MetaCursor): MetaCursor {
  return { table: c.table, path: `${c.path}[]` };
}

/** The metadata of the field at `c` (empty when the table says nothing). */
export function fieldMeta(c: MetaCursor): FieldMeta {
  return c.table[c.path] ?? {};
}

/** extractRetainKeysPatchStrategy: splits `merge,retainKeys` into its two halves. */
export function splitStrategy(meta: FieldMeta): { retainKeys: boolean; strategy: "" | "merge" | "replace" } {
  const parts = (meta.strategy ?? "").split(",").filter(Boolean);
  const retainKeys = parts.includes("retainKeys");
  const rest = parts.find((p) => p !== "retainKeys") ?? "";
  return { retainKeys, strategy: rest as "" | "merge" | "replace" };
}

/** The server-side apply keys of an associative list (list-map keys, else the merge key). */
export function listKeys(meta: FieldMeta): string[] | undefined {
  if (meta.listMapKeys) return meta.listMapKeys;
  if (splitStrategy(meta).strategy === "merge" && meta.mergeKey) return [meta.mergeKey];
  return undefined;
}

/** True when the list at `c` is a merge list of scalars (a set, such as metadata.finalizers). */
export function isScalarSet(meta: FieldMeta): boolean {
  return splitStrategy(meta).strategy === "merge" && !meta.mergeKey;
}
