// Server-side apply (`application/apply-patch+yaml`, `kubectl apply --server-side`), used by the
// PATCH handler (api/patch-verb.ts). An approximation of the apiserver's field manager on top of
// structured-merge-diff, kept to what a classroom sees:
// - the configuration merges into the live object with list keys from the patch metadata;
// - the applier owns exactly the fields of its configuration (an `Apply` managedFields entry);
// - fields it applied before and left out now are removed, unless another manager owns them;
// - changing a field another manager owns is a 409 conflict unless `force` is set, in which case
//   ownership moves to the applier.
// Not modelled: version conversion of managed sets, the last-applied annotation upgrade
// (lastAppliedUpdater), the cap on Update managers, and schema errors (duplicate list keys).
import { badPatch, PatchError, type PatchErrorCause } from "./errors";
import { clone, deepEqual, isObject, type JsonObject } from "./json-value";
import { rootCursor } from "./patch-meta";
import { patchMetaFor } from "./patch-meta-tables";
import { compareElements, difference, intersection, pathString, union, type FieldSet, type PathElement } from "./field-path";
import { compareObjects, toFieldSet, type Subresource } from "./field-set";
import { mergeConfig, removePaths } from "./apply-merge";
import {
  decodeManagedFields, managerId, shrink, timeText, withManagedFields, zeroObject, type Instant, type ManagerSet,
} from "./managed-fields";

export { updateManagedFields } from "./managed-fields";

/** Options of one apply request. */
export interface ApplyOptions {
  /** The fieldManager query parameter (required by the API). */
  manager: string;
  /** The force query parameter: take ownership of conflicting fields. */
  force?: boolean;
  /** The request time (virtual milliseconds or RFC 3339), stamped on the managedFields entry. */
  now: Instant;
  /** Kind for the patch metadata (defaults to intent.kind). */
  kind?: string;
  /** `status` for applies to the status subresource. */
  subresource?: Subresource;
}

/** One field another manager owns that the apply would change. */
export interface ApplyConflict {
  /** The other manager's name, operation, apiVersion and subresource. */
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  subresource: string;
  /** `.spec.containers[name="nginx"].image` */
  field: string;
}

/** The outcome of an apply. */
export interface ApplyResult<T> {
  /** The object to store (created or updated), with managedFields recorded. */
  object: T;
  /** True when there was no live object. */
  created: boolean;
  /** The fields taken from other managers because `force` was set. */
  conflicts?: ApplyConflict[];
}

