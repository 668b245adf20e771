// Scalar rules of go-yaml v2 (what sigs.k8s.io/yaml, and so kubectl -o yaml, uses): which
// strings would resolve to another type when unquoted (and so get quoted), the emitter's
// analysis of a string (which styles are allowed), and the chosen style. Used by yaml.ts.

/** Output styles of a scalar. */
export type ScalarStyle = "plain" | "single" | "double" | "literal";

const BOOL_NULL = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<"]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMPS = [
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?$/,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
];

/** strconv.ParseInt(s, 0, 64) / ParseUint succeed (decimal, 0x, 0o, 0b, leading-0 octal). */
function goParsesInt(s: string): boolean {
  const body = s.replace(/^[+-]/, "");
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) return true;
  if (/^0[oO][0-7]+$/.test(body)) return true;
  if (/^0[bB][01]+$/.test(body)) return true;
  if (/^0[0-7]*$/.test(body)) return true;
  return /^[1-9][0-9]*$/.test(body);
}

/** True when an unquoted `s` would be read back as something other than a string (resolve()). */
export function resolvesToNonString(s: string): boolean {
  if (BOOL_NULL.has(s)) return true;
  const c = s[0];
  if (c === ".") return YAML_FLOAT.test(s) || /^\.[0-9]/.test(s) && !Number.isNaN(Number(s));
  if (c === "+" || c === "-" || (c >= "0" && c <= "9")) {
    if (TIMESTAMPS.some((r) => r.test(s))) return true;
    const plain = s.replace(/_/g, "");
    if (goParsesInt(plain)) return true;
    if (YAML_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** is_break */
export function isBreak(ch: string | undefined): boolean {
  return ch === "\r" || ch === "\n" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
}

const isBlank = (ch: string | undefined) => ch === " " || ch === "\t";

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar for block context. */
function analyze(value: string): Analysis {
  if (!value.length) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...value];
  let blockIndicators = value.startsWith("---") || value.startsWith("...");
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let lineBreaks = false, special = false;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":" || ch === "-") && followedByWhitespace) blockIndicators = true;
    } else if (ch === ":" && followedByWhitespace) blockIndicators = true;
    else if (ch === "#" && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** The style go-yaml v2 emits a string with, as a mapping key or as a value. */
export function scalarStyle(s: string, isKey: boolean): ScalarStyle {
  const canUsePlain = !resolvesToNonString(s) && !BASE60.test(s);
  let style: ScalarStyle = s.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
  const a = analyze(s);
  if (isKey && a.multiline) style = "double";
  if (style === "plain" && !a.blockPlainAllowed) style = "single";
  if (style === "plain" && !s.length && isKey) style = "single";
  if (style === "single" && !a.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!a.blockAllowed || isKey)) style = "double";
  return style;
}
