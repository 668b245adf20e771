// Strict decoding of request bodies, as the API server's JSON serializer does it: walks the
// body against the schemas in schema/k8s, reports unknown and duplicate fields (Strict: 400,
// Warn: warnings, Ignore: dropped), rejects wrong JSON types with Go's encoding/json messages,
// parses quantities and times into their canonical form. Used by verbs.ts on create/update/patch.
import { fromJsonAst, goJsonKind, JsonSyntaxError, parseJsonAst, setOwn, toJsonAst, type JsonNode } from "../../../schema/k8s/json-ast";
import { allTypes, goTypeName, typeByName, typeForKind, type NamedType, type Shape } from "../../../schema/k8s/introspect";
import { canonicalQuantity } from "../../../schema/k8s/quantity";
import { base64Error, parseGoTime } from "../../../schema/k8s/wire-scalars";

/** The fieldValidation query parameter's values. */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** Decoded object plus strict-decoding warnings (Warn mode), or a 400 BadRequest message. */
export type DecodeResult =
  | { object: Record<string, unknown>; warnings: string[] }
  | { error: { status: 400; message: string } };

/** An error that stops decoding (Go returns the first one). */
class DecodeError {
  constructor(readonly message: string) {}
}

interface Walk {
  strict: string[];
  /** Go struct type name of the innermost struct, and the JSON field path from the root. */
  struct: string;
  goPath: string[];
}

const shortGo = (go: string) => go.slice(go.indexOf(".") + 1);

/** encoding/json's UnmarshalTypeError text. */
function typeError(value: string, goType: string, w: Walk): DecodeError {
  const into = w.goPath.length ? `Go struct field ${w.struct}.${w.goPath.join(".")}` : "Go value";
  return new DecodeError(`json: cannot unmarshal ${value} into ${into} of type ${goType}`);
}

/** The zero value Go stores for `null` inside arrays and maps. */
function zero(shape: Shape): unknown {
  switch (shape.k) {
    case "string": case "bytes": return "";
    case "int32": case "int64": case "double": return 0;
    case "boolean": return false;
    case "object": return {};
    case "special": return shape.special === "quantity" ? "0" : shape.special === "intOrString" ? 0 : null;
    default: return null;
  }
}

/** Decodes one node; `path` is the strict-error path (with indices), `goType` a named-type override. */
function decodeNode(node: JsonNode, shape: Shape, path: string, w: Walk, goType?: string): unknown {
  const kind = goJsonKind(node);
  switch (shape.k) {
    case "string":
      if (node.t !== "string") throw typeError(kind, goType ?? "string", w);
      return node.v;
    case "boolean":
      if (node.t !== "bool") throw typeError(kind, goType ?? "bool", w);
      return node.v;
    case "int32": case "int64": {
      if (node.t !== "number") throw typeError(kind, goType ?? shape.k, w);
      const bits = shape.k === "int32" ? 31n : 63n;
      const ok = /^-?\d+$/.test(node.raw) && BigInt(node.raw) < 1n << bits && BigInt(node.raw) >= -(1n << bits);
      if (!ok) throw typeError(`number ${node.raw}`, goType ?? shape.k, w);
      return Number(node.raw);
    }
    case "double":
      if (node.t !== "number") throw typeError(kind, goType ?? "float64", w);
      return node.v;
    case "bytes": {
      if (node.t !== "string") throw typeError(kind, goType ?? "[]uint8", w);
      const err = base64Error(node.v);
      if (err) throw new DecodeError(err);
      return node.v;
    }
    case "any":
      return fromJsonAst(node);
    case "special":
      return decodeSpecial(node, shape.special);
    case "array": {
      if (node.t !== "array") throw typeError(kind, goType ?? goTypeName(shape), w);
      const elemType = goType?.startsWith("[]") ? goType.slice(2) : undefined;
      return node.items.map((item, i) => (item.t === "null" ? zero(shape.of) : decodeNode(item, shape.of, `${path}[${i}]`, w, elemType)));
    }
    case "map": {
      if (node.t !== "object") throw typeError(kind, goType ?? goTypeName(shape), w);
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const [key, child] of node.entries) {
        const p = path ? `${path}.${key}` : key;
        if (seen.has(key)) w.strict.push(`duplicate field ${JSON.stringify(p)}`);
        seen.add(key);
        setOwn(out, key, child.t === "null" ? zero(shape.of) : decodeNode(child, shape.of, p, w));
      }
      return out;
    }
    case "object":
      if (node.t !== "object") throw typeError(kind, goType ?? shape.type.go, w);
      return decodeStruct(node, shape.type, path, w);
  }
}

