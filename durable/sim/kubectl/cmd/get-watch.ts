// `kubectl get -w` with a bounded duration: lists (or gets) as a Table, prints it, then opens
// the same watch kubectl opens (list RV, or RV 0 plus metadata.name for one object, whose first
// synthetic ADDED is skipped) and runs the virtual clock forward, printing one row per event
// with the widths remembered from the header. Stops after --request-timeout or 30 s (virtual).
import type { WatchResponse } from "../../api/request";
import { TABLE_ACCEPT } from "../client";
import { requestTimeoutMs, waitFor, type Ctx } from "../context";
import { resourcePath } from "../discovery";
import type { Flags } from "../flags";
import { DEFAULT_STREAM_MS } from "../host";
import { KubectlError } from "../io";
import { printObject, type OutputFormat } from "../print/output";
import { HumanReadablePrinter, type Table } from "../print/table";
import { GET_TABWRITER, Tabwriter } from "../print/tabwriter";
import type { Target } from "../targets";
import { requestNamespace } from "./get";

/** Opens a watch through the API server and returns a function draining its events. */
export function openWatch(ctx: Ctx, path: string, query: Record<string, string | undefined>, accept: string): () => { type: string; object: any }[] {
  const r = ctx.client.raw("GET", path, { accept, query: { ...query, watch: "true" } });
  if (r.type !== "watch") {
    if (r.type === "body") ctx.client.call("GET", path, { accept, query: { ...query, watch: "true" } });
    throw new KubectlError("error: unexpected response to a watch request");
  }
  const cluster = ctx.host.cluster;
  const cursor = cluster.openWatch((r as WatchResponse).watch);
  return () => cluster.drainWatch(cursor).map((l) => JSON.parse(l));
}

/** The watch path of get. */
export function getWatch(ctx: Ctx, f: Flags, targets: Target[], fmt: OutputFormat): void {
  if (targets.length !== 1) throw new KubectlError("error: you may only specify a single resource type");
  const t = targets[0];
  if (t.names.length > 1) throw new KubectlError("error: watch is only supported on individual resources and resource collections - more than 1 resource was found");
  const name = t.names[0];
  const allNs = f.bool("all-namespaces") && name === undefined;
  const ns = requestNamespace(ctx, t.mapping, allNs);
  const human = fmt.kind === "" || fmt.kind === "wide";
  const accept = human ? TABLE_ACCEPT : "application/json";
  const listQuery = { labelSelector: f.str("selector") || undefined, fieldSelector: f.str("field-selector") || undefined };
  const initial = ctx.client.get<any>(resourcePath(t.mapping, ns, name), { accept, query: name ? {} : { ...listQuery, limit: "500" } });
  const isList = name === undefined;
  const rv = isList ? initial.metadata?.resourceVersion ?? "" : "0";
  const events = f.bool("output-watch-events");
  const w = new Tabwriter(GET_TABWRITER);
  const printer = new HumanReadablePrinter({ wide: fmt.kind === "wide", noHeaders: f.bool("no-headers"), withNamespace: allNs && t.mapping.namespaced,
    showLabels: f.bool("show-labels"), columnLabels: f.list("label-columns") });
  let printed = 0;
  const show = (obj: any, type: string) => {
    if (human) {
      printer.print(obj as Table, w, events ? type : undefined);
      ctx.out.out(w.take());
      return;
    }
    const body = events ? { type, object: obj } : obj;
    if (fmt.kind === "yaml" && printed > 0) ctx.out.out("---\n");
    ctx.out.out(printObject(body, fmt, { showManagedFields: f.bool("show-managed-fields") }));
    printed++;
  };
  if (!f.bool("watch-only")) {
    if (human) show(initial, "ADDED");
    else if (isList) for (const it of initial.items ?? []) show(it, "ADDED");
    else show(initial, "ADDED");
  }
  const watchQuery = name
    ? { fieldSelector: `metadata.name=${name}`, resourceVersion: rv }
    : { ...listQuery, resourceVersion: rv };
  const drain = openWatch(ctx, resourcePath(t.mapping, ns), watchQuery, accept);
  let skipFirst = !isList;
  const pump = () => {
    for (const ev of drain()) {
      if (skipFirst) {
        skipFirst = false;
        continue;
      }
      if (ev.type === "BOOKMARK") continue;
      show(ev.object, ev.type);
    }
  };
  pump();
  const limit = requestTimeoutMs(f) || DEFAULT_STREAM_MS;
  waitFor(ctx, limit, () => {
    pump();
    return false;
  });
  pump();
}
