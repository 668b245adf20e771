// tr as a stream filter: characters are translated, deleted (-d, with -c the complement) and
// squeezed (-s) as they arrive, so `tr -dc 'a-z0-9' < /dev/urandom | head -c 12` ends when head
// has enough. Registered in registry-extra.ts.
import type { Program } from "./api";
import { warn } from "./oneshot";

const CLASSES: Record<string, string> = {
  "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
  "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "[:digit:]": "0123456789",
  "[:xdigit:]": "0123456789ABCDEFabcdef",
  "[:space:]": " \t\n\r\f\v",
  "[:blank:]": " \t",
  "[:alpha:]": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "[:alnum:]": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  "[:punct:]": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
};

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\" };

/** Expands a SET operand: classes, escapes (\n, \\, \NNN octal) and ranges. */
export function expandSet(s: string): string {
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const cls = Object.keys(CLASSES).find((k) => s.startsWith(k, i));
    if (cls) { chars.push(...CLASSES[cls]); i += cls.length - 1; continue; }
    let ch = s[i];
    if (ch === "\\" && i + 1 < s.length) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
      if (oct) { ch = String.fromCharCode(parseInt(oct[0], 8)); i += oct[0].length; }
      else { ch = ESCAPES[s[i + 1]] ?? s[i + 1]; i++; }
    }
    if (s[i + 1] === "-" && i + 2 < s.length) {
      const end = s[i + 2];
      for (let c = ch.charCodeAt(0); c <= end.charCodeAt(0); c++) chars.push(String.fromCharCode(c));
      i += 2;
      continue;
    }
    chars.push(ch);
  }
  return chars.join("");
}

/** tr [-cds] SET1 [SET2]. */
export const tr: Program = {
  step(sys) {
    const flags = new Set<string>();
    const sets: string[] = [];
    for (const a of sys.argv.slice(1)) {
      if (/^-[cdsC]+$/.test(a) && !sets.length) for (const f of a.slice(1)) flags.add(f === "C" ? "c" : f);
      else sets.push(expandSet(a));
    }
    const comp = flags.has("c"), del = flags.has("d"), sq = flags.has("s");
    if (!sets.length || (!del && !sq && sets.length < 2)) { warn(sys, sets.length ? `missing operand after '${sys.argv[sys.argv.length - 1]}'` : "missing operand"); sys.exit(1); return; }
    const one = new Set(sets[0]);
    const two = sets[1] ?? "";
    const in1 = (ch: string) => one.has(ch) !== comp;
    const squeezeSet = del || sets.length < 2 ? (del ? new Set(two) : undefined) : new Set(two);
    const squeezes = (ch: string) => (squeezeSet ? squeezeSet.has(ch) : in1(ch));
    const d = (sys.data ??= { last: "" }) as { last: string };
    for (;;) {
      const chunk = sys.read(0);
      if (chunk === undefined) return;
      if (chunk === null) { sys.exit(0); return; }
      let out = "";
      for (const c of chunk) {
        let ch = c;
        if (in1(ch)) {
          if (del) continue;
          if (two) ch = comp ? two[two.length - 1] : two[Math.min(sets[0].indexOf(ch), two.length - 1)];
        }
        if (sq && ch === d.last && squeezes(ch)) continue;
        out += ch;
        d.last = ch;
      }
      if (out && sys.write(1, out) !== "ok") { sys.exit(1); return; }
    }
  },
};
