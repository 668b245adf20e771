// What `kubectl apply` (client-side) computes before it talks to the server: the
// `kubectl.kubernetes.io/last-applied-configuration` annotation and the three-way strategic merge
// patch against the live object, serialized byte-for-byte as kubectl sends it (Go's json.Marshal
// of a map: compact, keys sorted). For podlab's in-core kubectl (web terminal, notebook endpoint).
import { clone, goJson, isObject, type JsonObject } from "./json-value";
import type { PatchMeta } from "./patch-meta";
import { createThreeWayMergePatch } from "./strategic";

/** The annotation kubectl keeps the applied manifest in. */
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

/** util.GetModifiedConfiguration: the manifest with its last-applied annotation set, and that annotation. */
export function modifiedConfiguration(manifest: JsonObject): { modified: JsonObject; lastApplied: string } {
  const obj = clone(manifest);
  const metadata = isObject(obj.metadata) ? obj.metadata : (obj.metadata = {});
  const annotations: JsonObject = isObject(metadata.annotations) ? { ...metadata.annotations } : {};
  delete annotations[LAST_APPLIED_ANNOTATION];
  metadata.annotations = annotations;
  const lastApplied = `${goJson(obj)}\n`; // runtime.Encode: json.Encoder appends a newline
  metadata.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION]: lastApplied };
  return { modified: obj, lastApplied };
}

/** util.GetOriginalConfiguration: the previously applied manifest recorded on the live object. */
export function originalConfiguration(live: JsonObject): JsonObject | undefined {
  const metadata = isObject(live.metadata) ? live.metadata : undefined;
  const raw = metadata && isObject(metadata.annotations) ? metadata.annotations[LAST_APPLIED_ANNOTATION] : undefined;
  if (typeof raw !== "string" || raw === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The PATCH kubectl apply sends for `manifest` against `live`; `unchanged` when the patch is `{}`. */
export function kubectlApplyPatch(manifest: JsonObject, live: JsonObject, schema: PatchMeta):
  { patch: JsonObject; body: string; unchanged: boolean } {
  const { modified } = modifiedConfiguration(manifest);
  const patch = createThreeWayMergePatch(originalConfiguration(live) ?? {}, modified, live, schema);
  const body = goJson(patch);
  return { patch, body, unchanged: body === "{}" };
}
