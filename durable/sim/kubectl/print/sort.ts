// --sort-by for server-side Tables (kubectl's TableSorter): rows are ordered by a JSONPath
// evaluated on each row's full object (requested with includeObject=Object); numbers compare
// numerically, strings in natural order, missing values first.
import { KubectlError } from "../io";
import { findResults, relaxedJsonPath } from "./jsonpath";
import type { Table } from "./table";

/** vbom.ml/util/sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i], cb = b[j];
    const da = ca >= "0" && ca <= "9", db = cb >= "0" && cb <= "9";
    if (da && db) {
      let ei = i, ej = j;
      while (ei < a.length && a[ei] === "0") ei++;
      while (ej < b.length && b[ej] === "0") ej++;
      let ni = ei, nj = ej;
      while (ni < a.length && a[ni] >= "0" && a[ni] <= "9") ni++;
      while (nj < b.length && b[nj] >= "0" && b[nj] <= "9") nj++;
      const na = a.slice(ei, ni), nb = b.slice(ej, nj);
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ni - i !== nj - j) return ni - i < nj - j;
      i = ni;
      j = nj;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

function less(a: unknown, b: unknown): boolean {
  if (a === undefined) return b !== undefined;
  if (b === undefined) return false;
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "boolean" && typeof b === "boolean") return !a && b;
  return naturalLess(String(a), String(b));
}

/** Sorts a Table's rows in place by a --sort-by expression. */
export function sortTable(table: Table, sortBy: string): void {
  let expr: string;
  try {
    expr = relaxedJsonPath(sortBy);
  } catch {
    expr = sortBy;
  }
  const keyed = table.rows.map((row, i) => {
    const vals = findResults(expr, row.object ?? {});
    if (vals.length > 1) throw new KubectlError(`error: table row with --sort-by ${sortBy} returned multiple values`);
    return { row, key: vals[0], i };
  });
  keyed.sort((x, y) => (less(x.key, y.key) ? -1 : less(y.key, x.key) ? 1 : x.i - y.i));
  table.rows = keyed.map((k) => k.row);
}
