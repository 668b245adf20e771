// kubectl's human-readable printer for server-side Tables (cli-runtime HumanReadablePrinter,
// decorateTable and printTable as in v1.32): upper-cased headers printed once per column set,
// priority>0 columns only with -o wide, NAMESPACE first with -A, -L label columns and LABELS
// last, the kind prefix (`pod/web`) when several kinds are printed, cells cut at line breaks.
import { formatLabels } from "../../printers/columns";
import type { Tabwriter } from "./tabwriter";

/** A column of a meta.k8s.io Table. */
export interface TableColumn {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
}

/** A meta.k8s.io Table as decoded JSON. */
export interface Table {
  columnDefinitions: TableColumn[];
  rows: { cells: unknown[]; object?: { metadata?: { namespace?: string; labels?: Record<string, string> } } & Record<string, unknown> }[];
  metadata?: { resourceVersion?: string };
}

/** Printing options of `kubectl get`. */
export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  columnLabels?: string[];
  /** `pod`, `service`: prefix of the name column when several kinds are printed. */
  kind?: string;
  /** Watch event type column (--output-watch-events). */
  eventType?: string;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    const m = /[\f\n\r]/.exec(v);
    return m ? `${v.slice(0, m.index)}...` : v;
  }
  return String(v);
}

function labelHeaders(labels: string[]): string[] {
  return labels.map((l) => l.split("/").pop()!.toUpperCase());
}

const EVENT_TYPES: Record<string, string> = { ADDED: "ADDED   ", MODIFIED: "MODIFIED", DELETED: "DELETED ", ERROR: "ERROR   " };

/** One printer per resource kind; remembers the columns it printed headers for. */
export class HumanReadablePrinter {
  private lastColumns?: TableColumn[];
  private printedHeaders = false;

  constructor(private readonly options: TableOptions) {}

  /** Prints a Table (or a watch event's one-row Table) into the tabwriter. */
  print(table: Table, w: Tabwriter, eventType?: string): void {
    let noHeaders = !!this.options.noHeaders;
    const cols = table.columnDefinitions ?? [];
    const same = this.lastColumns !== undefined && JSON.stringify(cols) === JSON.stringify(this.lastColumns);
    if (this.printedHeaders && (cols.length === 0 || same)) noHeaders = true;
    let columns = cols;
    if (cols.length === 0) columns = this.lastColumns ?? [];
    else if (!same) {
      this.lastColumns = cols;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    this.printTable(columns, table, w, noHeaders, eventType);
  }

  private printTable(columns: TableColumn[], table: Table, w: Tabwriter, noHeaders: boolean, eventType?: string): void {
    const o = this.options;
    const visible = columns.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || !c.priority);
    const nameCol = o.kind ? columns.findIndex((c) => c.format === "name" && c.type === "string") : -1;
    if (!noHeaders) {
      if (!table.rows.length) return;
      const headers: string[] = [];
      if (eventType) headers.push("EVENT");
      if (o.withNamespace) headers.push("NAMESPACE");
      headers.push(...visible.map(({ c }) => c.name.toUpperCase()));
      headers.push(...labelHeaders(o.columnLabels ?? []));
      if (o.showLabels) headers.push("LABELS");
      w.write(`${headers.join("\t")}\n`);
    }
    for (const row of table.rows) {
      const cells: string[] = [];
      if (eventType) cells.push(EVENT_TYPES[eventType] ?? eventType);
      const meta = row.object?.metadata;
      if (o.withNamespace) cells.push(meta?.namespace ?? "");
      for (const { i } of visible) {
        let text = cellText(row.cells[i]);
        if (i === nameCol) text = `${o.kind}/${text}`;
        cells.push(text);
      }
      const labels = meta?.labels ?? {};
      for (const l of o.columnLabels ?? []) cells.push(meta ? labels[l] ?? "" : "");
      if (o.showLabels) cells.push(meta ? formatLabels(labels) : "");
      w.write(`${cells.join("\t")}\n`);
    }
  }
}
