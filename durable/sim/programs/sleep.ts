// sleep(1): waits on the virtual clock. Busybox and GNU both accept fractions, s/m/h/d suffixes,
// several operands (summed) and "inf". Registered in registry.ts.
import type { Program } from "./api";
import { progName } from "./oneshot";

const UNIT: Record<string, number> = { "": 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 };

/** Parses sleep operands into milliseconds, or the first bad operand. */
export function parseSleep(args: string[]): number | { bad: string } {
  let ms = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return Infinity;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return { bad: a };
    ms += Number(m[1]) * UNIT[m[2]];
  }
  return Math.round(ms);
}

/** sleep. */
export const sleep: Program = {
  step(sys) {
    const d = (sys.data ??= {}) as { until?: number };
    if (d.until === undefined) {
      sys.setMem(sys.flavor === "busybox" ? 90_000 : 520_000);
      const args = sys.argv.slice(1).filter((a) => a !== "--");
      if (!args.length) {
        sys.write(2, sys.flavor === "busybox" ? `BusyBox v${sys.imageVar("busybox") ?? "1.36.1"} multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n` : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
        sys.exit(1);
        return;
      }
      const r = parseSleep(args);
      if (typeof r !== "number") {
        sys.write(2, sys.flavor === "busybox" ? `${progName(sys)}: invalid number '${r.bad}'\n` : `sleep: invalid time interval '${r.bad}'\nTry 'sleep --help' for more information.\n`);
        sys.exit(1);
        return;
      }
      d.until = r === Infinity ? -1 : sys.now() + r;
    }
    if (d.until < 0) { sys.blockForever(); return; }
    if (sys.now() < d.until) { sys.sleepUntil(d.until); return; }
    sys.exit(0);
  },
};
