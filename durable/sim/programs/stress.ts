// Load generators: stress(1) from polinux/stress (--vm workers that allocate --vm-bytes, hang and
// re-allocate; --cpu workers at 100% of a core; --timeout) and vish/stress (-cpus, -mem-total).
// Memory is declared to the kernel, so exceeding the container limit gets it OOM-killed.
import type { Program, Sys } from "./api";
import { SIG } from "../runtime/constants";

/** Parses 150M, 1G, 512K, 100 into bytes (stress uses powers of 1024). */
export function parseBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)(i?)$/.exec(s.trim());
  if (!m) return undefined;
  const mult = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

interface StressMaster { workers: number[]; until?: number; start: number }
interface StressWorker { kind: "vm" | "cpu" | "io"; bytes: number; hang: number; phase: number; next?: number }

/** stress. */
export const stress: Program = {
  step(sys) {
    if (sys.data && (sys.data as StressWorker).kind) return stressWorker(sys);
    let m = sys.data as StressMaster | undefined;
    if (!m) {
      const a = sys.argv.slice(1);
      let cpu = 0, io = 0, vm = 0, hdd = 0, bytes = 256 * 1024 * 1024, hang = -1, timeout = 0;
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const next = () => a[++i] ?? "";
        if (x === "-c" || x === "--cpu") cpu = Number(next());
        else if (x === "-i" || x === "--io") io = Number(next());
        else if (x === "-m" || x === "--vm") vm = Number(next());
        else if (x === "-d" || x === "--hdd") hdd = Number(next());
        else if (x === "--vm-bytes") { const b = parseBytes(next()); if (b === undefined) { sys.write(2, `stress: FAIL: [${sys.pid}] (407) invalid number: ${a[i]}\n`); sys.exit(1); return; } bytes = b; }
        else if (x === "--vm-hang") hang = Number(next());
        else if (x === "-t" || x === "--timeout") timeout = Number(next().replace(/s$/, ""));
        else if (x === "--vm-keep" || x === "-v" || x === "--verbose" || x === "-q" || x === "--quiet") continue;
        else if (x === "--help" || x === "-?") { sys.write(1, "`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n"); sys.exit(0); return; }
      }
      if (!cpu && !io && !vm && !hdd) { sys.write(1, "`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -?, --help         show this help statement\n"); sys.exit(0); return; }
      sys.write(1, `stress: info: [${sys.pid}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`);
      m = { workers: [], start: sys.now(), until: timeout ? sys.now() + timeout * 1000 : undefined };
      sys.data = m;
      sys.setMem(800_000);
      sys.setCatches([SIG.CHLD]);
      const spawn = (w: StressWorker) => { const pid = sys.fork("stress", w, [...sys.argv], { 0: 0, 1: 1, 2: 2 }); if (typeof pid === "number") m!.workers.push(pid); };
      for (let i = 0; i < cpu; i++) spawn({ kind: "cpu", bytes: 0, hang: 0, phase: 0 });
      for (let i = 0; i < io + hdd; i++) spawn({ kind: "io", bytes: 0, hang: 0, phase: 0 });
      for (let i = 0; i < vm; i++) spawn({ kind: "vm", bytes, hang, phase: 0 });
    }
    if (m.until !== undefined && sys.now() >= m.until) {
      for (const w of m.workers) sys.kill(w, SIG.TERM);
      sys.write(1, `stress: info: [${sys.pid}] successful run completed in ${Math.round((sys.now() - m.start) / 1000)}s\n`);
      sys.exit(0);
      return;
    }
    if (m.until !== undefined) sys.sleepUntil(m.until);
    else sys.blockForever();
  },
  signal(sys, sig) {
    const m = sys.data as StressMaster;
    if (sig !== SIG.CHLD || !m) return;
    for (;;) {
      const r = sys.wait(-1, true);
      if (!r || r === "ECHILD") break;
      m.workers = m.workers.filter((w) => w !== r.pid);
      if (r.sig) {
        sys.write(2, `stress: FAIL: [${sys.pid}] (415) <-- worker ${r.pid} got signal ${r.sig}\nstress: WARN: [${sys.pid}] (417) now reaping child worker processes\nstress: FAIL: [${sys.pid}] (451) failed run completed in ${Math.round((sys.now() - m.start) / 1000)}s\n`);
        for (const w of m.workers) sys.kill(w, SIG.TERM);
        sys.exit(1);
        return;
      }
    }
  },
};

function stressWorker(sys: Sys): void {
  const w = sys.data as StressWorker;
  if (w.kind === "cpu") { if (w.phase === 0) { w.phase = 1; sys.setCpu(1000); } sys.blockForever(); return; }
  if (w.kind === "io") { if (w.phase === 0) { w.phase = 1; sys.setCpu(150); } sys.blockForever(); return; }
  if (w.next !== undefined && sys.now() < w.next) { sys.sleepUntil(w.next); return; }
  if (w.phase === 0) {
    sys.setCpu(1000);
    sys.setMem(w.bytes + 200_000);
    w.phase = 1;
    if (w.hang === 0) { sys.setCpu(0); sys.blockForever(); return; }
    w.next = sys.now() + (w.hang > 0 ? w.hang * 1000 : 200);
    sys.sleepUntil(w.next);
    return;
  }
  sys.setMem(200_000);
  w.phase = 0;
  w.next = sys.now() + 10;
  sys.sleepUntil(w.next);
}

/** vish/stress: -cpus N burns N cores, -mem-total SIZE allocates memory. */
export const vishStress: Program = {
  step(sys) {
    if (sys.data) { sys.blockForever(); return; }
    const a = sys.argv.slice(1);
    const get = (name: string) => { const i = a.findIndex((x) => x === `-${name}` || x === `--${name}` || x.startsWith(`-${name}=`)); return i < 0 ? undefined : a[i].includes("=") ? a[i].split("=")[1] : a[i + 1]; };
    const cpus = Number(get("cpus") ?? 0);
    const mem = parseBytes(get("mem-total") ?? "0") ?? 0;
    const glog = (line: number, msg: string) => {
      const d = new Date(sys.now());
      const p = (n: number) => String(n).padStart(2, "0");
      sys.write(2, `I${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, "0")}000       ${sys.pid} main.go:${line}] ${msg}\n`);
    };
    glog(26, `Allocating "${get("mem-total") ?? "0"}" memory, in "${get("mem-alloc-size") ?? "4Ki"}" chunks, with a ${get("mem-alloc-sleep") ?? "1ms"} sleep between allocations`);
    for (let i = 0; i < cpus; i++) glog(39, "Spawning a thread to consume CPU");
    sys.data = { cpus };
    sys.setCpu(cpus * 1000);
    sys.setMem(mem + 1_500_000);
    sys.blockForever();
  },
};
