// Scalars with Go-side parsing on decode: metav1.Time / MicroTime (RFC 3339, normalized to UTC
// like Time.MarshalJSON) and []byte (standard base64). Errors carry Go's wording, because the
// API server passes them through to kubectl. Used by durable/sim/api/decode.ts.

const LAYOUT = ["2006", "-", "01", "-", "02", "T", "15", ":", "04", ":", "05", "Z07:00"];
const RFC3339 = "2006-01-02T15:04:05Z07:00";

/** Parses RFC 3339 text; returns the normalized UTC form or Go's time.Parse error text. */
export function parseGoTime(value: string, micro: boolean): { value: string } | { error: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return { error: timeError(value) };
  const [, y, mo, d, h, mi, s, frac = "", zone] = m;
  const n = [y, mo, d, h, mi, s].map(Number);
  if (n[1] < 1 || n[1] > 12) return { error: `parsing time ${JSON.stringify(value)}: month out of range` };
  const dim = n[1] === 2 ? (n[0] % 4 === 0 && (n[0] % 100 !== 0 || n[0] % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(n[1]) ? 30 : 31;
  if (n[2] < 1 || n[2] > dim) return { error: `parsing time ${JSON.stringify(value)}: day out of range` };
  if (n[3] > 23) return { error: `parsing time ${JSON.stringify(value)}: hour out of range` };
  if (n[4] > 59) return { error: `parsing time ${JSON.stringify(value)}: minute out of range` };
  if (n[5] > 59) return { error: `parsing time ${JSON.stringify(value)}: second out of range` };
  let secs = daysFromCivil(n[0], n[1], n[2]) * 86400 + n[3] * 3600 + n[4] * 60 + n[5];
  if (zone !== "Z") secs -= (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60;
  const iso = isoSeconds(secs);
  return { value: micro ? `${iso}.${(frac.slice(1) + "000000").slice(0, 6)}Z` : `${iso}Z` };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (no Date object: the core avoids it). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** `YYYY-MM-DDTHH:MM:SS` of seconds since the epoch, UTC. */
function isoSeconds(secs: number): string {
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (x: number, w = 2) => String(x).padStart(w, "0");
  return `${p(y, 4)}-${p(m)}-${p(d)}T${p(Math.floor(rem / 3600))}:${p(Math.floor(rem / 60) % 60)}:${p(rem % 60)}`;
}

/** Go's `parsing time "x" as "layout": cannot parse "rest" as "elem"` for the first bad element. */
function timeError(value: string): string {
  let rest = value;
  for (const elem of LAYOUT) {
    const ok = elem === "Z07:00" ? /^(Z|[+-]\d{2}:\d{2})$/.exec(rest)
      : /^\d+$/.test(elem) ? new RegExp(`^\\d{${elem.length}}`).exec(rest)
        : rest.startsWith(elem) ? [elem] : null;
    if (!ok) {
      if (elem === "Z07:00" && /^\.\d+/.test(rest)) { rest = rest.replace(/^\.\d+/, ""); continue; }
      return `parsing time ${JSON.stringify(value)} as ${JSON.stringify(RFC3339)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}`;
    }
    rest = rest.slice(ok[0].length);
  }
  return `parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(rest)}`;
}

/** Validates standard base64 as Go's decoder does; returns Go's error text or undefined. */
export function base64Error(value: string): string | undefined {
  const clean = value.replace(/[\r\n]/g, "");
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (/[A-Za-z0-9+/]/.test(c)) continue;
    if (c === "=" && (i === clean.length - 1 || (i === clean.length - 2 && clean[i + 1] === "=")) && clean.length % 4 === 0) break;
    return `illegal base64 data at input byte ${i}`;
  }
  if (clean.length % 4 !== 0) return `illegal base64 data at input byte ${clean.length - (clean.length % 4)}`;
  return undefined;
}
