// resource.Quantity of apimachinery: parsing every form Kubernetes accepts, exact arithmetic on
// bigints, and the canonical string the API server writes back. Used by defaulting (requests,
// round-up to milli), validation (requests <= limits), QoS, the scheduler's fit checks, the
// kubelet's memory accounting and the go-cmp diff renderer (which needs upstream's internals).

/** The three serialization families; a parsed quantity keeps its family. */
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** Upstream's in-memory form: the int64 fast path (`i`) or the inf.Dec slow path (`d`). */
export type QuantityInternal =
  | { kind: "i"; value: bigint; scale: number }
  | { kind: "d"; unscaled: bigint; scale: number };

/** An exact quantity: value = mantissa × 10^exp. Immutable. */
export interface Quantity {
  readonly mantissa: bigint;
  readonly exp: number;
  readonly format: QuantityFormat;
  /** The input string, kept verbatim when upstream keeps it (input already canonical). */
  readonly s?: string;
  /** How upstream holds the value in memory (shown by `cmp.Diff`). */
  readonly internal: QuantityInternal;
}

const SPLIT_RE_STRING = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
/** ErrFormatWrong */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
/** ErrNumeric */
export const QUANTITY_NUMERIC_ERROR = "unable to parse numeric part of quantity";
/** ErrSuffix */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([k, v]) => [v, k]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([k, v]) => [v, k]));
const SUFFIX_CHARS = "eEinumkKMGTP";
const INT64_MAX = (1n << 63n) - 1n;
const NANO = -9;
/** Exponents beyond this are refused (upstream accepts them; nobody writes them). */
const MAX_ABS_EXPONENT = 1000;

interface Scanned { positive: boolean; value: string; num: string; denom: string; suffix: string }

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** parseQuantityString: splits sign, integer digits, fraction digits and suffix. */
function scan(str: string): Scanned | string {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === "-") { positive = false; pos++; } else if (str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { positive, value: "0", num: "0", denom: "", suffix: "" };
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { positive, value: str, num: str.slice(numStart), denom: "", suffix: "" };
  const num = str.slice(numStart, pos) || "0";
  let denom = "";
  if (str[pos] === ".") {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
    if (pos >= end) return { positive, value: str, num, denom, suffix: "" };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return QUANTITY_FORMAT_ERROR;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

/** quantitySuffixer.interpret */
function interpret(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[suffix], format: "DecimalSI" };
  if (suffix in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[suffix], format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: "DecimalExponent" };
  }
  return undefined;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (v: bigint) => (v < 0n ? -v : v);

function make(internal: QuantityInternal, format: QuantityFormat, s?: string): Quantity {
  const [mantissa, exp] = internal.kind === "i" ? [internal.value, internal.scale] : [internal.unscaled, -internal.scale];
  return s === undefined ? { mantissa, exp, format, internal } : { mantissa, exp, format, s, internal };
}

/** ParseQuantity with upstream's error text on failure. */
export function parseQuantityStrict(input: string | number): { q: Quantity } | { error: string } {
  const str = (typeof input === "number" ? String(input) : input).trim();
  if (str.length === 0) return { error: QUANTITY_FORMAT_ERROR };
  if (str === "0") return { q: make({ kind: "i", value: 0n, scale: 0 }, "DecimalSI", "0") };
  const sc = scan(str);
  if (typeof sc === "string") return { error: sc };
  const suf = interpret(sc.suffix);
  if (!suf) return { error: QUANTITY_SUFFIX_ERROR };
  if (Math.abs(suf.exponent) > MAX_ABS_EXPONENT) return { error: QUANTITY_NUMERIC_ERROR };
  let { format } = suf;
  const { num, denom, positive } = sc;

  // The int64 fast path (keeps the input string when it is already canonical).
  let precision = 0;
  let scale = 0;
  let mult = 1n;
  if (format === "BinarySI") {
    if (suf.exponent >= 0 && denom.length === 0) {
      mult = 1n << BigInt(suf.exponent);
      precision = 15 - num.length - Math.trunc((suf.exponent * 3) / 10) - 1;
    } else precision = -1;
  } else {
    scale = suf.exponent;
    precision = 18 - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      const shifted = num + denom;
      const value = BigInt(shifted);
      let result = value * mult;
      if (result <= INT64_MAX) {
        if (!positive) result = -result;
        const i: QuantityInternal = { kind: "i", value: result, scale };
        const keep = format === "BinarySI"
          ? suf.exponent % 10 === 0 && (value & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
        return { q: make(i, format, keep ? str : undefined) };
      }
    }
  }

  // The inf.Dec slow path: exact, then rounded up to nano, BinarySI capped at 2^63-1.
  const digits = num + denom;
  if (!/^[0-9]+$/.test(digits)) return { error: QUANTITY_NUMERIC_ERROR };
  let unscaled = BigInt(digits);
  let decScale = denom.length;
  if (suf.base === 10) decScale -= suf.exponent;
  else unscaled *= 1n << BigInt(suf.exponent);
  if (unscaled !== 0n) {
    if (decScale > 9) {
      const d = pow10(decScale - 9);
      unscaled = unscaled / d + (unscaled % d === 0n ? 0n : 1n);
    } else unscaled *= pow10(9 - decScale);
    decScale = 9;
  }
  if (format === "BinarySI" && unscaled > INT64_MAX * pow10(decScale)) unscaled = INT64_MAX * pow10(decScale);
  if (format === "BinarySI" && unscaled > 0n && unscaled < pow10(decScale)) format = "DecimalSI";
  if (!positive) unscaled = -unscaled;
  return { q: make({ kind: "d", unscaled, scale: decScale }, format) };
}

/** ParseQuantity: undefined when the string is not a quantity. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const r = parseQuantityStrict(input);
  return "q" in r ? r.q : undefined;
}

/** True when `input` parses as a quantity. */
export const isQuantity = (input: unknown): boolean =>
  (typeof input === "string" || typeof input === "number") && parseQuantity(input) !== undefined;

/** Strips factors of `base` from |v| (removeInt64Factors / removeBigIntFactors). */
function removeFactors(v: bigint, base: bigint): [bigint, number] {
  let r = abs(v);
  let times = 0;
  while (r >= base && r % base === 0n) { r /= base; times++; }
  return [v < 0n ? -r : r, times];
}

/** q.Sign() */
export const sign = (q: Quantity): number => (q.mantissa === 0n ? 0 : q.mantissa > 0n ? 1 : -1);
/** q.IsZero() */
export const isZero = (q: Quantity): boolean => q.mantissa === 0n;

/** Value rounded up to an integer multiple of 10^scale, expressed in units of 10^scale (ceil). */
function scaledCeil(q: Quantity, scale: number): bigint {
  const shift = q.exp - scale;
  if (shift >= 0) return q.mantissa * pow10(shift);
  const d = pow10(-shift);
  const t = q.mantissa / d;
  return q.mantissa > 0n && q.mantissa % d !== 0n ? t + 1n : t;
}

/** Exact integer test. */
const isInteger = (q: Quantity) => q.exp >= 0 || q.mantissa % pow10(-q.exp) === 0n;

/** q.String(): the canonical form (or the kept input string). */
export function formatQuantity(q: Quantity): string {
  return q.s ?? canonicalQuantity(q);
}

/** CanonicalizeBytes: canonical string regardless of any kept input. */
export function canonicalQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    if (cmp(q, fromInt(-1024)) > 0 && cmp(q, fromInt(1024)) < 0) format = "DecimalSI";
    else if (!isInteger(q)) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    const [m, times] = removeFactors(scaledCeil(q, 0), 1024n);
    return `${m}${BIN_BY_EXP.get(times * 10) ?? ""}`;
  }
  let [m, times] = removeFactors(q.mantissa, 10n);
  let e = q.exp + times;
  while (e % 3 !== 0) { m *= 10n; e--; }
  if (format === "DecimalExponent") return e === 0 ? `${m}` : `${m}e${e}`;
  return `${m}${DEC_BY_EXP.get(e) ?? ""}`;
}

