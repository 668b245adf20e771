// Fast-forward of periodic loops (`while true; do echo "$(date) tick"; sleep 1; done`): at each
// idle point the container's process state is snapshotted; when two consecutive periods are
// exact translations of each other (same state up to time and pid/pipe renumbering, and the
// same output up to `date` text) and nothing external was touched, the container is frozen and
// its output becomes a periodic log block. Any later contact materializes it to the present.
import type { Kernel } from "./kernel";
import type { ContainerState, LogBlock } from "./state";
import { type TimeRead, buildTemplate, renderIteration, sameLines } from "./log-blocks";
import { growBlock, linesFrom, logCursor } from "./logs";
import { added, pipeIds, procIds, renumber, scaleMap, shiftJson, type Shift } from "./ff-shift";
import { armTimer } from "./scheduler";
import { containerTimerKey } from "./container-exit";
import { strftime } from "../programs/date";

interface Snap { t: number; json: string; pids?: number[]; pipes?: number[]; nextPid: number; nextPipe: number; logPos: number; reads: TimeRead[] }

const pidsOf = (s: Snap) => (s.pids ??= procIds(s.json));
const pipesOf = (s: Snap) => (s.pipes ??= pipeIds(s.json));



/** Per-container observation history (not persisted: detection restarts after a restore). */
export interface Tracker { hist: Snap[]; tainted: boolean; reads: TimeRead[]; proven: Map<string, boolean>; misses: number; cool: number }

/** Snapshots kept while looking for a cycle before backing off. */
const MAX_HIST = 7;

function tracker(k: Kernel, cid: string): Tracker {
  let t = k.ff.get(cid);
  if (!t) k.ff.set(cid, (t = { hist: [], tainted: false, reads: [], proven: new Map(), misses: 0, cool: 0 }));
  return t;
}

/** Marks the current period as touching the outside world (no fast-forward from it). */
export function ffTaint(k: Kernel, cid: string): void {
  tracker(k, cid).tainted = true;
}

/** Records a formatted read of the clock (date output) for templates. */
export function ffTimeRead(k: Kernel, cid: string, r: TimeRead): void {
  tracker(k, cid).reads.push(r);
}

function snapshot(c: ContainerState, now: number, reads: TimeRead[]): Snap {
  const json = JSON.stringify({ procs: c.procs, pipes: c.pipes, partial: c.log.partial });
  const ids = (o: object) => Object.keys(o).map(Number).sort((x, y) => x - y);
  return { t: now, json, pids: ids(c.procs), pipes: ids(c.pipes), nextPid: c.nextPid, nextPipe: c.nextPipe, logPos: logCursor(c), reads };
}

function shiftBetween(a: Snap, b: Snap, period: number): Shift | undefined {
  if (a.json.length !== b.json.length && Math.abs(a.json.length - b.json.length) > 64) return undefined;
  const pids = renumber(added(pidsOf(b), pidsOf(a)), added(pidsOf(a), pidsOf(b)), b.nextPid - a.nextPid);
  const pipes = renumber(added(pipesOf(b), pipesOf(a)), added(pipesOf(a), pipesOf(b)), b.nextPipe - a.nextPipe);
  if (!pids || !pipes) return undefined;
  return { pids, pipes, after: a.t - period, dt: period };
}

function translates(tr: Tracker, a: Snap, b: Snap, period: number): boolean {
  const key = `${a.t}>${b.t}`;
  const known = tr.proven.get(key);
  if (known !== undefined) return known;
  const s = shiftBetween(a, b, period);
  const ok = !!s && shiftJson(a.json, s) === b.json;
  tr.proven.set(key, ok);
  return ok;
}

function hasSession(k: Kernel, cid: string): boolean {
  for (const id in k.s.sessions) if (k.s.sessions[id].cid === cid) return true;
  return false;
}

/** Called when a container becomes idle: records the point and freezes proven cycles. */
export function ffObserve(k: Kernel, c: ContainerState): void {
  if (!k.fastForward || c.ff || c.status !== "running" || c.runq.length) return;
  const tr = tracker(k, c.id);
  const now = k.now();
  if (tr.cool > 0) { tr.cool--; tr.tainted = false; tr.reads = []; return; }
  const blocked = tr.tainted || c.killAt !== undefined || c.tty !== undefined || hasSession(k, c.id);
  if (blocked) { tr.tainted = false; tr.reads = []; tr.hist = []; tr.proven.clear(); return; }
  tr.hist.push(snapshot(c, now, tr.reads));
  tr.reads = [];
  for (let lag = 1; lag <= 3; lag++) if (tryCycle(k, c, tr, lag)) return;
  if (tr.hist.length >= MAX_HIST) {
    tr.misses++;
    tr.cool = Math.min(2 ** tr.misses, 256);
    tr.hist = [];
    tr.proven.clear();
  }
}

