// printf(1) formatting shared by the shell builtin and the external printf program: %s %b %c
// %d %i %u %o %x %X %e %f %g with flags, width and precision, backslash escapes, and reuse of
// the format while arguments remain. Also echo's escape processing.

/** Result of formatting: the text and any diagnostics for invalid numbers. */
export interface PrintfResult {
  out: string;
  errors: string[];
  /** \c seen: stop all output. */
  stop: boolean;
}

/** Processes backslash escapes (`bsd` adds \c handling and \0NNN octal like echo/%b). */
export function escapes(s: string, echoStyle: boolean): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) { out += c; continue; }
    const n = s[++i];
    switch (n) {
      case "a": out += "\x07"; break;
      case "b": out += "\b"; break;
      case "c": return { text: out, stop: true };
      case "e": out += "\x1b"; break;
      case "f": out += "\f"; break;
      case "n": out += "\n"; break;
      case "r": out += "\r"; break;
      case "t": out += "\t"; break;
      case "v": out += "\v"; break;
      case "\\": out += "\\"; break;
      case "x": {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) { out += String.fromCharCode(parseInt(m[0], 16)); i += m[0].length; } else out += "\\x";
        break;
      }
      default: {
        if (/[0-7]/.test(n)) {
          const max = echoStyle && n === "0" ? 4 : 3;
          const m = new RegExp(`^[0-7]{1,${max}}`).exec(s.slice(i));
          const digits = m![0];
          out += String.fromCharCode(parseInt(digits, 8) & 255);
          i += digits.length - 1;
        } else out += "\\" + n;
      }
    }
  }
  return { text: out, stop: false };
}

function toNumber(a: string, errors: string[], style: "dash" | "ash" | "bash" | "gnu"): number {
  if (a === undefined || a === "") return 0;
  if (/^['"]/.test(a)) return a.length > 1 ? a.codePointAt(1)! : 0;
  const t = a.trim();
  if (/^[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(t)) {
    const neg = t.startsWith("-");
    const u = t.replace(/^[-+]/, "");
    const v = /^0[xX]/.test(u) ? parseInt(u, 16) : /^0\d/.test(u) ? parseInt(u, 8) : Number(u);
    return neg ? -v : v;
  }
  if (/^[-+]?\d*\.?\d+([eE][-+]?\d+)?$/.test(t)) return Number(t);
  const m = /^[-+]?\d+/.exec(t);
  errors.push(style === "dash" ? `${a}: expected numeric value` : style === "ash" ? `invalid number '${a}'` : `${a}: invalid number`);
  return m ? Number(m[0]) : 0;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + " ".repeat(width - s.length);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : "";
    return sign + "0".repeat(width - s.length) + s.slice(sign.length);
  }
  return " ".repeat(width - s.length) + s;
}

/** Formats like printf(1). */
export function formatPrintf(fmt: string, args: string[], style: "dash" | "ash" | "bash" | "gnu"): PrintfResult {
  const errors: string[] = [];
  let out = "";
  let ai = 0;
  const next = () => (ai < args.length ? args[ai++] : undefined);
  for (let pass = 0; pass < 10000; pass++) {
    const start = ai;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i];
      if (c === "\\") {
        const j = fmt.slice(i).match(/^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s);
        if (!j) { out += c; continue; }
        const e = escapes(j[0], false);
        if (e.stop) return { out, errors, stop: true };
        out += e.text;
        i += j[0].length - 1;
        continue;
      }
      if (c !== "%") { out += c; continue; }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(fmt.slice(i));
      if (!m) { out += c; continue; }
      i += m[0].length - 1;
      const flags = m[1];
      const conv = m[4];
      if (conv === "%") { out += "%"; continue; }
      let width = m[2] === "*" ? toNumber(next() ?? "0", errors, style) : m[2] ? Number(m[2]) : 0;
      let left = flags.includes("-");
      if (width < 0) { left = true; width = -width; }
      const precRaw = m[3] === "*" ? String(toNumber(next() ?? "0", errors, style)) : m[3];
      const prec = precRaw === undefined ? undefined : Number(precRaw || "0");
      const zero = flags.includes("0") && !left;
      const a = next();
      let s: string;
      switch (conv) {
        case "s": s = a ?? ""; if (prec !== undefined) s = s.slice(0, prec); break;
        case "b": { const e = escapes(a ?? "", true); s = e.text; if (e.stop) { out += pad(s, width, left, false); return { out, errors, stop: true }; } break; }
        case "c": s = (a ?? "").slice(0, 1); break;
        case "d": case "i": case "u": {
          let v = Math.trunc(toNumber(a ?? "", errors, style));
          if (conv === "u" && v < 0) v = 2 ** 64 + v;
          s = String(Math.abs(v));
          if (prec !== undefined) s = s.padStart(prec, "0");
          s = (v < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "") + s;
          out += pad(s, width, left, zero && prec === undefined);
          continue;
        }
        case "o": case "x": case "X": {
          let v = Math.trunc(toNumber(a ?? "", errors, style));
          if (v < 0) v = 2 ** 64 + v;
          s = v.toString(conv === "o" ? 8 : 16);
          if (conv === "X") s = s.toUpperCase();
          if (flags.includes("#") && v !== 0) s = (conv === "o" ? "0" : conv === "x" ? "0x" : "0X") + s;
          out += pad(s, width, left, zero);
          continue;
        }
        case "e": case "E": case "f": case "F": case "g": case "G": {
          const v = toNumber(a ?? "", errors, style);
          const p = prec ?? 6;
          if (conv === "f" || conv === "F") s = v.toFixed(p);
          else if (conv === "e" || conv === "E") s = v.toExponential(p).replace(/e([+-])(\d)$/, "e$10$2");
          else s = String(Number(v.toPrecision(p || 1)));
          if (conv === "E" || conv === "G") s = s.toUpperCase();
          if (v >= 0 && flags.includes("+")) s = "+" + s;
          out += pad(s, width, left, zero);
          continue;
        }
        default: s = "";
      }
      out += pad(s, width, left, false);
    }
    if (ai >= args.length || ai === start) break;
  }
  return { out, errors, stop: false };
}
