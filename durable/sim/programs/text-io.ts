// cat, head and tail: files or streaming stdin (blocking on pipes and exec stdin), with
// busybox/GNU error wording; tail -f follows regular files by polling the virtual clock and
// blocks forever on devices such as /dev/null. Registered in registry.ts.
import type { Program, Sys } from "./api";
import { progName, warn } from "./oneshot";
import { ERRNO, type Errno } from "../runtime/constants";

/** Reads a whole named input; "-" and /dev/stdin mean standard input (returns undefined). */
export function readInput(sys: Sys, name: string): { c: string } | Errno | undefined {
  if (name === "-") return undefined;
  const abs = name.startsWith("/") ? name : `${sys.cwd}/${name}`;
  const real = sys.fs.resolve(abs);
  if (real === "/proc/self/fd/0" || real === `/proc/${sys.pid}/fd/0` || abs === "/dev/stdin") return undefined;
  const st = sys.fs.stat(abs);
  if (typeof st === "string") return st;
  if (st.type === "d") return "EISDIR";
  const r = sys.fs.readFile(abs);
  return r;
}

/** The "can't open" diagnostic. */
export function openError(sys: Sys, name: string, e: Errno): void {
  if (sys.flavor === "busybox") {
    if (e === "EISDIR") warn(sys, "read error: Is a directory");
    else warn(sys, `can't open '${name}': ${ERRNO[e]}`);
  } else warn(sys, `${name}: ${ERRNO[e]}`);
}

interface CatState { i: number; st: number; n: number }

/** cat [-n] [FILE]... */
export const cat: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const number = args.includes("-n");
    const files = args.filter((a) => a === "-" || !a.startsWith("-"));
    if (!files.length) files.push("-");
    const d = (sys.data ??= { i: 0, st: 0, n: 0 }) as CatState;
    const out = (text: string) => {
      if (!number) return text;
      return text.replace(/[^\n]*\n|[^\n]+$/g, (l) => `${String(++d.n).padStart(6)}\t${l}`);
    };
    while (d.i < files.length) {
      const r = readInput(sys, files[d.i]);
      if (r === undefined) {
        const chunk = sys.read(0);
        if (chunk === undefined) return;
        if (chunk === null) { d.i++; continue; }
        if (sys.write(1, out(chunk)) !== "ok") { sys.exit(1); return; }
        if (!sys.spend(1 + (chunk.length >> 10))) return;
        continue;
      }
      if (typeof r === "string") { openError(sys, files[d.i], r); d.st = 1; d.i++; continue; }
      if (sys.write(1, out(r.c)) !== "ok") { sys.exit(1); return; }
      d.i++;
    }
    sys.exit(d.st);
  },
};

function countArg(args: string[], flag: string): { n?: number; plus?: boolean; rest: string[]; f: boolean; c?: number } {
  const rest: string[] = [];
  let n: number | undefined;
  let c: number | undefined;
  let plus = false;
  let f = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-f" || a === "-F" || a === "--follow") { f = true; continue; }
    const m = /^-(\d+)$/.exec(a);
    if (m) { n = Number(m[1]); continue; }
    if (a === flag || a === "-c" || a.startsWith(flag) || a.startsWith("-c")) {
      const isC = a.startsWith("-c");
      const v = a.length > 2 ? a.slice(2) : args[++i] ?? "";
      if (v.startsWith("+")) plus = true;
      const num = Number(v.replace(/^[+-]/, "").replace(/[kK]$/, "000"));
      if (isC) c = num;
      else n = num;
      continue;
    }
    if (/^-[qv]$/.test(a)) continue;
    if (/^-[fF]\w*/.test(a) && a.includes("n")) { f = true; const v = args[++i]; n = Number(v); continue; }
    rest.push(a);
  }
  return { n, plus, rest, f, c };
}

interface HeadState { i: number; st: number; got: number; buf: string }

