// go-cmp's value printer (report_reflect.go): FormatValue with verbosity limits and zero-field
// elision, FormatType (when `core.Container{...}` shows its type), Go-style string quoting
// (double quotes or backticks, triple-quoted multi-line text) and map keys (`s"cpu"`).
import type { GoOpaque, GoQuantity, GoVal } from "./convert";
import { INVALID, type Side } from "./compare";
import { IDENTICAL, INSERTED, REMOVED, type DiffMode, TextLine, TextList, type TextNode, TextWrap, appendEllipsis, textEllipsis, textEqual, textNil } from "./text";
import type { GoType } from "./types";

/** emitType, elideType, autoType */
export type TypeMode = "emit" | "elide" | "auto";

/** formatOptions */
export interface Opts { diff: DiffMode; type: TypeMode; verbosity: number; limit: boolean; avoidStringer: boolean }

/** opts.verbosity(): clamped to 0..16. */
export const verb = (o: Opts): number => Math.max(0, Math.min(16, o.verbosity));
/** WithVerbosity */
export const withVerbosity = (o: Opts, level: number): Opts => ({ ...o, verbosity: level, limit: true });

const INT64_AMOUNT: GoType = { k: "struct", name: "resource.int64Amount", fields: [
  { go: "value", json: "value", t: { k: "int", name: "int64" } }, { go: "scale", json: "scale", t: { k: "int", name: "resource.Scale" } }] };
const QUANTITY_FIELDS: [string, GoType][] = [
  ["i", INT64_AMOUNT], ["d", { k: "string", name: "resource.infDecAmount", stringer: true }],
  ["s", { k: "string", name: "string" }], ["Format", { k: "string", name: "resource.Format" }],
];

/** value.TypeString (unqualified). */
export function typeName(t: GoType): string {
  switch (t.k) {
    case "string": case "int": case "bool": case "struct": return t.name;
    case "ptr": return `*${typeName(t.elem)}`;
    case "slice": return t.name ?? `[]${typeName(t.elem)}`;
    case "map": return t.name ?? `map[${typeName(t.key)}]${typeName(t.elem)}`;
    case "quantity": return "resource.Quantity";
    case "json": return "any";
  }
}

/** value.IsZero */
export function isZero(t: GoType, v: Side): boolean {
  if (v === INVALID) return false;
  switch (t.k) {
    case "string": return v === "";
    case "int": return v === 0;
    case "bool": return v === false;
    case "quantity": { const q = v as GoQuantity; return !q.q && q.s === "" && q.format === ""; }
    case "struct": return t.fields.every((f) => isZero(f.t, (v as Record<string, GoVal>)[f.go]));
    default: return v === null;
  }
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
/** unicode.IsPrint */
export const isPrint = (ch: string): boolean => PRINTABLE.test(ch);
const byteLen = (s: string) => new TextEncoder().encode(s).length;

/** strconv.Quote */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const esc: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", '"': '\\"', "\\": "\\\\" };
    if (esc[ch]) out += esc[ch];
    else if (isPrint(ch)) out += ch;
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += `\\U${c.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** formatString: quoted when as short as a raw literal, else backticks when possible. */
export function goString(s: string): string {
  const qs = quote(s);
  if (byteLen(qs) === byteLen(s) + 2) return qs;
  const rawInvalid = [...s].some((ch) => ch === "`" || ch === "\n" || !(isPrint(ch) || ch === "\t"));
  return rawInvalid ? qs : `\`${s}\``;
}

/** opts.formatString(prefix, s) */
export function formatString(o: Opts, prefix: string, s: string): TextNode {
  let maxLen = byteLen(s);
  let maxLines = s.split("\n").length;
  if (o.limit) { maxLen = (1 << verb(o)) << 5; maxLines = (1 << verb(o)) << 2; }
  const lines = (s.endsWith("\n") ? s.slice(0, -1) : s).split("\n");
  let triple = lines.length >= 4 && (o.diff === REMOVED || o.diff === INSERTED);
  for (let i = 0; i < lines.length && triple; i++) {
    lines[i] = lines[i].replace(/\r$/, "").replace(/^\r/, "");
    const line = lines[i];
    triple = !line.slice(line.startsWith(prefix) ? prefix.length : 0).startsWith('"""') && !line.startsWith("...") &&
      [...line].every((ch) => isPrint(ch) || ch === "\t") && byteLen(line) <= maxLen;
  }
  if (triple) {
    const list = new TextList([{ diff: o.diff, key: "", value: new TextLine(`${prefix}"""`), elideComma: true }]);
    for (let i = 0; i < lines.length; i++) {
      const elided = lines.length - i;
      if (i === maxLines - 1 && elided > 1) {
        list.records.push({ diff: o.diff, key: "", value: textEllipsis, elideComma: true, comment: `${elided} elided lines` });
        break;
      }
      list.records.push({ diff: o.diff, key: "", value: new TextLine(lines[i]), elideComma: true });
    }
    list.records.push({ diff: o.diff, key: "", value: new TextLine(`${prefix}"""`), elideComma: true });
    return new TextWrap("(", list, ")");
  }
  if (byteLen(s) > maxLen + 3) return new TextLine(`${prefix}${goString(s.slice(0, maxLen))}...`);
  return new TextLine(prefix + goString(s));
}

