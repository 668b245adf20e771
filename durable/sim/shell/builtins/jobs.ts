// Process and signal builtins: wait, kill, trap, read — the ones that block push their own frame
// (wait, read) which stepJobFrame advances; trapped signals interrupt them. Used via registry.ts.
import type { Builtin } from "./registry";
import { type Env, shellError, type StepResult } from "../interp";
import { type Frame, getVar, setVar } from "../state";
import { LIMITS, SIG, SIG_NAME, parseSignal } from "../../runtime/constants";
import { waitChild } from "../interp-fork";

const wait: Builtin = (env, argv) => {
  const pids: number[] = [];
  for (const a of argv.slice(1)) {
    if (!/^\d+$/.test(a)) { shellError(env, `wait: Illegal number: ${a}`); return 2; }
    pids.push(Number(a));
  }
  env.sh.stack.push({ k: "wait", pids, st: 0, ...(pids.length ? {} : { all: 1 as const }) });
  return "pushed";
};

/** Signal numbers a shell must catch and ignore for its traps. */
export function applyTrapDispositions(env: Env): void {
  const { sh, sys } = env;
  const catches: number[] = [];
  const ignores: number[] = [];
  for (const [name, action] of Object.entries(sh.traps)) {
    const n = (SIG as Record<string, number>)[name];
    if (!n) continue;
    if (action === "") ignores.push(n);
    else catches.push(n);
  }
  if (sh.interactive) {
    if (!catches.includes(SIG.INT) && !ignores.includes(SIG.INT)) catches.push(SIG.INT);
    for (const s of [SIG.TERM, SIG.QUIT]) if (!catches.includes(s)) ignores.push(s);
  }
  sys.setCatches(catches);
  sys.setIgnores(ignores);
}

function trapName(spec: string): string | undefined {
  if (spec === "0" || spec.toUpperCase() === "EXIT") return "EXIT";
  const n = parseSignal(spec);
  return n ? SIG_NAME[n] : undefined;
}

const trap: Builtin = (env, argv) => {
  const { sh, sys } = env;
  const args = argv.slice(1).filter((a) => a !== "--");
  if (!args.length || args[0] === "-p") {
    const order = ["EXIT", ...Object.keys(SIG)];
    let out = "";
    for (const name of order) if (name in sh.traps) out += `trap -- '${sh.traps[name].replace(/'/g, "'\\''")}' ${name}\n`;
    sys.write(1, out);
    return 0;
  }
  let action: string | undefined = args[0];
  let specs = args.slice(1);
  if (/^\d+$/.test(args[0])) { action = undefined; specs = args; }
  else if (args[0] === "-") action = undefined;
  let st = 0;
  for (const spec of specs) {
    const name = trapName(spec);
    if (!name) {
      shellError(env, sh.d === "dash" ? `trap: ${spec}: bad trap` : `trap: ${spec}: invalid signal specification`);
      st = 1;
      continue;
    }
    if (action === undefined) delete sh.traps[name];
    else sh.traps[name] = action;
  }
  applyTrapDispositions(env);
  return st;
};

const kill: Builtin = (env, argv) => {
  const { sh, sys } = env;
  let sig: number = SIG.TERM;
  let i = 1;
  const a1 = argv[1];
  if (a1 === "-l" || a1 === "-L") {
    if (argv[2]) { const n = Number(argv[2]); sys.write(1, (SIG_NAME[n > 128 ? n - 128 : n] ?? argv[2]) + "\n"); return 0; }
    sys.write(1, Object.keys(SIG).join(sh.d === "dash" ? "\n" : " ") + "\n");
    return 0;
  }
  if (a1 === "-s" || a1 === "-n") { const n = parseSignal(argv[2] ?? ""); if (n === undefined) return badSig(env, argv[2] ?? ""); sig = n; i = 3; }
  else if (a1 && a1.startsWith("-") && a1 !== "--" && a1.length > 1) {
    const n = parseSignal(a1.slice(1));
    if (n === undefined) return badSig(env, a1.slice(1));
    sig = n;
    i = 2;
  }
  if (argv[i] === "--") i++;
  const targets = argv.slice(i);
  if (!targets.length) {
    shellError(env, sh.d === "dash" ? "kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]" : "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
    return 2;
  }
  let st = 0;
  for (const t of targets) {
    if (!/^-?\d+$/.test(t)) { shellError(env, sh.d === "dash" ? `kill: Illegal number: ${t}` : `kill: ${t}: arguments must be process or job IDs`); st = 1; continue; }
    const e = sys.kill(Number(t), sig);
    if (e) {
      shellError(env, sh.d === "dash" ? "kill: No such process" : sh.d === "bash" ? `kill: (${t}) - No such process` : `can't kill pid ${t}: No such process`);
      st = 1;
    }
  }
  return st;
};

function badSig(env: Env, s: string): number {
  shellError(env, env.sh.d === "dash" ? `kill: invalid signal number or name: ${s}` : `kill: ${s}: invalid signal specification`);
  return env.sh.d === "dash" ? 2 : 1;
}

const read: Builtin = (env, argv) => {
  const { sh, sys } = env;
  let raw = false;
  let fd = 0;
  let delim = "\n";
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-r") raw = true;
    else if (a === "-p") { const p = argv[++i] ?? ""; if (sh.d !== "dash" || sys.isatty(0)) sys.write(2, p); }
    else if (a === "-u") fd = Number(argv[++i]);
    else if (a === "-d") delim = (argv[++i] ?? "")[0] ?? "\0";
    else if (a === "-t" || a === "-n") i++;
    else names.push(a);
  }
  if (!names.length) {
    if (sh.d === "dash") { shellError(env, "read: arg count"); return 2; }
    names.push("REPLY");
  }
  sh.stack.push({ k: "read", buf: "", names, raw, fd, delim });
  return "pushed";
};