/** Applies `intent` as `manager`; throws a 409 PatchError on ownership conflicts unless forced. */
export function serverSideApply<T extends object>(live: T | undefined, intent: T, opts: ApplyOptions): ApplyResult<T> {
  const liveObj = live as unknown as JsonObject | undefined;
  if (!isObject(intent)) throw badPatch("error decoding YAML: object expected");
  const config = clone(intent as unknown as JsonObject);
  const sub = opts.subresource ?? "";
  if (isObject(config.metadata) && Array.isArray(config.metadata.managedFields) && config.metadata.managedFields.length) {
    throw badPatch("metadata.managedFields must be nil");
  }
  if (isObject(config.metadata)) delete config.metadata.managedFields;
  if (sub === "status") for (const k of Object.keys(config)) if (!["apiVersion", "kind", "metadata", "status"].includes(k)) delete config[k];
  if (sub === "") delete config.status;
  const kind = opts.kind ?? (typeof config.kind === "string" ? config.kind : undefined);
  const c = rootCursor(patchMetaFor(kind ?? ""));
  const apiVersion = typeof config.apiVersion === "string" ? config.apiVersion : "v1";

  const managers = liveObj ? decodeManagedFields(isObject(liveObj.metadata) ? liveObj.metadata.managedFields : undefined) : [];
  if (liveObj && !managers.length) {
    managers.push({ manager: "before-first-apply", operation: "Update", apiVersion, subresource: sub,
      set: toFieldSet(liveObj, c, sub) });
  }
  const id = managerId({ manager: opts.manager, operation: "Apply", subresource: sub });
  const mine = managers.find((m) => managerId(m) === id);
  const others = managers.filter((m) => m !== mine);
  const applied = toFieldSet(config, c, sub);

  let merged = mergeConfig(liveObj ?? {}, config, c) as JsonObject;
  if (mine) {
    const ownedByOthers = union(...others.map((m) => m.set));
    const dropped = difference(difference(mine.set, applied), ownedByOthers);
    merged = removePaths(merged, dropped, union(applied, ownedByOthers), c, config);
  }

  const cmp = compareObjects(liveObj ?? zeroObject(kind), merged, c, sub);
  const changed = union(cmp.added, cmp.modified);
  const conflicts: { m: ManagerSet; set: FieldSet }[] = [];
  for (const m of others) {
    const set = intersection(m.set, changed);
    if (set.size) conflicts.push({ m, set });
  }
  const list = conflictList(conflicts);
  if (list.length && !opts.force) throw conflictError(list);
  for (const { m, set } of conflicts) m.set = shrink(m.set, set);
  for (const m of others) m.set = shrink(m.set, cmp.removed);

  const objectChanged = !liveObj || !deepEqual(stripManaged(liveObj), stripManaged(merged));
  const setChanged = !mine || !sameSet(mine.set, applied);
  const entry: ManagerSet = { manager: opts.manager, operation: "Apply", apiVersion, subresource: sub, set: applied,
    time: objectChanged || setChanged ? timeText(opts.now) : mine?.time };
  const next = [...others, entry];
  const object = withManagedFields(merged, next) as unknown as T;
  return list.length ? { object, created: !liveObj, conflicts: list } : { object, created: !liveObj };
}

function stripManaged(o: JsonObject): JsonObject {
  const meta = isObject(o.metadata) ? { ...o.metadata } : {};
  delete meta.managedFields;
  return { ...o, metadata: meta };
}

function sameSet(a: FieldSet, b: FieldSet): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

function comparePaths(a: PathElement[], b: PathElement[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareElements(a[i], b[i]);
    if (c) return c;
  }
  return a.length - b.length;
}

/** The conflicts, ordered by manager then path. */
function conflictList(conflicts: { m: ManagerSet; set: FieldSet }[]): ApplyConflict[] {
  const out: ApplyConflict[] = [];
  const sorted = [...conflicts].sort((x, y) => (managerLabel(x.m) < managerLabel(y.m) ? -1 : managerLabel(x.m) > managerLabel(y.m) ? 1 : 0));
  for (const { m, set } of sorted) {
    for (const p of [...set.values()].sort(comparePaths)) {
      out.push({ manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, subresource: m.subresource, field: pathString(p) });
    }
  }
  return out;
}

/** printManager: `"kubectl-client-side-apply" using v1`, `"kubelet" with subresource "status" using v1`. */
export function managerLabel(m: Pick<ApplyConflict, "manager" | "operation" | "apiVersion" | "subresource">): string {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  if (m.operation === "Update") s += ` using ${m.apiVersion}`;
  return s;
}

/** The 409 the apiserver answers: `Apply failed with 1 conflict: conflict with "x" using v1: .spec.replicas`. */
export function conflictError(conflicts: ApplyConflict[]): PatchError {
  const causes: PatchErrorCause[] = conflicts.map((c) => ({
    reason: "FieldManagerConflict", message: `conflict with ${managerLabel(c)}`, field: c.field,
  }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${managerLabel(conflicts[0])}: ${conflicts[0].field}`;
  } else {
    const lines: string[] = [];
    let last = "";
    for (const c of conflicts) {
      const label = managerLabel(c);
      if (label !== last) lines.push(`conflicts with ${label}:`);
      last = label;
      lines.push(`- ${c.field}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
  }
  const err = new PatchError(409, "Conflict", message, causes);
  return Object.assign(err, { conflicts });
}
