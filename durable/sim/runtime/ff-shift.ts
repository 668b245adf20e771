// Translation of a container's process state through time and pid/pipe numbering: the
// operation that turns one idle point of a periodic loop into the next (or the n-th). It works
// on the JSON text of {procs, pipes, partial}, so verifying a cycle costs one regular-expression
// pass and no parsing. Used by ff-track.ts to verify cycles and to materialize frozen loops.

/** How to move a state forward: pid and pipe renumbering of dynamic ids, and a time shift. */
export interface Shift {
  pids: Map<number, number>;
  pipes: Map<number, number>;
  /** Time values strictly greater than this are shifted by dt. */
  after: number;
  dt: number;
}

const TOKEN = /"(\d+)":\{"(pid":\d+|buf":)|"(pid|ppid|bg|master)":(\d+)|"(pids|jobs|workers|runq)":\[([\d,]*)\]|"(until|start|cpuAt|next|deadline|started)":(\d+)|"k":"pipe","p":(\d+)/g;

/** Applies a shift to the JSON text of a container's {procs, pipes, partial}. */
export function shiftJson(json: string, s: Shift): string {
  const pid = (v: string) => String(s.pids.get(Number(v)) ?? v);
  const pipe = (v: string) => String(s.pipes.get(Number(v)) ?? v);
  return json.replace(TOKEN, (m, key: string, kind: string, pk: string, pv: string, lk: string, lv: string, tk: string, tv: string, fp: string) => {
    if (key !== undefined) return kind === "buf\":" ? `"${pipe(key)}":{"buf":` : `"${pid(key)}":{"pid":${pid(kind.slice(5))}`;
    if (pk !== undefined) return `"${pk}":${pid(pv)}`;
    if (lk !== undefined) return `"${lk}":[${lv ? lv.split(",").map(pid).join(",") : ""}]`;
    if (tk !== undefined) { const t = Number(tv); return `"${tk}":${t > s.after ? t + s.dt : t}`; }
    if (fp !== undefined) return `"k":"pipe","p":${pipe(fp)}`;
    return m;
  });
}

/** Process ids (keys of procs) in a state's JSON. */
export function procIds(json: string): number[] {
  const out: number[] = [];
  for (const m of json.matchAll(/"(\d+)":\{"pid":/g)) out.push(Number(m[1]));
  return out.sort((a, b) => a - b);
}

/** Pipe ids (keys of pipes) in a state's JSON. */
export function pipeIds(json: string): number[] {
  const out: number[] = [];
  for (const m of json.matchAll(/"(\d+)":\{"buf":/g)) out.push(Number(m[1]));
  return out.sort((a, b) => a - b);
}

/** Ids in `b` that are not in `a`. */
export function added(a: number[], b: number[]): number[] {
  const set = new Set(a);
  return b.filter((x) => !set.has(x));
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
