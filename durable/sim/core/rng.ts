// The simulation's only source of randomness: a seeded sfc32 generator whose whole state is
// four integers, persisted with the cluster so a restored sandbox continues the same sequence.

/** Serializable generator state. */
export interface RngState { a: number; b: number; c: number; d: number }

/** Creates the state for a seed (any 32-bit integer or string). */
export function seedRng(seed: number | string): RngState {
  let h = 1779033703 ^ 0;
  const str = String(seed);
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  const st: RngState = { a: next(), b: next(), c: next(), d: next() };
  const r = new Rng(st);
  for (let i = 0; i < 15; i++) r.uint32();
  return st;
}

/** A view over an RngState that advances it in place. */
export class Rng {
  constructor(readonly state: RngState) {}

  /** Next unsigned 32-bit integer. */
  uint32(): number {
    const s = this.state;
    let { a, b, c, d } = s;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    s.a = a; s.b = b; s.c = c; s.d = d;
    return t;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** `n` random lowercase hex digits. */
  hex(n: number): string {
    let out = "";
    while (out.length < n) out += this.uint32().toString(16).padStart(8, "0");
    return out.slice(0, n);
  }

  /** A random (version 4) UUID. */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = "89ab"[parseInt(h[16], 16) & 3];
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** `n` characters from apimachinery's rand.String alphabet (generateName, kube-api-access-xxxxx). */
  suffix(n = 5): string {
    const alphabet = "bcdfghjklmnpqrstvwxz2456789";
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** Picks one element. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}
