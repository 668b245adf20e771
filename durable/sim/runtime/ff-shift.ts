// Translation of a container's process state through time and pid/pipe numbering: the
// operation that turns one idle point of a periodic loop into the next (or the n-th). Used by
// ff-track.ts to verify a cycle and by materialize() to catch a frozen loop up.

/** How to move a state forward: pid and pipe renumbering of dynamic ids, and a time shift. */
export interface Shift {
  pids: Map<number, number>;
  pipes: Map<number, number>;
  /** Time values strictly greater than this are shifted by dt. */
  after: number;
  dt: number;
}

const PID_KEYS = new Set(["pid", "ppid", "bg", "master"]);
const PID_LISTS = new Set(["pids", "jobs", "workers", "runq"]);
const TIME_KEYS = new Set(["until", "start", "cpuAt", "next", "deadline", "started"]);

function mapNum(m: Map<number, number>, v: number): number {
  return m.get(v) ?? v;
}

/** Applies a shift to a parsed state ({procs, pipes, ...}); returns a new object. */
export function shiftState(v: unknown, s: Shift, key = ""): unknown {
  if (Array.isArray(v)) return PID_LISTS.has(key) ? v.map((x) => (typeof x === "number" ? mapNum(s.pids, x) : shiftState(x, s))) : v.map((x) => shiftState(x, s));
  if (v === null || typeof v !== "object") {
    if (typeof v !== "number") return v;
    if (PID_KEYS.has(key)) return mapNum(s.pids, v);
    if (TIME_KEYS.has(key) && v > s.after) return v + s.dt;
    return v;
  }
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const isPipeFd = o.k === "pipe" && typeof o.p === "number";
  for (const [k, x] of Object.entries(o)) {
    if (isPipeFd && k === "p") { out[k] = mapNum(s.pipes, x as number); continue; }
    if (key === "procs" && /^\d+$/.test(k)) { out[String(mapNum(s.pids, Number(k)))] = shiftState(x, s); continue; }
    if (key === "pipes" && /^\d+$/.test(k)) { out[String(mapNum(s.pipes, Number(k)))] = shiftState(x, s); continue; }
    out[k] = shiftState(x, s, k);
  }
  return out;
}

/** Ids present in `b` but not in `a`, sorted. */
export function newIds(a: Record<string, unknown>, b: Record<string, unknown>): number[] {
  return Object.keys(b).filter((k) => !(k in a)).map(Number).sort((x, y) => x - y);
}

/** A renumbering of `ids` by `delta` (or undefined when they do not line up with `next`). */
export function renumber(ids: number[], next: number[], delta: number): Map<number, number> | undefined {
  if (ids.length !== next.length) return undefined;
  const m = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    if (next[i] !== ids[i] + delta) return undefined;
    m.set(ids[i], next[i]);
  }
  return m;
}

/** Multiplies a renumbering: every id moves by `k` times its step. */
export function scaleMap(ids: number[], delta: number, k: number): Map<number, number> {
  const m = new Map<number, number>();
  for (const id of ids) m.set(id, id + delta * k);
  return m;
}
