// The API server's write verbs (create, update, patch, delete, status, binding, eviction) over
// the store, applying strategies, strict decoding, preconditions and dry runs. Used by the HTTP
// dispatcher and, as the cluster's internal client, by the scheduler, kubelets and controllers.
import type { FieldError } from "../../../schema/validation/field-error";
import { rfc3339 } from "../core/time";
import { StoreConflict } from "../store/store";
import type { KObject } from "../store/types";
import type { ApiContext, WriteOptions } from "./context";
import { decodeObject } from "./decode";
import { prepareCreateMeta, prepareUpdateMeta } from "./object-meta";
import { updateManagedFields } from "./patch/managed-fields";
import { apiVersionOf, storeResource, type ResourceDef } from "./registry";
import { alreadyExists, ApiError, badRequest, conflict, forbidden, invalid, notFound } from "./status";
import { checkNamespaceDeletable } from "./strategies/namespaces";
import { strategyFor } from "./strategies";
import { clone, type DeleteOptions, type Json } from "./strategies/types";

/** Result of a write: the object plus warnings for the Warning header. */
export interface WriteResult {
  object: KObject;
  created?: boolean;
  warnings: string[];
  /** True when nothing changed (no new resourceVersion). */
  unchanged?: boolean;
}

/** Create/update/delete with Kubernetes semantics. */
export class ApiVerbs {
  constructor(private readonly ctx: ApiContext) {}

  /** Strategy context at the current instant. */
  private sctx() {
    return { now: this.ctx.now(), rng: this.ctx.rng, store: this.ctx.store };
  }

