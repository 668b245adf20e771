// Container logs as the CRI writes them: one entry per line with the virtual time it completed
// and its stream (or periodic blocks for fast-forwarded loops), bounded in memory like kubelet
// log rotation, readable with tail/since/timestamps/limitBytes and by cursor for
// `kubectl logs -f`. Used by io.ts, ff-*.ts and runtime.ts.
import { LIMITS } from "./constants";
import type { ContainerState, LogBlock, LogEntry, LogLine, LogState } from "./state";
import { rfc3339Nano } from "../core/time";
import { utf8Length } from "./utf8";
import { blockLine, blockLines } from "./log-blocks";

/** An empty log. */
export function newLog(): LogState {
  return { lines: [], bytes: 0, dropped: 0, partial: ["", ""], partialAt: [0, 0] };
}

const isBlock = (e: LogEntry): e is LogBlock => !Array.isArray(e);
const count = (e: LogEntry) => (isBlock(e) ? blockLines(e) : 1);

/** Appends output of a stream; complete lines become entries stamped `now`. */
export function appendLog(log: LogState, stream: 1 | 2, text: string, now: number): number {
  const i = stream - 1;
  const rep = log.partial[i] ? 0 : repeats(text);
  if (rep > 1) {
    pushRun(log, now, stream, text.slice(0, text.length / rep - 1), rep);
    return rep;
  }
  let buf = log.partial[i] + text;
  let added = 0;
  let start = 0;
  let nl = buf.indexOf("\n");
  while (nl >= 0) {
    pushRun(log, now, stream, buf.slice(start, nl), 1);
    added++;
    start = nl + 1;
    nl = buf.indexOf("\n", start);
  }
  buf = buf.slice(start);
  while (buf.length > LIMITS.logLineBytes) {
    pushLine(log, [now, stream, buf.slice(0, LIMITS.logLineBytes), 1]);
    buf = buf.slice(LIMITS.logLineBytes);
    added++;
  }
  if (!log.partial[i] && buf) log.partialAt[i] = now;
  log.partial[i] = buf;
  return added;
}

/** Writes out unterminated output (the container's streams closed). */
export function flushLog(log: LogState, now: number): void {
  for (const s of [1, 2] as const) {
    const buf = log.partial[s - 1];
    if (buf) pushLine(log, [now, s, buf, 1]);
    log.partial[s - 1] = "";
  }
}

/** How many times `text` repeats one newline-terminated line (0 when it does not). */
function repeats(text: string): number {
  const nl = text.indexOf("\n");
  if (nl < 0 || nl === text.length - 1) return 0;
  const len = nl + 1;
  if (text.length % len || text.charCodeAt(text.length - 1) !== 10) return 0;
  const n = text.length / len;
  return text === text.slice(0, len).repeat(n) ? n : 0;
}

/** Text of a one-line, zero-period block (a run of identical lines stamped alike). */
function runText(b: LogBlock): string | undefined {
  if (b.p !== 0 || b.tpl.length !== 1 || b.tpl[0][0] !== 0) return undefined;
  const segs = b.tpl[0][2];
  return segs.length === 1 && typeof segs[0] === "string" ? segs[0] : segs.length === 0 ? "" : undefined;
}

/**
 * Appends `n` identical complete lines stamped `now`, merging them with an identical last entry:
 * `yes` or `while :; do echo y; done` then costs one entry per wake-up instead of one per line.
 */
function pushRun(log: LogState, now: number, stream: 1 | 2, text: string, n: number): void {
  const last = log.lines[log.lines.length - 1];
  if (last !== undefined && !isBlock(last) && last[0] === now && last[1] === stream && last[2] === text && !last[3]) {
    log.lines[log.lines.length - 1] = { b: 1, t0: now, p: 0, n: 1, skip: 0, tpl: [[0, stream, text ? [text] : []]], per: text.length + 1 };
  }
  const tail = log.lines[log.lines.length - 1];
  if (tail !== undefined && isBlock(tail) && tail.t0 === now && tail.tpl[0][1] === stream && runText(tail) === text) {
    growBlock(log, tail, n);
    return;
  }
  if (n === 1) { pushLine(log, [now, stream, text]); return; }
  log.lines.push({ b: 1, t0: now, p: 0, n, skip: 0, tpl: [[0, stream, text ? [text] : []]], per: text.length + 1 });
  log.bytes += n * (text.length + 1);
  trimLog(log);
}

