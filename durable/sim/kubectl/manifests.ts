// Reads -f inputs the way kubectl's resource builder does: `-f -` is stdin (source "STDIN");
// any other name uses the request's stdin as that file's content (the web terminal and notebooks
// have no file system) and is reported under its name. Multi-document YAML (YAML 1.1 rules like
// Go's, timestamps kept as strings) or JSON; `kind: List` is flattened; empty documents skipped.
import type { Target } from "./targets";
import { parseAllDocuments } from "yaml";
import type { Ctx } from "./context";
import type { Mapping } from "./discovery";
import { KubectlError } from "./io";

/** One object from a manifest. */
export interface ManifestObject {
  obj: Record<string, any>;
  source: string;
  mapping: Mapping;
}

const YAML_OPTS = {
  version: "1.1" as const,
  customTags: (tags: any[]) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp"),
};

function parseDocuments(text: string, source: string): unknown[] {
  const docs: unknown[] = [];
  for (const d of parseAllDocuments(text, YAML_OPTS)) {
    if (d.errors.length) {
      const e = d.errors[0];
      const line = e.linePos?.[0]?.line ?? 1;
      throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${e.message.split(" at line")[0].toLowerCase()}`);
    }
    const v = d.toJS();
    if (v === null || v === undefined) continue;
    docs.push(v);
  }
  return docs;
}

/** The raw text and source name of each -f argument. */
export function readFiles(ctx: Ctx, files: string[]): { text: string; source: string }[] {
  const missing = files.filter((f) => f !== "-" && !ctx.stdin).map((f) => `the path "${f}" does not exist`);
  // One error prints as "error: ...", an aggregate as one bare line per error.
  if (missing.length) throw new KubectlError(missing.length === 1 ? `error: ${missing[0]}` : missing.join("\n"));
  return files.map((f) => ({ text: ctx.stdin, source: f === "-" ? "STDIN" : f }));
}

/** Decodes the objects of -f arguments, resolving each kind through discovery. */
export function readManifests(ctx: Ctx, files: string[]): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const { text, source } of readFiles(ctx, files)) {
    const docs = parseDocuments(text, source);
    const flat: unknown[] = [];
    for (const d of docs) {
      const o = d as Record<string, any>;
      if (o && typeof o === "object" && !Array.isArray(o) && typeof o.kind === "string" && o.kind.endsWith("List") && Array.isArray(o.items)) flat.push(...o.items);
      else flat.push(d);
    }
    for (const d of flat) {
      if (typeof d !== "object" || d === null || Array.isArray(d)) {
        throw new KubectlError(`error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
      const obj = d as Record<string, any>;
      const json = JSON.stringify(obj);
      if (!obj.kind) throw new KubectlError(`error: unable to decode "${source}": Object 'Kind' is missing in '${json}'`);
      if (!obj.apiVersion) throw new KubectlError(`error: unable to decode "${source}": Object 'apiVersion' is missing in '${json}'`);
      const mapping = ctx.disco.forKind(String(obj.apiVersion), String(obj.kind));
      if (!mapping) {
        const name = obj.metadata?.name ?? "";
        const ns = obj.metadata?.namespace ?? "";
        throw new KubectlError(`error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
      }
      out.push({ obj, source, mapping });
    }
  }
  if (!out.length) throw new KubectlError("error: no objects passed to apply");
  return out;
}

/** The objects of -f files as targets (one per object, in file order) for get/describe/label. */
export function fileTargets(ctx: Ctx, files: string[]): Target[] {
  return readManifests(ctx, files).map((m) => ({ mapping: m.mapping, names: [m.obj.metadata?.name ?? ""], namespace: applyNamespace(ctx, m) }));
}

/** True when -f names a single file, so a lone object prints as itself rather than a List. */
export function singleFileImplied(files: string[]): boolean {
  return files.length === 1 && files[0] !== "-";
}

/** Sets the namespace of a namespaced object (kubectl's builder does this before sending). */
export function applyNamespace(ctx: Ctx, m: ManifestObject): string | undefined {
  if (!m.mapping.namespaced) return undefined;
  const meta = (m.obj.metadata ??= {});
  const own = meta.namespace as string | undefined;
  if (own && ctx.explicitNamespace && own !== ctx.namespace) {
    throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  meta.namespace = own || ctx.namespace;
  return meta.namespace;
}
