// Builds image root file systems from compact recipes (directories, symlinks, executables mapped
// to simulated programs, text files); parent directories are created implicitly. Used by the
// distro and family modules of images/.
import type { FsNode } from "../state";
import type { FsSpec } from "./types";

/** Merges recipes (later ones win) into a path → node map. */
export function buildFs(...specs: FsSpec[]): Record<string, FsNode> {
  const out: Record<string, FsNode> = { "/": { t: "d", m: 0o755 } };
  const mkdirs = (p: string) => {
    const parts = p.split("/").filter(Boolean);
    let cur = "";
    for (const part of parts) {
      cur += "/" + part;
      if (!out[cur]) out[cur] = { t: "d", m: cur === "/tmp" || cur === "/var/tmp" ? 0o1777 : 0o755 };
    }
  };
  const parent = (p: string) => mkdirs(p.slice(0, p.lastIndexOf("/")) || "/");
  for (const s of specs) {
    for (const d of s.dirs ?? []) mkdirs(d);
    for (const [p, to] of Object.entries(s.links ?? {})) { parent(p); out[p] = { t: "l", to }; }
    for (const [p, x] of Object.entries(s.progs ?? {})) { parent(p); out[p] = { t: "f", c: "", m: 0o755, x }; }
    for (const [p, f] of Object.entries(s.files ?? {})) {
      parent(p);
      out[p] = typeof f === "string" ? { t: "f", c: f, m: 0o644 } : { t: "f", c: f.c, m: f.m ?? 0o644, x: f.x };
    }
  }
  return out;
}

/** `names` as executables in `dir` running the same-named simulated programs. */
export function progsIn(dir: string, names: string[], prog?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) out[`${dir}/${n}`] = prog ?? n;
  return out;
}

/** `names` in `dir` as symlinks to `target`. */
export function linksIn(dir: string, names: string[], target: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) out[`${dir}/${n}`] = target;
  return out;
}

/** The device nodes and links every container has. */
export const DEV: FsSpec = {
  dirs: ["/dev/pts", "/dev/shm", "/dev/mqueue", "/proc", "/sys"],
  files: {
    "/dev/null": { c: "" }, "/dev/zero": { c: "" }, "/dev/random": { c: "" }, "/dev/urandom": { c: "" },
    "/dev/full": { c: "" }, "/dev/tty": { c: "" },
  },
  links: { "/dev/stdin": "/proc/self/fd/0", "/dev/stdout": "/proc/self/fd/1", "/dev/stderr": "/proc/self/fd/2", "/dev/fd": "/proc/self/fd", "/dev/ptmx": "pts/ptmx" },
};

/** Replaces the placeholder /dev files with character devices. */
export function withDevices(fs: Record<string, FsNode>): Record<string, FsNode> {
  const devs: Record<string, "null" | "zero" | "random" | "full" | "tty"> = {
    "/dev/null": "null", "/dev/zero": "zero", "/dev/random": "random", "/dev/urandom": "random", "/dev/full": "full", "/dev/tty": "tty",
  };
  for (const [p, dev] of Object.entries(devs)) fs[p] = { t: "c", dev };
  return fs;
}
