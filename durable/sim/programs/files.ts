// File programs: mkdir, touch, rm, rmdir, cp, mv, ln, chmod — with busybox and GNU (C locale)
// error wording. ls lives in ls.ts. Registered in registry.ts.
import type { Sys } from "./api";
import { oneShot, parseOpts, warn } from "./oneshot";
import { ERRNO, type Errno } from "../runtime/constants";
import { basename } from "../runtime/fs-path";

/** An absolute path for an operand. */
export function abs(sys: Sys, p: string): string {
  return p.startsWith("/") ? p : `${sys.cwd}/${p}`;
}

function fail(sys: Sys, bb: string, gnu: string, e: Errno): void {
  warn(sys, `${sys.flavor === "busybox" ? bb : gnu}: ${ERRNO[e]}`);
}

/** mkdir [-p] DIR... */
export const mkdir = oneShot((sys, args) => {
  const o = parseOpts(args, "m");
  let st = 0;
  if (!o.rest.length) { warn(sys, "missing operand"); return 1; }
  for (const d of o.rest) {
    const e = sys.fs.mkdir(abs(sys, d), !!o.flags.p || !!o.flags.parents);
    if (e) { fail(sys, `can't create directory '${d}'`, `cannot create directory '${d}'`, e); st = 1; }
  }
  return st;
});

/** touch FILE... */
export const touch = oneShot((sys, args) => {
  const o = parseOpts(args, "dtr");
  let st = 0;
  for (const f of o.rest) {
    const p = abs(sys, f);
    const cur = sys.fs.readFile(p);
    const e = typeof cur === "string" ? (o.flags.c ? undefined : sys.fs.writeFile(p, "")) : sys.fs.writeFile(p, cur.c);
    if (e && e !== "EISDIR") { fail(sys, f, `cannot touch '${f}'`, e); st = 1; }
  }
  return st;
});

function removeTree(sys: Sys, p: string): Errno | undefined {
  const st = sys.fs.stat(p, false);
  if (typeof st === "string") return st;
  if (st.type === "d") {
    const kids = sys.fs.readdir(p);
    if (typeof kids !== "string") for (const k of kids) { const e = removeTree(sys, `${p}/${k}`); if (e) return e; }
    return sys.fs.rmdir(p);
  }
  return sys.fs.unlink(p);
}

/** rm [-rf] FILE... */
export const rm = oneShot((sys, args) => {
  const o = parseOpts(args);
  const force = !!(o.flags.f || o.flags.force);
  const rec = !!(o.flags.r || o.flags.R || o.flags.recursive);
  let st = 0;
  if (!o.rest.length && !force) { warn(sys, "missing operand"); return 1; }
  for (const f of o.rest) {
    const p = abs(sys, f);
    const s = sys.fs.stat(p, false);
    if (typeof s === "string") { if (!force) { fail(sys, `can't remove '${f}'`, `cannot remove '${f}'`, s); st = 1; } continue; }
    if (s.type === "d" && !rec) { warn(sys, sys.flavor === "busybox" ? `'${f}' is a directory` : `cannot remove '${f}': Is a directory`); st = 1; continue; }
    const e = removeTree(sys, p);
    if (e) { fail(sys, `can't remove '${f}'`, `cannot remove '${f}'`, e); st = 1; }
  }
  return st;
});

/** rmdir DIR... */
export const rmdir = oneShot((sys, args) => {
  let st = 0;
  for (const d of args.filter((a) => !a.startsWith("-"))) {
    const e = sys.fs.rmdir(abs(sys, d));
    if (e) { fail(sys, `'${d}'`, `failed to remove '${d}'`, e); st = 1; }
  }
  return st;
});

function copyTree(sys: Sys, from: string, to: string, rec: boolean): Errno | "EISDIR" | undefined {
  const st = sys.fs.stat(from);
  if (typeof st === "string") return st;
  if (st.type === "d") {
    if (!rec) return "EISDIR";
    const e = sys.fs.mkdir(to, true);
    if (e) return e;
    const kids = sys.fs.readdir(from);
    if (typeof kids !== "string") for (const k of kids) { const e2 = copyTree(sys, `${from}/${k}`, `${to}/${k}`, rec); if (e2) return e2; }
    return undefined;
  }
  const r = sys.fs.readFile(from);
  if (typeof r === "string") return r;
  const e = sys.fs.writeFile(to, r.c);
  if (!e && st.mode & 0o111) sys.fs.chmod(to, st.mode);
  return e;
}

