// go-cmp's comparison pass over Go values: builds the valueNode tree its reporter formats
// (records per struct field / slice edit / map key, leaf counts, depth), with the slice
// edit-script of internal/diff (deterministic forward-first variant). Used by format.ts.
import { cmp as qcmp } from "../../quantity";
import { type GoOpaque, type GoQuantity, type GoVal } from "./convert";
import type { GoType } from "./types";

/** reflect.Value{} (no value on this side: removed/inserted element, missing map key). */
export const INVALID = Symbol("invalid");
/** A side of a comparison. */
export type Side = GoVal | typeof INVALID;

/** One struct field, slice element or map entry. */
export interface Rec { key?: string; node: VNode }

/** go-cmp's valueNode. */
export interface VNode {
  t: GoType;
  x: Side;
  y: Side;
  parentKind?: string;
  numSame: number;
  numDiff: number;
  numCompared: number;
  numChildren: number;
  maxDepth: number;
  records?: Rec[];
  value?: VNode;
}

const node = (t: GoType, x: Side, y: Side, parentKind?: string): VNode =>
  ({ t, x, y, parentKind, numSame: 0, numDiff: 0, numCompared: 0, numChildren: 0, maxDepth: 0 });

function leaf(n: VNode, eq: boolean, compared = false): VNode {
  if (eq) n.numSame++; else n.numDiff++;
  if (compared) n.numCompared++;
  return n;
}

function adopt(parent: VNode, child: VNode): VNode {
  parent.numSame += child.numSame;
  parent.numDiff += child.numDiff;
  parent.numCompared += child.numCompared;
  parent.numChildren += child.numChildren + 1;
  parent.maxDepth = Math.max(parent.maxDepth, child.maxDepth + 1);
  return child;
}

type Edit = "I" | "X" | "Y" | "M";

/** internal/diff.Difference (greedy meet-in-the-middle, forward search first). */
export function difference(nx: number, ny: number, f: (ix: number, iy: number) => { same: number; diff: number }): Edit[] {
  const equal = (ix: number, iy: number) => f(ix, iy).diff === 0;
  const fwd = { dir: 1, X: 0, Y: 0, es: [] as Edit[] };
  const rev = { dir: -1, X: nx, Y: ny, es: [] as Edit[] };
  const push = (p: typeof fwd, t: Edit) => {
    p.es.push(t);
    if (t === "I" || t === "M") { p.X += p.dir; p.Y += p.dir; } else if (t === "X") p.X += p.dir; else p.Y += p.dir;
  };
  const connect = (p: typeof fwd, dx: number, dy: number) => {
    if (p.dir > 0) {
      while (dx > p.X && dy > p.Y) {
        const r = f(p.X, p.Y);
        push(p, r.diff === 0 ? "I" : r.same + 1 >= r.diff ? "M" : dx - p.X >= dy - p.Y ? "X" : "Y");
      }
      while (dx > p.X) push(p, "X");
      while (dy > p.Y) push(p, "Y");
    } else {
      while (p.X > dx && p.Y > dy) {
        const r = f(p.X - 1, p.Y - 1);
        push(p, r.diff === 0 ? "I" : r.same + 1 >= r.diff ? "M" : p.Y - dy >= p.X - dx ? "Y" : "X");
      }
      while (p.X > dx) push(p, "X");
      while (p.Y > dy) push(p, "Y");
    }
  };
  const zigzag = (x: number) => ((x & 1) !== 0 ? ~x : x) >> 1;
  const ff = { X: 0, Y: 0 };
  const rf = { X: nx, Y: ny };
  let budget = 4 * (nx + ny);
  for (;;) {
    if (ff.X >= rf.X || ff.Y >= rf.Y || budget === 0) break;
    for (let s1 = false, s2 = false, i = 0; !(s1 && s2) && budget > 0; i++) {
      const z = zigzag(i);
      const px = ff.X + z;
      const py = ff.Y - z;
      if (px >= rev.X || py < fwd.Y) s1 = true;
      else if (py >= rev.Y || px < fwd.X) s2 = true;
      else if (equal(px, py)) {
        connect(fwd, px, py);
        push(fwd, "I");
        while (fwd.X < rev.X && fwd.Y < rev.Y && equal(fwd.X, fwd.Y)) push(fwd, "I");
        ff.X = fwd.X; ff.Y = fwd.Y;
        s1 = s2 = true;
      } else budget--;
    }
    if (rev.X - ff.X >= rev.Y - ff.Y) ff.X++; else ff.Y++;
    if (ff.X >= rf.X || ff.Y >= rf.Y || budget === 0) break;
    for (let s1 = false, s2 = false, i = 0; !(s1 && s2) && budget > 0; i++) {
      const z = zigzag(i);
      const px = rf.X - z;
      const py = rf.Y + z;
      if (fwd.X >= px || rev.Y < py) s1 = true;
      else if (fwd.Y >= py || rev.X < px) s2 = true;
      else if (equal(px - 1, py - 1)) {
        connect(rev, px, py);
        push(rev, "I");
        while (fwd.X < rev.X && fwd.Y < rev.Y && equal(rev.X - 1, rev.Y - 1)) push(rev, "I");
        rf.X = rev.X; rf.Y = rev.Y;
        s1 = s2 = true;
      } else budget--;
    }
    if (rf.X - fwd.X >= rf.Y - fwd.Y) rf.X--; else rf.Y--;
  }
  connect(fwd, rev.X, rev.Y);
  for (let i = rev.es.length - 1; i >= 0; i--) push(fwd, rev.es[i]);
  return fwd.es;
}

