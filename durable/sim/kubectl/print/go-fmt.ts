// Go's fmt verbs for JSON-decoded values as kubectl's go-template printer shows them: %v of
// float64 (strconv 'g' with the shortest digits: an exponent below 1e-4 and from 1e+06),
// maps as map[k:v] with sorted keys, slices as [a b], nil as <nil>; a small printf; the
// template truth test; base64 decoding. Used by print/go-template.ts.

/** strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v prints a float64. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const exp = Math.floor(Math.log10(Math.abs(f)));
  // %v is %g with the shortest digits, which switches to an exponent at precision 6.
  if (exp < -4 || exp >= 6) {
    const [m, e] = f.toExponential().split("e");
    const n = Number(e);
    return `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return String(f);
}

/** fmt.Sprint of a JSON value. */
export function goValueString(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goValueString).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goValueString(o[k])}`).join(" ")}]`;
  }
  return String(v);
}

/** text/template's truth: false, 0, "", nil and empty collections are false. */
export function isTrue(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

/** A small fmt.Sprintf: %v %s %d %f %q %t %% with optional width and - flag. */
export function goPrintf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(/%(-?)(\d*)(?:\.(\d+))?([vsdfqt%])/g, (_m, minus: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    let s: string;
    if (verb === "d") s = typeof a === "number" ? String(Math.trunc(a)) : `%!d(${typeof a}=${goValueString(a)})`;
    else if (verb === "f") s = typeof a === "number" ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${typeof a}=${goValueString(a)})`;
    else if (verb === "q") s = JSON.stringify(goValueString(a));
    else s = goValueString(a);
    const w = Number(width || 0);
    return s.length >= w ? s : minus ? s.padEnd(w) : s.padStart(w);
  });
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (padding optional) to bytes. */
export function base64Decode(s: string): Uint8Array {
  const clean = s.replace(/=+$/, "");
  const out: number[] = [];
  let buf = 0, bits = 0;
  for (const c of clean) {
    const v = B64.indexOf(c);
    if (v < 0) throw new Error(`illegal base64 data`);
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
