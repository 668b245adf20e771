// metadata.managedFields: which manager owns which fields. updateManagedFields records ordinary
// create/update/patch requests as `operation: "Update"` entries the way the apiserver's field
// manager does (the manager takes the fields it added or changed, everyone loses what was
// removed); apply.ts records `operation: "Apply"` entries. kubectl hides managedFields, but
// `kubectl get -o yaml --show-managed-fields` and the Python client show them.
import { rfc3339 } from "../../core/time";
import { isObject, type Json, type JsonObject } from "./json-value";
import { rootCursor } from "./patch-meta";
import { patchMetaFor } from "./patch-meta-tables";
import { difference, fromFieldsV1, toFieldsV1, union, type FieldSet } from "./field-path";
import { compareObjects, type Subresource } from "./field-set";

/** One metav1.ManagedFieldsEntry (field order as Go marshals it). */
export interface ManagedFieldsEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  fieldsType: "FieldsV1";
  fieldsV1: JsonObject;
  subresource?: string;
}

/** A decoded entry: its identity and its set. */
export interface ManagerSet {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  subresource: string;
  set: FieldSet;
  /** The FieldsV1 `set` was decoded from; reused by encode while `set` is that same object. */
  decoded?: { set: FieldSet; fieldsV1: JsonObject };
}

/** A timestamp given as virtual milliseconds or as RFC 3339 text. */
export type Instant = number | string;

/** RFC 3339 text of an instant. */
export function timeText(now: Instant): string {
  return typeof now === "number" ? rfc3339(now) : now;
}

/** The identity upstream keys managers by (manager, operation, subresource; never time). */
export function managerId(m: Pick<ManagerSet, "manager" | "operation" | "subresource">): string {
  return `${m.manager}\u0000${m.operation}\u0000${m.subresource}`;
}

/** Decodes metadata.managedFields (entries podlab cannot read are dropped). */
export function decodeManagedFields(entries: unknown): ManagerSet[] {
  if (!Array.isArray(entries)) return [];
  const out: ManagerSet[] = [];
  for (const e of entries) {
    if (!isObject(e) || typeof e.manager !== "string" || (e.operation !== "Apply" && e.operation !== "Update")) continue;
    const set = fromFieldsV1(e.fieldsV1);
    out.push({
      manager: e.manager, operation: e.operation,
      apiVersion: typeof e.apiVersion === "string" ? e.apiVersion : "",
      time: typeof e.time === "string" ? e.time : undefined,
      subresource: typeof e.subresource === "string" ? e.subresource : "",
      set, ...(isObject(e.fieldsV1) ? { decoded: { set, fieldsV1: e.fieldsV1 } } : {}),
    });
  }
  return out;
}

/** Encodes managers as sorted managedFields entries: Apply before Update, older first, then by name. */
export function encodeManagedFields(managers: ManagerSet[]): ManagedFieldsEntry[] {
  const secs = (t?: string) => (t ? Math.floor(Date.parse(t) / 1000) : 0);
  return managers
    .filter((m) => m.set.size > 0)
    .sort((p, q) => (p.operation !== q.operation ? (p.operation < q.operation ? -1 : 1)
      : secs(p.time) !== secs(q.time) ? secs(p.time) - secs(q.time)
        : p.manager !== q.manager ? (p.manager < q.manager ? -1 : 1)
          : p.apiVersion !== q.apiVersion ? (p.apiVersion < q.apiVersion ? -1 : 1)
            : p.subresource < q.subresource ? -1 : p.subresource > q.subresource ? 1 : 0))
    .map((m) => {
      const e: ManagedFieldsEntry = {
        manager: m.manager, operation: m.operation, apiVersion: m.apiVersion,
        ...(m.time ? { time: m.time } : {}),
        fieldsType: "FieldsV1", fieldsV1: m.decoded?.set === m.set ? m.decoded.fieldsV1 : toFieldsV1(m.set),
      };
      if (m.subresource) e.subresource = m.subresource;
      return e;
    });
}

/** The zero object a create is compared against: the empty structs a typed Go object serializes. */
export function zeroObject(kind: string | undefined): JsonObject {
  return kind === "Pod" ? { metadata: {}, spec: { containers: null }, status: {} } : { metadata: {}, spec: {}, status: {} };
}

/** The managers of `next`: its own managedFields if the request set some, else the live object's. */
export function requestManagers(old: JsonObject | undefined, next: JsonObject): ManagerSet[] {
  const meta = isObject(next.metadata) ? next.metadata : {};
  const raw = meta.managedFields;
  if (Array.isArray(raw) && raw.length === 1 && isObject(raw[0]) && Object.keys(raw[0]).length === 0) return [];
  const own = decodeManagedFields(raw);
  if (own.length) return own;
  const oldMeta = old && isObject(old.metadata) ? old.metadata : {};
  return decodeManagedFields(oldMeta.managedFields);
}

/** Options of updateManagedFields. */
export interface UpdateOptions {
  /** `status` when the request went to the status subresource. */
  subresource?: Subresource;
  /** Kind for the patch metadata (defaults to next.kind). */
  kind?: string;
}

/** Records a create/update/patch by `manager` in next.metadata.managedFields (returns a new object). */
export function updateManagedFields<T extends object>(old: T | undefined, next: T, manager: string,
  operation: "Update", now: Instant, options: UpdateOptions = {}): T {
  const o = old as unknown as JsonObject | undefined;
  const n = next as unknown as JsonObject;
  const kind = options.kind ?? (typeof n.kind === "string" ? n.kind : undefined);
  const sub = options.subresource ?? "";
  const apiVersion = typeof n.apiVersion === "string" ? n.apiVersion : "v1";
  const managers = requestManagers(o, n);
  const cmp = compareObjects(o ?? zeroObject(kind), n, rootCursor(patchMetaFor(kind ?? "")), sub);
  const taken = union(cmp.added, cmp.modified);
  const lost = union(taken, cmp.removed);
  const id = managerId({ manager, operation, subresource: sub });
  let mine = managers.find((m) => managerId(m) === id);
  for (const m of managers) if (m !== mine) m.set = shrink(m.set, lost);
  if (taken.size) {
    const set = union(difference(mine?.set ?? new Map(), cmp.removed), taken);
    if (mine) Object.assign(mine, { set, apiVersion, time: timeText(now) });
    else managers.push((mine = { manager, operation, apiVersion, time: timeText(now), subresource: sub, set }));
  } else if (mine) {
    mine.set = shrink(mine.set, cmp.removed);
  }
  return withManagedFields(n, managers) as unknown as T;
}

/** `set` without `lost`; the same object when nothing was removed (so its encoding is reused). */
export function shrink(set: FieldSet, lost: FieldSet): FieldSet {
  const out = difference(set, lost);
  return out.size === set.size ? set : out;
}

/** A copy of `obj` whose metadata.managedFields encodes `managers` (omitted when none are left). */
export function withManagedFields(obj: JsonObject, managers: ManagerSet[]): JsonObject {
  const meta: JsonObject = isObject(obj.metadata) ? { ...obj.metadata } : {};
  const entries = encodeManagedFields(managers);
  if (entries.length) meta.managedFields = entries as unknown as Json;
  else delete meta.managedFields;
  return { ...obj, metadata: meta };
}