function destFor(sys: Sys, src: string, dst: string, many: boolean): string {
  const d = abs(sys, dst);
  const st = sys.fs.stat(d);
  if (many || (typeof st !== "string" && st.type === "d")) return `${d}/${basename(src)}`;
  return d;
}

/** cp [-r] SRC... DEST */
export const cp = oneShot((sys, args) => {
  const o = parseOpts(args);
  const rec = !!(o.flags.r || o.flags.R || o.flags.a || o.flags.recursive);
  if (o.rest.length < 2) { warn(sys, o.rest.length ? `missing destination file operand after '${o.rest[0]}'` : "missing file operand"); return 1; }
  const dst = o.rest[o.rest.length - 1];
  const srcs = o.rest.slice(0, -1);
  let st = 0;
  for (const s of srcs) {
    const e = copyTree(sys, abs(sys, s), destFor(sys, s, dst, srcs.length > 1), rec);
    if (e === "EISDIR") { warn(sys, sys.flavor === "busybox" ? `omitting directory '${s}'` : `-r not specified; omitting directory '${s}'`); st = 1; }
    else if (e) { fail(sys, `can't stat '${s}'`, `cannot stat '${s}'`, e); st = 1; }
  }
  return st;
});

/** mv SRC... DEST */
export const mv = oneShot((sys, args) => {
  const o = parseOpts(args);
  if (o.rest.length < 2) { warn(sys, "missing file operand"); return 1; }
  const dst = o.rest[o.rest.length - 1];
  let st = 0;
  for (const s of o.rest.slice(0, -1)) {
    const e = sys.fs.rename(abs(sys, s), destFor(sys, s, dst, o.rest.length > 2));
    if (e) { fail(sys, `can't rename '${s}'`, `cannot stat '${s}'`, e); st = 1; }
  }
  return st;
});

/** ln [-s] [-f] TARGET LINK */
export const ln = oneShot((sys, args) => {
  const o = parseOpts(args);
  if (o.rest.length < 1) { warn(sys, "missing file operand"); return 1; }
  const [target, link0] = o.rest;
  const link = destFor(sys, target, link0 ?? basename(target), false);
  if (o.flags.f) sys.fs.unlink(link);
  if (o.flags.s) {
    const e = sys.fs.symlink(target, link);
    if (e) { fail(sys, link0 ?? target, `failed to create symbolic link '${link0}'`, e); return 1; }
    return 0;
  }
  const r = sys.fs.readFile(abs(sys, target));
  if (typeof r === "string") { fail(sys, target, `failed to access '${target}'`, r); return 1; }
  return sys.fs.writeFile(link, r.c) ? 1 : 0;
});

/** chmod MODE FILE... */
export const chmod = oneShot((sys, args) => {
  const o = parseOpts(args.filter((a) => !/^[-+=][rwxXst]+$/.test(a) || a.startsWith("--")));
  const modeArg = args.find((a) => /^[0-7]{3,4}$/.test(a) || /^[ugoa]*[-+=][rwxXst]+$/.test(a));
  const files = o.rest.filter((f) => f !== modeArg);
  if (!modeArg || !files.length) { warn(sys, "missing operand"); return 1; }
  let st = 0;
  for (const f of files) {
    const p = abs(sys, f);
    const s = sys.fs.stat(p);
    if (typeof s === "string") { fail(sys, f, `cannot access '${f}'`, s); st = 1; continue; }
    let mode = s.mode;
    if (/^[0-7]+$/.test(modeArg)) mode = parseInt(modeArg, 8);
    else {
      const m = /^([ugoa]*)([-+=])([rwxXst]+)$/.exec(modeArg)!;
      const who = m[1] || "a";
      let bits = 0;
      for (const w of who === "a" ? "ugo" : who) for (const b of m[3]) {
        const v = b === "r" ? 4 : b === "w" ? 2 : b === "x" || b === "X" ? 1 : 0;
        bits |= v << (w === "u" ? 6 : w === "g" ? 3 : 0);
      }
      mode = m[2] === "+" ? mode | bits : m[2] === "-" ? mode & ~bits : bits;
    }
    sys.fs.chmod(p, mode);
  }
  return st;
});
