// `kubectl wait --for=condition=Ready|delete|jsonpath='{...}'=value TYPE/NAME --timeout=30s`:
// checks through the API server while the virtual clock runs (bounded by --timeout and the
// runner's budget); prints `pod/web condition met` or kubectl's timeout error.
import { ApiStatusError } from "../client";
import { waitFor, type Command } from "../context";
import { kindPrefix, resourcePath } from "../discovery";
import { KubectlError, usageError } from "../io";
import { findResults, relaxedJsonPath } from "../print/jsonpath";
import { parseTargets } from "../targets";
import { listQuery, requestNamespace } from "./get";
import { parseDuration } from "../../core/time";

/** kubectl wait */
export const waitCommand: Command = {
  path: "wait",
  flags: [
    { name: "for", type: "string" },
    { name: "timeout", type: "string", def: "30s" },
    { name: "selector", short: "l", type: "string" },
    { name: "field-selector", type: "string" },
    { name: "all", type: "bool" },
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "output", short: "o", type: "string" },
    { name: "local", type: "bool" },
    { name: "recursive", short: "R", type: "bool" },
  ],
  run(ctx, f) {
    const cond = f.str("for");
    if (!cond) throw new KubectlError("error: --for must be set");
    const timeout = parseDuration(f.str("timeout"));
    if (!Number.isFinite(timeout)) throw new KubectlError(`error: invalid argument "${f.str("timeout")}" for "--timeout" flag`);
    if (!f.args.length) throw usageError("kubectl wait", "resource(s) were provided, but no name was specified");
    const items: { m: ReturnType<typeof parseTargets>[number]["mapping"]; ns?: string; name: string }[] = [];
    for (const t of parseTargets(ctx.disco, f.args)) {
      if (t.names.length) for (const n of t.names) items.push({ m: t.mapping, ns: requestNamespace(ctx, t.mapping, false), name: n });
      else {
        const list = ctx.client.get<any>(resourcePath(t.mapping, requestNamespace(ctx, t.mapping, f.bool("all-namespaces"))), { accept: "application/json", query: listQuery(f) });
        for (const it of list.items ?? []) items.push({ m: t.mapping, ns: it.metadata.namespace, name: it.metadata.name });
      }
    }
    if (!items.length) throw new KubectlError("error: no matching resources found");
    let check: (obj: any | undefined) => boolean;
    if (cond === "delete") check = (o) => o === undefined;
    else if (cond.startsWith("condition=")) {
      const [type, want = "true"] = cond.slice(10).split("=");
      check = (o) => !!o && (o.status?.conditions ?? []).some((c: any) => c.type.toLowerCase() === type.toLowerCase() && String(c.status).toLowerCase() === want.toLowerCase());
    } else if (cond.startsWith("jsonpath=")) {
      const body = cond.slice(9);
      const eq = body.lastIndexOf("=");
      const expr = relaxedJsonPath(eq > 0 ? body.slice(0, eq) : body);
      const want = eq > 0 ? body.slice(eq + 1) : undefined;
      check = (o) => {
        if (!o) return false;
        const vals = findResults(expr, o);
        return want === undefined ? vals.length > 0 : vals.length > 0 && String(vals[0]) === want;
      };
    } else throw new KubectlError(`error: unrecognized condition: "${cond}"`);
    for (const it of items) {
      const get = () => {
        try {
          return ctx.client.get<any>(resourcePath(it.m, it.ns, it.name), { accept: "application/json" });
        } catch (e) {
          if (e instanceof ApiStatusError && e.code === 404) {
            if (cond === "delete") return undefined;
            throw e;
          }
          throw e;
        }
      };
      if (!waitFor(ctx, timeout, () => check(get()))) {
        throw new KubectlError(`error: timed out waiting for the condition on ${it.m.resource}/${it.name}`);
      }
      ctx.out.out(`${kindPrefix(it.m)}/${it.name} condition met\n`);
    }
  },
};
