// `kubectl get -o yaml|json|name|jsonpath|custom-columns` (printGeneric): plain JSON requests,
// one object when a single item is implied, otherwise everything wrapped in a `kind: List`.
import { singleFileImplied } from "../manifests";
import { sortObjects } from "../print/sort";
import { ApiStatusError } from "../client";
import type { Ctx } from "../context";
import { resourcePath } from "../discovery";
import { statusErrorText } from "../errors";
import type { Flags } from "../flags";
import { KubectlError } from "../io";
import { printObject, type OutputFormat } from "../print/output";
import { singleItemImplied, type Target } from "../targets";
import { listQuery, requestNamespace } from "./get";

/** Fetches the objects of the targets as JSON (lists flattened into items). */
export function fetchObjects(ctx: Ctx, f: Flags, targets: Target[], errors: string[]): any[] {
  const items: any[] = [];
  for (const t of targets) {
    if (!t.names.length) {
      const ns = requestNamespace(ctx, t.mapping, f.bool("all-namespaces"));
      const list = ctx.client.get<any>(resourcePath(t.mapping, ns), { accept: "application/json", query: listQuery(f) });
      items.push(...(list.items ?? []));
      continue;
    }
    for (const name of t.names) {
      try {
        items.push(ctx.client.get<any>(resourcePath(t.mapping, requestNamespace(ctx, t.mapping, false, t.namespace), name), { accept: "application/json" }));
      } catch (e) {
        if (e instanceof ApiStatusError && e.code === 404 && f.bool("ignore-not-found")) continue;
        if (!(e instanceof ApiStatusError)) throw e;
        errors.push(statusErrorText(e));
      }
    }
  }
  return items;
}

/** The generic printing path of get. */
export function getGeneric(ctx: Ctx, f: Flags, targets: Target[], fmt: OutputFormat): void {
  const errors: string[] = [];
  const files = f.list("filename");
  const single = files.length ? singleFileImplied(files) : singleItemImplied(f.args, targets);
  let items = fetchObjects(ctx, f, targets, errors);
  if (single && errors.length) throw new KubectlError(errors.join("\n"));
  if (!items.length && f.bool("ignore-not-found")) return;
  if (f.str("sort-by") && !(single && items.length === 1)) items = sortObjects(items, f.str("sort-by"));
  const obj = single && items.length === 1 ? items[0]
    : { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
  ctx.out.out(printObject(obj, fmt, { showManagedFields: f.bool("show-managed-fields"), noHeaders: f.bool("no-headers") }));
  if (errors.length) throw new KubectlError(errors.join("\n"));
}