function wrapParens(n: TextNode): TextNode {
  if (n instanceof TextWrap && ((n.prefix.startsWith("(") && n.suffix.endsWith(")")) || (n.prefix.startsWith("{") && n.suffix.endsWith("}")))) return n;
  return new TextWrap("(", n, ")");
}

/** FormatType: prefix the node with its type name when the type mode asks for it. */
export function formatType(o: Opts, t: GoType, n: TextNode): TextNode {
  if (o.type === "elide") return n;
  if (o.type === "auto") {
    const composite = t.k === "struct" || t.k === "slice" || t.k === "map" || t.k === "quantity";
    if (!composite || textEqual(n, textNil) || o.diff === IDENTICAL) return n;
  }
  const name = t.k === "ptr" ? `(${typeName(t)})` : typeName(t);
  return new TextWrap(name, wrapParens(n), "");
}

/** formatMapKey */
export function formatMapKey(t: GoType, k: string): string {
  return t.k === "string" && t.stringer ? `s${goString(k)}` : goString(k);
}

function formatStruct(o: Opts, entries: [string, GoType, Side][]): TextNode {
  const list = new TextList();
  let maxLen = entries.length;
  let oo = o;
  if (o.limit) { maxLen = ((1 << verb(o)) >> 1) << 2; oo = { ...o, verbosity: o.verbosity - 1 }; }
  for (const [name, ft, fv] of entries) {
    if (isZero(ft, fv)) continue;
    if (list.records.length === maxLen) { appendEllipsis(list); break; }
    list.records.push({ diff: 0, key: name, value: formatValue({ ...oo, type: "auto" }, ft, fv)! });
  }
  return new TextWrap("{", list, "}");
}

/** FormatValue: a Go value as text (nil for an invalid value). */
export function formatValue(o: Opts, t: GoType, v: Side): TextNode | null {
  if (v === INVALID) return null;
  if (!o.avoidStringer && t.k === "string" && t.stringer) return formatString(o, "s", v as string);
  let out: TextNode;
  let skipType = false;
  switch (t.k) {
    case "bool": case "int": out = new TextLine(String(v)); break;
    case "string": out = formatString(o, "", v as string); break;
    case "json": out = v === null ? textNil : new TextLine(JSON.stringify((v as GoOpaque).opaque)); skipType = true; break;
    case "quantity": {
      const q = v as GoQuantity;
      out = formatStruct(o, QUANTITY_FIELDS.map(([n, ft]) => [n, ft,
        n === "i" ? { value: q.i && q.i.value !== 0n ? String(q.i.value) : 0, scale: q.i?.scale ?? 0 } as unknown as GoVal
          : n === "d" ? q.d ?? "" : n === "s" ? q.s : q.format]));
      break;
    }
    case "struct": out = formatStruct(o, t.fields.map((f) => [f.go, f.t, (v as Record<string, GoVal>)[f.go]])); break;
    case "slice": {
      if (v === null) { out = textNil; break; }
      const items = v as GoVal[];
      let maxLen = items.length;
      let oo = o;
      if (o.limit) { maxLen = ((1 << verb(o)) >> 1) << 2; oo = { ...o, verbosity: o.verbosity - 1 }; }
      const list = new TextList();
      for (const e of items) {
        if (list.records.length === maxLen) { appendEllipsis(list); break; }
        list.records.push({ diff: 0, key: "", value: formatValue({ ...oo, type: "elide" }, t.elem, e)! });
      }
      out = new TextWrap("{", list, "}");
      break;
    }
    case "map": {
      if (v === null) { out = textNil; break; }
      const m = v as Map<string, GoVal>;
      let maxLen = m.size;
      let oo = o;
      if (o.limit) { maxLen = ((1 << verb(o)) >> 1) << 2; oo = { ...o, verbosity: o.verbosity - 1 }; }
      const list = new TextList();
      for (const k of [...m.keys()].sort()) {
        if (list.records.length === maxLen) { appendEllipsis(list); break; }
        list.records.push({ diff: 0, key: formatMapKey(t.key, k), value: formatValue({ ...oo, type: "elide" }, t.elem, m.get(k)!)! });
      }
      out = new TextWrap("{", list, "}");
      break;
    }
    case "ptr":
      if (v === null) { out = textNil; break; }
      skipType = true;
      out = new TextWrap("&", formatValue(o, t.elem, v)!, "");
      break;
  }
  return skipType ? out : formatType(o, t, out);
}
