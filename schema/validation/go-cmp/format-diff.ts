// go-cmp's diff printer (report_compare.go, report_slices.go): FormatDiff over the valueNode tree,
// formatDiffList with two context records around changes and "... // N identical fields",
// removed/inserted pairs, and line/chunk diffs of long strings. Entry point: cmpDiff.
import { compare, difference, INVALID, type VNode } from "./compare";
import type { GoVal } from "./convert";
import { formatMapKey, formatString, formatType, formatValue, goString, isPrint, isZero, type Opts, verb, withVerbosity } from "./format-value";
import { appendEllipsis, DiffStats, IDENTICAL, INSERTED, REMOVED, render, TextLine, TextList, type TextNode, TextWrap, textEllipsis, textEqual, textLen, UNKNOWN } from "./text";
import type { GoType } from "./types";

const CONTEXT = 2;
const MAX_PRESET = 6;

const preset = (o: Opts, i: number): Opts => ({ ...o, verbosity: verb(o) + 2 * i, avoidStringer: o.avoidStringer || i > 0 });
const kindOf = (t: GoType) => (t.k === "quantity" ? "struct" : t.k);

function canFormatDiffSlice(o: Opts, v: VNode): boolean {
  if (o.diff !== UNKNOWN || v.numDiff === 0 || v.x === INVALID || v.y === INVALID) return false;
  if (v.numCompared > 0 || v.t.k !== "string") return false;
  return (v.x as string).length >= 64 && (v.y as string).length >= 64;
}

/** formatDiffSlice over lines or 64-byte chunks of two strings. */
function diffStringParts(o: Opts, xs: string[], ys: string[], chunk: number, name: string, rec: (part: string[], d: number) => TextNode): TextList {
  const es = difference(xs.length, ys.length, (ix, iy) => (xs[ix] === ys[iy] ? { same: 1, diff: 0 } : { same: 0, diff: 1 }));
  const list = new TextList();
  const appendChunks = (part: string[], d: number) => {
    for (let i = 0; i < part.length; i += chunk) list.records.push({ diff: d, key: "", value: rec(part.slice(i, i + chunk), d) });
    return part.length;
  };
  let maxLen = -1;
  if (o.limit) maxLen = (1 << verb(o)) << 2;
  let groups: DiffStats[] = [];
  let prev = 0;
  for (const e of es) {
    const c = e === "I" ? 1 : 2;
    if (c !== prev) { groups.push(new DiffStats(name)); prev = c; }
    const g = groups[groups.length - 1];
    if (e === "I") g.identical++; else if (e === "X") g.removed++; else if (e === "Y") g.inserted++; else g.modified++;
  }
  const merged: DiffStats[] = [];
  for (const ds of groups) {
    if (merged.length >= 2 && ds.numDiff() > 0) {
      const p = merged[merged.length - 2];
      const cur = merged[merged.length - 1];
      if ((p.removed > 0 || ds.removed > 0) && (p.inserted > 0 || ds.inserted > 0) && cur.identical <= chunk / 4) {
        merged[merged.length - 2] = p.append(cur).append(ds);
        merged.pop();
        continue;
      }
    }
    merged.push(ds);
  }
  groups = merged;
  let vx = xs;
  let vy = ys;
  let numDiffs = 0;
  let maxGroup = new DiffStats(name);
  groups.forEach((ds, i) => {
    if (maxLen >= 0 && numDiffs >= maxLen) { maxGroup = maxGroup.append(ds); return; }
    if (ds.numDiff() === 0) {
      let lo = 0;
      let hi = 0;
      const eq = ds.ignored + ds.identical;
      while (lo < chunk * CONTEXT && lo + hi < eq && i !== 0) lo++;
      while (hi < chunk * CONTEXT && lo + hi < eq && i !== groups.length - 1) hi++;
      if (eq - (lo + hi) <= chunk && ds.ignored === 0) hi = eq - lo;
      appendChunks(vx.slice(0, lo), IDENTICAL);
      if (eq > lo + hi) { ds.identical -= lo + hi; appendEllipsis(list, ds); }
      appendChunks(vx.slice(eq - hi, eq), IDENTICAL);
      vx = vx.slice(eq);
      vy = vy.slice(eq);
      return;
    }
    const len0 = list.records.length;
    const nx = appendChunks(vx.slice(0, ds.identical + ds.removed + ds.modified), REMOVED);
    vx = vx.slice(nx);
    const ny = appendChunks(vy.slice(0, ds.identical + ds.inserted + ds.modified), INSERTED);
    vy = vy.slice(ny);
    numDiffs += list.records.length - len0;
  });
  if (!maxGroup.isZero()) appendEllipsis(list, maxGroup);
  return list;
}