/** Decodes an object into a named type, collecting unknown and duplicate fields. */
function decodeStruct(node: Extract<JsonNode, { t: "object" }>, type: NamedType, path: string, w: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, child] of node.entries) {
    const p = path ? `${path}.${key}` : key;
    if (seen.has(key)) w.strict.push(`duplicate field ${JSON.stringify(p)}`);
    seen.add(key);
    const f = type.fields.get(key);
    if (!f) {
      w.strict.push(`unknown field ${JSON.stringify(p)}`);
      continue;
    }
    if (child.t === "null") {
      delete out[key];
      continue;
    }
    const inner: Walk = { strict: w.strict, struct: shortGo(type.go), goPath: [...w.goPath, key] };
    out[key] = decodeNode(child, f.shape, p, inner, f.meta.goType);
  }
  return out;
}

/** Quantity, IntOrString, Time, MicroTime, FieldsV1, RawExtension: Go's custom UnmarshalJSON. */
function decodeSpecial(node: JsonNode, special: Extract<Shape, { k: "special" }>["special"]): unknown {
  switch (special) {
    case "quantity": {
      const text = node.t === "string" ? node.v : node.t === "number" ? node.raw : node.t === "bool" ? String(node.v) : "{";
      const q = canonicalQuantity(text);
      if (typeof q !== "string") throw new DecodeError(q.error);
      return q;
    }
    case "intOrString":
      if (node.t === "string") return node.v;
      if (node.t === "number" && /^-?\d+$/.test(node.raw) && node.v >= -(2 ** 31) && node.v < 2 ** 31) return node.v;
      throw new DecodeError(`json: cannot unmarshal ${node.t === "number" ? `number ${node.raw}` : goJsonKind(node)} into Go value of type int32`);
    case "time": case "microTime": {
      if (node.t !== "string") throw new DecodeError(`json: cannot unmarshal ${goJsonKind(node)} into Go value of type string`);
      const t = parseGoTime(node.v, special === "microTime");
      if ("error" in t) throw new DecodeError(t.error);
      return t.value;
    }
    default:
      return fromJsonAst(node);
  }
}

/** Finds the schema of a kind (`Pod`, `Lease`) or a meta type (`DeleteOptions`, upstream names). */
export function typeForDecode(kindName: string): NamedType | undefined {
  return typeForKind(kindName) ?? typeByName(kindName) ?? allTypes().find((t) => t.name.endsWith(`.meta.v1.${kindName}`));
}

/**
 * Decodes a request body (already-parsed JSON, or the raw text to also catch duplicate keys)
 * into `kindName`. Strict: unknown/duplicate fields are a 400; Warn: they become warnings;
 * Ignore: they are dropped. Wrong JSON types and bad quantities/times are always a 400.
 */
export function decodeObject(kindName: string, json: unknown, mode: FieldValidation): DecodeResult {
  const type = typeForDecode(kindName);
  const kind = type?.gvk?.kind ?? kindName;
  const prefix = `${kind} in version ${JSON.stringify(type?.gvk?.version ?? "v1")} cannot be handled as a ${kind}: `;
  if (!type) return { error: { status: 400, message: `${prefix}no kind ${JSON.stringify(kindName)} is registered` } };
  let root: JsonNode;
  try {
    root = typeof json === "string" ? parseJsonAst(json) : toJsonAst(json);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { error: { status: 400, message: `couldn't get version/kind; json parse error: ${e.message}` } };
    throw e;
  }
  const w: Walk = { strict: [], struct: "", goPath: [] };
  let object: Record<string, unknown>;
  try {
    if (root.t !== "object") throw typeError(goJsonKind(root), type.go, w);
    object = decodeStruct(root, type, "", w);
  } catch (e) {
    if (e instanceof DecodeError) return { error: { status: 400, message: prefix + e.message } };
    throw e;
  }
  if (mode === "Strict" && w.strict.length) return { error: { status: 400, message: `${prefix}strict decoding error: ${w.strict.join(", ")}` } };
  return { object, warnings: mode === "Warn" ? w.strict : [] };
}

/** Removes fields the schema of `kindName` does not know, recursively; values are left as they are. */
export function pruneUnknown<T>(kindName: string, json: T): T {
  const type = typeForDecode(kindName);
  return type ? (prune(json, { k: "object", type }) as T) : json;
}

function prune(value: unknown, shape: Shape): unknown {
  if (value === null || typeof value !== "object") return value;
  if (shape.k === "array" && Array.isArray(value)) return value.map((v) => prune(v, shape.of));
  if (shape.k === "map" && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, prune(v, shape.of));
    return out;
  }
  if (shape.k === "object" && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const f = shape.type.fields.get(k);
      if (f) out[k] = prune(v, f.shape);
    }
    return out;
  }
  return value;
}
