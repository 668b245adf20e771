// Time formatting and parsing as Kubernetes and Go print it. Used by printers, describers,
// events and the clock API. Pure: every function takes the instants it needs.

/** Virtual milliseconds since the Unix epoch. */
export type Millis = number;

/** RFC 3339 with whole seconds and `Z`, as metav1.Time marshals (`2025-01-27T10:00:00Z`). */
export function rfc3339(t: Millis): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** RFC 3339 with microseconds, as metav1.MicroTime marshals (`2025-01-27T10:00:00.123456Z`). */
export function rfc3339Micro(t: Millis): string {
  const iso = new Date(Math.floor(t)).toISOString(); // ...T10:00:00.123Z
  return iso.replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}000Z`);
}

/** RFC 3339 with nanoseconds trimmed of trailing zeros, as Go's time.RFC3339Nano (log timestamps). */
export function rfc3339Nano(t: Millis, nanosExtra = 0): string {
  const base = new Date(Math.floor(t)).toISOString().slice(0, 19);
  const ns = Math.floor(((t % 1000) + 1000) % 1000) * 1_000_000 + nanosExtra;
  if (ns === 0) return `${base}Z`;
  return `${base}.${String(ns).padStart(9, "0").replace(/0+$/, "")}Z`;
}

/** Parses an RFC 3339 timestamp; returns NaN when it is not one. */
export function parseTime(s: string): Millis {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return NaN;
  return Date.parse(s);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number) => String(n).padStart(2, "0");

/** Go's time.RFC1123Z in UTC, as kubectl describe prints times: `Mon, 27 Jan 2025 10:00:01 +0000`. */
export function rfc1123z(t: Millis): string {
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/**
 * apimachinery's duration.HumanDuration: the AGE column, "(5s ago)", event ages.
 * Takes a duration in milliseconds.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const d = Math.trunc(hours / 24);
    return h === 0 ? `${d}d` : `${d}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** apimachinery's duration.ShortHumanDuration (used by a few printers, e.g. `kubectl get events` fallback). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Go's time.Duration.String(): `1.21s`, `890ms`, `1m2.5s`, `5m0s`, `0s`.
 * Takes milliseconds (sub-millisecond precision is kept as given).
 */
export function goDuration(ms: number): string {
  if (ms === 0) return "0s";
  const neg = ms < 0;
  let ns = Math.round(Math.abs(ms) * 1e6);
  let out: string;
  if (ns < 1e9) {
    if (ns < 1e3) out = `${ns}ns`;
    else if (ns < 1e6) out = `${trimFrac(ns / 1e3)}µs`;
    else out = `${trimFrac(ns / 1e6)}ms`;
  } else {
    const h = Math.floor(ns / 3.6e12);
    ns -= h * 3.6e12;
    const m = Math.floor(ns / 6e10);
    ns -= m * 6e10;
    const s = `${trimFrac(ns / 1e9)}s`;
    out = h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s;
  }
  return neg ? `-${out}` : out;
}

function trimFrac(x: number): string {
  const s = x.toFixed(9);
  return s.replace(/\.?0+$/, "");
}

/** Parses a Go-style duration (`30s`, `1m30s`, `1.5h`, `500ms`); returns NaN if invalid. Result in ms. */
export function parseDuration(s: string): number {
  const str = s.trim();
  if (str === "0") return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(str))) {
    const n = Number(m[1]);
    const unit = m[2];
    const factor = unit === "ns" ? 1e-6 : unit === "us" || unit === "µs" ? 1e-3 : unit === "ms" ? 1 :
      unit === "s" ? 1e3 : unit === "m" ? 6e4 : unit === "h" ? 3.6e6 : 8.64e7;
    total += n * factor;
    matched = re.lastIndex;
  }
  if (matched === 0 || matched !== str.length) return NaN;
  return total;
}
