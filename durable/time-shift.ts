// Presents virtual time on the client's clock. kubectl computes some ages itself from its own
// wall clock (describe's event ages, Start Time, "lasts"), so every timestamp leaving the
// sandbox is shifted by (wall now − virtual now) and timestamps coming in are shifted back.
// After `advance 60s` everything simply looks 60 s older, exactly as the virtual clock says.

/** Timestamp-bearing keys of Kubernetes objects and watch/log payloads. */
const KEYS = [
  "creationTimestamp", "deletionTimestamp", "startTime", "lastTransitionTime", "lastProbeTime", "lastHeartbeatTime",
  "startedAt", "finishedAt", "firstTimestamp", "lastTimestamp", "eventTime", "lastObservedTime", "time", "renewTime",
  "acquireTime", "timeAdded", "timestamp", "lastUpdateTime", "lastScheduleTime",
];
const KEY_SET = new Set(KEYS);
const VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const LOG_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z /gm;

function shiftOne(base: string, frac: string | undefined, offsetMs: number): string {
  const t = Date.parse(`${base}Z`) + offsetMs;
  const iso = new Date(t).toISOString().slice(0, 19);
  return `${iso}${frac ?? ""}Z`;
}

/** The presentation offset for a wall instant and a virtual instant, in whole seconds (ms). */
export function presentationOffset(wall: number, virtual: number): number {
  return Math.round((wall - virtual) / 1000) * 1000;
}

/**
 * Shifts the timestamps of a JSON text (objects, lists, Tables, watch events, Status): every
 * `"<key>":"YYYY-MM-DDTHH:MM:SS[.frac]Z"` with a key of KEYS. A hand scan from each `Z"` back to
 * its key: a regex over the whole text costs several times more on 100-row Tables.
 */
export function shiftJsonTimes(text: string, offsetMs: number): string {
  if (!offsetMs) return text;
  const memo = new Map<string, string>();
  let out = "";
  let last = 0;
  for (let i = text.indexOf('Z"'); i !== -1; i = text.indexOf('Z"', i + 2)) {
    const q = text.lastIndexOf('"', i - 1); // opening quote of the value
    if (q < 3 || i - q < 20 || i - q > 40 || text.charCodeAt(q - 1) !== 58 || text.charCodeAt(q - 2) !== 34) continue;
    const k = text.lastIndexOf('"', q - 3);
    if (k < 0 || !KEY_SET.has(text.slice(k + 1, q - 2))) continue;
    const value = text.slice(q + 1, i + 1);
    if (!VALUE.test(value)) continue;
    let shifted = memo.get(value);
    if (shifted === undefined) memo.set(value, (shifted = shiftOne(value.slice(0, 19), value.length > 20 ? value.slice(19, -1) : undefined, offsetMs)));
    out += text.slice(last, q + 1) + shifted;
    last = i + 1;
  }
  return last ? out + text.slice(last) : text;
}

/** Shifts the leading timestamps of log lines (`kubectl logs --timestamps`). */
export function shiftLogTimes(text: string, offsetMs: number): string {
  if (!offsetMs) return text;
  return text.replace(LOG_RE, (_m, base: string, frac: string | undefined) => `${shiftOne(base, frac, offsetMs)} `);
}

/** Shifts one RFC 3339 timestamp (a query parameter such as sinceTime). */
export function shiftTime(value: string, offsetMs: number): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(value);
  if (!m || !offsetMs) return value;
  return shiftOne(m[1], m[2], offsetMs);
}
