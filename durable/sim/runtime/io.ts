// File descriptors and the data paths behind them: pipes (with reference-counted ends, capacity
// and EOF), regular files, /dev/null, the container log streams (copied to attached clients) and
// exec-session endpoints. Used by sys.ts (system calls), procs.ts (fork/exit), exec-sessions.ts
// and attach.ts.
import { LIMITS, type Errno } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, Fd, ProcState, SessionState } from "./state";
import { appendLog } from "./logs";
import { makeRunnable } from "./procs";
import { Vfs } from "./fs";
import { utf8Length } from "./utf8";

/** Creates a pipe in a container; returns its id. */
export function newPipe(c: ContainerState): number {
  const id = c.nextPipe++;
  c.pipes[id] = { buf: "", r: 0, w: 0 };
  return id;
}

/** Counts a new reference to a descriptor (pipe ends are reference-counted). */
export function retainFd(c: ContainerState, fd: Fd): void {
  if (fd.k !== "pipe") return;
  const p = c.pipes[fd.p];
  if (!p) return;
  if (fd.w) p.w++;
  else p.r++;
}

/** Drops a reference; the last writer gives readers EOF, the last reader gives writers EPIPE. */
export function releaseFd(k: Kernel, c: ContainerState, fd: Fd): void {
  if (fd.k !== "pipe") return;
  const p = c.pipes[fd.p];
  if (!p) return;
  if (fd.w) {
    if (--p.w === 0) wakePipe(k, c, fd.p, "read");
  } else if (--p.r === 0) {
    p.buf = "";
    wakePipe(k, c, fd.p, "write");
  }
  if (p.r <= 0 && p.w <= 0) delete c.pipes[fd.p];
}

function wakePipe(k: Kernel, c: ContainerState, pipe: number, side: "read" | "write"): void {
  for (const pid in c.procs) {
    const pr = c.procs[pid];
    const w = pr.wait;
    if (!w) continue;
    if (side === "read" && w.k === "read") {
      const f = pr.fds[w.fd];
      if (f && f.k === "pipe" && f.p === pipe && !f.w) makeRunnable(k, c, pr);
    } else if (side === "write" && w.k === "write" && w.pipe === pipe) makeRunnable(k, c, pr);
  }
}

/** Appends text to a pipe from outside the container (an attach client feeding PID 1's stdin). */
export function feedPipe(k: Kernel, c: ContainerState, id: number, text: string): void {
  const p = c.pipes[id];
  if (!p || !text) return;
  if (p.r <= 0) return; // nobody can read it any more: the bytes are dropped, as on a broken FIFO
  p.buf += text;
  wakePipe(k, c, id, "read");
}

/** Wakes processes reading from an exec session's stdin. */
export function wakeSessionReaders(k: Kernel, c: ContainerState, sid: string): void {
  for (const pid in c.procs) {
    const pr = c.procs[pid];
    if (pr.wait?.k !== "read") continue;
    const f = pr.fds[pr.wait.fd];
    if (f && f.k === "sess" && f.s === sid) makeRunnable(k, c, pr);
  }
}

/** Writes text to a descriptor. A full pipe makes the writer wait until it drains. */
export function writeFd(k: Kernel, c: ContainerState, pr: ProcState, n: number, text: string): "ok" | Errno | "EPIPE" {
  const fd = pr.fds[n];
  if (!fd) return "EBADF";
  switch (fd.k) {
    case "null": case "zero": case "block": return "ok";
    case "log":
      appendLog(c.log, fd.s, text, k.now());
      if (c.attached?.length) attachedOutput(k, c, fd.s, text);
      return "ok";
    case "pipe": {
      if (!fd.w) return "EBADF";
      const p = c.pipes[fd.p];
      if (!p || p.r <= 0) return "EPIPE";
      p.buf += text;
      wakePipe(k, c, fd.p, "read");
      if (p.buf.length > LIMITS.pipeBytes) { pr.wait = { k: "write", pipe: fd.p }; pr.st = "S"; }
      return "ok";
    }
    case "file": {
      if (!fd.w) return "EBADF";
      const vfs = new Vfs(k, c, pr.pid);
      if (fd.a) {
        const e = vfs.writeFile(fd.path, text, true);
        return e ?? "ok";
      }
      const old = vfs.readFile(fd.path);
      const cur = typeof old === "string" ? "" : old.c;
      const next = cur.slice(0, fd.off) + text + cur.slice(fd.off + text.length);
      fd.off += text.length;
      return vfs.writeFile(fd.path, next) ?? "ok";
    }
    case "sess": {
      const s = k.s.sessions[fd.s];
      if (s && !s.done) sessionOutput(k, s, fd.st === 2 && !s.tty ? 2 : 1, text);
      return "ok";
    }
  }
}