/** FormatDiffSlice for strings: line diff in triple quotes, or 64-byte chunks joined. */
function formatDiffSlice(o: Opts, v: VNode): TextNode {
  const sx = v.x as string;
  const sy = v.y as string;
  let lines = 0;
  let last = 0;
  let maxLine = 0;
  [...(sx + sy)].forEach((ch, i) => { if (ch === "\n") { maxLine = Math.max(maxLine, i - last); last = i + 1; lines++; } });
  if (lines >= 4 && maxLine <= 1024) {
    const list = diffStringParts(o, sx.split("\n"), sy.split("\n"), 1, "line", (p) => new TextLine(goString(p[0])));
    let triple = true;
    const out = new TextList([{ diff: 0, key: "", value: new TextLine('"""'), elideComma: true }]);
    let prevRemoved = new Set<string>();
    let prevInserted = new Set<string>();
    for (const r of list.records) {
      if (!textEqual(r.value, textEllipsis)) {
        const line = JSON.parse((r.value as TextLine).s.startsWith("`") ? JSON.stringify((r.value as TextLine).s.slice(1, -1)) : (r.value as TextLine).s) as string;
        const norm = line.replace(/\s/g, "");
        triple = !line.startsWith('"""') && !line.startsWith("...") && [...line].every((ch) => isPrint(ch) || ch === "\t");
        if (r.diff === REMOVED) { triple = triple && !prevInserted.has(norm); prevRemoved.add(norm); }
        if (r.diff === INSERTED) { triple = triple && !prevRemoved.has(norm); prevInserted.add(norm); }
        if (!triple) break;
        r.value = new TextLine(line);
        r.elideComma = true;
      }
      if (r.diff !== REMOVED && r.diff !== INSERTED) { prevRemoved = new Set(); prevInserted = new Set(); }
      out.records.push(r);
    }
    const tail = out.records[out.records.length - 1];
    if (tail.diff === IDENTICAL && tail.value instanceof TextLine && tail.value.s === "") out.records.pop();
    out.records.push({ diff: 0, key: "", value: new TextLine('"""'), elideComma: true });
    if (triple) return new TextWrap("(", out, ")");
  }
  const chunks = diffStringParts(o, [...sx], [...sy], 64, "byte", (p) => new TextLine(goString(p.join(""))));
  return new TextWrap("strings.Join(", new TextWrap("{", chunks, "}"), ', "")');
}

