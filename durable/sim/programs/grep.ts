// grep/egrep/fgrep as a stream filter: lines are matched as they arrive, so `tail -f log | grep x`
// and `yes | grep y` produce output before their input ends. Like stdio, output is line-buffered on
// a terminal and written in 4 KiB blocks otherwise (--line-buffered forces lines). -q exits at the
// first match, -m stops after NUM. Registered in registry-extra.ts.
import type { Program, Sys } from "./api";
import { warn } from "./oneshot";
import { readInput, openError } from "./text-io";
import { breToJs } from "./text-tools";

/** Parsed command line. */
interface GrepArgs { files: string[]; pats: string[]; f: Record<string, boolean>; max?: number }

/** Persisted progress: input index, partial line, counters, pending output. */
interface GrepState { i: number; buf: string; line: number; n: number; found: boolean; st: number; out: string; total: number }

function parse(args: string[]): GrepArgs {
  const f: Record<string, boolean> = {};
  const pats: string[] = [];
  const rest: string[] = [];
  let max: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-e") { pats.push(args[++i] ?? ""); continue; }
    if (a === "-m") { max = Number(args[++i]); continue; }
    if (/^-m\d+$/.test(a)) { max = Number(a.slice(2)); continue; }
    if (a.startsWith("--max-count=")) { max = Number(a.slice(12)); continue; }
    if (a.startsWith("--")) { f[a.slice(2)] = true; continue; }
    if (a.startsWith("-") && a.length > 1) { for (const ch of a.slice(1)) f[ch] = true; continue; }
    rest.push(a);
  }
  if (!pats.length && rest.length) pats.push(rest.shift()!);
  return { files: rest, pats, f, max };
}

function compile(sys: Sys, a: GrepArgs): RegExp | undefined {
  const ere = a.f.E || sys.argv[0].endsWith("egrep");
  const fixed = a.f.F || sys.argv[0].endsWith("fgrep");
  try {
    const srcs = a.pats.map((p) => (fixed ? p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : ere ? p : breToJs(p)));
    let src = srcs.map((s) => `(?:${s})`).join("|");
    if (a.f.w) src = `\\b(?:${src})\\b`;
    if (a.f.x) src = `^(?:${src})$`;
    return new RegExp(src, a.f.i ? "i" : "");
  } catch {
    return undefined;
  }
}

/** Longest partial line kept while waiting for its newline. */
const LINE_MAX = 1 << 20;

const label = (name: string) => (name === "-" ? "(standard input)" : name);

/** Output written so far is flushed per line on a terminal, else in 4 KiB blocks. */
function emit(sys: Sys, a: GrepArgs, d: GrepState, text: string): void {
  d.out += text;
  if (a.f["line-buffered"] || sys.isatty(1) || d.out.length >= 4096) flush(sys, d);
}

function flush(sys: Sys, d: GrepState): void {
  if (d.out) sys.write(1, d.out);
  d.out = "";
}

/** Matches one line; returns false when grep is done (-q matched, -m reached, -l named the input). */
function matchLine(sys: Sys, a: GrepArgs, re: RegExp, d: GrepState, name: string, multi: boolean, line: string): boolean {
  d.line++;
  if (re.test(line) === !!a.f.v) return true;
  d.n++;
  d.total++;
  d.found = true;
  if (a.f.q) return false;
  if (a.f.l) { emit(sys, a, d, `${label(name)}\n`); return false; }
  if (!a.f.c) {
    const pre = (multi ? `${label(name)}:` : "") + (a.f.n ? `${d.line}:` : "");
    if (a.f.o && !a.f.v) { for (const m of line.match(new RegExp(re.source, re.flags + "g")) ?? []) emit(sys, a, d, pre + m + "\n"); }
    else emit(sys, a, d, pre + line + "\n");
  }
  return a.max === undefined || d.n < a.max;
}

function endInput(sys: Sys, a: GrepArgs, d: GrepState, name: string, multi: boolean): void {
  if (a.f.c && !a.f.q) emit(sys, a, d, (multi ? `${label(name)}:` : "") + `${d.n}\n`);
  d.i++;
  d.buf = "";
  d.line = 0;
  d.n = 0;
}

function finish(sys: Sys, a: GrepArgs, d: GrepState): void {
  flush(sys, d);
  sys.exit(a.f.q && d.found ? 0 : d.st && !d.found ? 2 : d.found ? 0 : 1);
}

/** grep [-ivncqloEFwxhH] [-m NUM] [-e PATTERN]... PATTERN [FILE]... */
export const grep: Program = {
  step(sys) {
    const a = parse(sys.argv.slice(1));
    if (!a.pats.length) { warn(sys, "usage: grep [OPTIONS] PATTERN [FILE]..."); sys.exit(2); return; }
    const re = compile(sys, a);
    if (!re) { warn(sys, `bad regex '${a.pats[0]}'`); sys.exit(2); return; }
    const names = a.files.length ? a.files : ["-"];
    const multi = names.length > 1 ? !a.f.h : !!a.f.H;
    const d = (sys.data ??= { i: 0, buf: "", line: 0, n: 0, found: false, st: 0, out: "", total: 0 }) as GrepState;
    if (a.max === 0) { finish(sys, a, d); return; }
    while (d.i < names.length) {
      const name = names[d.i];
      const r = readInput(sys, name);
      let text: string;
      let eof = true;
      if (r === undefined) {
        const chunk = sys.read(0);
        if (chunk === undefined) return;
        eof = chunk === null;
        text = eof ? "" : chunk!;
      } else if (typeof r === "string") { openError(sys, name, r); d.st = 2; d.i++; continue; }
      else text = r.c;
      const lines = (d.buf + text).split("\n");
      d.buf = eof ? "" : lines.pop()!.slice(-LINE_MAX);
      if (eof && lines[lines.length - 1] === "") lines.pop();
      let more = true;
      for (const line of lines) if (!(more = matchLine(sys, a, re, d, name, multi, line))) break;
      if (!more && a.f.q) { finish(sys, a, d); return; }
      if (!more || eof) endInput(sys, a, d, name, multi);
      if (!sys.spend(1 + (lines.length >> 6))) return;
    }
    finish(sys, a, d);
  },
};