function pushLine(log: LogState, line: LogLine): void {
  if (line.length > 3 && line[3] === undefined) line.length = 3;
  log.lines.push(line);
  log.bytes += line[2].length + 1;
  trimLog(log);
}

/** Drops the oldest output once the log is over its budget (lines first, then block iterations). */
export function trimLog(log: LogState): void {
  if (log.bytes <= LIMITS.logBytes) return;
  const target = LIMITS.logBytes * 0.75;
  let drop = 0;
  while (log.bytes > target && drop < log.lines.length) {
    const e = log.lines[drop];
    if (!isBlock(e)) { log.bytes -= e[2].length + 1; log.dropped++; drop++; continue; }
    const excess = Math.ceil((log.bytes - target) / Math.max(1, e.per));
    const iters = Math.min(excess, e.n - e.skip);
    e.skip += iters;
    log.bytes -= iters * e.per;
    log.dropped += iters * e.tpl.length;
    if (e.skip >= e.n && e.n > 0) { drop++; continue; }
    break;
  }
  log.lines.splice(0, drop);
}

/** Total bytes a block adds when it grows by `iters` iterations. */
export function growBlock(log: LogState, b: LogBlock, iters: number): void {
  b.n += iters;
  log.bytes += iters * b.per;
  trimLog(log);
}

/** Pseudo nanoseconds for a line (deterministic; CRI stamps have ns precision). */
function nanos(abs: number): number {
  return ((abs * 104729 + 7919) % 999983) % 1000000;
}

/** Number of lines currently held. */
export function lineCount(log: LogState): number {
  let n = 0;
  for (const e of log.lines) n += count(e);
  return n;
}

/** Visits held lines from index `from` (0-based among held lines) to the end. */
export function forLines(log: LogState, from: number, fn: (l: LogLine, abs: number) => boolean | void): void {
  let base = 0;
  for (const e of log.lines) {
    const n = count(e);
    if (from >= base + n) { base += n; continue; }
    for (let i = Math.max(0, from - base); i < n; i++) {
      const l = isBlock(e) ? blockLine(e, i) : e;
      if (fn(l, log.dropped + base + i) === false) return;
    }
    base += n;
  }
}

function render(l: LogLine, abs: number, timestamps: boolean): string {
  const prefix = timestamps ? rfc3339Nano(l[0], nanos(abs)) + " " : "";
  return prefix + l[2] + (l[3] ? "" : "\n");
}

/** The log text as `kubectl logs` prints it. */
export function readLog(c: ContainerState, opts: { tailLines?: number; sinceTime?: number; timestamps?: boolean; limitBytes?: number }): string {
  const log = c.log;
  const total = lineCount(log);
  const start = opts.tailLines !== undefined && opts.tailLines >= 0 ? Math.max(0, total - opts.tailLines) : 0;
  const out: string[] = [];
  let bytes = 0;
  forLines(log, start, (l, abs) => {
    if (opts.sinceTime !== undefined && l[0] < opts.sinceTime) return;
    const s = render(l, abs, !!opts.timestamps);
    if (opts.limitBytes !== undefined && bytes + utf8Length(s) > opts.limitBytes) {
      out.push(truncateBytes(s, opts.limitBytes - bytes));
      return false;
    }
    bytes += utf8Length(s);
    out.push(s);
  });
  return out.join("");
}

/** Position after the last complete line. */
export function logCursor(c: ContainerState): number {
  return c.log.dropped + lineCount(c.log);
}

/** Lines written after a cursor, the new cursor, and whether the log can grow no more. */
export function logsAfter(c: ContainerState, cursor: number, timestamps: boolean): { text: string; cursor: number; ended: boolean } {
  const log = c.log;
  let text = "";
  forLines(log, Math.max(0, cursor - log.dropped), (l, abs) => { text += render(l, abs, timestamps); });
  return { text, cursor: logCursor(c), ended: c.status === "exited" };
}

/** Held regular lines from index `from` (for fast-forward detection). */
export function linesFrom(log: LogState, from: number): LogLine[] {
  const out: LogLine[] = [];
  forLines(log, Math.max(0, from - log.dropped), (l) => { out.push(l); });
  return out;
}

function truncateBytes(s: string, max: number): string {
  let out = "";
  let n = 0;
  for (const ch of s) {
    const l = utf8Length(ch);
    if (n + l > max) break;
    out += ch;
    n += l;
  }
  return out;
}
