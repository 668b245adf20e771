// Process-signalling tools: kill, pgrep, pkill (procps-ng and busybox), killall (psmisc and
// busybox, including `killall -0 name` existence checks) and pidof. Registered in registry.ts.
import type { ProcInfo, Sys } from "./api";
import { oneShot, progName, warn } from "./oneshot";
import { SIG, SIG_NAME, parseSignal } from "../runtime/constants";
import { userNames } from "./ps";

function sigList(): string {
  return Object.keys(SIG).map((n, i) => `${String(i + 1).padStart(2)}) SIG${n}`).join("\n") + "\n";
}

/** Splits a leading signal option (-9, -KILL, -s TERM, --signal TERM). */
function takeSignal(args: string[]): { sig: number; rest: string[]; bad?: string } {
  let sig: number = SIG.TERM;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-s" || a === "--signal") {
      const n = parseSignal(args[++i] ?? "");
      if (n === undefined) return { sig, rest, bad: args[i] };
      sig = n;
    } else if (/^-[A-Z0-9]+$/i.test(a) && rest.length === 0 && parseSignal(a.slice(1)) !== undefined && !/^-[lfaxnovc]$/.test(a)) {
      sig = parseSignal(a.slice(1))!;
    } else rest.push(a);
  }
  return { sig, rest };
}

/** kill [-s SIG | -SIG] PID... | kill -l. */
export const kill = oneShot((sys, args) => {
  if (args[0] === "-l" || args[0] === "-L") { sys.write(1, sys.flavor === "busybox" ? Object.keys(SIG).map((n, i) => `${i + 1}) ${n}`).join("\n") + "\n" : sigList()); return 0; }
  const { sig, rest, bad } = takeSignal(args);
  if (bad !== undefined) { warn(sys, sys.flavor === "busybox" ? `bad signal name '${bad}'` : `unknown signal name ${bad}`); return 1; }
  if (!rest.length) { sys.write(2, sys.flavor === "busybox" ? "kill: usage: kill [-s SIG | -SIG] PID...\n" : "\nUsage:\n kill [options] <pid> [...]\n"); return 1; }
  let st = 0;
  for (const t of rest) {
    const e = /^-?\d+$/.test(t) ? sys.kill(Number(t), sig) : "ESRCH";
    if (e) { warn(sys, sys.flavor === "busybox" ? `can't kill pid ${t}: No such process` : `(${t}): No such process`); st = 1; }
  }
  return st;
});

interface Match { pattern: string; full: boolean; exact: boolean; invert: boolean; newest: boolean; oldest: boolean; user?: string; parent?: number }

function select(sys: Sys, m: Match): ProcInfo[] {
  let re: RegExp;
  try { re = new RegExp(m.exact ? `^(?:${m.pattern})$` : m.pattern); } catch { re = /$^/; }
  const users = userNames(sys);
  let hits = sys.procs().filter((p) => {
    if (p.pid === sys.pid || p.state === "Z") return false;
    if (m.user !== undefined && users.get(p.uid) !== m.user && String(p.uid) !== m.user) return false;
    if (m.parent !== undefined && p.ppid !== m.parent) return false;
    const subject = m.full ? p.argv.join(" ") : p.comm;
    return re.test(subject) !== m.invert;
  });
  if (m.newest) hits = hits.slice(-1);
  if (m.oldest) hits = hits.slice(0, 1);
  return hits;
}

function parseMatch(args: string[], withSignal: boolean): { m?: Match; sig: number; list: boolean; listFull: boolean; count: boolean; delim: string; err?: string } {
  const { sig, rest, bad } = withSignal ? takeSignal(args) : { sig: SIG.TERM, rest: args, bad: undefined };
  if (bad !== undefined) return { sig, list: false, listFull: false, count: false, delim: "\n", err: `invalid signal ${bad}` };
  const m: Match = { pattern: "", full: false, exact: false, invert: false, newest: false, oldest: false };
  let list = false, listFull = false, count = false, delim = "\n";
  const pats: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "-u" || a === "-U") { m.user = rest[++i]; continue; }
    if (a === "-P") { m.parent = Number(rest[++i]); continue; }
    if (a === "-d") { delim = rest[++i] ?? "\n"; continue; }
    if (a.startsWith("-") && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (ch === "f") m.full = true;
        else if (ch === "x") m.exact = true;
        else if (ch === "v") m.invert = true;
        else if (ch === "n") m.newest = true;
        else if (ch === "o") m.oldest = true;
        else if (ch === "l") list = true;
        else if (ch === "a") listFull = true;
        else if (ch === "c") count = true;
      }
      continue;
    }
    pats.push(a);
  }
  if (!pats.length) return { sig, list, listFull, count, delim, err: "no matching criteria specified" };
  m.pattern = pats[0];
  return { m, sig, list, listFull, count, delim };
}

/** pgrep. */
export const pgrep = oneShot((sys, args) => {
  const p = parseMatch(args, false);
  if (p.err || !p.m) { sys.write(2, `${progName(sys)}: ${p.err}\nTry \`pgrep --help' for more information.\n`); return 2; }
  const hits = select(sys, p.m);
  if (p.count) { sys.write(1, `${hits.length}\n`); return hits.length ? 0 : 1; }
  const lines = hits.map((h) => (p.listFull ? `${h.pid} ${h.argv.join(" ")}` : p.list ? `${h.pid} ${h.comm}` : String(h.pid)));
  if (lines.length) sys.write(1, lines.join(p.delim) + "\n");
  return hits.length ? 0 : 1;
});

/** pkill. */
export const pkill = oneShot((sys, args) => {
  const p = parseMatch(args, true);
  if (p.err || !p.m) { sys.write(2, `${progName(sys)}: ${p.err}\n`); return 2; }
  const hits = select(sys, p.m);
  for (const h of hits) sys.kill(h.pid, p.sig);
  return hits.length ? 0 : 1;
});

/** killall (psmisc wording for GNU images, busybox wording otherwise). */
export const killall = oneShot((sys, args) => {
  const { sig, rest, bad } = takeSignal(args);
  if (bad !== undefined) { warn(sys, `unknown signal; killall -l lists signals.`); return 1; }
  const quiet = rest.includes("-q");
  const names = rest.filter((a) => !a.startsWith("-"));
  if (!names.length) { sys.write(2, sys.flavor === "busybox" ? "killall: usage: killall [-l] [-q] [-SIG] PROCESS_NAME...\n" : "Usage: killall [OPTION]... [--] NAME...\n"); return 1; }
  let st = 0;
  const procs = sys.procs().filter((p) => p.pid !== sys.pid && p.state !== "Z");
  for (const name of names) {
    const base = name.slice(name.lastIndexOf("/") + 1);
    const hits = procs.filter((p) => p.comm === base.slice(0, 15) || (p.argv[0] ?? "").replace(/.*\//, "") === base);
    if (!hits.length) {
      if (!quiet) sys.write(2, sys.flavor === "busybox" ? `killall: ${name}: no process killed\n` : `${name}: no process found\n`);
      st = 1;
      continue;
    }
    for (const h of hits) sys.kill(h.pid, sig);
  }
  return st;
});

/** pidof NAME... */
export const pidof = oneShot((sys, args) => {
  const names = args.filter((a) => !a.startsWith("-"));
  const pids = sys.procs().filter((p) => p.state !== "Z" && names.includes(p.comm)).map((p) => p.pid).reverse();
  if (pids.length) sys.write(1, pids.join(" ") + "\n");
  return pids.length ? 0 : 1;
});

/** Signal name lookup for messages. */
export function signalName(n: number): string {
  return SIG_NAME[n] ?? String(n);
}