/** Canonicalizes a quantity string (or number); returns the input unchanged when unparsable. */
export function canonicalizeQuantityString(v: string | number): string | number {
  const q = parseQuantity(v);
  return q ? formatQuantity(q) : v;
}

/** q.Cmp(y): -1, 0, 1. */
export function cmp(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exp, b.exp);
  const x = a.mantissa * pow10(a.exp - e);
  const y = b.mantissa * pow10(b.exp - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when both quantities have the same value (resource.Quantity.Equal). */
export const equal = (a: Quantity, b: Quantity): boolean => cmp(a, b) === 0;

function fromParts(mantissa: bigint, exp: number, format: QuantityFormat): Quantity {
  return make({ kind: "d", unscaled: mantissa, scale: -exp }, format);
}

/** a + b; the result keeps a's format unless a is zero (Quantity.Add). */
export function add(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exp, b.exp);
  return fromParts(a.mantissa * pow10(a.exp - e) + b.mantissa * pow10(b.exp - e), e, isZero(a) ? b.format : a.format);
}

/** a - b (Quantity.Sub). */
export const sub = (a: Quantity, b: Quantity): Quantity => add(a, neg(b));
/** -q */
export const neg = (q: Quantity): Quantity => fromParts(-q.mantissa, q.exp, q.format);

/** An integer quantity (resource.NewQuantity). */
export function fromInt(n: number | bigint, format: QuantityFormat = "DecimalSI"): Quantity {
  return make({ kind: "i", value: BigInt(n), scale: 0 }, format);
}
/** A quantity of n thousandths (resource.NewMilliQuantity). */
export function fromMilli(n: number | bigint, format: QuantityFormat = "DecimalSI"): Quantity {
  return make({ kind: "i", value: BigInt(n), scale: -3 }, format);
}

/** q.MilliValue(): ceil(q × 1000) as a number. */
export const milliValue = (q: Quantity): number => Number(scaledCeil(q, -3));
/** q.MilliValue() as a bigint. */
export const milliValueBig = (q: Quantity): bigint => scaledCeil(q, -3);
/** q.Value(): ceil(q) as a number (bytes for memory). */
export const value = (q: Quantity): number => Number(scaledCeil(q, 0));
/** q.Value() as a bigint. */
export const valueBig = (q: Quantity): bigint => scaledCeil(q, 0);
/** q.ScaledValue(scale): ceil(q / 10^scale). */
export const scaledValue = (q: Quantity, scale: number): bigint => scaledCeil(q, scale);

/**
 * q.RoundUp(scale): rounds away from zero to a multiple of 10^scale. Like upstream, an int64
 * value already at that precision keeps its kept string; anything else is re-canonicalized.
 */
export function roundUp(q: Quantity, scale: number): Quantity {
  if (q.internal.kind === "i") {
    if (q.internal.scale >= scale) return q;
  }
  const shift = scale - q.exp;
  let m = q.mantissa;
  let e = q.exp;
  if (shift > 0) {
    const d = pow10(shift);
    const t = abs(m) / d + (abs(m) % d === 0n ? 0n : 1n);
    m = m < 0n ? -t : t;
    e = scale;
  }
  if (q.internal.kind === "i") return make({ kind: "i", value: m, scale: e }, q.format);
  const unscaled = shift > 0 ? m : m * pow10(-shift);
  return make({ kind: "d", unscaled, scale: -scale }, q.format);
}
