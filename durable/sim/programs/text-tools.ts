// Text filters that read whole inputs (files or stdin until EOF): wc, sort, uniq, cut,
// tee, sed (s///, d, p, -n, -i), awk (print of fields), rev. Registered in registry.ts.
import type { Program, Sys } from "./api";
import { warn } from "./oneshot";
import { readInput, openError } from "./text-io";
import { abs } from "./files";

interface Gather { i: number; buf: string; st: number; parts: { name: string; text: string }[] }

/** A program that first gathers all named inputs (or stdin), then processes them at once. */
function gathering(parse: (args: string[]) => { files: string[] }, run: (sys: Sys, parts: { name: string; text: string }[], st: number) => number): Program {
  return {
    step(sys) {
      const { files } = parse(sys.argv.slice(1));
      const names = files.length ? files : ["-"];
      const d = (sys.data ??= { i: 0, buf: "", st: 0, parts: [] }) as Gather;
      while (d.i < names.length) {
        const r = readInput(sys, names[d.i]);
        if (r === undefined) {
          const chunk = sys.read(0);
          if (chunk === undefined) return;
          if (chunk !== null) { if (d.buf.length < 1 << 20) d.buf += chunk; continue; }
          d.parts.push({ name: names[d.i], text: d.buf });
          d.buf = "";
        } else if (typeof r === "string") { openError(sys, names[d.i], r); d.st = 2; }
        else d.parts.push({ name: names[d.i], text: r.c });
        d.i++;
      }
      sys.exit(run(sys, d.parts, d.st));
    },
  };
}

const operands = (flagsWithArg: string) => (args: string[]) => {
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("-") && a.length > 1) { if (flagsWithArg.includes(a[a.length - 1]) && a.length === 2) i++; continue; }
    files.push(a);
  }
  return { files };
};

/** wc [-lwc]. */
export const wc = gathering(operands(""), (sys, parts) => {
  const flags = sys.argv.slice(1).filter((a) => a.startsWith("-")).join("");
  const want = { l: flags.includes("l"), w: flags.includes("w"), c: flags.includes("c") || flags.includes("m") };
  if (!want.l && !want.w && !want.c) want.l = want.w = want.c = true;
  const rows = parts.map((p) => ({ name: p.name, l: (p.text.match(/\n/g) ?? []).length, w: p.text.split(/\s+/).filter(Boolean).length, c: new TextEncoderLite().len(p.text) }));
  if (rows.length > 1) rows.push({ name: "total", l: rows.reduce((a, r) => a + r.l, 0), w: rows.reduce((a, r) => a + r.w, 0), c: rows.reduce((a, r) => a + r.c, 0) });
  const single = [want.l, want.w, want.c].filter(Boolean).length === 1 && parts.length === 1 && parts[0].name === "-";
  const width = sys.flavor === "busybox" ? 7 : Math.max(1, ...rows.map((r) => String(Math.max(r.l, r.w, r.c)).length));
  for (const r of rows) {
    const cols = [want.l && r.l, want.w && r.w, want.c && r.c].filter((x) => x !== false) as number[];
    const txt = single ? String(cols[0]) : cols.map((n) => String(n).padStart(sys.flavor === "busybox" ? 7 : width)).join(sys.flavor === "busybox" ? " " : " ");
    sys.write(1, txt + (r.name === "-" ? "" : ` ${r.name}`) + "\n");
  }
  return 0;
});

class TextEncoderLite {
  len(s: string): number {
    let n = 0;
    for (const ch of s) { const c = ch.codePointAt(0)!; n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }
    return n;
  }
}

/** Converts a POSIX basic regular expression to a JavaScript one. */
export function breToJs(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) {
      const n = p[++i];
      out += "(){}|+?".includes(n) ? n : "\\" + n;
      continue;
    }
    out += "(){}|+?".includes(c) ? "\\" + c : c;
  }
  return out;
}

