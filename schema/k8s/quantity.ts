// resource.Quantity as apimachinery parses and prints it: "1" CPU, "500m", "1Gi", "129e6".
// decode.ts canonicalizes quantities on the way in (0.5 -> "500m", 1024Mi -> "1Gi"), as the
// API server does. Quantity arithmetic for the rest of podlab lives in schema/quantity.ts.

/** apimachinery's ErrFormatWrong text (the message the API server returns). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** apimachinery's ErrSuffix text. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

type Format = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** A parsed quantity: value = mantissa * 10^scale, rounded up to nano units, plus its format. */
export interface ParsedQuantity {
  mantissa: bigint;
  scale: number;
  format: Format;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Parses a quantity string; returns the apimachinery error message on failure. */
export function parseQuantity(input: string): ParsedQuantity | { error: string } {
  const s = input.trim();
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*)([-+]?[0-9]*)$/.exec(s);
  if (!s || !m || (!m[2] && !m[3])) return { error: QUANTITY_FORMAT_ERROR };
  const [, sign, whole, frac = "", letters, expDigits] = m;
  const suffix = letters + expDigits;
  let format: Format;
  let scale = -frac.length;
  let mantissa = BigInt((whole || "0") + frac);
  if (suffix in DECIMAL) {
    format = "DecimalSI";
    scale += DECIMAL[suffix];
  } else if (suffix in BINARY) {
    format = "BinarySI";
    mantissa *= 1n << BigInt(BINARY[suffix]);
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = "DecimalExponent";
    scale += Number(suffix.slice(1));
  } else {
    return { error: QUANTITY_SUFFIX_ERROR };
  }
  if (scale < -9 && mantissa !== 0n) {
    const div = 10n ** BigInt(-9 - scale);
    mantissa = (mantissa + div - 1n) / div;
    scale = -9;
  }
  const max = (1n << 63n) - 1n;
  if (format === "BinarySI" && scale >= 0 && mantissa * 10n ** BigInt(scale) > max) { mantissa = max; scale = 0; }
  if (format === "BinarySI" && mantissa > 0n && lessThanOne(mantissa, scale)) format = "DecimalSI";
  return { mantissa: sign === "-" ? -mantissa : mantissa, scale, format };
}

function lessThanOne(mantissa: bigint, scale: number): boolean {
  return scale < 0 && mantissa < 10n ** BigInt(-scale);
}

/** The canonical spelling Quantity.String() prints. */
export function formatQuantity(q: ParsedQuantity): string {
  if (q.mantissa === 0n) return "0";
  const neg = q.mantissa < 0n;
  let m = neg ? -q.mantissa : q.mantissa;
  let e = q.scale;
  let format = q.format;
  if (format === "BinarySI") {
    const int = toInteger(m, e);
    if (int === undefined || int < 1024n) format = "DecimalSI";
    else {
      let exp = 0;
      let v = int;
      while (v % 1024n === 0n && exp < 60) { v /= 1024n; exp += 10; }
      const suffix = Object.keys(BINARY).find((k) => BINARY[k] === exp) ?? "";
      return `${neg ? "-" : ""}${v}${suffix}`;
    }
  }
  while (m % 10n === 0n) { m /= 10n; e++; }
  const r = ((e % 3) + 3) % 3;
  if (r) { m *= 10n ** BigInt(r); e -= r; }
  let suffix: string;
  if (format === "DecimalSI" && e >= -9 && e <= 18) suffix = Object.keys(DECIMAL).find((k) => DECIMAL[k] === e)!;
  else suffix = e === 0 ? "" : `e${e}`;
  return `${neg ? "-" : ""}${m}${suffix}`;
}

function toInteger(m: bigint, e: number): bigint | undefined {
  if (e >= 0) return m * 10n ** BigInt(e);
  const d = 10n ** BigInt(-e);
  return m % d === 0n ? m / d : undefined;
}

/** Canonicalizes a quantity as the API server stores it, or returns the error message. */
export function canonicalQuantity(input: string | number): string | { error: string } {
  const p = parseQuantity(String(input));
  return "error" in p ? p : formatQuantity(p);
}

/** The numeric value of a quantity (cores for CPU, bytes for memory); NaN if it does not parse. */
export function quantityValue(input: string | number): number {
  const p = parseQuantity(String(input));
  if ("error" in p) return NaN;
  return Number(p.mantissa) * 10 ** p.scale;
}

/** The value in milli-units, rounded up (CPU millicores), as Quantity.MilliValue(). */
export function quantityMilli(input: string | number): number {
  const p = parseQuantity(String(input));
  if ("error" in p) return NaN;
  const e = p.scale + 3;
  if (e >= 0) return Number(p.mantissa * 10n ** BigInt(e));
  const d = 10n ** BigInt(-e);
  const q = p.mantissa / d;
  return Number(p.mantissa % d === 0n || p.mantissa < 0n ? q : q + 1n);
}
