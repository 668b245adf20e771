// Tiny JSON helpers for the defaulting functions (which mutate a private deep copy).

/** A decoded JSON object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
/** True for a plain JSON object. */
export const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** A list field (absent reads as empty). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
/** A deep copy of JSON data. */
export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
