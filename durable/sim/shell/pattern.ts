// Shell pattern matching (fnmatch): `*`, `?`, bracket expressions with `!`/`^` negation and
// POSIX classes, backslash escapes. Used by case, ${x#pat} trimming, globbing, pgrep-free tests.

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z", digit: "0-9", alnum: "a-zA-Z0-9", upper: "A-Z", lower: "a-z",
  space: " \\t\\n\\r\\f\\v", blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f",
  print: " -~", graph: "!-~", cntrl: "\\x00-\\x1f\\x7f",
};

const cache = new Map<string, RegExp>();

/** Translates a pattern into a RegExp source; `path` makes `*` and `?` stop at `/`. */
export function patternSource(pat: string, path = false): string {
  let re = "";
  const any = path ? "[^/]" : "[\\s\\S]";
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === "\\" && i + 1 < pat.length) { re += escapeRe(pat[++i]); continue; }
    if (c === "*") { re += any + "*"; continue; }
    if (c === "?") { re += any; continue; }
    if (c === "[") {
      const end = bracketEnd(pat, i);
      if (end < 0) { re += "\\["; continue; }
      let body = pat.slice(i + 1, end);
      let neg = false;
      if (body[0] === "!" || body[0] === "^") { neg = true; body = body.slice(1); }
      let cls = "";
      for (let j = 0; j < body.length; j++) {
        const m = /^\[:([a-z]+):\]/.exec(body.slice(j));
        if (m && CLASSES[m[1]]) { cls += CLASSES[m[1]]; j += m[0].length - 1; continue; }
        const ch = body[j];
        if (ch === "\\" && j + 1 < body.length) { cls += "\\" + body[++j]; continue; }
        cls += ch === "]" || ch === "\\" || ch === "^" ? "\\" + ch : ch;
      }
      re += `[${neg ? "^" : ""}${cls}]`;
      i = end;
      continue;
    }
    re += escapeRe(c);
  }
  return re;
}

function bracketEnd(pat: string, i: number): number {
  let j = i + 1;
  if (pat[j] === "!" || pat[j] === "^") j++;
  if (pat[j] === "]") j++;
  for (; j < pat.length; j++) {
    if (pat[j] === "[" && pat[j + 1] === ":") {
      const e = pat.indexOf(":]", j + 2);
      if (e > 0) { j = e + 1; continue; }
    }
    if (pat[j] === "]") return j;
  }
  return -1;
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? "\\" + c : c;
}

/** True when the whole string matches the pattern. */
export function matchPattern(pat: string, s: string, path = false): boolean {
  const key = (path ? "p" : "s") + pat;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^${patternSource(pat, path)}$`);
    if (cache.size > 2000) cache.clear();
    cache.set(key, re);
  }
  return re.test(s);
}

/** True when a pattern has unescaped glob characters. */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === "\\") { i++; continue; }
    if (c === "*" || c === "?") return true;
    if (c === "[" && bracketEnd(pat, i) > 0) return true;
  }
  return false;
}

/** Removes pattern escapes (a pattern that is used literally). */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([\s\S])/g, "$1");
}

/** ${v#pat} / ${v##pat} / ${v%pat} / ${v%%pat}. */
export function trimPattern(v: string, pat: string, op: "#" | "##" | "%" | "%%"): string {
  if (op === "#") { for (let i = 0; i <= v.length; i++) if (matchPattern(pat, v.slice(0, i))) return v.slice(i); }
  if (op === "##") { for (let i = v.length; i >= 0; i--) if (matchPattern(pat, v.slice(0, i))) return v.slice(i); }
  if (op === "%") { for (let i = v.length; i >= 0; i--) if (matchPattern(pat, v.slice(i))) return v.slice(0, i); }
  if (op === "%%") { for (let i = 0; i <= v.length; i++) if (matchPattern(pat, v.slice(i))) return v.slice(0, i); }
  return v;
}
