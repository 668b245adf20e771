// ps in busybox format (`PID   USER     TIME  COMMAND`, as the tutorial's alpine shows) and
// procps format (`PID TTY TIME CMD`, `ps aux`, `ps -ef`), read from the container's process
// table. Registered in registry.ts.
import type { ProcInfo, Sys } from "./api";
import { oneShot } from "./oneshot";

/** The last parsed /etc/passwd (a pure cache: same text, same table; callers never mutate it). */
let parsed: { text: string; names: Map<number, string> } | undefined;

/** uid → user name from /etc/passwd. */
export function userNames(sys: Sys): Map<number, string> {
  const r = sys.fs.readFile("/etc/passwd");
  const text = typeof r === "string" ? "" : r.c;
  if (parsed?.text === text) return parsed.names;
  const m = new Map<number, string>([[0, "root"]]);
  for (const line of text.split("\n")) {
    const f = line.split(":");
    if (f.length > 2 && /^\d+$/.test(f[2])) m.set(Number(f[2]), f[0]);
  }
  parsed = { text, names: m };
  return m;
}

/** The command line busybox shows: arguments joined by spaces, control characters as spaces. */
export function cmdline(p: ProcInfo): string {
  if (p.state === "Z" || !p.argv.length) return `[${p.comm}]`;
  return p.argv.join(" ").replace(/[\x00-\x1f]/g, " ");
}

function mmss(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function hhmmss(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

function busyboxPs(sys: Sys, args: string[]): number {
  const procs = sys.procs();
  const users = userNames(sys);
  const width = sys.isatty(1) ? 79 : 2048;
  const oi = args.indexOf("-o");
  const cols = oi >= 0 ? (args[oi + 1] ?? "").split(",") : ["pid", "user", "time", "args"];
  const HEAD: Record<string, [string, number]> = { pid: ["PID", 5], ppid: ["PPID", 5], user: ["USER", 8], time: ["TIME", 5], args: ["COMMAND", 0], comm: ["COMMAND", 0], stat: ["STAT", 4], rss: ["RSS", 5], vsz: ["VSZ", 5], etime: ["ELAPSED", 7], nice: ["NI", 3] };
  const fmt = (c: string, p: ProcInfo): string => {
    switch (c) {
      case "pid": return String(p.pid).padStart(5);
      case "ppid": return String(p.ppid).padStart(5);
      case "user": return (users.get(p.uid) ?? String(p.uid)).slice(0, 8).padEnd(8);
      case "time": return mmss(p.cpuMs).padStart(5);
      case "stat": return p.state.padEnd(4);
      case "rss": return String(Math.round(p.mem / 1024)).padStart(5);
      case "vsz": return String(Math.round(p.mem / 1024) + 1600).padStart(5);
      case "etime": return mmss(sys.now() - p.start).padStart(7);
      case "nice": return "  0";
      case "comm": return p.comm;
      default: return cmdline(p);
    }
  };
  const head = cols.map((c) => { const [h, w] = HEAD[c] ?? [c.toUpperCase(), 0]; return c === "pid" || c === "ppid" ? h.padEnd(w) : h.padEnd(w); }).join(" ");
  let out = head.trimEnd() + "\n";
  for (const p of procs) out += cols.map((c) => fmt(c, p)).join(" ").slice(0, width) + "\n";
  sys.write(1, out);
  return 0;
}

function procpsPs(sys: Sys, args: string[]): number {
  const procs = sys.procs();
  const users = userNames(sys);
  const a = args.join(" ");
  const tty = (p: ProcInfo) => (p.tty ? "pts/0" : "?");
  const start = (p: ProcInfo) => new Date(p.start).toISOString().slice(11, 16);
  const cmd = (p: ProcInfo) => (p.state === "Z" ? `[${p.comm}] <defunct>` : p.argv.join(" "));
  let out: string;
  if (/\baux?\b|^-?aux/.test(a) || a === "aux") {
    out = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";
    const total = sys.node.memoryBytes;
    for (const p of procs) {
      const rss = Math.round(p.mem / 1024);
      out += `${(users.get(p.uid) ?? String(p.uid)).slice(0, 8).padEnd(8)} ${String(p.pid).padStart(7)}  ${(0).toFixed(1)}  ${((p.mem / total) * 100).toFixed(1)} ${String(rss + 2000).padStart(6)} ${String(rss).padStart(5)} ${tty(p).padEnd(8)} ${(p.pid === 1 ? "Ss" : p.state === "R" ? "R+" : "S").padEnd(4)} ${start(p)}   ${mmss(p.cpuMs)} ${cmd(p)}\n`;
    }
  } else if (args.includes("-ef") || (args.includes("-e") && args.includes("-f"))) {
    out = "UID          PID    PPID  C STIME TTY          TIME CMD\n";
    for (const p of procs) out += `${(users.get(p.uid) ?? String(p.uid)).padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${start(p)} ${tty(p).padEnd(8)} ${hhmmss(p.cpuMs)} ${cmd(p)}\n`;
  } else {
    const all = args.includes("-e") || args.includes("-A") || args.includes("ax");
    const me = procs.find((p) => p.pid === sys.pid);
    out = "    PID TTY          TIME CMD\n";
    for (const p of procs) if (all || p.tty === me?.tty) out += `${String(p.pid).padStart(7)} ${tty(p).padEnd(8)} ${hhmmss(p.cpuMs)} ${p.comm}${p.state === "Z" ? " <defunct>" : ""}\n`;
  }
  sys.write(1, out);
  return 0;
}

/** ps. */
export const ps = oneShot((sys, args) => (sys.flavor === "busybox" ? busyboxPs(sys, args) : procpsPs(sys, args)));