  /** Decodes a body into the resource's kind with strict/warn/ignore handling of unknown fields. */
  decode(def: ResourceDef, body: unknown, opts: WriteOptions, raw?: string): { object: KObject; warnings: string[] } {
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      throw badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: json: cannot unmarshal ${Array.isArray(body) ? "array" : typeof body} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
    }
    const b = body as Json;
    const expected = apiVersionOf(def);
    if (b.apiVersion !== undefined && b.apiVersion !== expected) {
      throw badRequest(`the API version in the data (${b.apiVersion}) does not match the expected API version (${expected})`);
    }
    if (b.kind !== undefined && b.kind !== def.kind) {
      throw badRequest(`${b.kind} in version "${def.version}" cannot be handled as a ${def.kind}: no kind "${b.kind}" is registered for version "${expected}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
    }
    if (opts.internal) return { object: { ...b, apiVersion: expected, kind: def.kind, metadata: b.metadata ?? {} }, warnings: [] };
    const res = decodeObject(def.kind, raw ?? b, opts.fieldValidation ?? "Ignore");
    if ("error" in res) throw badRequest(res.error.message);
    const obj = res.object as Json;
    obj.apiVersion = expected;
    obj.kind = def.kind;
    if (!obj.metadata || typeof obj.metadata !== "object") obj.metadata = {};
    return { object: obj as KObject, warnings: res.warnings };
  }

  /** POST: creates an object in a namespace (or cluster-wide). */
  create(def: ResourceDef, namespace: string | undefined, body: unknown, opts: WriteOptions, raw?: string): WriteResult {
    const { object, warnings } = this.decode(def, body, opts, raw);
    const res = storeResource(def);
    const m = object.metadata;
    if (def.namespaced) {
      if (m.namespace && namespace && m.namespace !== namespace) {
        throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      m.namespace = namespace;
    } else if (m.namespace) {
      delete m.namespace;
    }
    if (def.namespaced) this.checkNamespaceOpen(def, namespace!, m.name ?? m.generateName ?? "");
    const ctx = this.sctx();
    let obj = prepareCreateMeta(object, ctx.rng, ctx.now);
    // The field manager records ownership of what the client sent, before admission adds to it.
    const managed = opts.keepManagedFields ? obj.metadata.managedFields
      : updateManagedFields(undefined, { ...obj, metadata: { ...obj.metadata, managedFields: undefined } }, opts.fieldManager ?? "unknown", "Update", ctx.now, { kind: def.kind }).metadata.managedFields;
    const strategy = strategyFor(res);
    obj = strategy.prepareForCreate(obj, ctx);
    this.validate(def, obj, strategy.validateCreate(obj, ctx));
    if (this.ctx.store.get(res, obj.metadata.namespace, obj.metadata.name!)) throw alreadyExists(def.resource, obj.metadata.name!, def.group);
    obj = { ...obj, metadata: { ...obj.metadata, managedFields: managed } };
    if (!managed) delete obj.metadata.managedFields;
    if (opts.dryRun) return { object: { ...obj, metadata: { ...obj.metadata, resourceVersion: "" } }, created: true, warnings };
    try {
      return { object: this.ctx.store.create(res, obj), created: true, warnings };
    } catch (e) {
      if (e instanceof StoreConflict) throw alreadyExists(def.resource, obj.metadata.name!, def.group);
      throw e;
    }
  }

  /** PUT: replaces an object (main resource or `status`). */
  update(def: ResourceDef, namespace: string | undefined, name: string, body: unknown, opts: WriteOptions, raw?: string): WriteResult {
    const { object, warnings } = this.decode(def, body, opts, raw);
    return this.updateDecoded(def, namespace, name, object, opts, warnings, object.metadata.resourceVersion);
  }

  /** Shared tail of PUT and PATCH: preconditions, strategy, validation, no-op detection, store. */
  updateDecoded(def: ResourceDef, namespace: string | undefined, name: string, object: KObject, opts: WriteOptions,
    warnings: string[], expectRv?: string): WriteResult {
    const res = storeResource(def);
    if (object.metadata.name && object.metadata.name !== name) {
      throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`);
    }
    if (def.namespaced && object.metadata.namespace && object.metadata.namespace !== namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    const old = this.ctx.store.get(res, namespace, name);
    if (!old) throw notFound(def.resource, name, def.group);
    if (expectRv && expectRv !== old.metadata.resourceVersion) throw conflict(def.resource, name, def.group);
    const ctx = this.sctx();
    const strategy = strategyFor(res);
    let obj: KObject = { ...object, metadata: { ...object.metadata, name, ...(def.namespaced ? { namespace } : {}) } };
    obj = prepareUpdateMeta(obj, old);
    const incoming = obj;
    if (opts.subresource === "status") {
      if (!strategy.prepareForStatusUpdate) throw notFound(def.resource, name, def.group);
      obj = strategy.prepareForStatusUpdate(obj, old, ctx);
    } else {
      obj = strategy.prepareForUpdate(obj, old, ctx);
      this.validate(def, obj, strategy.validateUpdate(obj, old, ctx));
    }
    // Internal status writers (kubelet, scheduler) compare before writing; skip the costly check.
    const internalStatus = opts.internal && opts.subresource === "status";
    if (!internalStatus && sameObject(obj, old)) return { object: old, warnings, unchanged: true };
    if (!opts.keepManagedFields) {
      const manager = opts.fieldManager ?? "unknown";
      const reuse = internalStatus && refreshEntry(old, manager, ctx.now);
      const managedFields = reuse || updateManagedFields(old, { ...incoming, metadata: { ...incoming.metadata, managedFields: old.metadata.managedFields } },
        manager, "Update", ctx.now, { kind: def.kind, subresource: opts.subresource === "status" ? "status" : "" }).metadata.managedFields;
      obj = { ...obj, metadata: { ...obj.metadata, managedFields } };
    }
    if (opts.dryRun) return { object: obj, warnings };
    const stored = this.ctx.store.update(res, obj);
    return { object: this.finalizeIfDone(def, stored), warnings };
  }

