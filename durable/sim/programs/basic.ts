// Small coreutils/busybox programs: true false echo printf yes seq pwd basename dirname test [
// env printenv. Registered in registry.ts.
import type { Program, Sys } from "./api";
import { oneShot, progName, warn } from "./oneshot";
import { echoText } from "../shell/builtins/io";
import { formatPrintf } from "../shell/builtins/printf";
import { evalTest } from "../shell/builtins/test-builtin";

/** true. */
export const trueProg = oneShot(() => 0);
/** false. */
export const falseProg = oneShot(() => 1);

/** echo. */
export const echo = oneShot((sys, args) => { sys.write(1, echoText(args, "gnu")); return 0; });

/** printf. */
export const printf = oneShot((sys, args) => {
  if (!args.length) { sys.write(2, sys.flavor === "busybox" ? "printf: usage: printf FORMAT [ARGUMENT]...\n" : "printf: missing operand\nTry 'printf --help' for more information.\n"); return 1; }
  const r = formatPrintf(args[0], args.slice(1), sys.flavor === "busybox" ? "ash" : "gnu");
  sys.write(1, r.out);
  for (const e of r.errors) warn(sys, e);
  return r.errors.length ? 1 : 0;
});

/** pwd. */
export const pwd = oneShot((sys) => { sys.write(1, sys.cwd + "\n"); return 0; });

/** basename. */
export const basenameProg = oneShot((sys, args) => {
  if (!args.length) { warn(sys, "missing operand"); return 1; }
  let b = args[0].replace(/\/+$/, "");
  b = b === "" ? "/" : b.slice(b.lastIndexOf("/") + 1);
  if (args[1] && b.endsWith(args[1]) && b !== args[1]) b = b.slice(0, -args[1].length);
  sys.write(1, b + "\n");
  return 0;
});

/** dirname. */
export const dirnameProg = oneShot((sys, args) => {
  if (!args.length) { warn(sys, "missing operand"); return 1; }
  const s = args[0].replace(/\/+$/, "");
  const i = s.lastIndexOf("/");
  sys.write(1, (i < 0 ? "." : i === 0 ? "/" : s.slice(0, i).replace(/\/+$/, "") || "/") + "\n");
  return 0;
});

/** test and [. */
export const testProg = oneShot((sys, args) => {
  let a = args;
  if (progName(sys) === "[") {
    if (a[a.length - 1] !== "]") { warn(sys, sys.flavor === "busybox" ? "missing ]" : "missing ']'"); return 2; }
    a = a.slice(0, -1);
  }
  const r = evalTest(sys, a, sys.flavor === "busybox" ? "ash" : "gnu", progName(sys));
  if (r.err) sys.write(2, (sys.flavor === "busybox" ? "" : `${progName(sys)}: `) + r.err + "\n");
  return r.st;
});

/** yes: writes its line until the reader goes away (each step writes a bounded chunk). */
export const yes: Program = {
  step(sys) {
    const line = (sys.argv.length > 1 ? sys.argv.slice(1).join(" ") : "y") + "\n";
    const chunk = line.repeat(Math.max(1, Math.floor(2048 / line.length)));
    for (let i = 0; i < 64; i++) {
      if (sys.write(1, chunk) !== "ok") { sys.exit(1); return; }
      if (!sys.spend(16)) return;
    }
  },
};

/** seq [first [incr]] last. */
export const seq: Program = {
  step(sys) {
    const d = (sys.data ??= {}) as { cur: number; last: number; inc: number; sep: string; w: number; any?: boolean };
    if (d.sep === undefined) {
      const args: string[] = [];
      let sep = "\n";
      let width = false;
      const av = sys.argv.slice(1);
      for (let i = 0; i < av.length; i++) {
        if (av[i] === "-s") { sep = av[++i] ?? "\n"; continue; }
        if (av[i].startsWith("-s") && av[i].length > 2) { sep = av[i].slice(2); continue; }
        if (av[i] === "-w") { width = true; continue; }
        args.push(av[i]);
      }
      const nums = args.map(Number);
      const bad = args.find((a) => a.trim() === "" || Number.isNaN(Number(a)));
      if (!args.length || bad !== undefined) {
        warn(sys, bad !== undefined ? (sys.flavor === "busybox" ? `invalid number '${bad}'` : `invalid floating point argument: '${bad}'`) : "missing operand");
        sys.exit(1);
        return;
      }
      Object.assign(d, { sep, cur: nums.length > 1 ? nums[0] : 1, inc: nums.length > 2 ? nums[1] : 1, last: nums[nums.length - 1] });
      d.w = width ? String(Math.trunc(d.last)).length : 0;
      if (d.inc === 0) { sys.exit(1); return; }
    }
    let out = "";
    for (let n = 0; n < 256; n++) {
      if (d.inc > 0 ? d.cur > d.last : d.cur < d.last) {
        sys.write(1, d.any ? out + "\n" : out);
        sys.exit(0);
        return;
      }
      out += (d.any ? d.sep : "") + String(d.cur).padStart(d.w, "0");
      d.any = true;
      d.cur += d.inc;
    }
    sys.write(1, out);
    sys.spend(256);
  },
};

function envLines(env: readonly [string, string][]): string {
  return env.map(([k, v]) => `${k}=${v}\n`).join("");
}

/** env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]. */
export const env: Program = {
  step(sys: Sys) {
    const args = sys.argv.slice(1);
    let vars: [string, string][] = [...sys.env];
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === "-i" || a === "-" || a === "--ignore-environment") vars = [];
      else if (a === "-u") { const n = args[++i]; vars = vars.filter(([k]) => k !== n); }
      else if (a === "--") { i++; break; }
      else break;
    }
    for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
      const eq = args[i].indexOf("=");
      const k = args[i].slice(0, eq);
      vars = vars.filter(([n]) => n !== k);
      vars.push([k, args[i].slice(eq + 1)]);
    }
    if (i >= args.length) { sys.write(1, envLines(vars)); sys.exit(0); return; }
    const found = sys.lookup(args[i], vars.find(([k]) => k === "PATH")?.[1]);
    if ("errno" in found) {
      sys.write(2, sys.flavor === "busybox" ? `env: can't execute '${args[i]}': No such file or directory\n` : `env: '${args[i]}': No such file or directory\n`);
      sys.exit(127);
      return;
    }
    if (sys.exec(found.path, args.slice(i), vars)) sys.exit(126);
  },
};

/** printenv [NAME]... */
export const printenv = oneShot((sys, args) => {
  if (!args.length) { sys.write(1, envLines(sys.env)); return 0; }
  let st = 0;
  for (const a of args) {
    const v = sys.env.find(([k]) => k === a);
    if (v) sys.write(1, v[1] + "\n");
    else st = 1;
  }
  return st;
});
