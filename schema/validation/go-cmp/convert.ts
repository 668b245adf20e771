// v1 JSON → Go values of the internal types (zero-filled structs, nil vs empty kept apart, quantities
// as upstream holds them in memory), plus apiequality.Semantic.DeepEqual over those values.
// Used by the pod update rules and the go-cmp diff renderer.
import { cmp as qcmp, parseQuantity, type Quantity } from "../../quantity";
import { type GoType, PodSpecType } from "./types";

/** A quantity as resource.Quantity holds it (`i` int64 fast path or `d` inf.Dec), plus its value. */
export interface GoQuantity { q?: Quantity; i?: { value: bigint; scale: number }; d?: string; s: string; format: string }
/** An unmodelled value, compared and printed structurally. */
export interface GoOpaque { opaque: unknown }
/** A Go value: primitives, structs (records), slices/pointers (null = nil), maps (Map). */
export type GoVal = string | number | boolean | null | GoVal[] | Map<string, GoVal> | GoQuantity | GoOpaque | { [field: string]: GoVal };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** inf.Dec.String(): the unscaled value with `scale` decimals. */
function decString(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale <= 0) return (neg ? "-" : "") + digits + "0".repeat(-scale);
  if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
  return `${neg ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The in-memory form of a quantity decoded from JSON. */
export function goQuantity(raw: unknown): GoQuantity {
  if (typeof raw !== "string" && typeof raw !== "number") return { s: "", format: "" };
  const q = parseQuantity(raw);
  if (!q) return { s: "", format: "" };
  const base = { q, s: q.s ?? "", format: q.format };
  return q.internal.kind === "i"
    ? { ...base, i: { value: q.internal.value, scale: q.internal.scale } }
    : { ...base, d: decString(q.internal.unscaled, q.internal.scale) };
}

/** Zero value of a Go type. */
export function zero(t: GoType): GoVal {
  switch (t.k) {
    case "string": return "";
    case "int": return 0;
    case "bool": return false;
    case "struct": return Object.fromEntries(t.fields.map((f) => [f.go, zero(f.t)]));
    case "quantity": return { s: "", format: "" };
    default: return null;
  }
}

/** Decodes JSON into a Go value of type `t` (what the v1 decoder + conversion produce). */
export function toGo(t: GoType, v: unknown): GoVal {
  switch (t.k) {
    case "string": return typeof v === "string" ? v : "";
    case "int": return typeof v === "number" ? v : 0;
    case "bool": return v === true;
    case "quantity": return goQuantity(v);
    case "json": return v === undefined || v === null ? null : { opaque: v };
    case "ptr": return v === undefined || v === null ? null : toGo(t.elem, v);
    case "slice": return Array.isArray(v) ? v.map((e) => toGo(t.elem, e)) : null;
    case "map": {
      if (!isRecord(v)) return null;
      return new Map(Object.entries(v).map(([k, e]) => [k, toGo(t.elem, e)] as [string, GoVal]));
    }
    case "struct": {
      const src = isRecord(v) ? v : {};
      const out: Record<string, GoVal> = {};
      for (const f of t.fields) out[f.go] = f.inline ? toGo(f.t, src) : toGo(f.t, src[f.json]);
      return out;
    }
  }
}

/** Converts a v1 PodSpec to the internal core.PodSpec (host* into SecurityContext, serviceAccount alias). */
export function internalPodSpec(spec: unknown): Record<string, GoVal> {
  const src = isRecord(spec) ? spec : {};
  const out = toGo(PodSpecType, src) as Record<string, GoVal>;
  if (!out.ServiceAccountName && typeof src.serviceAccount === "string") out.ServiceAccountName = src.serviceAccount;
  const scType = (PodSpecType as { fields: { go: string; t: GoType }[] }).fields.find((f) => f.go === "SecurityContext")!.t;
  const sc = (out.SecurityContext ?? zero((scType as { elem: GoType }).elem)) as Record<string, GoVal>;
  sc.HostNetwork = src.hostNetwork === true;
  sc.HostPID = src.hostPID === true;
  sc.HostIPC = src.hostIPC === true;
  sc.ShareProcessNamespace = typeof src.shareProcessNamespace === "boolean" ? src.shareProcessNamespace : null;
  sc.HostUsers = typeof src.hostUsers === "boolean" ? src.hostUsers : null;
  out.SecurityContext = sc;
  return out;
}

const emptyish = (v: GoVal) => v === null || (Array.isArray(v) && v.length === 0) || (v instanceof Map && v.size === 0);

/** apiequality.Semantic.DeepEqual: quantities by value, nil and empty slices/maps equal. */
export function semanticEqual(t: GoType, a: GoVal, b: GoVal): boolean {
  switch (t.k) {
    case "quantity": {
      const x = a as GoQuantity;
      const y = b as GoQuantity;
      if (!x.q || !y.q) return !x.q && !y.q;
      return qcmp(x.q, y.q) === 0;
    }
    case "json": return JSON.stringify((a as GoOpaque | null)?.opaque ?? null) === JSON.stringify((b as GoOpaque | null)?.opaque ?? null);
    case "ptr": return a === null || b === null ? a === b : semanticEqual(t.elem, a, b);
    case "slice": {
      if (emptyish(a) || emptyish(b)) return emptyish(a) && emptyish(b);
      const x = a as GoVal[];
      const y = b as GoVal[];
      return x.length === y.length && x.every((e, i) => semanticEqual(t.elem, e, y[i]));
    }
    case "map": {
      if (emptyish(a) || emptyish(b)) return emptyish(a) && emptyish(b);
      const x = a as Map<string, GoVal>;
      const y = b as Map<string, GoVal>;
      return x.size === y.size && [...x].every(([k, v]) => y.has(k) && semanticEqual(t.elem, v, y.get(k)!));
    }
    case "struct": {
      const x = a as Record<string, GoVal>;
      const y = b as Record<string, GoVal>;
      return t.fields.every((f) => semanticEqual(f.t, x[f.go], y[f.go]));
    }
    default: return a === b;
  }
}