function tryCycle(k: Kernel, c: ContainerState, tr: Tracker, lag: number): boolean {
  const h = tr.hist;
  if (h.length < 2 * lag + 1) return false;
  const ia = h.length - 1 - 2 * lag, ib = h.length - 1 - lag;
  const a = h[ia], b = h[ib], z = h[h.length - 1];
  const period = b.t - a.t;
  if (period <= 0 || z.t - b.t !== period) return false;
  if (z.nextPid - b.nextPid !== b.nextPid - a.nextPid || z.nextPipe - b.nextPipe !== b.nextPipe - a.nextPipe) return false;
  if (!translates(tr, a, b, period) || !translates(tr, b, z, period)) return false;
  if (a.logPos < c.log.dropped) return false;
  const all = linesFrom(c.log, a.logPos);
  const ab = all.slice(0, b.logPos - a.logPos);
  const bz = all.slice(b.logPos - a.logPos, z.logPos - a.logPos);
  const readsAB = h.slice(ia + 1, ib + 1).flatMap((s) => s.reads);
  const readsBZ = h.slice(ib + 1).flatMap((s) => s.reads);
  const tpl = buildTemplate(ab, readsAB, a.t);
  if (!tpl || readsBZ.length !== readsAB.length) return false;
  for (let i = 0; i < readsAB.length; i++) {
    const r = readsAB[i];
    if (readsBZ[i].fmt !== r.fmt || readsBZ[i].text !== strftime(r.fmt, b.t + (r.t - a.t))) return false;
  }
  if (!sameLines(renderIteration(tpl, b.t), bz)) return false;
  c.ff = {
    anchor: z.t, p: period, dpid: z.nextPid - b.nextPid, dpipe: z.nextPipe - b.nextPipe,
    pids: added(pidsOf(b), pidsOf(z)), pipes: added(pipesOf(b), pipesOf(z)), after: z.t - period,
  };
  const block: LogBlock = { b: 1, t0: z.t, p: period, n: 0, skip: 0, tpl, per: bz.reduce((n, l) => n + l[2].length + 1, 0) };
  c.log.lines.push(block);
  k.stats.frozen++;
  k.host.cancel(containerTimerKey(c.id));
  c.armed = undefined;
  tr.hist = [];
  tr.proven.clear();
  tr.misses = 0;
  return true;
}

/** Brings a frozen container's log up to the present without unfreezing it. */
export function syncLog(k: Kernel, c: ContainerState | undefined): void {
  const f = c?.ff;
  if (!c || !f) return;
  const n = Math.floor((k.now() - f.anchor) / f.p);
  const block = c.log.lines[c.log.lines.length - 1];
  if (block && !Array.isArray(block) && block.t0 === f.anchor && block.n < n) growBlock(c.log, block, n - block.n);
}

/** Brings a frozen container up to the present: n periods of state translation and log. */
export function materialize(k: Kernel, c: ContainerState | undefined): void {
  const f = c?.ff;
  if (!c || !f) return;
  syncLog(k, c);
  delete c.ff;
  k.stats.materialized++;
  const n = Math.floor((k.now() - f.anchor) / f.p);
  if (n > 0) {
    const s: Shift = { pids: scaleMap(f.pids, f.dpid, n), pipes: scaleMap(f.pipes, f.dpipe, n), after: f.after, dt: n * f.p };
    const moved = JSON.parse(shiftJson(JSON.stringify({ procs: c.procs, pipes: c.pipes, partial: c.log.partial }), s)) as { procs: ContainerState["procs"]; pipes: ContainerState["pipes"] };
    c.procs = moved.procs;
    c.pipes = moved.pipes;
    c.nextPid += n * f.dpid;
    c.nextPipe += n * f.dpipe;
  }
  const tr = tracker(k, c.id);
  tr.hist = [];
  tr.proven.clear();
  armTimer(k, c);
}