function formatDiffList(o: Opts, v: VNode): TextNode {
  const kind = kindOf(v.t);
  const name = kind === "struct" ? "field" : kind === "map" ? "entry" : "element";
  const keyType = v.t.k === "map" ? v.t.key : undefined;
  const fmtKey = (k?: string) => (kind === "struct" ? k! : kind === "map" ? formatMapKey(keyType!, k!) : "");
  let opts: Opts = { ...o, type: kind === "struct" ? "auto" : "elide" };
  let maxLen = -1;
  if (opts.limit) {
    maxLen = opts.diff === IDENTICAL ? ((1 << verb(opts)) >> 1) << 2 : (1 << verb(opts)) << 1;
    opts = { ...opts, verbosity: opts.verbosity - 1 };
  }
  const recs = v.records ?? [];
  if (opts.diff !== UNKNOWN) {
    const list = new TextList();
    let deferred = false;
    for (const r of recs) {
      if (list.records.length === maxLen) { deferred = true; break; }
      if (kind === "struct") {
        const ft = r.node.t;
        const zero = opts.diff === IDENTICAL ? isZero(ft, r.node.x) || isZero(ft, r.node.y) : opts.diff === REMOVED ? isZero(ft, r.node.x) : isZero(ft, r.node.y);
        if (zero) continue;
      }
      const out = formatDiff(opts, r.node);
      if (out) list.records.push({ diff: 0, key: fmtKey(r.key), value: out });
    }
    if (deferred) appendEllipsis(list);
    return new TextWrap("{", list, "}");
  }
  const groups: DiffStats[] = [];
  let prev = 0;
  for (const r of recs) {
    const n = r.node;
    const c = n.numDiff === 0 ? 1 : 2;
    if (c !== prev) { groups.push(new DiffStats(name)); prev = c; }
    const g = groups[groups.length - 1];
    if (n.numDiff === 0) g.identical++;
    else if (n.y === INVALID) g.removed++;
    else if (n.x === INVALID) g.inserted++;
    else g.modified++;
  }
  const list = new TextList();
  let rest = recs;
  let numDiffs = 0;
  let maxGroup = new DiffStats(name);
  groups.forEach((ds, gi) => {
    if (maxLen >= 0 && numDiffs >= maxLen) { maxGroup = maxGroup.append(ds); return; }
    if (ds.numDiff() === 0) {
      let lo = 0;
      let hi = 0;
      const eq = ds.ignored + ds.identical;
      while (lo < CONTEXT && lo + hi < eq && gi !== 0) lo++;
      while (hi < CONTEXT && lo + hi < eq && gi !== groups.length - 1) hi++;
      if (eq - (lo + hi) === 1 && ds.ignored === 0) hi++;
      const ident = { ...opts, diff: IDENTICAL };
      for (const r of rest.slice(0, lo)) list.records.push({ diff: 0, key: fmtKey(r.key), value: formatDiff(ident, r.node)! });
      if (eq > lo + hi) { ds.identical -= lo + hi; appendEllipsis(list, ds); }
      for (const r of rest.slice(eq - hi, eq)) list.records.push({ diff: 0, key: fmtKey(r.key), value: formatDiff(ident, r.node)! });
      rest = rest.slice(eq);
      return;
    }
    for (const r of rest.slice(0, ds.numDiff())) {
      const n = r.node;
      if (canFormatDiffSlice(opts, n)) list.records.push({ diff: 0, key: fmtKey(r.key), value: formatDiffSlice(opts, n) });
      else if (n.numChildren === n.maxDepth) {
        let ox = formatDiff({ ...opts, diff: REMOVED }, n);
        let oy = formatDiff({ ...opts, diff: INSERTED }, n);
        for (let i = 0; i <= MAX_PRESET && ox && oy && textEqual(ox, oy); i++) {
          const o2 = preset(opts, i);
          ox = formatDiff({ ...o2, diff: REMOVED }, n);
          oy = formatDiff({ ...o2, diff: INSERTED }, n);
        }
        if (ox) list.records.push({ diff: REMOVED, key: fmtKey(r.key), value: ox });
        if (oy) list.records.push({ diff: INSERTED, key: fmtKey(r.key), value: oy });
      } else list.records.push({ diff: 0, key: fmtKey(r.key), value: formatDiff(opts, n)! });
    }
    rest = rest.slice(ds.numDiff());
    numDiffs += ds.numDiff();
  });
  if (!maxGroup.isZero()) appendEllipsis(list, maxGroup);
  return new TextWrap("{", list, "}");
}

/** FormatDiff */
export function formatDiff(o: Opts, v: VNode): TextNode | null {
  let opts = o;
  if (opts.diff === IDENTICAL) opts = withVerbosity(opts, 1);
  else if (verb(opts) < 3) opts = withVerbosity(opts, 3);
  if (canFormatDiffSlice(opts, v)) return formatDiffSlice(opts, v);
  if (v.maxDepth === 0) {
    if (opts.diff === UNKNOWN || opts.diff === IDENTICAL) {
      if (v.numDiff === 0) {
        const ox = formatValue(opts, v.t, v.x)!;
        const oy = formatValue(opts, v.t, v.y)!;
        return textLen(ox) < textLen(oy) ? ox : oy;
      }
      let ox = formatValue({ ...opts, type: "elide" }, v.t, v.x);
      let oy = formatValue({ ...opts, type: "elide" }, v.t, v.y);
      for (let i = 0; i <= MAX_PRESET && ox && oy && textEqual(ox, oy); i++) {
        const o2: Opts = { ...preset(opts, i), type: "elide" };
        ox = formatValue(o2, v.t, v.x);
        oy = formatValue(o2, v.t, v.y);
      }
      const list = new TextList();
      if (ox) list.records.push({ diff: REMOVED, key: "", value: ox });
      if (oy) list.records.push({ diff: INSERTED, key: "", value: oy });
      return formatType({ ...opts, type: "emit" }, v.t, list);
    }
    return formatValue(opts, v.t, opts.diff === REMOVED ? v.x : v.y);
  }
  if (v.t.k === "ptr") return new TextWrap("&", formatDiff(opts, v.value!)!, "");
  return formatType(opts, v.t, formatDiffList(opts, v));
}

/** cmp.Diff(x, y) for values of Go type t: "" when equal. */
export function cmpDiff(t: GoType, x: GoVal, y: GoVal): string {
  const root = compare(t, x, y);
  if (root.numDiff === 0) return "";
  const text = formatDiff({ diff: UNKNOWN, type: "emit", verbosity: 0, limit: false, avoidStringer: false }, root);
  return text ? render(text) : "";
}