/** compareAny: the node for (x, y) of type t. */
export function compare(t: GoType, x: Side, y: Side, parentKind?: string): VNode {
  const n = node(t, x, y, parentKind);
  if (x === INVALID || y === INVALID) return leaf(n, (x === INVALID) === (y === INVALID));
  switch (t.k) {
    case "string": case "int": case "bool": return leaf(n, x === y);
    case "quantity": {
      const a = x as GoQuantity;
      const b = y as GoQuantity;
      return leaf(n, !a.q || !b.q ? !a.q && !b.q : qcmp(a.q, b.q) === 0, true);
    }
    case "json": return leaf(n, JSON.stringify((x as GoOpaque | null)?.opaque ?? null) === JSON.stringify((y as GoOpaque | null)?.opaque ?? null));
    case "ptr":
      if (x === null || y === null) return leaf(n, x === y);
      n.value = adopt(n, compare(t.elem, x, y, "ptr"));
      return n;
    case "struct": {
      n.records = t.fields.map((f) => ({ key: f.go,
        node: adopt(n, compare(f.t, (x as Record<string, GoVal>)[f.go], (y as Record<string, GoVal>)[f.go], "struct")) }));
      return n;
    }
    case "map": {
      if (x === null || y === null) return leaf(n, x === y);
      const mx = x as Map<string, GoVal>;
      const my = y as Map<string, GoVal>;
      const keys = [...new Set([...mx.keys(), ...my.keys()])].sort();
      n.records = keys.map((k) => ({ key: k,
        node: adopt(n, compare(t.elem, mx.has(k) ? mx.get(k)! : INVALID, my.has(k) ? my.get(k)! : INVALID, "map")) }));
      return n;
    }
    case "slice": {
      if (x === null || y === null) return leaf(n, x === y);
      const sx = x as GoVal[];
      const sy = y as GoVal[];
      const stats = (ix: number, iy: number) => { const c = compare(t.elem, sx[ix], sy[iy], "slice"); return { same: c.numSame, diff: c.numDiff }; };
      const edits = difference(sx.length, sy.length, stats);
      n.records = [];
      let ix = 0;
      let iy = 0;
      for (const e of edits) {
        const a = e === "Y" ? INVALID : sx[ix++];
        const b = e === "X" ? INVALID : sy[iy++];
        n.records.push({ node: adopt(n, compare(t.elem, a, b, "slice")) });
      }
      return n;
    }
  }
}
