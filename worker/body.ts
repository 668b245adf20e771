// Reading and validating JSON request bodies at the edge of the Worker: a size limit checked
// before and while reading, JSON parsing and valibot validation, each failure a 4xx Status.
import type { Context } from "hono";
import * as v from "valibot";
import { status } from "./http";

/** Reads a JSON body of at most `limit` bytes (empty = {}) and validates it; returns the output or the 4xx response. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S, limit: number, what: string): Promise<v.InferOutput<S> | Response> {
  const len = Number(c.req.header("content-length") ?? "0");
  if (len > limit) return status(c, 413, "RequestEntityTooLarge", `${what} body too large: limit is ${limit} bytes`);
  const text = await c.req.text();
  if (text.length > limit) return status(c, 413, "RequestEntityTooLarge", `${what} body too large: limit is ${limit} bytes`);
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    return status(c, 400, "BadRequest", `${what} body must be JSON`);
  }
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return parsed.output;
  const i = parsed.issues[0];
  const where = i.path?.map((p) => (typeof p.key === "number" ? `[${p.key}]` : `.${String(p.key)}`)).join("").replace(/^\./, "") ?? "";
  return status(c, 400, "BadRequest", `invalid ${what}: ${where ? `${where}: ` : ""}${i.message}`);
}
