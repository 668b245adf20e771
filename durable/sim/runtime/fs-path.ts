// Path arithmetic for the simulated file systems (normalize, join, dirname, basename). Pure string
// functions used by fs.ts, the shell (cd, globbing) and programs.

/** Normalizes an absolute path: collapses `//`, `.` and `..`; never ends in `/` (except "/"). */
export function normalize(path: string): string {
  if (path.length > 1 && path[0] === "/" && !path.endsWith("/") && !/\/\/|\/\.\.?(\/|$)/.test(path)) return path;
  if (path === "/") return path;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** Resolves `p` against the working directory `cwd`. */
export function resolvePath(cwd: string, p: string): string {
  return normalize(p.startsWith("/") ? p : `${cwd}/${p}`);
}

/** The directory part of a normalized path ("/a/b" → "/a", "/a" → "/"). */
export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

/** The last component of a path, ignoring trailing slashes. */
export function basename(p: string): string {
  const s = p.replace(/\/+$/, "");
  if (s === "") return p.startsWith("/") ? "/" : "";
  return s.slice(s.lastIndexOf("/") + 1);
}

/** True when `p` is `dir` or lies under it. */
export function isUnder(p: string, dir: string): boolean {
  return dir === "/" || (p.startsWith(dir) && (p.length === dir.length || p.charCodeAt(dir.length) === 47));
}
