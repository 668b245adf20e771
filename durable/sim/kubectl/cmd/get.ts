// `kubectl get`: server-side Tables printed through the human-readable printer (one tabwriter,
// headers per resource kind, a blank line between kinds, kind prefixes when several kinds are
// listed, "No resources found in <ns> namespace." on stderr), the generic -o formats, and -w.
import { fileTargets } from "../manifests";
import { ApiStatusError, TABLE_ACCEPT } from "../client";
import type { Command, Ctx } from "../context";
import { kindPrefix, resourcePath, type Mapping } from "../discovery";
import { statusErrorText } from "../errors";
import type { FlagSpec, Flags } from "../flags";
import { KubectlError, usageError } from "../io";
import { outputWithTemplate, parseOutput, type OutputFormat } from "../print/output";
import { sortObjects, sortTable } from "../print/sort";
import { HumanReadablePrinter, type Table } from "../print/table";
import { GET_TABWRITER, Tabwriter } from "../print/tabwriter";
import { parseTargets, type Target } from "../targets";
import { getGeneric } from "./get-generic";
import { getWatch } from "./get-watch";

/** Printing flags shared by get-like commands. */
export const PRINT_FLAGS: FlagSpec[] = [
  { name: "output", short: "o", type: "string" },
  { name: "show-managed-fields", type: "bool" },
  { name: "template", type: "string" },
  { name: "allow-missing-template-keys", type: "bool", def: true },
];

const GET_FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: "no-headers", type: "bool" },
  { name: "show-kind", type: "bool" },
  { name: "show-labels", type: "bool" },
  { name: "sort-by", type: "string" },
  { name: "label-columns", short: "L", type: "stringSlice" },
  { name: "server-print", type: "bool", def: true },
  { name: "raw", type: "string" },
  { name: "watch", short: "w", type: "bool" },
  { name: "watch-only", type: "bool" },
  { name: "output-watch-events", type: "bool" },
  { name: "chunk-size", type: "int", def: 500 },
  { name: "ignore-not-found", type: "bool" },
  { name: "selector", short: "l", type: "string" },
  { name: "field-selector", type: "string" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "filename", short: "f", type: "stringSlice" },
  { name: "kustomize", short: "k", type: "string" },
  { name: "recursive", short: "R", type: "bool" },
  { name: "subresource", type: "string" },
  { name: "use-openapi-print-columns", type: "bool" },
];

/** Query parameters of a list request. */
export function listQuery(f: Flags, opts: { sort?: boolean } = {}): Record<string, string | undefined> {
  const chunk = f.int("chunk-size");
  return {
    labelSelector: f.str("selector") || undefined,
    fieldSelector: f.str("field-selector") || undefined,
    limit: !opts.sort && chunk > 0 ? String(chunk) : undefined,
    includeObject: opts.sort ? "Object" : undefined,
  };
}

/** The namespace a request for `m` goes to (undefined for cluster-scoped or -A). */
export function requestNamespace(ctx: Ctx, m: Mapping, allNamespaces: boolean, fromFile?: string): string | undefined {
  if (!m.namespaced) return undefined;
  if (fromFile) return fromFile;
  return allNamespaces ? undefined : ctx.namespace;
}

function tableFor(ctx: Ctx, f: Flags, t: Target, name: string | undefined, sort: boolean): Table {
  const ns = requestNamespace(ctx, t.mapping, f.bool("all-namespaces") && name === undefined, t.namespace);
  const path = resourcePath(t.mapping, ns, name);
  const query = name === undefined ? listQuery(f, { sort }) : { includeObject: sort ? "Object" : undefined };
  return ctx.client.get<Table>(path, { accept: TABLE_ACCEPT, query });
}

