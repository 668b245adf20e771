// The in-memory companion of RuntimeState: the host, caches rebuilt after restore (parsed scripts,
// image file systems) and the set of containers that need to run. Every runtime module receives
// the Kernel; only runtime.ts creates one.
import type { RuntimeHost } from "./contract";
import type { ContainerState, ProcState, RuntimeState } from "./state";
import type { Script } from "../shell/ast";
import { parseScript } from "../shell/parser";
import type { Tracker } from "./ff-track";
import type { TimeRead } from "./log-blocks";

/** Runtime state plus non-persisted helpers. */
export class Kernel {
  /** Containers with runnable processes, drained by scheduler.flush(). */
  readonly dirty = new Set<string>();
  private scriptCache = new Map<string, Script>();
  /** Re-entrancy guard of scheduler.flush(). */
  flushing = false;
  /** Steps left in the current container run (sys.spend draws from it). */
  budget = 0;
  /** Work counters for benchmarks and tests (not persisted). */
  readonly stats = { wakes: 0, steps: 0, frozen: 0, materialized: 0, crashes: 0 };
  /** Rethrow program errors instead of turning them into SIGSEGV (tests). */
  strict = false;
  /** The last program error contained (for diagnostics; not persisted). */
  lastCrash: { prog: string; argv: string[]; message: string } | undefined;
  /** Whether periodic loops may be fast-forwarded. */
  fastForward = true;
  /** Fast-forward observation per container (ff-track.ts). */
  readonly ff = new Map<string, Tracker>();
  /** Clock and counter reads of the request being recorded (probes.ts), when recording. */
  rec: TimeRead[] | undefined;
  /** Resolved paths per container by mode and path (fs.ts); dropped when its file system changes. */
  readonly paths = new Map<string, Map<string, string>>();

  constructor(readonly s: RuntimeState, readonly host: RuntimeHost) {}

  /** Virtual time now. */
  now(): number {
    return this.host.now();
  }

  /** The container with this id, if it still exists. */
  container(id: string): ContainerState | undefined {
    return this.s.containers[id];
  }

  /** A process of a container. */
  proc(c: ContainerState, pid: number): ProcState | undefined {
    return c.procs[pid];
  }

  /** Interns a script source and returns its key (shared by every process running it). */
  internScript(src: string, bash: boolean): string {
    const base = `${bash ? "b" : "p"}${hashString(src)}:${src.length}`;
    let key = base;
    for (let i = 1; key in this.s.scripts && this.s.scripts[key] !== src; i++) key = `${base}.${i}`;
    this.s.scripts[key] = src;
    return key;
  }

  /** The parsed script for a key (parsed once, cached outside the persisted state). */
  script(key: string): Script {
    let sc = this.scriptCache.get(key);
    if (!sc) {
      const src = this.s.scripts[key] ?? "";
      sc = parseScript(src, { bash: key.startsWith("b") });
      this.scriptCache.set(key, sc);
    }
    return sc;
  }

  /** Marks a container as having work to do. */
  wake(c: ContainerState): void {
    this.dirty.add(c.id);
  }

  /** `n` bytes from the cluster's generator as a binary string (/dev/urandom). */
  randomBytes(n: number): string {
    const codes: number[] = [];
    for (let i = 0; i < n; i += 4) {
      const v = this.host.rng.uint32();
      codes.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24);
    }
    let s = "";
    for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...codes.slice(i, Math.min(n, i + 8192)));
    return s;
  }

  /** A fresh id from the state's sequence. */
  nextSeq(): number {
    return ++this.s.seq;
  }
}

/** A 32-bit FNV-1a hash as 8 hex digits (script keys, pseudo digests). */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
