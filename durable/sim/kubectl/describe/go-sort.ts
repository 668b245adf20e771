// Go's sort.Sort (pattern-defeating quicksort as in go1.23, which kubectl v1.32 is built with:
// xorshift 13/17/5, three swaps around the middle) ported step for step, so unstable
// orderings (events with equal timestamps in `kubectl describe`) come out as kubectl's do.

type Less = (i: number, j: number) => boolean;

const bitsLen = (n: number) => (n === 0 ? 0 : Math.floor(Math.log2(n)) + 1);

class Data<T> {
  constructor(readonly a: T[], readonly lessFn: (x: T, y: T) => boolean) {}
  less: Less = (i, j) => this.lessFn(this.a[i], this.a[j]);
  swap(i: number, j: number): void {
    [this.a[i], this.a[j]] = [this.a[j], this.a[i]];
  }
}

function insertionSort<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
}

function siftDown<T>(d: Data<T>, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort<T>(d: Data<T>, a: number, b: number): void {
  const first = a, hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i);
    siftDown(d, 0, i, first);
  }
}

function order2<T>(d: Data<T>, a: number, b: number, s: { n: number }): [number, number] {
  if (d.less(b, a)) {
    s.n++;
    return [b, a];
  }
  return [a, b];
}

function median<T>(d: Data<T>, a: number, b: number, c: number, s: { n: number }): number {
  [a, b] = order2(d, a, b, s);
  [b, c] = order2(d, b, c, s);
  [a, b] = order2(d, a, b, s);
  return b;
}

function choosePivot<T>(d: Data<T>, a: number, b: number): [number, "inc" | "dec" | "unknown"] {
  const l = b - a;
  const s = { n: 0 };
  let i = a + Math.trunc(l / 4), j = a + Math.trunc(l / 4) * 2, k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = median(d, i - 1, i, i + 1, s);
      j = median(d, j - 1, j, j + 1, s);
      k = median(d, k - 1, k, k + 1, s);
    }
    j = median(d, i, j, k, s);
  }
  return [j, s.n === 0 ? "inc" : s.n === 12 ? "dec" : "unknown"];
}

function reverseRange<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}

function partialInsertionSort<T>(d: Data<T>, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) for (let j = i - 1; j >= 1; j--) { if (!d.less(j, j - 1)) break; d.swap(j, j - 1); }
    if (b - i >= 2) for (let j = i + 1; j < b; j++) { if (!d.less(j, j - 1)) break; d.swap(j, j - 1); }
  }
  return false;
}

function breakPatterns<T>(d: Data<T>, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let r = BigInt(length);
  const mask = (1n << 64n) - 1n;
  const next = () => {
    r ^= (r << 13n) & mask;
    r ^= r >> 17n;
    r ^= (r << 5n) & mask;
    return r;
  };
  const modulus = BigInt(2 ** bitsLen(length));
  const first = a + Math.trunc(length / 4) * 2 - 1;
  for (let idx = first; idx <= first + 2; idx++) {
    let other = Number(next() & (modulus - 1n));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

function partitionEqual<T>(d: Data<T>, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1, j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partition<T>(d: Data<T>, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1, j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function sortRange<T>(d: Data<T>, a: number, b: number, limit: number): void {
  let wasBalanced = true, wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) return insertionSort(d, a, b);
    if (limit === 0) return heapSort(d, a, b);
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === "dec") {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = "inc";
    }
    if (wasBalanced && wasPartitioned && hint === "inc" && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, already] = partition(d, a, b, pivot);
    wasPartitioned = already;
    const leftLen = mid - a, rightLen = b - mid;
    const threshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= threshold;
      sortRange(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= threshold;
      sortRange(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** sort.Sort over a copy of `items`. */
export function pdqsort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const d = new Data([...items], less);
  if (d.a.length > 1) sortRange(d, 0, d.a.length, bitsLen(d.a.length));
  return d.a;
}
