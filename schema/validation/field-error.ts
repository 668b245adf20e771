// Field errors as apimachinery's field.Error: the unit of every validation result. The API
// server turns a list of them into a 422 Invalid Status (see durable/sim/api/status.ts).

/** field.ErrorType values, with the `reason` they carry in Status causes. */
export type FieldErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "InternalError"
  | "FieldValueTypeInvalid";

/** One validation error. `detail` and `badValue` are rendered as upstream field.Error.Error(). */
export interface FieldError {
  type: FieldErrorType;
  /** Dotted path with indices, e.g. `spec.containers[0].image`. */
  field: string;
  /** Present for Invalid, NotSupported, Duplicate, NotFound, TooLong, TypeInvalid. */
  badValue?: unknown;
  hasBadValue?: boolean;
  detail?: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

/** field.Required */
export const required = (field: string, detail = ""): FieldError => ({ type: "FieldValueRequired", field, detail });
/** field.Invalid */
export const invalid = (field: string, badValue: unknown, detail = ""): FieldError =>
  ({ type: "FieldValueInvalid", field, badValue, hasBadValue: true, detail });
/** field.NotSupported (detail lists the supported values, quoted, in the given order). */
export const notSupported = (field: string, badValue: unknown, supported: string[]): FieldError =>
  ({ type: "FieldValueNotSupported", field, badValue, hasBadValue: true,
     detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : "" });
/** field.Forbidden */
export const forbidden = (field: string, detail = ""): FieldError => ({ type: "FieldValueForbidden", field, detail });
/** field.Duplicate */
export const duplicate = (field: string, badValue: unknown): FieldError =>
  ({ type: "FieldValueDuplicate", field, badValue, hasBadValue: true });
/** field.NotFound */
export const notFound = (field: string, badValue: unknown): FieldError =>
  ({ type: "FieldValueNotFound", field, badValue, hasBadValue: true });
/** field.TooLong (maxLength < 0 means unknown); the value is never printed. */
export const tooLong = (field: string, badValue: unknown, maxLength: number): FieldError =>
  ({ type: "FieldValueTooLong", field, badValue, hasBadValue: true,
     detail: maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? "byte" : "bytes"}` : "value is too long" });
/** field.TooMany: `Too many: 5: must have at most 3 items`. */
export const tooMany = (field: string, actual: number, max: number): FieldError =>
  ({ type: "FieldValueTooMany", field, badValue: actual, hasBadValue: actual >= 0,
     detail: max >= 0 ? `must have at most ${max} items` : "has too many items" });
/** field.InternalError */
export const internalError = (field: string, detail: string): FieldError => ({ type: "InternalError", field, detail });

/** A bad value printed like a Go fmt.Stringer (unquoted), e.g. a Quantity or a ResourceName. */
export const stringer = (s: string): { toString(): string } => ({ toString: () => s });

/**
 * Renders the value part as field.Error.ErrorBody(): `Invalid value: "x": detail`.
 * Strings are quoted with Go %q, numbers/bools printed plainly, objects as Go %#v-ish JSON.
 */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.type === "FieldValueRequired" || e.type === "FieldValueForbidden" || e.type === "FieldValueTooLong" ||
      e.type === "InternalError") {
    // these carry no value
  } else if (e.hasBadValue) {
    s += `: ${formatBadValue(e.badValue)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `<field>: <body>` as in field.Error.Error(). */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Go-ish rendering of a bad value. */
export function formatBadValue(v: unknown): string {
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return '"null"'; // Go: a nil pointer becomes the string "null", printed with %q
  if (Array.isArray(v) && v.every((e) => typeof e === "string")) return `[]string{${v.map((e) => goQuote(e)).join(", ")}}`;
  if (typeof v === "object" && "toString" in v && typeof (v as { toString: unknown }).toString === "function" &&
      (v as object).toString !== Object.prototype.toString) return String(v);
  return JSON.stringify(v);
}

/** Go's strconv.Quote for the common cases (ASCII escapes). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + '"';
}
