// Attach (kubectl attach, kubectl run -i/-it): a client joins a running container's PID 1 stdio
// instead of starting a process, as containerd's ContainerIO.Attach does. Output is copied to
// the client from the moment it attaches (nothing earlier is replayed) and still goes to the log;
// input goes to the container's TTY line discipline or to PID 1's stdin pipe. When the client's
// stdin ends, a stdinOnce container without a TTY gets end of file on its stdin; otherwise the
// client is detached. Detaching never signals PID 1. Used by runtime.ts.
import type { AttachOptions, AttachStartResult } from "./contract";
import type { Kernel } from "./kernel";
import type { ContainerState, SessionState } from "./state";
import { feedPipe, releaseFd } from "./io";
import { utf8Decode } from "./utf8";
import { resizeExec, writeExec } from "./exec-sessions";
import { finishAttach } from "./exec-finish";

/** The attach session with this id, if `sid` names one. */
export function attachSession(k: Kernel, sid: string): SessionState | undefined {
  const s = k.s.sessions[sid];
  return s?.att ? s : undefined;
}

/** Attaches a client to a running container's streams. */
export function startAttach(k: Kernel, cid: string, opts: AttachOptions): AttachStartResult {
  const c = k.s.containers[cid];
  if (!c || c.status !== "running") return { error: `container ${cid.replace("containerd://", "")} is in ${c ? "CONTAINER_EXITED" : "CONTAINER_UNKNOWN"} state` };
  const sid = k.host.rng.hex(32);
  const tty = c.tty !== undefined;
  const stdin = !!opts.stdin;
  const s: SessionState = {
    id: sid, cid, owner: opts.owner, pid: 0, tty, stdin, argv: [], out: "", err: "", inPending: [], inBuf: "",
    inClosed: !stdin, line: "", cols: 80, rows: 24, done: false, att: 1,
  };
  if (!opts.stdout) s.noOut = 1;
  if (!opts.stderr && !tty) s.noErr = 1;
  k.s.sessions[sid] = s;
  (c.attached ??= []).push(sid);
  return { sessionId: sid };
}

/** Client input: to the container's TTY, or to PID 1's stdin pipe (dropped when it has no stdin). */
export function attachWrite(k: Kernel, sid: string, bytes: Uint8Array): void {
  const s = attachSession(k, sid);
  if (!s || s.done || s.inClosed) return;
  const c = k.s.containers[s.cid];
  if (!c || c.status !== "running") return;
  if (c.tty) { writeExec(k, c.tty, bytes); return; }
  const d = utf8Decode([...s.inPending, ...bytes]);
  s.inPending = d.rest;
  if (c.stdinPipe !== undefined) feedPipe(k, c, c.stdinPipe, d.text);
}

function closeContainerStdin(k: Kernel, c: ContainerState): void {
  if (c.stdinPipe === undefined) return;
  releaseFd(k, c, { k: "pipe", p: c.stdinPipe, w: true });
  delete c.stdinPipe;
}

/**
 * The client's stdin ended (v5 close signal, or the socket went away). containerd: with
 * stdinOnce and no TTY the container's stdin is closed and output keeps flowing until it exits;
 * otherwise this client is detached. A container without stdin ignores it.
 */
export function attachCloseStdin(k: Kernel, sid: string): void {
  const s = attachSession(k, sid);
  if (!s || s.done || s.inClosed) return;
  s.inClosed = true;
  const c = k.s.containers[s.cid];
  if (!c || c.status !== "running" || !c.cfg.stdin) return;
  if (c.cfg.stdinOnce && !c.tty) closeContainerStdin(k, c);
  else finishAttach(k, sid);
}

/** Terminal size from an attached client: the container's TTY gets it (SIGWINCH). */
export function attachResize(k: Kernel, sid: string, cols: number, rows: number): void {
  const s = attachSession(k, sid);
  const c = s && k.s.containers[s.cid];
  if (s && c?.tty && !s.done) resizeExec(k, c.tty, cols, rows);
}

/** The client went away: its stdin ends, then it is detached and forgotten. PID 1 keeps running. */
export function detachClient(k: Kernel, sid: string): void {
  if (!attachSession(k, sid)) return;
  attachCloseStdin(k, sid);
  finishAttach(k, sid);
  delete k.s.sessions[sid];
}
