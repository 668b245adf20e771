// The error texts of apimachinery's strategicpatch and mergepatch packages, built from decoded
// JSON the way Go's fmt prints them. Used by smp-lists.ts, smp-merge.ts and smp-diff.ts; the
// PatchError status of each is decided by smpError() in errors.ts.
import { smpError, type PatchError } from "./errors";
import { goFormat } from "./json-value";

/** reflect.TypeOf(v).String() for a value decoded with UnmarshalCaseSensitivePreserveInts. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return "[]interface {}";
  if (typeof v === "object") return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return Number.isInteger(v) ? "int64" : "float64";
}

/** mergepatch.ErrNoMergeKey */
export function errNoMergeKey(m: unknown, key: string): PatchError {
  return smpError(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);
}

/** mergepatch.ErrBadArgType */
export function errBadArgType(expected: "map" | "slice", actual: unknown): PatchError {
  const want = expected === "map" ? "map[string]interface {}" : "[]interface {}";
  return smpError(`expected a ${want}, but received a ${goTypeName(actual)}`);
}

/** mergepatch.ErrBadPatchType */
export function errBadPatchType(directive: unknown, m: unknown): PatchError {
  const d = typeof directive === "string" ? directive : `%!s(${goTypeName(directive)}=${goFormat(directive)})`;
  return smpError(`unknown patch type: ${d} in map: ${goFormat(m)}`);
}

/** A sentinel or free-form strategicpatch error. */
export function errText(message: string): PatchError {
  return smpError(message);
}