function assignRead(env: Env, line: string, names: string[], raw: boolean): void {
  const sh = env.sh;
  const ifs = getVar(sh, "IFS") ?? " \t\n";
  const ws = ifs.replace(/[^ \t\n]/g, "");
  let s = raw ? line : line.replace(/\\(.)/g, "$1");
  const trimWs = (x: string) => x.replace(new RegExp(`^[${escapeClass(ws)}]+|[${escapeClass(ws)}]+$`, "g"), "");
  s = ws ? s.replace(new RegExp(`^[${escapeClass(ws)}]+`), "") : s;
  for (let i = 0; i < names.length; i++) {
    if (i === names.length - 1) { setVar(sh, names[i], ws ? trimWs(s) : s); break; }
    let j = 0;
    while (j < s.length && !ifs.includes(s[j])) j++;
    setVar(sh, names[i], s.slice(0, j));
    s = s.slice(j);
    if (ws) s = s.replace(new RegExp(`^[${escapeClass(ws)}]+`), "");
    if (s && ifs.includes(s[0]) && !ws.includes(s[0])) s = s.slice(1);
    if (ws) s = s.replace(new RegExp(`^[${escapeClass(ws)}]+`), "");
  }
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, "\\$&").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
}

/** Advances a wait or read frame. */
export function stepJobFrame(env: Env, f: Frame): StepResult {
  const { sh, sys } = env;
  if (f.k === "wait") {
    if (sh.pend.length) { sh.st = 128 + sh.pend[0]; sh.stack.pop(); return "cont"; }
    if (f.all) {
      for (;;) {
        const r = sys.wait(-1);
        if (r === undefined) return "block";
        if (r === "ECHILD") { sh.st = 0; sh.jobs = []; sh.done = undefined; sh.stack.pop(); return "cont"; }
      }
    }
    while (f.pids.length) {
      const r = waitChild(env, f.pids[0]);
      if (r === undefined) return "block";
      f.st = r === "ECHILD" ? 127 : r.code;
      f.pids.shift();
    }
    sh.st = f.st;
    sh.stack.pop();
    return "cont";
  }
  if (f.k === "read") {
    if (sh.pend.length) { sh.st = 128 + sh.pend[0]; sh.stack.pop(); return "cont"; }
    for (;;) {
      const d = sys.read(f.fd);
      if (d === undefined) return "block";
      if (d === null) {
        assignRead(env, f.buf, f.names, f.raw);
        sh.st = 1;
        sh.stack.pop();
        return "cont";
      }
      if (f.buf.length < LIMITS.captureBytes) f.buf += d;
      let at = f.buf.indexOf(f.delim);
      while (at > 0 && !f.raw && f.delim === "\n" && f.buf[at - 1] === "\\") {
        f.buf = f.buf.slice(0, at - 1) + f.buf.slice(at + 1);
        at = f.buf.indexOf(f.delim, at - 1);
      }
      if (at >= 0) {
        sys.unread(f.fd, f.buf.slice(at + 1));
        assignRead(env, f.buf.slice(0, at), f.names, f.raw);
        sh.st = 0;
        sh.stack.pop();
        return "cont";
      }
    }
  }
  return "cont";
}

/** Process and signal builtins. */
export const JOBS: Record<string, Builtin> = { wait, trap, kill, read };
