// The few text filters the tutorial pipes kubectl into (grep, head, tail, wc -l), applied in the
// browser to a command's stdout: `kubectl describe pod x | grep -i -A10 events`. Pure.

/** A filter's result: new text, or an error message for the filter's usage. */
export type FilterResult = { text: string; code: number } | { error: string };

/** Names of the supported filters. */
export const FILTERS = ["grep", "head", "tail", "wc"] as const;

function lines(text: string): string[] {
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

const joined = (ls: string[]) => (ls.length ? `${ls.join("\n")}\n` : "");

function grep(args: string[], text: string): FilterResult {
  let ignore = false, invert = false, after = 0, before = 0, count = false;
  let pattern: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = (v: string | undefined) => Number(v ?? "x");
    if (a === "-i") ignore = true;
    else if (a === "-v") invert = true;
    else if (a === "-c") count = true;
    else if (a === "-E" || a === "-e") { if (a === "-e") pattern = args[++i]; }
    else if (/^-[ABC]\d*$/.test(a)) {
      const n = a.length > 2 ? num(a.slice(2)) : num(args[++i]);
      if (!Number.isInteger(n)) return { error: `grep: ${a}: invalid context length argument` };
      if (a[1] !== "B") after = n;
      if (a[1] !== "A") before = n;
    } else if (/^-[ivc]+$/.test(a)) { ignore ||= a.includes("i"); invert ||= a.includes("v"); count ||= a.includes("c"); }
    else if (a.startsWith("-") && pattern === undefined) return { error: `grep: unsupported option ${a} (podlab supports -i -v -c -E -A -B -C)` };
    else if (pattern === undefined) pattern = a;
  }
  if (pattern === undefined) return { error: "Usage: grep [-i] [-v] [-A N] [-B N] [-C N] PATTERN" };
  let re: RegExp;
  try { re = new RegExp(pattern, ignore ? "i" : ""); } catch { return { error: `grep: invalid pattern ${pattern}` }; }
  const ls = lines(text);
  const hit = ls.map((l) => re.test(l) !== invert);
  if (count) return { text: `${hit.filter(Boolean).length}\n`, code: hit.some(Boolean) ? 0 : 1 };
  const keep = new Set<number>();
  hit.forEach((h, i) => {
    if (!h) return;
    for (let j = Math.max(0, i - before); j <= Math.min(ls.length - 1, i + after); j++) keep.add(j);
  });
  const out: string[] = [];
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if ((after || before) && last >= 0 && i > last + 1) out.push("--");
    out.push(ls[i]);
    last = i;
  }
  return { text: joined(out), code: out.length ? 0 : 1 };
}

function count(args: string[]): number | undefined {
  const i = args.findIndex((a) => a === "-n");
  const v = i >= 0 ? args[i + 1] : args.find((a) => /^-\d+$/.test(a))?.slice(1) ?? "10";
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Applies one filter (its words, name first) to text. */
export function applyFilter(words: string[], text: string): FilterResult {
  const [name, ...args] = words;
  if (name === "grep") return grep(args, text);
  if (name === "head" || name === "tail") {
    const n = count(args);
    if (n === undefined) return { error: `${name}: invalid number of lines` };
    const ls = lines(text);
    return { text: joined(name === "head" ? ls.slice(0, n) : ls.slice(Math.max(0, ls.length - n))), code: 0 };
  }
  if (name === "wc" && args[0] === "-l") return { text: `${lines(text).length}\n`, code: 0 };
  return { error: `${name}: command not found in the podlab terminal (pipes support ${FILTERS.join(", ")} -l)` };
}
