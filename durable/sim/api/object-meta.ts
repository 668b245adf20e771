// System metadata the API server owns: uid, creationTimestamp, generated names, resourceVersion
// preconditions, immutable metadata on update, and managedFields bookkeeping.
import { rfc3339 } from "../core/time";
import type { Rng } from "../core/rng";
import type { KObject, ObjectMeta } from "../store/types";
import { badRequest } from "./status";

/** rest.BeforeCreate's metadata part: uid, timestamps, generated name. */
export function prepareCreateMeta(obj: KObject, rng: Rng, now: number): KObject {
  const m: ObjectMeta = { ...obj.metadata };
  if (!m.name && m.generateName) m.name = `${m.generateName}${rng.suffix(5)}`;
  if (m.resourceVersion) throw badRequest("resourceVersion should not be set on objects to be created");
  m.uid = rng.uuid();
  m.creationTimestamp = rfc3339(now);
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
  if (m.generateName === "") delete m.generateName;
  for (const k of ["labels", "annotations"] as const) if (m[k] && Object.keys(m[k]!).length === 0) delete m[k];
  return { ...obj, metadata: m };
}

/** Carries system-owned metadata from the stored object into an update. */
export function prepareUpdateMeta(obj: KObject, old: KObject): KObject {
  const m: ObjectMeta = { ...obj.metadata };
  const o = old.metadata;
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp; else delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else delete m.deletionGracePeriodSeconds;
  if (o.generation !== undefined) m.generation = o.generation;
  delete m.selfLink;
  for (const k of ["labels", "annotations"] as const) if (m[k] && Object.keys(m[k]!).length === 0) delete m[k];
  return { ...obj, metadata: m };
}

/** The field manager of a request: the fieldManager parameter or the User-Agent's product token. */
export function managerOf(fieldManager: string | null, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  if (!userAgent) return "unknown";
  return userAgent.split("/")[0] || "unknown";
}

/** Records an Update (or Apply) managedFields entry for a manager, replacing its previous one. */
export function touchManagedFields(obj: KObject, manager: string, operation: "Update" | "Apply", apiVersion: string,
  now: number, subresource?: string): KObject {
  const entries = ((obj.metadata.managedFields ?? []) as Record<string, unknown>[])
    .filter((e) => !(e.manager === manager && e.operation === operation && (e.subresource ?? undefined) === subresource));
  const fieldsV1 = fieldsOf(obj, subresource);
  const entry: Record<string, unknown> = { manager, operation, apiVersion, time: rfc3339(now), fieldsType: "FieldsV1", fieldsV1 };
  if (subresource) entry.subresource = subresource;
  entries.push(entry);
  return { ...obj, metadata: { ...obj.metadata, managedFields: entries } };
}

/** A FieldsV1 set describing the top-level fields present (coarse but well-formed). */
function fieldsOf(obj: KObject, subresource?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: unknown, depth: number): Record<string, unknown> => {
    if (depth > 2 || !v || typeof v !== "object" || Array.isArray(v)) return {};
    const r: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) r[`f:${k}`] = walk((v as Record<string, unknown>)[k], depth + 1);
    return r;
  };
  if (subresource === "status") {
    out["f:status"] = walk(obj.status, 1);
    return out;
  }
  const meta: Record<string, unknown> = {};
  if (obj.metadata.labels) meta["f:labels"] = walk(obj.metadata.labels, 2);
  if (obj.metadata.annotations) meta["f:annotations"] = walk(obj.metadata.annotations, 2);
  out["f:metadata"] = meta;
  for (const k of Object.keys(obj).sort()) {
    if (k === "metadata" || k === "status" || k === "kind" || k === "apiVersion") continue;
    out[`f:${k}`] = walk(obj[k], 1);
  }
  return out;
}