/** Appends process output to an exec session (tty: NL → CR NL, one stream). */
export function sessionOutput(k: Kernel, s: SessionState, st: 1 | 2, text: string): void {
  if (s.toLog) {
    const c = k.s.containers[s.cid];
    if (c) appendLog(c.log, 1, text, k.now());
    if (c?.attached?.length) attachedOutput(k, c, 1, text);
    return;
  }
  const out = s.tty ? text.replace(/\n/g, "\r\n") : text;
  const wasEmpty = s.out === "" && s.err === "";
  if (st === 2) s.err = capTail(s.err + out);
  else s.out = capTail(s.out + out);
  if (wasEmpty && out) k.host.emit({ type: "exec-output", sessionId: s.id, owner: s.owner });
}

/** Copies a container's output (what goes to its log) to every client attached to it. */
function attachedOutput(k: Kernel, c: ContainerState, st: 1 | 2, text: string): void {
  for (const sid of c.attached ?? []) {
    const s = k.s.sessions[sid];
    if (!s || s.done || (st === 1 ? s.noOut : s.noErr)) continue;
    sessionOutput(k, s, st, text);
  }
}

function capTail(s: string): string {
  return s.length > LIMITS.sessionBytes ? s.slice(s.length - LIMITS.sessionBytes) : s;
}

/** Reads what is available: text, null at EOF, undefined when the reader must wait. */
export function readFd(k: Kernel, c: ContainerState, pr: ProcState, n: number): string | null | undefined {
  const fd = pr.fds[n];
  if (!fd) return null;
  switch (fd.k) {
    case "null": case "log": return null;
    case "zero": return fd.rnd ? k.randomBytes(4096) : "\0".repeat(4096);
    case "block": pr.wait = { k: "forever" }; pr.st = "S"; return undefined;
    case "pipe": {
      const p = c.pipes[fd.p];
      if (!p || fd.w) return null;
      if (p.buf) {
        const out = p.buf;
        p.buf = "";
        wakePipe(k, c, fd.p, "write");
        return out;
      }
      if (p.w <= 0) return null;
      if (pr.pending.length) return undefined;
      pr.wait = { k: "read", fd: n };
      pr.st = "S";
      return undefined;
    }
    case "file": {
      const r = new Vfs(k, c, pr.pid).readFile(fd.path);
      if (typeof r === "string") return null;
      const data = r.c;
      if (fd.off >= data.length) return null;
      const out = data.slice(fd.off);
      fd.off = data.length;
      return out;
    }
    case "sess": {
      const s = k.s.sessions[fd.s];
      if (!s || fd.st !== 0) return null;
      if (s.inBuf) {
        const out = s.inBuf;
        s.inBuf = "";
        return out;
      }
      if (s.eof) { s.eof = false; return null; }
      if (s.inClosed || s.done) return null;
      if (pr.pending.length) return undefined;
      pr.wait = { k: "read", fd: n };
      pr.st = "S";
      return undefined;
    }
  }
}

/** Puts unconsumed input back at the front of a descriptor. */
export function unreadFd(k: Kernel, c: ContainerState, pr: ProcState, n: number, text: string): void {
  if (!text) return;
  const fd = pr.fds[n];
  if (!fd) return;
  if (fd.k === "pipe" && c.pipes[fd.p]) c.pipes[fd.p].buf = text + c.pipes[fd.p].buf;
  else if (fd.k === "file") fd.off = Math.max(0, fd.off - text.length);
  else if (fd.k === "sess" && k.s.sessions[fd.s]) k.s.sessions[fd.s].inBuf = text + k.s.sessions[fd.s].inBuf;
}

/** True for an errno name returned where text was expected. */
export function isErrno(x: unknown): x is Errno {
  return typeof x === "string" && /^E[A-Z]+$/.test(x);
}

/** Bytes waiting in a pipe (for views and tests). */
export function pipeBytes(c: ContainerState, id: number): number {
  return utf8Length(c.pipes[id]?.buf ?? "");
}
