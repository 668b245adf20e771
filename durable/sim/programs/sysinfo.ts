// System information programs: hostname, uname, id, whoami, nproc, uptime, free, which and
// a one-screen top. They read the pod, node and process facts the runtime exposes. Registered in registry.ts.
import type { Program, Sys } from "./api";
import { oneShot, warn } from "./oneshot";
import { cmdline, userNames } from "./ps";
import { strftime } from "./date";

/** hostname [-i|-f|-s]. */
export const hostname = oneShot((sys, args) => {
  if (args.includes("-i") || args.includes("-I")) { sys.write(1, `${sys.net.podIp}${args.includes("-I") ? " " : ""}\n`); return 0; }
  if (args.length && !args[0].startsWith("-")) { warn(sys, sys.flavor === "busybox" ? "sethostname: Operation not permitted" : "you must be root to change the host name"); return 1; }
  sys.write(1, sys.net.hostname + "\n");
  return 0;
});

/** uname [-asnrvmo]. */
export const uname = oneShot((sys, args) => {
  const k = sys.node.kernelVersion;
  const v = "#140-Ubuntu SMP Wed Dec 18 17:59:53 UTC 2024";
  const parts: Record<string, string> = { s: "Linux", n: sys.net.hostname, r: k, v, m: "x86_64", p: sys.flavor === "busybox" ? "unknown" : "x86_64", i: sys.flavor === "busybox" ? "unknown" : "x86_64", o: sys.flavor === "busybox" ? "Linux" : "GNU/Linux" };
  let flags = args.filter((a) => a.startsWith("-")).join("").replace(/-/g, "");
  if (args.includes("--all")) flags = "a";
  if (!flags) flags = "s";
  const order = flags.includes("a") ? (sys.flavor === "busybox" ? ["s", "n", "r", "v", "m", "o"] : ["s", "n", "r", "v", "m", "o"]) : ["s", "n", "r", "v", "m", "p", "i", "o"].filter((f) => flags.includes(f));
  sys.write(1, order.map((f) => parts[f]).join(" ") + "\n");
  return 0;
});

function groupsOf(sys: Sys, user: string): string[] {
  const r = sys.fs.readFile("/etc/group");
  const out: string[] = [];
  if (typeof r !== "string") for (const line of r.c.split("\n")) {
    const [name, , gid, members] = line.split(":");
    if (!name || gid === undefined) continue;
    if (gid === "0" || (members ?? "").split(",").includes(user)) out.push(`${gid}(${name})`);
  }
  return out.length ? out : ["0(root)"];
}

/** id. */
export const id = oneShot((sys, args) => {
  if (args.includes("-u")) { sys.write(1, "0\n"); return 0; }
  if (args.includes("-g")) { sys.write(1, "0\n"); return 0; }
  if (args.includes("-n") || args.includes("-un")) { sys.write(1, "root\n"); return 0; }
  const groups = sys.flavor === "busybox" ? groupsOf(sys, "root") : ["0(root)"];
  sys.write(1, `uid=0(root) gid=0(root) groups=${groups.join(",")}\n`);
  return 0;
});

/** whoami. */
export const whoami = oneShot((sys) => { sys.write(1, "root\n"); return 0; });

/** nproc. */
export const nproc = oneShot((sys) => { sys.write(1, `${sys.node.cpus}\n`); return 0; });

function upText(sys: Sys): string {
  const up = 86400 + Math.floor((sys.now() % 86400000) / 1000);
  const days = Math.floor(up / 86400);
  const h = Math.floor((up % 86400) / 3600);
  const m = Math.floor((up % 3600) / 60);
  return `${days} day${days === 1 ? "" : "s"}, ${String(h).padStart(2)}:${String(m).padStart(2, "0")}`;
}

/** uptime. */
export const uptime = oneShot((sys) => {
  sys.write(1, ` ${strftime("%H:%M:%S", sys.now())} up ${upText(sys)},  0 users,  load average: 0.08, 0.12, 0.10\n`);
  return 0;
});

function memFigures(sys: Sys): { total: number; used: number; free: number; shared: number; cache: number; avail: number } {
  const total = Math.floor(sys.node.memoryBytes / 1024);
  const used = Math.floor(total * 0.25);
  const cache = Math.floor(total * 0.38);
  return { total, used, free: total - used - cache, shared: 1200, cache, avail: total - used };
}

/** free [-m|-h]. */
export const free = oneShot((sys, args) => {
  const f = memFigures(sys);
  const div = args.includes("-m") ? 1024 : args.includes("-g") ? 1048576 : 1;
  const n = (x: number) => String(Math.floor(x / div)).padStart(12);
  sys.write(1, `${" ".repeat(15)}total        used        free      shared  buff/cache   available\nMem:${n(f.total).slice(1).padStart(15)}${n(f.used)}${n(f.free)}${n(f.shared)}${n(f.cache)}${n(f.avail)}\nSwap:${n(0).padStart(14)}${n(0)}${n(0)}\n`);
  return 0;
});

/** which NAME... */
export const which = oneShot((sys, args) => {
  let st = 0;
  for (const a of args.filter((x) => !x.startsWith("-"))) {
    const r = sys.lookup(a);
    if ("path" in r) sys.write(1, r.path + "\n");
    else st = 1;
  }
  return st;
});

function topScreen(sys: Sys): string {
  const f = memFigures(sys);
  const users = userNames(sys);
  const procs = sys.procs();
  let out = `Mem: ${f.used}K used, ${f.free}K free, ${f.shared}K shrd, 81244K buff, ${f.cache}K cached\nCPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\nLoad average: 0.08 0.12 0.10 1/${procs.length + 180} ${sys.pid}\n`;
  out += "  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n";
  for (const p of procs) {
    const vsz = Math.round(p.mem / 1024) + 1600;
    out += `${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${(users.get(p.uid) ?? String(p.uid)).padEnd(8)} ${(p.pid === sys.pid ? "R" : p.state).padEnd(4)} ${String(vsz).padStart(5)}   0%   0   0% ${cmdline(p)}\n`;
  }
  return out;
}

/** top: prints the process screen every 3 seconds (once with -n 1 or -b -n 1); q or ^C quits. */
export const top: Program = {
  step(sys) {
    const d = (sys.data ??= { left: -1 }) as { left: number; next?: number };
    const args = sys.argv.slice(1);
    if (d.next === undefined) {
      const ni = args.findIndex((a) => a === "-n" || a.startsWith("-n"));
      if (ni >= 0) d.left = Number(args[ni] === "-n" ? args[ni + 1] : args[ni].slice(2)) || 1;
      d.next = sys.now();
    }
    if (sys.now() >= d.next) {
      sys.write(1, (sys.isatty(1) ? "\x1b[H\x1b[J" : "") + topScreen(sys));
      if (d.left > 0 && --d.left === 0) { sys.exit(0); return; }
      if (!sys.isatty(0) && d.left < 0) { sys.exit(0); return; }
      d.next = sys.now() + 3000;
    }
    const inp = sys.isatty(0) ? sys.read(0) : undefined;
    if (inp === null || (inp && inp.includes("q"))) { sys.exit(0); return; }
    sys.sleepUntil(d.next);
  },
};
