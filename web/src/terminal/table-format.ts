// kubectl's table printing for rows the terminal prints itself (get -w): upper-case headers,
// columns padded to the widest cell plus three spaces, wide columns only with -o wide, a
// NAMESPACE column with -A. Pure; tested in Node.

/** A column as the server's Table defines it. */
export interface Column { name: string; priority: number }

/** Which columns to print and how wide they are. */
export interface Layout { keep: number[]; headers: string[]; widths: number[]; namespace: boolean }

/** Chooses columns (priority 0, or all with wide) and sizes them for the header and some rows. */
export function layout(columns: Column[], rows: string[][], opts: { wide: boolean; namespace: boolean; namespaces?: string[] }): Layout {
  const keep = columns.map((c, i) => (c.priority === 0 || opts.wide ? i : -1)).filter((i) => i >= 0);
  const headers = [...(opts.namespace ? ["NAMESPACE"] : []), ...keep.map((i) => columns[i].name.toUpperCase())];
  const widths = headers.map((h) => h.length);
  rows.forEach((r, ri) => cellsOf({ keep, headers, widths, namespace: opts.namespace }, r, opts.namespaces?.[ri])
    .forEach((c, i) => { widths[i] = Math.max(widths[i], c.length); }));
  return { keep, headers, widths, namespace: opts.namespace };
}

function cellsOf(l: Layout, row: string[], namespace?: string): string[] {
  return [...(l.namespace ? [namespace ?? ""] : []), ...l.keep.map((i) => String(row[i] ?? ""))];
}

function line(l: Layout, cells: string[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(l.widths[i] + 3))).join("").trimEnd();
}

/** The header line. */
export function headerLine(l: Layout): string {
  return line(l, l.headers);
}

/** One row's line (namespace used with -A). */
export function rowLine(l: Layout, row: string[], namespace?: string): string {
  const cells = cellsOf(l, row, namespace);
  cells.forEach((c, i) => { l.widths[i] = Math.max(l.widths[i], c.length); });
  return line(l, cells);
}
