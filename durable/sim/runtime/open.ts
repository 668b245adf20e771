// open(2) for the simulated processes: /dev/std* and /proc/self/fd aliases, character devices,
// and regular files with read, truncate-write, append and read-write modes. Used by sys.ts.
import type { Errno } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, Fd, ProcState } from "./state";
import { Vfs } from "./fs";
import { resolvePath } from "./fs-path";

/** Opens a path for a process; returns the new description (not yet installed). */
export function openPath(k: Kernel, c: ContainerState, p: ProcState, path: string, mode: "r" | "w" | "a" | "rw"): Fd | Errno {
  const abs = resolvePath(p.cwd, path);
  const vfs = new Vfs(k, c, p.pid);
  const real = vfs.resolve(abs);
  const target = typeof real === "string" && real.startsWith("/") ? real : abs;
  const alias = /^\/(?:dev\/(?:fd\/(\d+)|std(in|out|err))|proc\/(?:self|\d+)\/fd\/(\d+))$/.exec(target);
  if (alias) {
    const n = alias[1] ?? alias[3] ?? String(["in", "out", "err"].indexOf(alias[2]));
    const fd = p.fds[n];
    return fd ? { ...fd } : "ENXIO";
  }
  if (typeof real === "string" && !real.startsWith("/")) return real as Errno;
  const node = vfs.node(real);
  if (node?.t === "c") {
    if (node.dev === "null" || node.dev === "full") return { k: "null" };
    if (node.dev === "zero") return { k: "zero" };
    if (node.dev === "random") return { k: "zero", rnd: 1 };
    const tty = Object.values(p.fds).find((f) => f.k === "sess");
    return tty ? { ...tty } : "ENXIO";
  }
  if (node?.t === "d") return mode === "r" ? { k: "file", path: real, w: false, a: false, off: 0 } : "EISDIR";
  if (mode === "r") {
    if (!node) return "ENOENT";
    return { k: "file", path: real, w: false, a: false, off: 0 };
  }
  const e = mode === "w" ? vfs.writeFile(real, "") : vfs.writeFile(real, "", true);
  if (e) return e;
  return { k: "file", path: real, w: true, a: mode === "a", off: 0 };
}
