// Small helpers shared by the validators: field.Path rendering (`a.b[0][key]`) and Go-zero-value
// readers over loosely typed JSON (absent or null reads as "", 0, false, [] like a Go struct).

/** A decoded JSON object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** True for a plain JSON object. */
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
/** field.Path.Child */
export const child = (path: string, name: string): string => (path ? `${path}.${name}` : name);
/** field.Path.Index */
export const idx = (path: string, i: number): string => `${path}[${i}]`;
/** field.Path.Key */
export const key = (path: string, k: string): string => `${path}[${k}]`;
/** A string field (Go zero value ""). */
export const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
/** An integer field (Go zero value 0). */
export const num = (v: unknown): number => (typeof v === "number" ? v : 0);
/** A list field (nil reads as empty). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
/** An object field (nil reads as empty). */
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
/** A pointer field is set (not absent, not null). */
export const isSet = (v: unknown): boolean => v !== undefined && v !== null;