/** head [-n N|-N] [-c N] [FILE]... */
export const head: Program = {
  step(sys) {
    const { n = 10, rest, c } = countArg(sys.argv.slice(1), "-n");
    const files = rest.length ? rest : ["-"];
    const d = (sys.data ??= { i: 0, st: 0, got: 0, buf: "" }) as HeadState;
    const take = (text: string): string => {
      if (c !== undefined) return text.slice(0, c);
      const lines = text.split("\n");
      return lines.slice(0, n).join("\n") + (lines.length > n ? "\n" : "");
    };
    while (d.i < files.length) {
      if (files.length > 1) sys.write(1, `${d.i ? "\n" : ""}==> ${files[d.i] === "-" ? "standard input" : files[d.i]} <==\n`);
      const r = readInput(sys, files[d.i]);
      if (r === undefined) {
        // Standard input streams through: bytes (-c) or lines are passed on as they arrive.
        for (;;) {
          const want = c ?? n;
          if (d.got >= want) break;
          const chunk = sys.read(0);
          if (chunk === undefined) return;
          if (chunk === null) break;
          let cut = chunk.length;
          if (c !== undefined) cut = Math.min(cut, c - d.got);
          else for (let at = 0, seen = d.got; at < chunk.length; at++) {
            if (chunk.charCodeAt(at) === 10 && ++seen === n) { cut = at + 1; break; }
          }
          const part = chunk.slice(0, cut);
          d.got += c !== undefined ? part.length : (part.match(/\n/g) ?? []).length;
          if (sys.write(1, part) !== "ok") { sys.exit(1); return; }
        }
        d.got = 0;
      } else if (typeof r === "string") { openError(sys, files[d.i], r); d.st = 1; }
      else sys.write(1, take(r.c));
      d.i++;
    }
    sys.exit(d.st);
  },
};

interface TailState { phase: number; buf: string; size: number; path?: string }

function lastLines(text: string, n: number, plus: boolean): string {
  if (plus) return text.split("\n").slice(Math.max(0, n - 1)).join("\n");
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  if (text === "") return "";
  return lines.slice(Math.max(0, lines.length - n)).join("\n") + (text.endsWith("\n") ? "\n" : "");
}

/** tail [-n N] [-c N] [-f] [FILE]. */
export const tail: Program = {
  step(sys) {
    const { n = 10, plus, rest, f, c } = countArg(sys.argv.slice(1), "-n");
    const file = rest[0] ?? "-";
    const d = (sys.data ??= { phase: 0, buf: "", size: 0 }) as TailState;
    if (d.phase === 0) {
      sys.setMem(sys.flavor === "busybox" ? 110_000 : 540_000);
      const r = readInput(sys, file);
      if (r === undefined) {
        for (;;) {
          const chunk = sys.read(0);
          if (chunk === undefined) return;
          if (chunk === null) break;
          d.buf += chunk;
          if (d.buf.length > 1 << 20) d.buf = d.buf.slice(-(1 << 19));
        }
        sys.write(1, c !== undefined ? d.buf.slice(-c) : lastLines(d.buf, n, !!plus));
        sys.exit(0);
        return;
      }
      if (typeof r === "string") {
        if (sys.flavor === "busybox") warn(sys, `can't open '${file}': ${ERRNO[r]}`);
        else warn(sys, `cannot open '${file}' for reading: ${ERRNO[r]}`);
        if (!f) { sys.exit(1); return; }
        if (sys.flavor !== "busybox") { warn(sys, "no files remaining"); sys.exit(1); return; }
      } else sys.write(1, c !== undefined ? r.c.slice(-c) : lastLines(r.c, n, !!plus));
      if (!f) { sys.exit(0); return; }
      d.phase = 1;
      d.size = typeof r === "string" ? 0 : r.c.length;
      const st = sys.fs.stat(file.startsWith("/") ? file : `${sys.cwd}/${file}`);
      if (typeof st !== "string" && st.type === "c") { d.phase = 2; sys.blockForever(); return; }
      d.path = file.startsWith("/") ? file : `${sys.cwd}/${file}`;
    }
    if (d.phase === 2) { sys.blockForever(); return; }
    const r = sys.fs.readFile(d.path!);
    if (typeof r !== "string") {
      if (r.c.length > d.size) sys.write(1, r.c.slice(d.size));
      else if (r.c.length < d.size) warn(sys, `${progName(sys) === "tail" ? "" : ""}${d.path}: file truncated`);
      d.size = r.c.length;
    }
    sys.sleepUntil(sys.now() + 1000);
  },
};
