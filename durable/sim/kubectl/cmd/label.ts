// `kubectl label` and `kubectl annotate`: key=value to set, key- to remove, --overwrite,
// --all / -l, --list; each change is a JSON merge PATCH of metadata.labels/annotations with
// fieldManager kubectl-label / kubectl-annotate; prints `pod/web labeled` (unlabeled, not
// labeled) or `pod/web annotated`.
import { fileTargets } from "../manifests";
import { goJson } from "../../api/patch/json-value";
import { ApiStatusError } from "../client";
import type { Command, Ctx } from "../context";
import { kindPrefix, resourcePath, type Mapping } from "../discovery";
import { statusErrorText } from "../errors";
import type { Flags } from "../flags";
import { KubectlError, usageError } from "../io";
import { parseTargets } from "../targets";
import { listQuery, requestNamespace } from "./get";
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery } from "./write-flags";

interface Change {
  set: Record<string, string>;
  remove: string[];
}

function splitArgs(args: string[]): { resources: string[]; change: Change } {
  const change: Change = { set: {}, remove: [] };
  const resources: string[] = [];
  for (const a of args) {
    if (a.includes("=")) change.set[a.slice(0, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
    else if (a.endsWith("-") && resources.length) change.remove.push(a.slice(0, -1));
    else resources.push(a);
  }
  return { resources, change };
}

function run(ctx: Ctx, f: Flags, field: "labels" | "annotations"): void {
  const verb = field === "labels" ? "label" : "annotate";
  const dry = dryRunOf(f);
  const { resources, change } = splitArgs(f.args);
  const files = f.list("filename");
  if (!resources.length && !files.length) throw usageError(`kubectl ${verb}`, "one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (!f.bool("list") && !Object.keys(change.set).length && !change.remove.length) {
    throw usageError(`kubectl ${verb}`, `at least one ${field === "labels" ? "label" : "annotation"} update is required`);
  }
  const items: { m: Mapping; ns?: string; name: string }[] = [];
  for (const t of files.length ? fileTargets(ctx, files) : parseTargets(ctx.disco, resources)) {
    if (t.names.length) {
      for (const name of t.names) items.push({ m: t.mapping, ns: requestNamespace(ctx, t.mapping, false, t.namespace), name });
      continue;
    }
    if (!f.bool("all") && !f.str("selector")) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    const list = ctx.client.get<any>(resourcePath(t.mapping, requestNamespace(ctx, t.mapping, f.bool("all-namespaces"))), { accept: "application/json", query: listQuery(f) });
    for (const it of list.items ?? []) items.push({ m: t.mapping, ns: it.metadata.namespace, name: it.metadata.name });
  }
  const errors: string[] = [];
  for (const it of items) {
    try {
      const path = resourcePath(it.m, it.ns, it.name);
      const obj = ctx.client.get<any>(path, { accept: "application/json" });
      const current: Record<string, string> = { ...(obj.metadata?.[field] ?? {}) };
      if (f.bool("list")) {
        for (const k of Object.keys(current).sort()) ctx.out.out(`${k}=${current[k]}\n`);
        continue;
      }
      if (!f.bool("overwrite")) {
        const taken = Object.keys(change.set).sort().filter((k) => k in current && current[k] !== change.set[k]);
        const said = taken.map((k) => `'${k}' already has a value (${current[k]})`);
        if (taken.length && field === "labels") {
          const each = said.map((s) => `${s}, and --overwrite is false`);
          throw new KubectlError(`error: ${each.length === 1 ? each[0] : `[${each.join(", ")}]`}`);
        }
        if (taken.length) throw new KubectlError(`error: --overwrite is false but found the following declared annotation(s): ${said.join("; ")}`);
      }
      const next = { ...current, ...change.set };
      for (const k of change.remove) delete next[k];
      const patch: Record<string, any> = {};
      for (const k of Object.keys(change.set)) if (current[k] !== change.set[k]) patch[k] = change.set[k];
      for (const k of change.remove) {
        if (k in current) patch[k] = null;
        else if (field === "labels") ctx.out.out(`label "${k}" not found.\n`);
      }
      const changed = Object.keys(patch).length > 0;
      let msg = field === "labels" ? "not labeled" : "not annotated";
      if (changed) {
        msg = field === "labels" ? "labeled" : "annotated";
        if (field === "labels" && !f.bool("overwrite") && Object.keys(next).length < Object.keys(current).length) msg = "unlabeled";
        if (dry !== "client") {
          ctx.client.call("PATCH", path, {
            query: { fieldManager: f.str("field-manager"), ...dryRunQuery(dry) }, contentType: "application/merge-patch+json",
            body: goJson({ metadata: { [field]: patch } }),
          });
        }
      } else if (field === "annotations") msg = "annotated";
      const suffix = dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "";
      ctx.out.out(f.str("output") === "name" ? `${kindPrefix(it.m)}/${it.name}\n` : `${kindPrefix(it.m)}/${it.name} ${msg}${suffix}\n`);
    } catch (e) {
      if (e instanceof ApiStatusError) errors.push(statusErrorText(e));
      else throw e;
    }
  }
  if (errors.length) throw new KubectlError(errors.join("\n"));
}

const FLAGS = (manager: string) => [
  { name: "overwrite", type: "bool" as const },
  { name: "all", type: "bool" as const },
  { name: "all-namespaces", short: "A", type: "bool" as const },
  { name: "selector", short: "l", type: "string" as const },
  { name: "field-selector", type: "string" as const },
  { name: "list", type: "bool" as const },
  { name: "local", type: "bool" as const },
  { name: "output", short: "o", type: "string" as const },
  { name: "resource-version", type: "string" as const },
  { name: "filename", short: "f", type: "stringSlice" as const },
  { name: "recursive", short: "R", type: "bool" as const },
  { name: "field-manager", type: "string" as const, def: manager },
  { name: "chunk-size", type: "int" as const, def: 500 },
  DRY_RUN_FLAG,
];

/** kubectl label */
export const labelCommand: Command = { path: "label", flags: FLAGS("kubectl-label"), run: (ctx, f) => run(ctx, f, "labels") };
/** kubectl annotate */
export const annotateCommand: Command = { path: "annotate", flags: FLAGS("kubectl-annotate"), run: (ctx, f) => run(ctx, f, "annotations") };
