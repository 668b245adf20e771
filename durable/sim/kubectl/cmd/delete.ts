// `kubectl delete` by name, -f, -l or --all: DELETE with kubectl's DeleteOptions body
// ({"propagationPolicy":"Background"}, gracePeriodSeconds from --grace-period/--now/--force,
// dryRun), `pod "web" deleted`, then --wait: the virtual clock runs until each object is gone.
import { ApiStatusError } from "../client";
import { waitFor, type Command, type Ctx } from "../context";
import { kindPrefix, resourcePath, type Mapping } from "../discovery";
import { statusErrorText, withSource } from "../errors";
import type { Flags } from "../flags";
import { KubectlError } from "../io";
import { applyNamespace, readManifests } from "../manifests";
import { parseTargets } from "../targets";
import { listQuery, requestNamespace } from "./get";
import { DRY_RUN_FLAG, dryRunOf, type DryRun } from "./write-flags";

/** An object that was deleted and may still be terminating. */
export interface Deleted {
  mapping: Mapping;
  namespace?: string;
  name: string;
  uid?: string;
  /** The -f source the object came from. */
  source?: string;
}

/** Sends one DELETE (DeleteOptions in the body, as kubectl does). */
export function deleteOne(ctx: Ctx, d: Deleted, grace: number | undefined, dry: DryRun): any {
  const body: Record<string, unknown> = {};
  if (grace !== undefined) body.gracePeriodSeconds = grace;
  body.propagationPolicy = "Background";
  if (dry === "server") body.dryRun = ["All"];
  return ctx.client.call("DELETE", resourcePath(d.mapping, d.namespace, d.name), { contentType: "application/json", body: JSON.stringify(body) }).body;
}

/** Runs the clock until every object is gone (a 404, or a new uid); false on timeout. */
export function waitGone(ctx: Ctx, items: Deleted[], timeoutMs: number): Deleted | undefined {
  for (const d of items) {
    const gone = () => {
      try {
        const o = ctx.client.get<any>(resourcePath(d.mapping, d.namespace, d.name), { accept: "application/json" });
        return !!d.uid && o?.metadata?.uid !== d.uid;
      } catch (e) {
        if (e instanceof ApiStatusError && e.code === 404) return true;
        throw e;
      }
    };
    if (!waitFor(ctx, timeoutMs, gone)) return d;
  }
  return undefined;
}

function graceOf(f: Flags): number | undefined {
  const grace = f.int("grace-period");
  if (f.bool("now")) {
    if (grace !== -1) throw new KubectlError("error: --now and --grace-period cannot be specified together");
    return 1;
  }
  if (f.bool("force")) {
    if (grace > 0) throw new KubectlError("error: --force and --grace-period greater than 0 cannot be specified together");
    return 0;
  }
  if (grace === 0) return 1;
  return grace >= 0 ? grace : undefined;
}

function targetsOf(ctx: Ctx, f: Flags): Deleted[] {
  if (f.list("filename").length) {
    return readManifests(ctx, f.list("filename")).map((m) => ({ mapping: m.mapping, namespace: applyNamespace(ctx, m), name: m.obj.metadata?.name ?? "", source: m.source }));
  }
  if (!f.args.length) {
    throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const out: Deleted[] = [];
  for (const t of parseTargets(ctx.disco, f.args)) {
    if (t.names.length) {
      for (const name of t.names) out.push({ mapping: t.mapping, namespace: requestNamespace(ctx, t.mapping, false), name });
      continue;
    }
    if (!f.bool("all") && !f.str("selector") && !f.str("field-selector")) {
      throw new KubectlError("error: resource(s) were provided, but no name was specified");
    }
    const ns = requestNamespace(ctx, t.mapping, f.bool("all-namespaces"));
    const list = ctx.client.get<any>(resourcePath(t.mapping, ns), { accept: "application/json", query: listQuery(f) });
    for (const it of list.items ?? []) out.push({ mapping: t.mapping, namespace: it.metadata.namespace, name: it.metadata.name });
  }
  return out;
}

/** kubectl delete */
export const deleteCommand: Command = {
  path: "delete",
  flags: [
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "selector", short: "l", type: "string" },
    { name: "field-selector", type: "string" },
    { name: "all", type: "bool" },
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "grace-period", type: "int", def: -1 },
    { name: "now", type: "bool" },
    { name: "force", type: "bool" },
    { name: "wait", type: "bool", def: true },
    { name: "timeout", type: "string", def: "0s" },
    { name: "ignore-not-found", type: "bool" },
    { name: "cascade", type: "string", def: "background", noOptDef: "background" },
    { name: "output", short: "o", type: "string" },
    { name: "recursive", short: "R", type: "bool" },
    { name: "kustomize", short: "k", type: "string" },
    { name: "raw", type: "string" },
    { name: "interactive", short: "i", type: "bool" },
    { name: "chunk-size", type: "int", def: 500 },
    DRY_RUN_FLAG,
  ],
  run(ctx, f) {
    const dry = dryRunOf(f);
    const grace = graceOf(f);
    const items = targetsOf(ctx, f);
    if (grace === 0 && f.bool("force")) {
      ctx.out.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    }
    const errors: string[] = [];
    const deleted: Deleted[] = [];
    const ignoreNotFound = f.bool("ignore-not-found") || ((f.bool("all") || !!f.str("selector")) && !f.args.some((a) => a.includes("/")));
    for (const d of items) {
      try {
        const obj = dry === "client" ? undefined : deleteOne(ctx, d, grace, dry);
        d.uid = obj?.metadata?.uid ?? obj?.details?.uid;
        deleted.push(d);
        const kind = kindPrefix(d.mapping);
        const op = (grace === 0 ? "force deleted" : "deleted") + (dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "");
        ctx.out.out(f.str("output") === "name" ? `${kind}/${d.name}\n` : `${kind} "${d.name}" ${op}\n`);
      } catch (e) {
        if (e instanceof ApiStatusError && e.code === 404 && ignoreNotFound) continue;
        const err = d.source ? withSource(e, "deleting", d.source) : e;
        if (err instanceof ApiStatusError) errors.push(statusErrorText(err));
        else throw err;
      }
    }
    if (!items.length && !f.list("filename").length) {
      ctx.out.out("No resources found\n");
    }
    if (f.bool("wait") && dry === "none" && deleted.length) {
      const stuck = waitGone(ctx, deleted, ctx.budgetMs);
      if (stuck) errors.push(`error: timed out waiting for the condition on ${stuck.mapping.resource}/${stuck.name}`);
    }
    if (errors.length) throw new KubectlError(errors.join("\n"));
  },
};