function humanReadable(ctx: Ctx, f: Flags, targets: Target[], fmt: OutputFormat): void {
  const sortBy = f.str("sort-by");
  const allNs = f.bool("all-namespaces");
  const errors: string[] = [];
  const results: { mapping: Mapping; table: Table }[] = [];
  for (const t of targets) {
    const names = t.names.length ? t.names : [undefined];
    for (const name of names) {
      try {
        results.push({ mapping: t.mapping, table: tableFor(ctx, f, t, name, !!sortBy) });
      } catch (e) {
        if (e instanceof ApiStatusError && e.code === 404 && f.bool("ignore-not-found")) continue;
        if (e instanceof ApiStatusError) errors.push(statusErrorText(e));
        else throw e;
      }
    }
  }
  if (sortBy) sortTables(results, sortBy);
  const withKind = f.bool("show-kind") || new Set(results.map((r) => r.mapping)).size > 1;
  const w = new Tabwriter(GET_TABWRITER);
  let written = 0;
  let ready = false;
  const emit = (s: string) => {
    if (!s) return;
    if (ready) {
      ctx.out.out("\n");
      ready = false;
    }
    ctx.out.out(s);
    written += s.length;
  };
  let printer: HumanReadablePrinter | undefined;
  let last: Mapping | undefined;
  let allNamespaced = !allNs;
  for (const r of results) {
    allNamespaced = allNamespaced && r.mapping.namespaced;
    if (!printer || r.mapping !== last) {
      emit(w.take());
      w.resetRemembered();
      if (last && !f.bool("no-headers") && written > 0) ready = true;
      printer = new HumanReadablePrinter({
        wide: fmt.kind === "wide", noHeaders: f.bool("no-headers"), withNamespace: allNs && r.mapping.namespaced,
        showLabels: f.bool("show-labels"), columnLabels: f.list("label-columns"), kind: withKind ? kindPrefix(r.mapping) : undefined,
      });
      last = r.mapping;
    }
    printer.print(r.table, w); // one tabwriter across the Tables of a kind: aligned as one table
  }
  emit(w.take());
  if (written === 0 && !f.bool("ignore-not-found") && errors.length === 0) {
    ctx.out.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : "No resources found\n");
  }
  if (errors.length) throw new KubectlError(errors.join("\n"));
}

/**
 * --sort-by as kubectl v1.32 applies it to server Tables: several Tables are first ordered as
 * objects (so a row field such as .metadata.name fails on them), then each Table's rows; a
 * Table whose rows lack the field is silently not printed.
 */
function sortTables(results: { mapping: Mapping; table: Table }[], sortBy: string): void {
  if (results.length > 1) {
    const order = sortObjects(results.map((r) => r.table), sortBy);
    results.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
  }
  for (const r of results) {
    try {
      sortTable(r.table, sortBy);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      r.table.rows = [];
    }
  }
}

/** Validates flags and resolves what to get (shared with the watch path). */
export function resolveGetTargets(ctx: Ctx, f: Flags): Target[] {
  if (!f.args.length && !f.list("filename").length) {
    ctx.out.err(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`);
    throw usageError("kubectl get", `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).`);
  }
  if (f.list("filename").length) return fileTargets(ctx, f.list("filename"));
  return parseTargets(ctx.disco, f.args);
}

/** kubectl get */
export const getCommand: Command = {
  path: "get",
  flags: GET_FLAGS,
  run(ctx, f) {
    const fmt = parseOutput(outputWithTemplate(f.str("output"), f.str("template")));
    if (f.bool("show-labels") && fmt.kind && fmt.kind !== "wide") {
      throw new KubectlError(`error: --show-labels option cannot be used with ${f.str("output")} printer`);
    }
    if (f.bool("output-watch-events") && !f.bool("watch") && !f.bool("watch-only")) {
      throw new KubectlError("error: --output-watch-events option can only be used with --watch or --watch-only");
    }
    if ((f.bool("watch") || f.bool("watch-only")) && f.str("sort-by")) {
      ctx.out.err("warning: --watch or --watch-only requested, --sort-by will be ignored\n");
    }
    const targets = resolveGetTargets(ctx, f);
    if (f.bool("watch") || f.bool("watch-only")) return getWatch(ctx, f, targets, fmt);
    if (fmt.kind === "" || fmt.kind === "wide") return humanReadable(ctx, f, targets, fmt);
    getGeneric(ctx, f, targets, fmt);
  },
};
