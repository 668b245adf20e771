// Probe requests a prober skipped in bulk across a quiet stretch, accounted for as if they had
// run: the log lines of skipped HTTP requests become one periodic block templated from the request
// that did run (clock and counter reads as placeholders), per-request counters advance, and
// skipped execs consume their pids. Used by probes.ts and runtime.ts.
import type { SkippedRequests } from "./contract";
import type { Kernel } from "./kernel";
import type { ContainerState, LogBlock, LogEntry, LogLine } from "./state";
import { LIMITS, FIRST_CHILD_PID } from "./constants";
import { blockLine, blockLines, buildTemplate, renderIteration, sameLines } from "./log-blocks";
import { trimLog } from "./logs";
import { materialize } from "./ff-track";
import { programFor } from "../programs/registry";
import { ProcSys } from "./sys";

/** What the log looked like before the real request. */
export interface ReplayMark {
  cid: string;
  at: number;
  dropped: number;
  skipped: SkippedRequests;
}

/** Prepares accounting for `skipped` requests before the real one reaches process `pid`. */
export function beginReplay(k: Kernel, c: ContainerState, pid: number, skipped: SkippedRequests | undefined): ReplayMark | undefined {
  if (!skipped || !(skipped.count > 0) || !(skipped.period > 0)) return undefined;
  materialize(k, c);
  const p = c.procs[pid];
  if (!p || p.st === "Z") return undefined;
  programFor(p.prog).skipRequests?.(new ProcSys(k, c, p), skipped.count);
  k.rec = [];
  return { cid: c.id, at: c.log.lines.length, dropped: c.log.dropped, skipped };
}

function lastTime(e: LogEntry): number {
  if (Array.isArray(e)) return e[0];
  const n = blockLines(e);
  return n ? blockLine(e, n - 1)[0] : e.t0;
}

/** After the real request: inserts the skipped requests' output before its own, when exact. */
export function finishReplay(k: Kernel, mark: ReplayMark | undefined): void {
  if (!mark) return;
  const reads = k.rec ?? [];
  k.rec = undefined;
  const c = k.s.containers[mark.cid];
  if (!c) return;
  const log = c.log;
  const now = k.now();
  const { count, period } = mark.skipped;
  const t0 = now - count * period;
  if (log.dropped !== mark.dropped || log.partial[0] || log.partial[1]) return;
  const fresh = log.lines.slice(mark.at);
  if (!fresh.length || !fresh.every((e): e is LogLine => Array.isArray(e) && e[0] === now && !e[3])) return;
  if (mark.at > 0 && lastTime(log.lines[mark.at - 1]) > t0) return;
  const tpl = buildTemplate(fresh, reads, now, (v) => v - count);
  if (!tpl || !sameLines(renderIteration(tpl, now, count), fresh)) return;
  const per = fresh.reduce((n, l) => n + l[2].length + 1, 0);
  const block: LogBlock = { b: 1, t0, p: period, n: count, skip: 0, tpl, per };
  log.lines.splice(mark.at, 0, block);
  log.bytes += count * per;
  trimLog(log);
}

/** Skipped execs: each would have used as many pids as the one that ran (`used`). */
export function consumePids(c: ContainerState, used: number, skipped: SkippedRequests | undefined): void {
  if (!skipped || !(skipped.count > 0) || used <= 0) return;
  const next = c.nextPid + skipped.count * used;
  c.nextPid = next < LIMITS.pidMax ? next : FIRST_CHILD_PID + ((next - FIRST_CHILD_PID) % (LIMITS.pidMax - FIRST_CHILD_PID));
}
