// The events table (printEvent): LAST SEEN / TYPE / REASON / OBJECT / MESSAGE plus wide columns.
import { humanDuration, parseTime } from "../core/time";
import { col, type ColumnDef } from "./columns";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Column definitions of the events table. */
export const EVENT_COLUMNS: ColumnDef[] = [
  col("Last Seen", "Time when last event occurred"),
  col("Type", "Type of this event (Normal, Warning), new types could be added in the future."),
  col("Reason", "Reason why this event was generated"),
  col("Object", "The object that this event is about"),
  col("Subobject", "The subobject that this event is about", { priority: 1 }),
  col("Source", "The component reporting this event", { priority: 1 }),
  col("Message", "A human-readable description of the status of this operation."),
  col("First Seen", "Time when first event occurred", { priority: 1 }),
  col("Count", "The number of times this event has occurred", { type: "integer", priority: 1 }),
  col("Name", "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", { format: "name", priority: 1 }),
];

const since = (ts: string | null | undefined, now: number) => (ts ? humanDuration(now - parseTime(ts)) : "<unknown>");

/** formatEventSource: `kubelet, node01` or the reporting controller/instance. */
export function eventSource(ev: Json): string {
  const component = ev.source?.component || ev.reportingComponent || "";
  const host = ev.source?.host || ev.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

/** One row of the events table. */
export function eventRow(ev: Json, now: number): unknown[] {
  let first = since(ev.firstTimestamp, now);
  if (!ev.firstTimestamp) first = since(ev.eventTime, now);
  let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first;
  let count = ev.count ?? 0;
  if (ev.series) {
    last = since(ev.series.lastObservedTime, now);
    count = ev.series.count;
  } else if (!count) count = 1;
  const io = ev.involvedObject ?? {};
  const target = io.name ? `${String(io.kind ?? "").toLowerCase()}/${io.name}` : String(io.kind ?? "").toLowerCase();
  return [last, ev.type ?? "", ev.reason ?? "", target, io.fieldPath ?? "", eventSource(ev),
    String(ev.message ?? "").trim(), first, count, ev.metadata.name];
}
