// Plain JSON values and the few Go-isms the patch code needs to print and compare them the way
// apimachinery does: sorted-key marshaling (Go maps marshal with sorted keys), fmt's `%v`
// rendering of maps and slices in error messages, and deep equality. Used by every module in
// durable/sim/api/patch.

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep copy of a JSON value (undefined members and `__proto__` keys are dropped). */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clone(x)) as T;
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && k !== "__proto__") out[k] = clone(x);
    return out as T;
  }
  return v;
}

/** reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The Go kind of a decoded JSON value, as reflect.TypeOf would tell them apart. */
export function goKind(v: unknown): "map" | "slice" | "string" | "float64" | "bool" | "nil" {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "object") return "map";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "float64";
}

/** Byte-wise string comparison (Go's `<` on strings) for ASCII-dominated keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** json.Marshal of a decoded value: compact, object keys sorted, HTML characters escaped. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map((x) => goJson(x)).join(",")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compareStrings);
    return `{${keys.map((k) => `${goString(k)}:${goJson(o[k])}`).join(",")}}`;
  }
  if (typeof v === "string") return goString(v);
  if (typeof v === "number") return goNumber(v);
  return String(v);
}

/** Go encodes <, >, & and the JS line separators as \u escapes; the rest matches JSON.stringify. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** float64 marshaling: plain below 1e21, exponent form (1e+21, 1e-7) outside Go's window. */
function goNumber(n: number): string {
  if (!Number.isFinite(n)) return "null";
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return n.toExponential();
  return String(n);
}

/** fmt's `%v` of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>`, strings unquoted. */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map((x) => goFormat(x)).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compareStrings);
    return `map[${keys.map((k) => `${k}:${goFormat(o[k])}`).join(" ")}]`;
  }
  if (typeof v === "number") return Math.abs(v) >= 1e21 ? goNumber(v) : String(v);
  return String(v);
}

/** The Go type name of a decoded value for `json: cannot unmarshal X into ...` messages. */
export function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "object") return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v; // string, number
}
