// Container logs as the CRI writes them: one entry per line with the virtual time it completed
// and its stream, bounded in memory like kubelet log rotation, readable with tail/since/
// timestamps/limitBytes and by cursor for `kubectl logs -f`. Used by io.ts and runtime.ts.
import { LIMITS } from "./constants";
import type { ContainerState, LogState } from "./state";
import { rfc3339Nano } from "../core/time";
import { utf8Length } from "./utf8";

/** An empty log. */
export function newLog(): LogState {
  return { lines: [], bytes: 0, dropped: 0, partial: ["", ""], partialAt: [0, 0] };
}

/** Appends output of a stream; complete lines become entries stamped `now`. */
export function appendLog(log: LogState, stream: 1 | 2, text: string, now: number): number {
  const i = stream - 1;
  let buf = log.partial[i] + text;
  let added = 0;
  let nl = buf.indexOf("\n");
  while (nl >= 0) {
    pushLine(log, [now, stream, buf.slice(0, nl)]);
    added++;
    buf = buf.slice(nl + 1);
    nl = buf.indexOf("\n");
  }
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

function pushLine(log: LogState, line: [number, 1 | 2, string, 1?]): void {
  if (line[3] === undefined) line.length = 3;
  log.lines.push(line as LogState["lines"][number]);
  log.bytes += line[2].length + 1;
  if (log.bytes > LIMITS.logBytes) {
    let drop = 0;
    while (log.bytes > LIMITS.logBytes * 0.75 && drop < log.lines.length) {
      log.bytes -= log.lines[drop][2].length + 1;
      drop++;
    }
    log.lines.splice(0, drop);
    log.dropped += drop;
  }
}

/** Pseudo nanoseconds for a line (deterministic; CRI stamps have ns precision). */
function nanos(abs: number): number {
  return ((abs * 104729 + 7919) % 999983) % 1000000;
}

function render(log: LogState, idx: number, timestamps: boolean): string {
  const [t, , text, nonl] = log.lines[idx];
  const prefix = timestamps ? rfc3339Nano(t, nanos(log.dropped + idx)) + " " : "";
  return prefix + text + (nonl ? "" : "\n");
}

/** The log text as `kubectl logs` prints it. */
export function readLog(c: ContainerState, opts: { tailLines?: number; sinceTime?: number; timestamps?: boolean; limitBytes?: number }): string {
  const log = c.log;
  let start = 0;
  if (opts.sinceTime !== undefined) {
    start = log.lines.findIndex((l) => l[0] >= opts.sinceTime!);
    if (start < 0) start = log.lines.length;
  }
  if (opts.tailLines !== undefined && opts.tailLines >= 0) start = Math.max(start, log.lines.length - opts.tailLines);
  const out: string[] = [];
  let bytes = 0;
  for (let i = start; i < log.lines.length; i++) {
    const s = render(log, i, !!opts.timestamps);
    if (opts.limitBytes !== undefined && bytes + utf8Length(s) > opts.limitBytes) {
      out.push(truncateBytes(s, opts.limitBytes - bytes));
      break;
    }
    bytes += utf8Length(s);
    out.push(s);
  }
  return out.join("");
}

/** Position after the last complete line. */
export function logCursor(c: ContainerState): number {
  return c.log.dropped + c.log.lines.length;
}

/** Lines written after a cursor, the new cursor, and whether the log can grow no more. */
export function logsAfter(c: ContainerState, cursor: number, timestamps: boolean): { text: string; cursor: number; ended: boolean } {
  const log = c.log;
  const from = Math.max(0, cursor - log.dropped);
  let text = "";
  for (let i = from; i < log.lines.length; i++) text += render(log, i, timestamps);
  return { text, cursor: log.dropped + log.lines.length, ended: c.status === "exited" };
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
