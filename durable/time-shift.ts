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
const RE = new RegExp(`"(${KEYS.join("|")})":"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?Z"`, "g");
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

/** Shifts the timestamps of a JSON text (objects, lists, Tables, watch events, Status). */
export function shiftJsonTimes(text: string, offsetMs: number): string {
  if (!offsetMs) return text;
  return text.replace(RE, (_m, key: string, base: string, frac: string | undefined) => `"${key}":"${shiftOne(base, frac, offsetMs)}"`);
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
