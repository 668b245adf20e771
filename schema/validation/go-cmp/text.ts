// go-cmp's text tree (report_text.go): lines, wrappers and lists, the compact single-line pass,
// the expanded pass with `- `/`+ ` markers, tab indentation and key alignment, and the
// "... // N identical fields" statistics. Deterministic (regular spaces, as with cmp_debug off
// but flags.Deterministic on). Used by format.ts.

/** ' ' identical, '-' removed, '+' inserted, 0 unknown (byte values, OR-combined like Go). */
export type DiffMode = number;
/** diffUnknown: diff the two sides. */
export const UNKNOWN = 0;
/** diffIdentical (' '). */
export const IDENTICAL = 0x20;
/** diffRemoved ('-'). */
export const REMOVED = 0x2d;
/** diffInserted ('+'). */
export const INSERTED = 0x2b;
const MAX_COLUMN = 80;

/** A text node. */
export type TextNode = TextLine | TextWrap | TextList;
/** textLine */
export class TextLine { constructor(readonly s: string) {} }
/** textWrap */
export class TextWrap { constructor(public prefix: string, public value: TextNode, public suffix: string) {} }
/** textRecord */
export interface TextRecord { diff: DiffMode; key: string; value: TextNode; elideComma?: boolean; comment?: string | DiffStats }
/** textList */
export class TextList { constructor(public records: TextRecord[] = []) {} }

/** `nil` */
export const textNil = new TextLine("nil");
/** `...` */
export const textEllipsis = new TextLine("...");

/** diffStats: counts of coalesced records, printed as a comment. */
export class DiffStats {
  constructor(public name: string, public ignored = 0, public identical = 0, public removed = 0, public inserted = 0, public modified = 0) {}
  /** Number of differing records. */
  numDiff(): number { return this.removed + this.inserted + this.modified; }
  /** No counts. */
  isZero(): boolean { return this.ignored + this.identical + this.removed + this.inserted + this.modified === 0; }
  /** Sum of both. */
  append(o: DiffStats): DiffStats {
    return new DiffStats(this.name, this.ignored + o.ignored, this.identical + o.identical, this.removed + o.removed, this.inserted + o.inserted, this.modified + o.modified);
  }
  /** "6 identical fields", "1 ignored and 2 identical entries". */
  toString(): string {
    const labels = ["ignored", "identical", "removed", "inserted", "modified"];
    const counts = [this.ignored, this.identical, this.removed, this.inserted, this.modified];
    const ss = counts.flatMap((n, i) => (n > 0 ? [`${n} ${labels[i]}`] : []));
    const sum = counts.reduce((a, c) => a + c, 0);
    let name = this.name;
    if (sum > 1) { name += "s"; if (name.endsWith("ys")) name = `${name.slice(0, -2)}ies`; }
    if (ss.length === 0) return "";
    if (ss.length <= 2) return `${ss.join(" and ")} ${name}`;
    return `${ss.slice(0, -1).join(", ")}, and ${ss[ss.length - 1]} ${name}`;
  }
}

const utf8Len = (s: string) => new TextEncoder().encode(s).length;

/** Len(): single-line byte length. */
export function textLen(n: TextNode): number {
  if (n instanceof TextLine) return utf8Len(n.s);
  if (n instanceof TextWrap) return utf8Len(n.prefix) + textLen(n.value) + utf8Len(n.suffix);
  return n.records.reduce((acc, r, i) => acc + utf8Len(r.key) + (r.key ? 2 : 0) + textLen(r.value) + (i < n.records.length - 1 ? 2 : 0), 0);
}

/** Structural equality (diff markers and comments included). */
export function textEqual(a: TextNode, b: TextNode): boolean {
  if (a instanceof TextLine) return b instanceof TextLine && a.s === b.s;
  if (a instanceof TextWrap) return b instanceof TextWrap && a.prefix === b.prefix && a.suffix === b.suffix && textEqual(a.value, b.value);
  if (!(b instanceof TextList) || a.records.length !== b.records.length) return false;
  return a.records.every((r, i) => {
    const o = b.records[i];
    return r.diff === o.diff && r.key === o.key && textEqual(r.value, o.value) && String(r.comment ?? "") === String(o.comment ?? "");
  });
}

