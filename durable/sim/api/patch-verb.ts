// PATCH: strategic merge, JSON merge, JSON patch and server-side apply, each computed against
// the live object and then stored through the normal update path (or created, for apply).
import { parse as parseYaml } from "yaml";
import type { KObject } from "../store/types";
import type { WriteOptions } from "./context";
import { parseJsonBody } from "./body";
import { applyJsonPatch } from "./patch/json-patch";
import { jsonMergePatch } from "./patch/merge";
import { patchMetaFor, strategicMergePatch } from "./patch/strategic";
import { serverSideApply } from "./patch/apply";
import { storeResource, type ResourceDef } from "./registry";
import { ApiError, badRequest, notFound, unsupportedMediaType } from "./status";
import { PatchError } from "./patch/errors";
import type { ApiVerbs, WriteResult } from "./verbs";

/** Patch media types the server accepts. */
export const PATCH_TYPES = [
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/strategic-merge-patch+json",
  "application/apply-patch+yaml",
];

/** Applies a PATCH request. */
export function patchObject(verbs: ApiVerbs, live: KObject | undefined, def: ResourceDef, namespace: string | undefined,
  name: string, mediaType: string, text: string, opts: WriteOptions & { force?: boolean; now: number }): WriteResult {
  if (!PATCH_TYPES.includes(mediaType)) throw unsupportedMediaType(PATCH_TYPES);
  if (mediaType === "application/apply-patch+yaml") {
    let intent: unknown;
    try {
      intent = parseYaml(text);
    } catch (e) {
      throw badRequest(`error decoding YAML: ${(e as Error).message.split("\n")[0]}`);
    }
    if (!opts.fieldManager) throw badRequest("PATCH, application/apply-patch+yaml requires fieldManager to be set");
    const { object: decoded, warnings } = verbs.decode(def, intent, opts);
    if (decoded.metadata.name && decoded.metadata.name !== name) {
      throw badRequest(`the name of the object (${decoded.metadata.name}) does not match the name on the URL (${name})`);
    }
    const result = wrapPatchError(() => serverSideApply(live, decoded, { manager: opts.fieldManager!, force: !!opts.force, now: opts.now, kind: def.kind }));
    if (!live) {
      const created = verbs.create(def, namespace, { ...result.object, metadata: { ...result.object.metadata, name } },
        { ...opts, fieldValidation: "Ignore", keepManagedFields: true });
      return { ...created, warnings };
    }
    return verbs.updateDecoded(def, namespace, name, result.object, { ...opts, keepManagedFields: true }, warnings);
  }
  if (!live) throw notFound(def.resource, name, def.group);
  const patch = parseJsonBody(text);
  const patched = wrapPatchError(() => {
    if (mediaType === "application/json-patch+json") return applyJsonPatch(live, patch as never);
    if (mediaType === "application/merge-patch+json") return jsonMergePatch(live, patch);
    return strategicMergePatch(live, patch, patchMetaFor(def.kind));
  });
  const { object, warnings } = verbs.decode(def, patched, opts);
  const patchRv = (patch as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion;
  return verbs.updateDecoded(def, namespace, name, object, opts, warnings, typeof patchRv === "string" ? patchRv : undefined);
}

/** Runs a patch computation, turning PatchError/SelectorError values into Status errors with their causes. */
function wrapPatchError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e instanceof PatchError) {
      const st = e.toStatus() as { code: number; reason: string; message: string; details?: Record<string, unknown> };
      throw new ApiError(st.code, st.reason as never, st.message, st.details as never);
    }
    throw badRequest((e as Error).message);
  }
}

/** Store resource name helper re-exported for the dispatcher. */
export { storeResource };
