// Redirections: `<`, `>`, `>>`, `>|`, `<>`, `>&`, `<&`, `&>`, here-documents. Applied to the
// shell's own descriptors with the previous ones saved, so builtins and compound commands can
// restore them afterwards and external commands inherit them. Used by the interpreter.
import type { Redir } from "./ast";
import type { Expander } from "./expand";
import type { Env } from "./interp";
import type { SavedFds } from "./state";
import { redirError } from "./dialect";
import type { Errno } from "../runtime/constants";

/** Expands every redirection word first (may throw NeedSubst), so applying never half-happens. */
export function expandRedirs(redirs: Redir[], x: Expander): string[] {
  return redirs.map((r) => {
    if (r.op === "<<" || r.op === "<<-") {
      const here = r.here!;
      return here.quoted ? here.body.parts.map((p) => (p.t === "sq" ? p.v : "")).join("") : x.word(here.body);
    }
    return x.word(r.target);
  });
}

/** Applies redirections with pre-expanded words; saves replaced descriptors; returns an error message on failure. */
export function applyRedirs(env: Env, redirs: Redir[], words: string[], saved: SavedFds): string | undefined {
  const { sys, sh } = env;
  const save = (fd: number) => {
    if (String(fd) in saved) return;
    const cur = sys.getFd(fd);
    if (cur) { const copy = { ...cur }; sys.retainFd(copy); saved[fd] = copy; }
    else saved[fd] = null;
  };
  for (let i = 0; i < redirs.length; i++) {
    const r = redirs[i];
    const def = r.op.startsWith("<") ? 0 : 1;
    const fd = r.fd ?? def;
    if (r.op === "<<" || r.op === "<<-") {
      save(fd);
      sys.setFd(fd, sys.stringFd(words[i]));
      continue;
    }
    const target = words[i];
    if (r.op === ">&" || r.op === "<&") {
      if (target === "-") { save(fd); sys.close(fd); continue; }
      if (/^\d+$/.test(target)) {
        if (!sys.getFd(Number(target))) return `${target}: Bad file descriptor`;
        save(fd);
        sys.dup2(Number(target), fd);
        continue;
      }
      if (r.op === "<&") return `${target}: Bad file descriptor`;
    }
    if (r.op === "&>" || (r.op === ">&" && sh.d !== "dash")) {
      save(1);
      save(2);
      const e = sys.openOn(1, target, "w");
      if (e) return redirError(sh.d, target, true, e);
      sys.dup2(1, 2);
      continue;
    }
    const mode = r.op === "<" ? "r" : r.op === ">>" ? "a" : r.op === "<>" ? "rw" : "w";
    if (r.op === ">" && sh.opts.includes("C") && typeof sys.fs.stat(target) !== "string") {
      return redirError(sh.d, target, true, "EEXIST");
    }
    save(fd);
    const e = sys.openOn(fd, target, mode);
    if (e) return redirError(sh.d, target, mode !== "r", e as Errno);
  }
  return undefined;
}

/** Restores descriptors saved by applyRedirs (in reverse of saving). */
export function restoreFds(env: Env, saved: SavedFds): void {
  const { sys } = env;
  for (const [n, v] of Object.entries(saved).reverse()) {
    sys.setFd(Number(n), v ?? undefined);
    if (v) sys.releaseFd(v);
  }
}
