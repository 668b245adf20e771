// `kubectl events [--for TYPE/NAME] [-A] [--types=Warning] [-o ...]`: lists core/v1 events,
// sorts them by their last time like kubectl (series, lastTimestamp, eventTime) and prints
// LAST SEEN / TYPE / REASON / OBJECT / MESSAGE with ages on the virtual clock.
import { humanDuration, parseTime } from "../../core/time";
import type { Command } from "../context";
import { pdqsort } from "../describe/go-sort";
import { KubectlError } from "../io";
import { parseOutput, printObject } from "../print/output";
import { GET_TABWRITER, Tabwriter } from "../print/tabwriter";

// deno-lint-ignore no-explicit-any
type Json = any;

function lastTime(e: Json): number {
  if (e.series?.lastObservedTime) return parseTime(e.series.lastObservedTime);
  if (e.lastTimestamp) return parseTime(e.lastTimestamp);
  return e.eventTime ? parseTime(e.eventTime) : -Infinity;
}

function since(ts: string | null | undefined, now: number): string {
  return ts ? humanDuration(now - parseTime(ts)) : "<unknown>";
}

/** getInterval of kubectl's event printer. */
export function eventInterval(e: Json, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** kubectl events */
export const eventsCommand: Command = {
  path: "events",
  flags: [
    { name: "for", type: "string" },
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "types", type: "stringSlice" },
    { name: "watch", short: "w", type: "bool" },
    { name: "no-headers", type: "bool" },
    { name: "output", short: "o", type: "string" },
    { name: "chunk-size", type: "int", def: 500 },
    { name: "show-managed-fields", type: "bool" },
    { name: "allow-missing-template-keys", type: "bool", def: true },
    { name: "template", type: "string" },
  ],
  run(ctx, f) {
    const allNs = f.bool("all-namespaces");
    const types = f.list("types");
    for (const t of types) if (t !== "Normal" && t !== "Warning") throw new KubectlError(`error: valid --types are Normal or Warning`);
    let fieldSelector: string | undefined;
    if (f.str("for")) {
      const arg = f.str("for");
      const [type, name] = arg.includes("/") ? arg.split("/", 2) : ["pod", arg];
      const m = ctx.disco.resolve(type);
      fieldSelector = `involvedObject.kind=${m.kind},involvedObject.name=${name}`;
    }
    const path = allNs ? "/api/v1/events" : `/api/v1/namespaces/${ctx.namespace}/events`;
    const list = ctx.client.get<any>(path, { accept: "application/json", query: { fieldSelector, limit: "500" } });
    let items: Json[] = list.items ?? [];
    if (types.length) items = items.filter((e) => types.includes(e.type));
    const fmt = parseOutput(f.str("output"), "json,yaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file");
    if (fmt.kind) {
      ctx.out.out(printObject({ apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } }, fmt, { showManagedFields: f.bool("show-managed-fields") }));
      return;
    }
    if (!items.length) {
      ctx.out.err(allNs ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.\n`);
      return;
    }
    const now = ctx.host.cluster.now;
    const sorted = pdqsort(items, (a, b) => lastTime(a) < lastTime(b));
    const w = new Tabwriter(GET_TABWRITER);
    if (!f.bool("no-headers")) w.write(`${allNs ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
    for (const e of sorted) {
      const io = e.involvedObject ?? {};
      w.write(`${allNs ? `${e.metadata.namespace}\t` : ""}${eventInterval(e, now)}\t${e.type ?? ""}\t${e.reason ?? ""}\t${io.kind ?? ""}/${io.name ?? ""}\t${String(e.message ?? "").trim()}\n`);
    }
    ctx.out.out(w.take());
  },
};