/** textList.AppendEllipsis */
export function appendEllipsis(list: TextList, ds?: DiffStats): void {
  const has = ds !== undefined && !ds.isZero();
  const last = list.records[list.records.length - 1];
  if (!last || !textEqual(last.value, textEllipsis)) {
    list.records.push({ diff: UNKNOWN, key: "", value: textEllipsis, elideComma: true, comment: has ? ds : undefined });
  } else if (has) {
    last.comment = last.comment instanceof DiffStats ? last.comment.append(ds!) : ds;
  }
}

function indent(n: number, d: DiffMode): string {
  const mark = d === UNKNOWN || d === IDENTICAL ? "  " : d === REMOVED ? "- " : d === INSERTED ? "+ " : "";
  return mark + "\t".repeat(n);
}

/** formatCompactTo: returns the single-line text and the (possibly collapsed) node. */
function compact(n: TextNode, d: DiffMode): [string, TextNode] {
  if (n instanceof TextLine) return [n.s, n];
  if (n instanceof TextWrap) {
    const [inner, v] = compact(n.value, d);
    n.value = v;
    const s = n.prefix + inner + n.suffix;
    return [s, v instanceof TextLine ? new TextLine(s) : n];
  }
  const recs = n.records.map((r) => ({ ...r }));
  let out = "";
  let multi = false;
  recs.forEach((r, i) => {
    if (r.diff === INSERTED || r.diff === REMOVED) multi = true;
    out += r.key + (r.key ? ": " : "");
    const [s, v] = compact(r.value, d | r.diff);
    out += s;
    r.value = v;
    if (!(v instanceof TextLine)) multi = true;
    if (r.comment !== undefined) multi = true;
    if (i < recs.length - 1) out += ", ";
  });
  if ((d === INSERTED || d === REMOVED) && utf8Len(out) > MAX_COLUMN) multi = true;
  return [out, multi ? new TextList(recs) : new TextLine(out)];
}

function alignLens(recs: TextRecord[], skip: (r: TextRecord) => boolean, len: (r: TextRecord) => number): number[] {
  const lens = new Array<number>(recs.length).fill(0);
  let start = 0;
  let end = 0;
  let max = 0;
  const flush = () => { for (let j = start; j < end; j++) lens[j] = max - len(recs[j]); };
  recs.forEach((r, i) => {
    if (skip(r)) { flush(); start = end = i + 1; max = 0; } else { max = Math.max(max, len(r)); end = i + 1; }
  });
  flush();
  return lens;
}

/** formatExpandedTo */
function expand(n: TextNode, d: DiffMode, ind: number): string {
  if (n instanceof TextLine) return n.s;
  if (n instanceof TextWrap) return n.prefix + expand(n.value, d, ind) + n.suffix;
  const recs = n.records;
  const isLine = (r: TextRecord) => r.value instanceof TextLine;
  const keyLens = alignLens(recs, (r) => r.key === "" || !isLine(r), (r) => [...r.key].length);
  const valLens = alignLens(recs, (r) => !isLine(r) || textEqual(r.value, textEllipsis) || r.comment === undefined,
    (r) => [...(r.value as TextLine).s].length);
  let out = "";
  const simple = recs.length > 0 && recs.every((r) => r.diff === UNKNOWN && r.key === "" && isLine(r) && r.comment === undefined);
  if (simple) {
    let batch = "";
    const emit = () => { if (batch) { out += `\n${indent(ind + 1, d)}${batch.replace(/ +$/, "")}`; batch = ""; } };
    for (const r of recs) {
      const line = (r.value as TextLine).s;
      if (utf8Len(batch) + utf8Len(line) + 2 > MAX_COLUMN) emit();
      batch += `${line}, `;
    }
    emit();
    return `${out}\n${indent(ind, d)}`;
  }
  recs.forEach((r, i) => {
    out += `\n${indent(ind + 1, d | r.diff)}`;
    if (r.key) out += `${r.key}: `;
    out += " ".repeat(keyLens[i]);
    out += expand(r.value, d | r.diff, ind + 1);
    if (!r.elideComma) out += ",";
    out += " ".repeat(valLens[i]);
    if (r.comment !== undefined) out += ` // ${String(r.comment)}`;
  });
  return `${out}\n${indent(ind, d)}`;
}

/** textWrap.String(): the final report (leading indent, trailing newline). */
export function render(root: TextNode): string {
  const [, n] = compact(root, UNKNOWN);
  return `${indent(0, UNKNOWN)}${expand(n, UNKNOWN, 0)}\n`;
}
