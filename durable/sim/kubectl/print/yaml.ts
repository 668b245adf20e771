// `kubectl -o yaml`: sigs.k8s.io/yaml's Marshal (JSON → go-yaml v2) re-implemented: block
// mappings with keys in go-yaml's order, indentless sequences under mappings, {} and [] for
// empty collections, quoting of strings that look like other types, literal blocks for
// multi-line strings, and go-yaml's folding of long plain/quoted scalars at column 80.
import { goNumberString } from "./json";
import { isBreak, scalarStyle } from "./yaml-scalar";

const BEST_WIDTH = 80;

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

/** go-yaml v2's keyList.Less for string keys (letters after other runes, digit runs numeric). */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0, bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Output with go-yaml's column bookkeeping. */
class Emitter {
  out = "";
  column = 0;
  private atLineStart = true;

  put(s: string): void {
    for (const ch of s) {
      this.out += ch;
      this.column++;
    }
    this.atLineStart = false;
  }

  newline(): void {
    this.out += "\n";
    this.column = 0;
    this.atLineStart = true;
  }

  /** write_indent: a line break unless already at the start of a line, then spaces. */
  indent(n: number): void {
    if (!this.atLineStart || this.column > n) this.newline();
    this.out += " ".repeat(n - this.column);
    this.column = n;
    this.atLineStart = false;
  }
}

function hex(cp: number, digits: number): string {
  return cp.toString(16).toUpperCase().padStart(digits, "0");
}

function doubleQuoted(e: Emitter, s: string, indent: number, allowBreaks: boolean): void {
  e.put('"');
  const chars = [...s];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const cp = ch.codePointAt(0)!;
    const printable = cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!printable || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === "\\") {
      const named: Record<number, string> = { 0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e",
        0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P" };
      const n = named[cp];
      e.put(n !== undefined ? `\\${n}` : cp <= 0xff ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);
      spaces = false;
    } else if (ch === " ") {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        e.indent(indent);
        if (chars[i + 1] === " ") e.put("\\");
      } else e.put(ch);
      spaces = true;
    } else {
      e.put(ch);
      spaces = false;
    }
  }
  e.put('"');
}

function singleQuoted(e: Emitter, s: string, indent: number, allowBreaks: boolean): void {
  e.put("'");
  const chars = [...s];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === " ") {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== " ") {
        e.indent(indent);
      } else e.put(ch);
      spaces = true;
    } else {
      e.put(ch === "'" ? "''" : ch);
      spaces = false;
    }
  }
  e.put("'");
}

function plain(e: Emitter, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === " ") {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && chars[i + 1] !== " ") e.indent(indent);
      else e.put(ch);
      spaces = true;
    } else {
      e.put(ch);
      spaces = false;
    }
  }
}

function literal(e: Emitter, s: string, indent: number): void {
  let hints = "|";
  if (s[0] === " " || isBreak(s[0])) hints += "2";
  const last = s[s.length - 1];
  if (!isBreak(last)) hints += "-";
  else if (s.length === 1 || isBreak(s[s.length - 2])) hints += "+";
  e.put(hints);
  e.newline();
  let breaks = true;
  for (const ch of s) {
    if (isBreak(ch)) {
      e.newline();
      breaks = true;
    } else {
      if (breaks) e.indent(indent);
      e.put(ch);
      breaks = false;
    }
  }
}

/** Writes a string scalar at the current position (a space is already there). */
function stringScalar(e: Emitter, s: string, indent: number, isKey: boolean): void {
  const style = scalarStyle(s, isKey);
  if (style === "plain") plain(e, s, indent, !isKey);
  else if (style === "single") singleQuoted(e, s, indent, !isKey);
  else if (style === "double") doubleQuoted(e, s, indent, !isKey);
  else literal(e, s, indent);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

function scalarValue(e: Emitter, v: unknown, indent: number): void {
  if (v === null || v === undefined) e.put("null");
  else if (typeof v === "boolean") e.put(v ? "true" : "false");
  else if (typeof v === "number") e.put(goNumberString(v));
  else stringScalar(e, String(v), indent, false);
}

/** Emits the value after `key:` or `- `; `indent` is the column of the parent key or dash. */
function node(e: Emitter, v: unknown, indent: number, inSequence: boolean): void {
  if (isEmptyCollection(v)) {
    e.put(Array.isArray(v) ? " []" : " {}");
  } else if (Array.isArray(v)) {
    sequence(e, v, inSequence ? indent + 2 : indent, inSequence);
  } else if (typeof v === "object" && v !== null) {
    mapping(e, v as Record<string, unknown>, indent + 2, inSequence);
  } else {
    e.put(" ");
    scalarValue(e, v, indent + 2);
  }
}

function mapping(e: Emitter, m: Record<string, unknown>, indent: number, inlineFirst: boolean): void {
  const keys = Object.keys(m).filter((k) => m[k] !== undefined).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
  keys.forEach((k, i) => {
    if (i === 0 && inlineFirst) e.put(" ");
    else e.indent(indent);
    stringScalar(e, k, indent + 2, true);
    e.put(":");
    node(e, m[k], indent, false);
  });
}

function sequence(e: Emitter, items: unknown[], indent: number, inlineFirst: boolean): void {
  items.forEach((item, i) => {
    if (!(i === 0 && inlineFirst)) e.indent(indent);
    else e.put(" ");
    e.put("-");
    node(e, item, indent, true);
  });
}

/** sigs.k8s.io/yaml.Marshal of a JSON value (always ends with a newline). */
export function toYaml(v: unknown): string {
  const e = new Emitter();
  if (isEmptyCollection(v)) return Array.isArray(v) ? "[]\n" : "{}\n";
  if (Array.isArray(v)) sequence(e, v, 0, false);
  else if (typeof v === "object" && v !== null) mapping(e, v as Record<string, unknown>, 0, false);
  else scalarValue(e, v, 0);
  if (!e.out.endsWith("\n")) e.newline();
  return e.out;
}
