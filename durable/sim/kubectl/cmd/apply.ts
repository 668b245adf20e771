// `kubectl apply -f` (client-side apply: GET, then POST with the last-applied annotation or the
// three-way strategic merge PATCH from api/patch/kubectl-apply.ts, "unchanged" when the patch is
// {}) and `--server-side` (one apply-patch PATCH). Prints created/configured/unchanged lines.
import { kubectlApplyPatch, modifiedConfiguration } from "../../api/patch/kubectl-apply";
import { goJson } from "../../api/patch/json-value";
import { patchMetaFor } from "../../api/patch/strategic";
import { ApiStatusError, warningLines } from "../client";
import type { Command, Ctx } from "../context";
import { kindPrefix, resourcePath } from "../discovery";
import { statusErrorText, withSource } from "../errors";
import type { Flags } from "../flags";
import { KubectlError } from "../io";
import { applyNamespace, readManifests, type ManifestObject } from "../manifests";
import { parseOutput, printObject } from "../print/output";
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix, fieldValidationOf, VALIDATE_FLAG, type DryRun } from "./write-flags";

/** Prints one result line (`pod/web created`) or the object in the -o format. */
export function printResult(ctx: Ctx, f: Flags, m: ManifestObject | { mapping: ManifestObject["mapping"] }, name: string, verb: string, obj: unknown, dry: DryRun): void {
  const fmt = parseOutput(f.str("output"), "json,yaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file");
  if (fmt.kind === "name") ctx.out.out(`${kindPrefix(m.mapping)}/${name}\n`);
  else if (fmt.kind) ctx.out.out(printObject(obj, fmt));
  else ctx.out.out(`${kindPrefix(m.mapping)}/${name} ${verb}${dryRunSuffix(dry)}\n`);
}

function warn(ctx: Ctx, headers: Record<string, string>): void {
  for (const w of warningLines(headers)) ctx.out.err(`${w}\n`);
}

function infoString(m: ManifestObject, name: string, ns: string | undefined): string {
  const g = m.mapping.group;
  return `Resource: "${g}/${m.mapping.version}, Resource=${m.mapping.resource}", GroupVersionKind: "${g}/${m.mapping.version}, Kind=${m.mapping.kind}"\nName: "${name}", Namespace: "${ns ?? ""}"`;
}

function clientSideApply(ctx: Ctx, f: Flags, m: ManifestObject, dry: DryRun): void {
  const ns = applyNamespace(ctx, m);
  const name = m.obj.metadata?.name;
  if (!name) throw new KubectlError(`error: error when retrieving current configuration of:\n${infoString(m, "", ns)}\nfrom server for: "${m.source}": resource name may not be empty`);
  const path = resourcePath(m.mapping, ns, name);
  const query = { fieldManager: f.str("field-manager") || "kubectl-client-side-apply", fieldValidation: fieldValidationOf(f), ...dryRunQuery(dry) };
  let live: any;
  try {
    live = ctx.client.get(path, { accept: "application/json" });
  } catch (e) {
    if (!(e instanceof ApiStatusError && e.code === 404)) {
      throw withSource(e, "retrieving current configuration of:\n" + infoString(m, name, ns) + "\nfrom server for:", m.source);
    }
  }
  if (live === undefined) {
    const { modified } = modifiedConfiguration(m.obj as any);
    if (dry === "client") return printResult(ctx, f, m, name, "created", modified, dry);
    try {
      const r = ctx.client.call("POST", resourcePath(m.mapping, ns), { query, contentType: "application/json", body: goJson(modified) });
      warn(ctx, r.headers);
      return printResult(ctx, f, m, name, "created", r.body, dry);
    } catch (e) {
      throw withSource(e, "creating", m.source);
    }
  }
  const { body, unchanged } = kubectlApplyPatch(m.obj as any, live, patchMetaFor(m.mapping.kind));
  if (unchanged || dry === "client") return printResult(ctx, f, m, name, unchanged ? "unchanged" : "configured", live, dry);
  try {
    const r = ctx.client.call("PATCH", path, { query, contentType: "application/strategic-merge-patch+json", body });
    warn(ctx, r.headers);
    printResult(ctx, f, m, name, "configured", r.body, dry);
  } catch (e) {
    throw withSource(e, `applying patch:\n${body}\nto:\n${infoString(m, name, ns)}\nfor:`, m.source);
  }
}

function serverSideApply(ctx: Ctx, f: Flags, m: ManifestObject, dry: DryRun): void {
  const ns = applyNamespace(ctx, m);
  const name = m.obj.metadata?.name ?? "";
  const query = { fieldManager: f.str("field-manager") || "kubectl", fieldValidation: fieldValidationOf(f), force: String(f.bool("force-conflicts")), ...dryRunQuery(dry) };
  try {
    const r = ctx.client.call("PATCH", resourcePath(m.mapping, ns, name), { query, contentType: "application/apply-patch+yaml", body: JSON.stringify(m.obj) });
    warn(ctx, r.headers);
    printResult(ctx, f, m, name, "serverside-applied", r.body, dry);
  } catch (e) {
    throw withSource(e, "applying patch", m.source);
  }
}

/** Runs fn for each manifest object, collecting failures like kubectl's ContinueOnError. */
export function forEachObject(ctx: Ctx, objs: ManifestObject[], fn: (m: ManifestObject) => void): void {
  const errors: string[] = [];
  for (const m of objs) {
    try {
      fn(m);
    } catch (e) {
      if (e instanceof ApiStatusError) errors.push(statusErrorText(e));
      else if (e instanceof KubectlError) errors.push(e.text);
      else throw e;
    }
  }
  if (errors.length) throw new KubectlError(errors.join("\n"));
}

/** kubectl apply */
export const applyCommand: Command = {
  path: "apply",
  flags: [
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "output", short: "o", type: "string" },
    { name: "server-side", type: "bool" },
    { name: "force-conflicts", type: "bool" },
    { name: "field-manager", type: "string" },
    { name: "recursive", short: "R", type: "bool" },
    { name: "kustomize", short: "k", type: "string" },
    { name: "selector", short: "l", type: "string" },
    { name: "prune", type: "bool" },
    { name: "all", type: "bool" },
    { name: "overwrite", type: "bool", def: true },
    { name: "force", type: "bool" },
    { name: "grace-period", type: "int", def: -1 },
    { name: "timeout", type: "string" },
    { name: "wait", type: "bool" },
    { name: "show-managed-fields", type: "bool" },
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
  ],
  run(ctx, f) {
    const dry = dryRunOf(f);
    fieldValidationOf(f);
    if (!f.list("filename").length) {
      throw new KubectlError(`error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples`);
    }
    const objs = readManifests(ctx, f.list("filename"));
    forEachObject(ctx, objs, (m) => (f.bool("server-side") ? serverSideApply(ctx, f, m, dry) : clientSideApply(ctx, f, m, dry)));
  },
};
