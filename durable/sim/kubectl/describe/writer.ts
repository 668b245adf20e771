// The describers' output machinery: kubectl's PrefixWriter (two spaces per level) over a
// tabwriter (minwidth 0, tabwidth 8, padding 2), plus the shared blocks every describer uses:
// multi-line labels/annotations, taints, tolerations, times and the Events table.
import { humanDuration, parseTime, rfc1123z } from "../../core/time";
import { DESCRIBE_TABWRITER, Tabwriter } from "../print/tabwriter";
import { pdqsort } from "./go-sort";

/** kubectl's PrefixWriter writing into a describe tabwriter. */
export class PrefixWriter {
  private readonly tw = new Tabwriter(DESCRIBE_TABWRITER);
  private out = "";

  /** Writes `text` indented by `level` (two spaces each). */
  write(level: number, text: string): void {
    this.tw.write("  ".repeat(level) + text);
  }

  /** Writes a whole line without indentation (Go's Sprintln). */
  writeLine(text: string): void {
    this.tw.write(`${text}\n`);
  }

  /** Flushes the tabwriter (DescribeEvents does this so the table aligns on its own). */
  flush(): void {
    this.out += this.tw.take();
  }

  /** Everything written. */
  text(): string {
    this.flush();
    return this.out;
  }
}

/** time.RFC1123Z of an RFC 3339 timestamp (or "" when missing). */
export function rfc1123(ts: string | null | undefined): string {
  if (!ts) return "Mon, 01 Jan 0001 00:00:00 +0000";
  return rfc1123z(parseTime(ts));
}

/** translateTimestampSince: HumanDuration(now - t) or <unknown>. */
export function since(ts: string | null | undefined, now: number): string {
  if (!ts) return "<unknown>";
  return humanDuration(now - parseTime(ts));
}

/** printLabelsMultiline: `Labels:  a=b` then continuation lines, or <none>. */
export function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = "", innerIndent = "\t"): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline (skips last-applied-configuration; long values on their own lines). */
export function printAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== "kubectl.kubernetes.io/last-applied-configuration").sort();
  if (!keys.length) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, "\t");
    const value = annotations![k].replace(/\n$/, "");
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${k}:\n`);
      for (const s of value.split("\n")) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** Taint.ToString(): key=value:Effect */
export function taintString(t: any): string {
  return `${t.key}${t.value ? `=${t.value}` : ""}${t.effect ? `:${t.effect}` : ""}`;
}

/** printNodeTaintsMultiline (sorted by effect,key). */
export function printTaints(w: PrefixWriter, title: string, taints: any[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!taints?.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = [...taints].sort((a, b) => ((a.effect ?? "") + "," + a.key < (b.effect ?? "") + "," + b.key ? -1 : 1));
  sorted.forEach((t, i) => {
    if (i) w.write(0, "\t");
    w.write(0, `${taintString(t)}\n`);
  });
}

/** printPodTolerationsMultiline (sorted by key). */
export function printTolerations(w: PrefixWriter, title: string, tolerations: any[] | undefined, initialIndent = ""): void {
  w.write(0, `${initialIndent}${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = stableSort(tolerations, (a, b) => (a.key ?? "") < (b.key ?? ""));
  sorted.forEach((t, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** Go's sort.Slice on small inputs (insertion sort: stable). */
export function stableSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) [out[j], out[j - 1]] = [out[j - 1], out[j]];
  }
  return out;
}

function eventTime(ts: string | null | undefined): number {
  return ts ? parseTime(ts) : -Infinity;
}

/** DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table, oldest first. */
export function describeEvents(w: PrefixWriter, events: any[] | undefined, now: number): void {
  if (!events) return;
  if (!events.length) {
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const sorted = goSort(events, (a, b) => eventTime(a.lastTimestamp) < eventTime(b.lastTimestamp));
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const from = e.source?.component || e.reportingComponent || "";
    w.write(1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${from}\t${String(e.message ?? "").trim()}\n`);
  }
}

/** Go's sort.Sort (pdqsort); inputs of up to 12 elements use its insertion sort exactly. */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  return items.length <= 12 ? stableSort(items, less) : pdqsort(items, less);
}


