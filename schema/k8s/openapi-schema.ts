// Turns the introspected schemas into OpenAPI v3 `components.schemas` in the upstream style
// (object fields as allOf+$ref with default {}, primitives as shared components, enums,
// x-kubernetes-* extensions). Used by durable/sim/api/openapi.ts to build /openapi/v3 documents.
import type { FieldInfo, NamedType, Shape } from "./introspect";
import type { GroupVersionKind } from "./primitives";

/** An OpenAPI schema object (plain JSON). */
export type JsonSchema = Record<string, unknown>;

const REF = "#/components/schemas/";

/** The component schema of a primitive named type, as upstream's v3 documents have it. */
function specialComponent(shape: Extract<Shape, { k: "special" }>): JsonSchema {
  const d = shape.description ? { description: shape.description } : {};
  switch (shape.special) {
    case "quantity": return { ...d, oneOf: [{ type: "string" }, { type: "number" }] };
    case "intOrString": return { ...d, format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] };
    case "time": case "microTime": return { ...d, format: "date-time", type: "string" };
    default: return { ...d, type: "object" };
  }
}

/** The inline schema of a value shape; `inItems` marks array items and map values. */
function valueSchema(shape: Shape, inItems: boolean): JsonSchema {
  switch (shape.k) {
    case "string": return inItems ? { default: "", type: "string" } : { type: "string" };
    case "boolean": return { type: "boolean" };
    case "int32": case "int64": return { format: shape.k, type: "integer" };
    case "double": return { format: "double", type: "number" };
    case "bytes": return { format: "byte", type: "string" };
    case "any": return { type: "object" };
    case "special": return inItems ? { $ref: REF + shape.name } : { allOf: [{ $ref: REF + shape.name }] };
    case "object": return inItems ? { allOf: [{ $ref: REF + shape.type.name }], default: {} } : { allOf: [{ $ref: REF + shape.type.name }] };
    case "array": return { items: valueSchema(shape.of, true), type: "array" };
    case "map": return { additionalProperties: valueSchema(shape.of, true), type: "object" };
  }
}

/** The schema of one property, description and extensions included. */
function fieldSchema(f: FieldInfo): JsonSchema {
  const s: JsonSchema = { ...valueSchema(f.shape, false) };
  if (f.meta.default !== undefined) s.default = f.meta.default;
  if (f.description) s.description = f.description;
  if (f.meta.enum) s.enum = [...f.meta.enum];
  Object.assign(s, f.meta.extensions ?? {});
  return sortKeys(s);
}

/** A JSON object with keys in byte order, as upstream's generator writes them. */
function sortKeys(o: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** The component schema of a named type; `gvks` overrides its x-kubernetes-group-version-kind. */
export function typeComponent(t: NamedType, gvks?: readonly GroupVersionKind[]): JsonSchema {
  const properties: JsonSchema = {};
  for (const f of t.fields.values()) properties[f.name] = fieldSchema(f);
  const s: JsonSchema = { properties, type: "object" };
  if (t.description) s.description = t.description;
  if (t.required.length) s.required = [...t.required];
  const list = gvks ?? (t.gvk ? [t.gvk] : undefined);
  if (list) s["x-kubernetes-group-version-kind"] = list.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  return sortKeys(s);
}

/** Adds `shape`'s named types (transitively) to `out`, keyed by upstream name. */
function collect(shape: Shape, out: Map<string, Shape>): void {
  if (shape.k === "array" || shape.k === "map") return collect(shape.of, out);
  if (shape.k === "special") {
    out.set(shape.name, shape);
  } else if (shape.k === "object" && !out.has(shape.type.name)) {
    out.set(shape.type.name, shape);
    for (const f of shape.type.fields.values()) collect(f.shape, out);
  }
}

/** `components.schemas` for the given root types and everything they reference, sorted by name. */
export function componentsFor(roots: readonly NamedType[], gvkOverrides: ReadonlyMap<string, readonly GroupVersionKind[]> = new Map()): JsonSchema {
  const found = new Map<string, Shape>();
  for (const t of roots) collect({ k: "object", type: t }, found);
  const out: JsonSchema = {};
  for (const name of [...found.keys()].sort()) {
    const shape = found.get(name)!;
    out[name] = shape.k === "special" ? specialComponent(shape) : typeComponent((shape as Extract<Shape, { k: "object" }>).type, gvkOverrides.get(name));
  }
  return out;
}
