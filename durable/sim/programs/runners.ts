// Programs that run another command: timeout (GNU: the command is a child, 124 on expiry;
// busybox: the command keeps timeout's pid and dies of the signal), nohup (SIGHUP ignored, output
// to nohup.out on a terminal) and busybox's time applet. Registered in registry-extra.ts.
import type { Program, Sys } from "./api";
import { SIG, parseSignal } from "../runtime/constants";
import { parseSleep } from "./sleep";
import { warn } from "./oneshot";

/** Finds a command on PATH; writes the tool's error and exits 126/127 when it cannot run. */
function findCommand(sys: Sys, tool: string, name: string): string | undefined {
  const r = sys.lookup(name, sys.env.find(([k]) => k === "PATH")?.[1]);
  if ("path" in r) return r.path;
  const gnu = sys.flavor !== "busybox";
  const why = r.errno === "ENOENT" ? "No such file or directory" : "Permission denied";
  sys.write(2, gnu ? `${tool}: failed to run command '${name}': ${why}\n` : `${tool}: can't execute '${name}': ${why}\n`);
  sys.exit(r.errno === "ENOENT" ? 127 : 126);
  return undefined;
}

interface TimeoutState { pid?: number; deadline: number; sig: number; killAfter?: number; fired?: 1; killed?: 1 }

/** timeout [-s SIG] [-k DURATION] DURATION COMMAND [ARG]... */
export const timeout: Program = {
  step(sys) {
    let d = sys.data as TimeoutState | undefined;
    if (!d) {
      const args = sys.argv.slice(1);
      let sig: number = SIG.TERM;
      let killAfter: number | undefined;
      let i = 0;
      for (; i < args.length && args[i].startsWith("-") && args[i] !== "-"; i++) {
        const a = args[i];
        if (a === "--") { i++; break; }
        const v = a === "-s" || a === "-k" ? args[++i] : a.includes("=") ? a.slice(a.indexOf("=") + 1) : a.slice(2);
        if (a.startsWith("-s") || a.startsWith("--signal")) sig = parseSignal(v ?? "") ?? sig;
        else if (a.startsWith("-k") || a.startsWith("--kill-after")) { const k = parseSleep([v ?? ""]); if (typeof k === "number") killAfter = k; }
      }
      const dur = parseSleep([args[i] ?? ""]);
      if (args[i] === undefined || typeof dur !== "number" || args[i + 1] === undefined) {
        warn(sys, args[i] === undefined || typeof dur === "number" ? "missing operand" : `invalid time interval '${args[i]}'`);
        sys.exit(125);
        return;
      }
      const path = findCommand(sys, "timeout", args[i + 1]);
      if (!path) return;
      const pid = sys.spawn({ path, argv: args.slice(i + 1), env: [...sys.env], fds: { 0: 0, 1: 1, 2: 2 } });
      if (typeof pid !== "number") { warn(sys, "fork failed"); sys.exit(125); return; }
      d = sys.data = { pid, deadline: dur === 0 ? Infinity : sys.now() + dur, sig, killAfter };
      sys.setCatches([SIG.CHLD]);
    }
    for (;;) {
      const st = sys.wait(d.pid!, true);
      if (st === "ECHILD") { sys.exit(125); return; }
      if (st) {
        if (d.fired && sys.flavor !== "busybox") sys.exit(d.killed || d.sig === SIG.KILL ? 137 : 124);
        else sys.exit(st.sig ? 128 + st.sig : st.code);
        return;
      }
      if (sys.now() < d.deadline) break;
      // Expired: signal the command, then look again (it may have died at once).
      if (!d.fired) {
        d.fired = 1;
        sys.kill(d.pid!, d.sig);
        d.deadline = d.killAfter !== undefined ? sys.now() + d.killAfter : Infinity;
      } else {
        d.killed = 1;
        sys.kill(d.pid!, SIG.KILL);
        d.deadline = Infinity;
      }
    }
    if (d.deadline === Infinity) sys.blockForever();
    else sys.sleepUntil(d.deadline);
  },
  signal() { /* SIGCHLD wakes the step, which reaps the command */ },
};

/** nohup COMMAND [ARG]...: runs COMMAND immune to hangups. */
export const nohup: Program = {
  step(sys) {
    const args = sys.argv.slice(1).filter((a, i) => !(i === 0 && a === "--"));
    if (!args.length) { warn(sys, "missing operand"); sys.exit(125); return; }
    const path = findCommand(sys, "nohup", args[0]);
    if (!path) return;
    if (sys.isatty(1)) {
      sys.write(2, sys.flavor === "busybox" ? "nohup: appending output to nohup.out\n" : "nohup: ignoring input and appending output to 'nohup.out'\n");
      sys.openOn(1, `${sys.cwd === "/" ? "" : sys.cwd}/nohup.out`, "a");
      if (sys.isatty(0)) sys.openOn(0, "/dev/null", "r");
    }
    if (sys.isatty(2)) sys.dup2(1, 2);
    sys.setIgnores([SIG.HUP]);
    const e = sys.exec(path, args, [...sys.env]);
    if (e) { sys.write(2, `nohup: failed to run command '${args[0]}': ${e}\n`); sys.exit(126); }
  },
};

interface TimeState { pid?: number; start: number }

/** busybox time COMMAND: runs it and reports real/user/sys on stderr. */
export const time: Program = {
  step(sys) {
    let d = sys.data as TimeState | undefined;
    if (!d) {
      const args = sys.argv.slice(1).filter((a) => a !== "-v" && a !== "-p");
      if (!args.length) { sys.exit(0); return; }
      const path = findCommand(sys, "time", args[0]);
      if (!path) return;
      const pid = sys.spawn({ path, argv: args, env: [...sys.env], fds: { 0: 0, 1: 1, 2: 2 } });
      if (typeof pid !== "number") { sys.exit(1); return; }
      d = sys.data = { pid, start: sys.now() };
    }
    const st = sys.wait(d.pid!);
    if (st === undefined) return;
    const secs = (sys.now() - d.start) / 1000;
    const fmt = (s: number) => `${Math.floor(s / 60)}m ${(s % 60).toFixed(2)}s`;
    sys.write(2, `real\t${fmt(secs)}\nuser\t0m 0.00s\nsys\t0m 0.00s\n`);
    sys.exit(st === "ECHILD" ? 0 : st.sig ? 128 + st.sig : st.code);
  },
};
