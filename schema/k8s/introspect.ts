// Reads the generated valibot schemas back as plain data: named types with their fields, each
// field's shape (scalar, named type, array, map), description and metadata. decode.ts walks
// objects against these shapes; openapi-schema.ts turns them into OpenAPI v3 components.
import type * as v from "valibot";
import * as generated from "./generated/types";
import type { FieldMeta, FormatMeta, GroupVersionKind, SpecialKind, SpecialMeta, TypeMeta } from "./primitives";

/** The shape of a value: what decode expects on the wire and OpenAPI describes. */
export type Shape =
  | { k: "string" | "boolean" | "int32" | "int64" | "double" | "bytes" | "any" }
  | { k: "special"; special: SpecialKind; name: string; go: string; description: string }
  | { k: "object"; type: NamedType }
  | { k: "array"; of: Shape }
  | { k: "map"; of: Shape };

/** One field of a named type. */
export interface FieldInfo {
  name: string;
  shape: Shape;
  description: string;
  meta: FieldMeta;
  optional: boolean;
}

/** A named object type (io.k8s.api.core.v1.Pod and friends). */
export interface NamedType {
  name: string;
  go: string;
  gvk?: GroupVersionKind;
  description: string;
  /** Fields by JSON name, alphabetical. */
  fields: ReadonlyMap<string, FieldInfo>;
  required: readonly string[];
}

type AnySchema = v.GenericSchema & { pipe?: readonly unknown[]; wrapped?: AnySchema; item?: AnySchema; value?: AnySchema; entries?: Record<string, AnySchema> };
type Action = { kind?: string; type?: string; description?: string; metadata?: Record<string, unknown> };

/** The base schema of a pipe plus the description and metadata its actions carry. */
function pipeInfo(schema: AnySchema): { base: AnySchema; description?: string; metadata: Record<string, unknown> } {
  if (!schema.pipe) return { base: schema, metadata: {} };
  let description: string | undefined;
  let metadata: Record<string, unknown> = {};
  for (const a of schema.pipe.slice(1) as Action[]) {
    if (a.type === "description") description = a.description;
    if (a.type === "metadata") metadata = { ...metadata, ...a.metadata };
  }
  return { base: schema.pipe[0] as AnySchema, description, metadata };
}

const typeCache = new WeakMap<object, NamedType>();

/** The shape of a value schema (no optional wrapper, no field pipe). */
function shapeOf(schema: AnySchema): Shape {
  const info = pipeInfo(schema);
  const meta = info.metadata;
  if (typeof meta.special === "string") {
    const m = meta as unknown as SpecialMeta;
    return { k: "special", special: m.special, name: m.name, go: m.go, description: info.description ?? "" };
  }
  if (typeof meta.name === "string" && typeof meta.go === "string") return { k: "object", type: namedType(schema) };
  if (typeof meta.format === "string") {
    const f = (meta as unknown as FormatMeta).format;
    return { k: f === "byte" ? "bytes" : f };
  }
  const base = info.base;
  if (base !== schema) return shapeOf(base);
  switch (schema.type) {
    case "string": return { k: "string" };
    case "boolean": return { k: "boolean" };
    case "number": return { k: "double" };
    case "array": return { k: "array", of: shapeOf(schema.item as AnySchema) };
    case "record": return { k: "map", of: shapeOf(schema.value as AnySchema) };
    default: return { k: "any" };
  }
}

/** The named type a generated `...Schema` export describes. */
export function namedType(schema: v.GenericSchema): NamedType {
  const hit = typeCache.get(schema);
  if (hit) return hit;
  const info = pipeInfo(schema as AnySchema);
  const meta = info.metadata as unknown as TypeMeta;
  const entries = info.base.entries;
  if (!entries || typeof meta.name !== "string") throw new Error("namedType: not a generated Kubernetes type schema");
  const fields = new Map<string, FieldInfo>();
  const required: string[] = [];
  const t: NamedType = { name: meta.name, go: meta.go, gvk: meta.gvk, description: info.description ?? "", fields, required };
  typeCache.set(schema, t);
  for (const name of Object.keys(entries).sort()) {
    let s = entries[name];
    const optional = s.type === "optional";
    if (optional) s = s.wrapped as AnySchema;
    const f = pipeInfo(s);
    fields.set(name, { name, shape: shapeOf(f.base), description: f.description ?? "", meta: f.metadata as FieldMeta, optional });
    if (!optional) required.push(name);
  }
  return t;
}

let all: NamedType[] | undefined;

/** Every generated named object type, in generation order. */
export function allTypes(): readonly NamedType[] {
  if (!all) {
    all = [];
    for (const s of Object.values(generated) as AnySchema[]) {
      const m = pipeInfo(s).metadata;
      if (typeof m.name === "string" && typeof m.go === "string" && !m.special) all.push(namedType(s));
    }
  }
  return all;
}

/** The top-level type of a kind: `Pod`, `Lease`, `PodMetrics`, ... (group optional to disambiguate). */
export function typeForKind(kind: string, group?: string): NamedType | undefined {
  return allTypes().find((t) => t.gvk && t.gvk.kind === kind && (group === undefined || t.gvk.group === group));
}

/** A type by upstream name (`io.k8s.api.core.v1.Container`). */
export function typeByName(name: string): NamedType | undefined {
  return allTypes().find((t) => t.name === name);
}

/** The Go type name of a shape as encoding/json prints it in errors (`[]v1.Container`). */
export function goTypeName(shape: Shape): string {
  switch (shape.k) {
    case "object": return shape.type.go;
    case "special": return shape.go;
    case "array": return `[]${goTypeName(shape.of)}`;
    case "map": return `map[string]${goTypeName(shape.of)}`;
    case "int32": case "int64": case "string": return shape.k;
    case "boolean": return "bool";
    case "double": return "float64";
    case "bytes": return "[]uint8";
    default: return "interface {}";
  }
}