/** sort [-rnu] [-t SEP] [-k N]. */
export const sort = gathering(operands("tko"), (sys, parts) => {
  const args = sys.argv.slice(1);
  const flags = args.filter((a) => /^-[a-z]+$/.test(a) && !/^-[tko]/.test(a)).join("");
  const opt = (f: string) => { const i = args.findIndex((a) => a.startsWith(f)); return i < 0 ? undefined : args[i].length > 2 ? args[i].slice(2) : args[i + 1]; };
  const sep = opt("-t");
  const kArg = opt("-k");
  const key = kArg !== undefined ? Number(kArg.split(/[.,]/)[0]) : 0;
  const lines = parts.map((p) => p.text).join("").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const keyOf = (l: string) => (key ? (sep ? l.split(sep) : l.trim().split(/\s+/))[key - 1] ?? "" : l);
  lines.sort((a, b) => {
    const x = keyOf(a), y = keyOf(b);
    if (flags.includes("n")) return (parseFloat(x) || 0) - (parseFloat(y) || 0) || (a < b ? -1 : a > b ? 1 : 0);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (flags.includes("r")) lines.reverse();
  const out = flags.includes("u") ? lines.filter((l, i) => i === 0 || keyOf(l) !== keyOf(lines[i - 1])) : lines;
  sys.write(1, out.map((l) => l + "\n").join(""));
  return 0;
});

/** uniq [-cdu]. */
export const uniq = gathering(operands(""), (sys, parts) => {
  const flags = sys.argv.slice(1).filter((a) => a.startsWith("-")).join("");
  const lines = parts.map((p) => p.text).join("").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let out = "";
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && lines[j] === lines[i]) j++;
    const n = j - i;
    if ((!flags.includes("d") || n > 1) && (!flags.includes("u") || n === 1)) out += (flags.includes("c") ? `${String(n).padStart(7)} ` : "") + lines[i] + "\n";
    i = j;
  }
  sys.write(1, out);
  return 0;
});

/** cut -d SEP -f LIST | -c LIST. */
export const cut = gathering(operands("dfcb"), (sys, parts) => {
  const args = sys.argv.slice(1);
  const get = (flag: string) => { const i = args.findIndex((a) => a.startsWith(flag)); return i < 0 ? undefined : args[i].length > 2 ? args[i].slice(2) : args[i + 1]; };
  const delim = get("-d") ?? "\t";
  const fields = get("-f");
  const chars = get("-c") ?? get("-b");
  const list = (spec: string) => spec.split(",").flatMap((r) => { const [a, b] = r.split("-"); const lo = Number(a || 1); const hi = r.includes("-") ? (b ? Number(b) : 1e9) : lo; return [[lo, hi] as [number, number]]; });
  const inList = (n: number, l: [number, number][]) => l.some(([a, b]) => n >= a && n <= b);
  const lines = parts.map((p) => p.text).join("").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let out = "";
  for (const line of lines) {
    if (chars) out += [...line].filter((_, i) => inList(i + 1, list(chars))).join("") + "\n";
    else if (fields) {
      if (!line.includes(delim)) { out += line + "\n"; continue; }
      out += line.split(delim).filter((_, i) => inList(i + 1, list(fields))).join(delim) + "\n";
    }
  }
  sys.write(1, out);
  return 0;
});

/** rev. */
export const rev = gathering(operands(""), (sys, parts) => {
  const text = parts.map((p) => p.text).join("");
  sys.write(1, text.split("\n").map((l, i, a) => (i === a.length - 1 && l === "" ? "" : [...l].reverse().join(""))).join("\n"));
  return 0;
});

/** tee [-a] FILE...: copies stdin to stdout and files as it arrives. */
export const tee: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const append = args.includes("-a");
    const files = args.filter((a) => !a.startsWith("-"));
    const d = (sys.data ??= { init: false }) as { init: boolean };
    if (!d.init) { for (const f of files) if (!append) sys.fs.writeFile(abs(sys, f), ""); d.init = true; }
    for (;;) {
      const c = sys.read(0);
      if (c === undefined) return;
      if (c === null) { sys.exit(0); return; }
      sys.write(1, c);
      for (const f of files) sys.fs.writeFile(abs(sys, f), c, true);
    }
  },
};
