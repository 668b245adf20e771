// Periodic log blocks: the output of a fast-forwarded loop stored as one template per iteration
// (literal text and `date` placeholders rendered on demand) instead of materialized lines, so an
// hour of `echo "$(date) tick"` costs a few hundred bytes. Used by logs.ts and ff-track.ts.
import type { LogBlock, LogLine, TplLine } from "./state";
import { strftime } from "../programs/date";

/** A time read recorded during an iteration (`date` output); a `fmt` starting with NUL (never in a date format) marks a counter whose value is `t`. */
export interface TimeRead {
  fmt: string;
  t: number;
  text: string;
}

/** Lines a log entry stands for. */
export function blockLines(b: LogBlock): number {
  return (b.n - b.skip) * b.tpl.length;
}

/** Bytes a block stands for (approximately: iterations × bytes per iteration). */
export function blockBytes(b: LogBlock): number {
  return (b.n - b.skip) * b.per;
}

/** Renders one template line for iteration `iter`, which starts at `base`. */
function renderLine(l: TplLine, base: number, iter: number): LogLine {
  let text = "";
  for (const s of l[2]) {
    if (typeof s === "string") text += s;
    else if (s[0][0] === "\0") text += s[0].slice(1) + (s[1] + iter);
    else text += strftime(s[0], base + s[1]);
  }
  return [base + l[0], l[1], text];
}

/** The i-th line (0-based, after skipped iterations) of a block. */
export function blockLine(b: LogBlock, i: number): LogLine {
  const per = b.tpl.length;
  const iter = b.skip + Math.floor(i / per);
  return renderLine(b.tpl[i % per], b.t0 + iter * b.p, iter);
}

/** Renders every line of iteration `iter` (0 unless counters matter), which starts at `base`. */
export function renderIteration(tpl: TplLine[], base: number, iter = 0): LogLine[] {
  return tpl.map((l) => renderLine(l, base, iter));
}

/**
 * Builds an iteration template from its output lines and the time reads that produced them.
 * Counter reads need `counterAt0` (the counter's value in iteration 0); without it they fail.
 */
export function buildTemplate(lines: LogLine[], reads: TimeRead[], base: number, counterAt0?: (v: number) => number): TplLine[] | undefined {
  const pending = [...reads];
  const out: TplLine[] = [];
  for (const [t, s, text, nonl] of lines) {
    if (nonl) return undefined;
    const segs: (string | [string, number])[] = [];
    let rest = text;
    while (pending.length) {
      const r = pending[0];
      const at = r.text ? rest.indexOf(r.text) : -1;
      if (at < 0) break;
      if (at > 0) segs.push(rest.slice(0, at));
      if (r.fmt[0] !== "\0") segs.push([r.fmt, r.t - base]);
      else if (counterAt0) segs.push([r.fmt, counterAt0(r.t)]);
      else return undefined;
      rest = rest.slice(at + r.text.length);
      pending.shift();
    }
    if (rest) segs.push(rest);
    out.push([t - base, s, segs]);
  }
  return pending.length ? undefined : out;
}

/** True when two line lists are identical (time, stream, text, newline flag). */
export function sameLines(a: LogLine[], b: LogLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2] || !!x[3] !== !!y[3]) return false;
  }
  return true;
}
