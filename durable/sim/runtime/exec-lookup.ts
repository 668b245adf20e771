// What execve would run for a path: the simulated program of an executable file (busybox
// multi-call dispatch by applet name, `#!` interpreters) or the errno it fails with; and the
// PATH search shells and `exec` use. Used by sys.ts and containers.ts.
import type { Errno } from "./constants";
import type { Vfs } from "./fs";
import { basename, resolvePath } from "./fs-path";

/** A resolved executable. */
export interface ExecTarget {
  prog: string;
  comm: string;
  argv: string[];
  bb: boolean;
  /** Script file for `#!` interpreters (informational). */
  script?: string;
}

/** Busybox applets implemented by a differently named program. */
const APPLET_ALIAS: Record<string, string> = { sh: "ash", ash: "ash", bash: "ash", "[": "test", "[[": "test" };

/** Resolves the program execve(path, argv) would run. */
export function resolveExec(vfs: Vfs, path: string, argv: string[], cwd: string, depth = 0): ExecTarget | Errno {
  const abs = resolvePath(cwd, path);
  const r = vfs.lookup(abs);
  if (typeof r === "string") return r;
  const n = r.node;
  if (!n) return "ENOENT";
  if (n.t !== "f") return "EACCES";
  const comm = basename(abs).slice(0, 15);
  if (n.x === "busybox") {
    let applet = basename(abs);
    let args = argv;
    if (applet === "busybox" && argv.length > 1) { applet = basename(argv[1]); args = argv.slice(1); }
    return { prog: APPLET_ALIAS[applet] ?? applet, comm, argv: args, bb: true };
  }
  if (n.x) return { prog: n.x, comm, argv, bb: false };
  if (n.c.startsWith("#!") && depth === 0) {
    const first = n.c.slice(2).split("\n")[0].trim();
    const [interp, ...rest] = first.split(/[ \t]+/);
    const arg = rest.join(" ");
    const t = resolveExec(vfs, interp, [interp, ...(arg ? [arg] : []), path, ...argv.slice(1)], cwd, depth + 1);
    if (typeof t === "string") return t === "ENOENT" ? "ENOENT" : t;
    return { ...t, comm, script: abs };
  }
  return ((n.m ?? 0o644) & 0o111) ? "ENOEXEC" : "EACCES";
}

/** PATH search as execvp does it: the first executable match, EACCES if only unexecutable ones. */
export function searchPath(vfs: Vfs, name: string, pathVar: string, cwd: string): { path: string } | { errno: "ENOENT" | "EACCES" } {
  if (name.includes("/")) {
    const st = vfs.stat(resolvePath(cwd, name));
    if (typeof st === "string") return { errno: "ENOENT" };
    if (st.type === "d" || !(st.x || st.mode & 0o111)) return { errno: "EACCES" };
    return { path: name };
  }
  let denied = false;
  for (const dir of pathVar.split(":")) {
    const cand = `${dir || "."}/${name}`;
    const st = vfs.stat(resolvePath(cwd, cand));
    if (typeof st === "string" || st.type === "d") continue;
    if (st.x || st.mode & 0o111) return { path: cand.replace(/^\.\//, "./") };
    denied = true;
  }
  return { errno: denied ? "EACCES" : "ENOENT" };
}