  /** DELETE: graceful for pods, Terminating for namespaces, immediate otherwise. */
  delete(def: ResourceDef, namespace: string | undefined, name: string, opts: DeleteOptions): { object: KObject; deleted: boolean } {
    const res = storeResource(def);
    const obj = this.ctx.store.get(res, namespace, name);
    if (!obj) throw notFound(def.resource, name, def.group);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata.uid) {
      throw conflict(def.resource, name, def.group, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
      throw conflict(def.resource, name, def.group, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${obj.metadata.resourceVersion}`);
    }
    const dry = !!opts.dryRun?.includes("All");
    const now = this.ctx.now();
    if (res === "namespaces") {
      checkNamespaceDeletable(name);
      if (obj.metadata.deletionTimestamp) return { object: obj, deleted: false };
      const ns = clone(obj) as Json;
      ns.metadata.deletionTimestamp = rfc3339(now);
      ns.metadata.deletionGracePeriodSeconds = 0;
      ns.status = { ...(ns.status ?? {}), phase: "Terminating" };
      if (dry) return { object: ns, deleted: false };
      return { object: this.ctx.store.update(res, ns), deleted: false };
    }
    const strategy = strategyFor(res);
    const grace = strategy.gracePeriod?.(obj, opts);
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp) {
      // Already terminating: a new DELETE may only shorten the grace period.
      const cur = obj.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace === undefined || grace >= cur) {
        if (grace === 0 && !finalizers.length) return this.remove(res, obj, dry);
        return { object: obj, deleted: false };
      }
      if (grace === 0 && !finalizers.length) return this.remove(res, obj, dry);
      return this.markDeleting(res, obj, grace, now, dry);
    }
    if ((grace !== undefined && grace > 0) || finalizers.length) return this.markDeleting(res, obj, grace ?? 0, now, dry);
    return this.remove(res, obj, dry);
  }

  private markDeleting(res: string, obj: KObject, grace: number, now: number, dry: boolean) {
    const o = clone(obj);
    o.metadata.deletionTimestamp = rfc3339(now + grace * 1000);
    o.metadata.deletionGracePeriodSeconds = grace;
    if (dry) return { object: o, deleted: false };
    return { object: this.ctx.store.update(res, o), deleted: false };
  }

  private remove(res: string, obj: KObject, dry: boolean) {
    if (dry) return { object: obj, deleted: true };
    return { object: this.ctx.store.delete(res, obj.metadata.namespace, obj.metadata.name!), deleted: true };
  }

  /** Removes an object whose deletion is complete (finalizers empty after an update). */
  private finalizeIfDone(def: ResourceDef, obj: KObject): KObject {
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).length &&
        (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0 && storeResource(def) !== "pods") {
      return this.ctx.store.delete(storeResource(def), obj.metadata.namespace, obj.metadata.name!);
    }
    return obj;
  }

  private checkNamespaceOpen(def: ResourceDef, namespace: string, name: string): void {
    const ns = this.ctx.store.get("namespaces", undefined, namespace);
    if (!ns) throw notFound("namespaces", namespace);
    if (ns.metadata.deletionTimestamp || (ns as Json).status?.phase === "Terminating") {
      throw forbidden(`${def.resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        { name, kind: def.resource });
    }
  }

  private validate(def: ResourceDef, obj: KObject, errors: FieldError[]): void {
    if (errors.length) throw invalid(def.kind, obj.metadata.name ?? obj.metadata.generateName ?? "", errors, def.group);
  }
}

/**
 * For a controller rewriting status it already owns: the existing entries with that manager's
 * status entry re-timed (recomputing field ownership on every kubelet heartbeat is wasted work).
 */
function refreshEntry(old: KObject, manager: string, now: number): unknown[] | undefined {
  const entries = (old.metadata.managedFields ?? []) as Record<string, unknown>[];
  const i = entries.findIndex((e) => e.manager === manager && e.operation === "Update" && e.subresource === "status");
  if (i < 0) return undefined;
  const out = entries.slice();
  out[i] = { ...entries[i], time: rfc3339(now) };
  return out;
}

/** Deep equality ignoring resourceVersion and managedFields timestamps (the no-op update check). */
export function sameObject(a: KObject, b: KObject): boolean {
  const strip = (o: KObject) => {
    const m = { ...o.metadata };
    delete m.resourceVersion;
    delete m.managedFields;
    return JSON.stringify(sortKeys({ ...o, metadata: m }));
  };
  return strip(a) === strip(b);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export { ApiError };
