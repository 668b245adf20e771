// A container's file system: the image layer (read-only, shared, from images/), a copy-on-write
// upper layer in ContainerState.upper, volume mounts (emptyDir shared by the pod, projected files)
// and the generated /proc. Programs and the shell reach it through sys.fs.
import type { Errno } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, FsNode, MountState, VolumeState } from "./state";
import { basename, dirname, isUnder, normalize } from "./fs-path";
import { lowerLayer } from "./images/catalog";
import { procChildren, procNode } from "./fs-proc";
import { utf8Length } from "./utf8";
import { ffTaint } from "./ff-track";

/** What stat returns. */
export interface Stat {
  type: "f" | "d" | "l" | "c";
  size: number;
  mode: number;
  mtime: number;
  x?: string;
}

interface Where {
  mount?: MountState;
  vol?: VolumeState;
  key: string;
}

/** What reading /dev/zero or /dev/urandom by name yields (a finite stand-in for an endless device). */
const DEVICE_CHUNK = 65536;

/** Memoized path resolutions kept before the cache starts over. */
const PATH_CACHE_MAX = 20_000;

/** The file-system view of one container (optionally as seen by one process, for /proc/self). */
export class Vfs {
  private lower: Record<string, FsNode> | undefined;
  private sawProc = false;

  constructor(readonly k: Kernel, readonly c: ContainerState, readonly pid = 0) {}

  private where(p: string): Where {
    let best: MountState | undefined;
    for (const m of this.c.mounts) {
      if (isUnder(p, m.path) && (!best || m.path.length > best.path.length)) best = m;
    }
    if (!best) return { key: p };
    const vol = this.k.s.volumes[best.vol];
    if (!best.vol.startsWith("sb:") && !best.vol.startsWith("files:")) ffTaint(this.k, this.c.id);
    const rest = p === best.path ? "" : p.slice(best.path === "/" ? 1 : best.path.length + 1);
    const rel = best.sub ? (rest ? `${best.sub}/${rest}` : best.sub) : rest;
    return { mount: best, vol, key: rel };
  }

  /** The node stored at a normalized path, without following a final symlink. */
  node(p: string): FsNode | undefined {
    if (p === "/proc" || p.startsWith("/proc/")) { this.sawProc = true; return procNode(this.k, this.c, p, this.pid); }
    const w = this.where(p);
    if (w.vol) {
      const n = w.vol.files[w.key];
      if (n === undefined && w.key === "") return { t: "d" };
      return n ?? undefined;
    }
    const up = this.c.upper[p];
    if (up === null) return undefined;
    if (up) return up;
    return (this.lower ??= lowerLayer(this.c.family, this.c.tag).files)[p];
  }

