// --sort-by for server-side Tables (kubectl's TableSorter): rows are ordered by a JSONPath
// evaluated on each row's full object (requested with includeObject=Object); numbers compare
// numerically, quantities as quantities, strings in natural order, null and missing values
// first, with Go's unstable sort.Sort so that ties come out in kubectl's order.
import { KubectlError } from "../io";
import { findResults, relaxedJsonPath } from "./jsonpath";
import type { Table } from "./table";
import { cmp, parseQuantity } from "../../../../schema/quantity";
import { pdqsort } from "../describe/go-sort";

/** github.com/fvbommel/sortorder NaturalLess: digits before other bytes, digit runs as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const digit = (c: string) => c >= "0" && c <= "9";
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const da = digit(a[i]), db = digit(b[j]);
    if (da !== db) return da;
    if (!da) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === "0") i++;
    while (j < b.length && b[j] === "0") j++;
    const si = i, sj = j;
    while (i < a.length && digit(a[i])) i++;
    while (j < b.length && digit(b[j])) j++;
    if (i - si !== j - sj) return i - si < j - sj;
    const na = a.slice(si, i), nb = b.slice(sj, j);
    if (na !== nb) return na < nb;
    if (si !== sj) return si < sj;
  }
  return a.length < b.length;
}

/** kubectl's isLess on unstructured values: null first, numbers, quantities, natural strings. */
function less(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a !== null ? false : b !== null;
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") {
    const qa = parseQuantity(a), qb = parseQuantity(b);
    if (qa && qb) return cmp(qa, qb) < 0;
    return naturalLess(a, b);
  }
  return naturalLess(String(a), String(b));
}

function expression(sortBy: string): string {
  try {
    return relaxedJsonPath(sortBy);
  } catch {
    return sortBy;
  }
}

/** Orders objects by --sort-by like kubectl's RuntimeSort (the -o yaml/json/name list path). */
export function sortObjects<T>(objs: T[], sortBy: string): T[] {
  if (!objs.length) return objs;
  const expr = expression(sortBy);
  const keyed = objs.map((o) => ({ o, vals: findResults(expr, o) }));
  if (!keyed.some((k) => k.vals.length)) throw new KubectlError(`error: couldn't find any field with path "${expr}" in the list of objects`);
  return pdqsort(keyed, (x, y) => (!x.vals.length ? true : !y.vals.length ? false : less(x.vals[0], y.vals[0]))).map((k) => k.o);
}

/** Sorts a Table's rows in place by a --sort-by expression. */
export function sortTable(table: Table, sortBy: string): void {
  const expr = expression(sortBy);
  if (table.rows.length <= 1) return;
  let keyed = table.rows.map((row) => ({ row, vals: findResults(expr, row.object ?? {}) }));
  if (keyed.length && !keyed.some((k) => k.vals.length)) {
    throw new KubectlError(`error: couldn't find any field with path "${expr}" in the list of objects`);
  }
  // sort.Sort (not stable) with TableSorter.Less: a row without a value is "less" than anything.
  keyed = pdqsort(keyed, (x, y) => (!x.vals.length ? true : !y.vals.length ? false : less(x.vals[0], y.vals[0])));
  table.rows = keyed.map((k) => k.row);
}