  /** Resolves symlinks along a path; returns the real path or an errno (memoized outside /proc). */
  resolve(path: string, followLast = true): string | Errno {
    let cache = this.k.paths.get(this.c.id);
    if (!cache) this.k.paths.set(this.c.id, (cache = new Map()));
    const key = followLast ? path : `|${path}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    this.sawProc = false;
    const r = this.walkPath(path, followLast);
    if (!this.sawProc) {
      if (cache.size >= PATH_CACHE_MAX) cache.clear();
      cache.set(key, r);
    }
    return r;
  }

  private walkPath(path: string, followLast: boolean): string | Errno {
    let parts = normalize(path).split("/").filter(Boolean);
    let cur = "";
    for (let hops = 0, i = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      const n = this.node(next);
      const last = i === parts.length - 1;
      if (n && n.t === "l" && (!last || followLast)) {
        if (++hops > 40) return "EINVAL";
        const target = n.to.startsWith("/") ? n.to : `${cur}/${n.to}`;
        parts = [...normalize(target).split("/").filter(Boolean), ...parts.slice(i + 1)];
        cur = "";
        i = -1;
        continue;
      }
      if (!last) {
        if (!n) return "ENOENT";
        if (n.t !== "d") return "ENOTDIR";
      }
      cur = next;
    }
    return cur || "/";
  }

  /** Looks a path up, following symlinks. */
  lookup(path: string, followLast = true): { real: string; node?: FsNode } | Errno {
    const real = this.resolve(path, followLast);
    if (real.startsWith("E") && !real.startsWith("/")) return real as Errno;
    return { real, node: real === "/" ? { t: "d" } : this.node(real) };
  }

  /** stat(2) / lstat(2). */
  stat(path: string, follow = true): Stat | Errno {
    const r = this.lookup(path, follow);
    if (typeof r === "string") return r;
    if (!r.node) return "ENOENT";
    return statOf(r.node);
  }

  /** Reads a whole regular file. */
  readFile(path: string): { c: string } | Errno {
    const r = this.lookup(path);
    if (typeof r === "string") return r;
    if (!r.node) return "ENOENT";
    if (r.node.t === "d") return "EISDIR";
    if (r.node.t === "c") return { c: r.node.dev === "zero" ? "\0".repeat(DEVICE_CHUNK) : r.node.dev === "random" ? this.k.randomBytes(DEVICE_CHUNK) : "" };
    return r.node.t === "f" ? { c: r.node.c } : "ENOENT";
  }

  /** Writes (or appends to) a regular file, creating it. */
  writeFile(path: string, data: string, append = false): Errno | undefined {
    const r = this.lookup(path);
    if (typeof r === "string") return r;
    if (r.node?.t === "d") return "EISDIR";
    if (r.node?.t === "c") return undefined;
    const parent = this.node(dirname(r.real));
    if (!parent) return "ENOENT";
    if (parent.t !== "d") return "ENOTDIR";
    const old = r.node?.t === "f" ? r.node : undefined;
    const c = append && old ? old.c + data : data;
    return this.put(r.real, { t: "f", c, m: old?.m ?? 0o644, x: old?.x, mt: this.k.now() });
  }

  /** Stores a node at a real path, honouring read-only mounts. */
  put(real: string, n: FsNode | null): Errno | undefined {
    if (real.startsWith("/proc")) return "EACCES";
    ffTaint(this.k, this.c.id);
    const w = this.where(real);
    if (w.vol) this.k.paths.clear();
    else this.k.paths.delete(this.c.id);
    if (w.mount?.ro) return "EROFS";
    if (w.vol) {
      if (n === null) delete w.vol.files[w.key];
      else w.vol.files[w.key] = n;
    } else if (n === null && !lowerLayer(this.c.family, this.c.tag).files[real]) delete this.c.upper[real];
    else this.c.upper[real] = n;
    return undefined;
  }

  /** mkdir(2), or mkdir -p with `parents`. */
  mkdir(path: string, parents = false): Errno | undefined {
    const p = normalize(path);
    if (parents) {
      let cur = "";
      for (const part of p.split("/").filter(Boolean)) {
        cur += "/" + part;
        const r = this.lookup(cur);
        if (typeof r === "string") return r;
        if (r.node) { if (r.node.t !== "d") return "ENOTDIR"; continue; }
        const e = this.put(r.real, { t: "d", m: 0o755, mt: this.k.now() });
        if (e) return e;
      }
      return undefined;
    }
    const r = this.lookup(p, false);
    if (typeof r === "string") return r;
    if (r.node) return "EEXIST";
    const parent = this.node(dirname(r.real));
    if (!parent) return "ENOENT";
    if (parent.t !== "d") return "ENOTDIR";
    return this.put(r.real, { t: "d", m: 0o755, mt: this.k.now() });
  }

  /** Names in a directory, sorted. */
  readdir(path: string): string[] | Errno {
    const r = this.lookup(path);
    if (typeof r === "string") return r;
    if (!r.node) return "ENOENT";
    if (r.node.t !== "d") return "ENOTDIR";
    const dir = r.real;
    if (dir === "/proc" || dir.startsWith("/proc/")) return procChildren(this.k, this.c, dir, this.pid);
    const names = new Set<string>();
    const w = this.where(dir);
    if (w.vol) {
      const prefix = w.key === "" ? "" : w.key + "/";
      for (const key of Object.keys(w.vol.files)) {
        if (key.startsWith(prefix) && key !== w.key) {
          const rest = key.slice(prefix.length);
          if (rest && !rest.includes("/")) names.add(rest);
        }
      }
    } else {
      for (const n of lowerLayer(this.c.family, this.c.tag).children.get(dir) ?? []) names.add(n);
      const prefix = dir === "/" ? "/" : dir + "/";
      for (const [key, v] of Object.entries(this.c.upper)) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        if (!rest || rest.includes("/")) continue;
        if (v === null) names.delete(rest);
        else names.add(rest);
      }
    }
    for (const m of this.c.mounts) if (m.path !== dir && dirname(m.path) === dir) names.add(basename(m.path));
    if (dir === "/") names.add("proc");
    return [...names].sort();
  }

  /** unlink(2) (files, symlinks). */
  unlink(path: string): Errno | undefined {
    const r = this.lookup(path, false);
    if (typeof r === "string") return r;
    if (!r.node) return "ENOENT";
    if (r.node.t === "d") return "EISDIR";
    return this.put(r.real, null);
  }

  /** rmdir(2). */
  rmdir(path: string): Errno | undefined {
    const r = this.lookup(path, false);
    if (typeof r === "string") return r;
    if (!r.node) return "ENOENT";
    if (r.node.t !== "d") return "ENOTDIR";
    const kids = this.readdir(r.real);
    if (typeof kids !== "string" && kids.length) return "ENOTEMPTY";
    if (this.c.mounts.some((m) => m.path === r.real)) return "EACCES";
    return this.put(r.real, null);
  }

  /** Renames a file or directory tree. */
  rename(from: string, to: string): Errno | undefined {
    const a = this.lookup(from, false);
    if (typeof a === "string") return a;
    if (!a.node) return "ENOENT";
    const b = this.lookup(to, false);
    if (typeof b === "string") return b;
    const dest = b.node?.t === "d" ? `${b.real}/${basename(a.real)}` : b.real;
    if (!this.node(dirname(dest))) return "ENOENT";
    const moves: [string, FsNode][] = [[dest, a.node]];
    if (a.node.t === "d") this.walk(a.real, (p, n) => moves.push([dest + p.slice(a.real.length), n]));
    for (const [p, n] of moves) { const e = this.put(p, n); if (e) return e; }
    const removes = [a.real];
    if (a.node.t === "d") this.walk(a.real, (p) => removes.push(p));
    for (const p of removes.reverse()) this.put(p, null);
    return undefined;
  }

  /** Creates a symbolic link at `path` pointing to `target`. */
  symlink(target: string, path: string): Errno | undefined {
    const r = this.lookup(path, false);
    if (typeof r === "string") return r;
    if (r.node) return "EEXIST";
    return this.put(r.real, { t: "l", to: target });
  }

  /** Changes a node's mode bits. */
  chmod(path: string, mode: number): Errno | undefined {
    const r = this.lookup(path);
    if (typeof r === "string") return r;
    if (!r.node) return "ENOENT";
    if (r.node.t === "l" || r.node.t === "c") return undefined;
    return this.put(r.real, { ...r.node, m: mode });
  }

  /** The container's mounts as `mount`/`df` list them (volume kind, path, read-only). */
  mountList(): { path: string; kind: "files" | "disk" | "tmpfs"; ro: boolean }[] {
    return this.c.mounts.map((m) => ({ path: m.path, ro: m.ro, kind: m.vol.startsWith("sb:") ? "files" : m.path.includes("/secrets/kubernetes.io/") || m.vol.includes("memory") ? "tmpfs" : "disk" }));
  }

  /** Visits every node below a directory (depth first, sorted). */
  walk(dir: string, fn: (path: string, n: FsNode) => void): void {
    const kids = this.readdir(dir);
    if (typeof kids === "string") return;
    for (const name of kids) {
      const p = dir === "/" ? `/${name}` : `${dir}/${name}`;
      const n = this.node(p);
      if (!n) continue;
      fn(p, n);
      if (n.t === "d") this.walk(p, fn);
    }
  }
}

/** stat fields of a node. */
export function statOf(n: FsNode): Stat {
  switch (n.t) {
    case "f": return { type: "f", size: utf8Length(n.c), mode: n.m ?? 0o644, mtime: n.mt ?? 0, x: n.x };
    case "d": return { type: "d", size: 4096, mode: n.m ?? 0o755, mtime: n.mt ?? 0 };
    case "l": return { type: "l", size: n.to.length, mode: 0o777, mtime: 0 };
    case "c": return { type: "c", size: 0, mode: 0o666, mtime: 0 };
  }
}
