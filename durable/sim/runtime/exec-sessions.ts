// Exec sessions (kubectl exec, exec probes and hooks): a process started in a running container
// with its stdio wired to the session, a TTY line discipline (echo, CR→NL, NL→CR NL, ^C, ^D,
// backspace), stdin half-close, resize, draining output, timeouts and kill. Used by runtime.ts.
import type { ExecOptions, ExecReadResult, ExecStartResult } from "./contract";
import { SIG } from "./constants";
import type { Kernel } from "./kernel";
import type { SessionState } from "./state";
import { Vfs } from "./fs";
import { resolveExec, searchPath } from "./exec-lookup";
import { createProc, deliverSignal, exitProc } from "./procs";
import { sessionOutput, wakeSessionReaders } from "./io";
import { utf8Decode, utf8Encode } from "./utf8";
import { finishSession, sessionTimerKey } from "./exec-finish";

/** Starts a process in a container attached to a new session. */
export function startExec(k: Kernel, cid: string, argv: string[], opts: ExecOptions): ExecStartResult {
  const now = k.now();
  for (const [id, old] of Object.entries(k.s.sessions)) if (old.done && (old.doneAt ?? 0) < now - 600_000) delete k.s.sessions[id];
  const c = k.s.containers[cid];
  // Both ids draw from the host rng (as they always have: lesson transcripts depend on the sequence).
  const execId = k.host.rng.hex(64);
  if (!c || c.status !== "running") return { error: `failed to exec in container: container is in ${c ? "CONTAINER_EXITED" : "CONTAINER_UNKNOWN"} state`, exitCode: 126 };
  const vfs = new Vfs(k, c);
  const env: [string, string][] = (c.env ?? []).filter(([n]) => n !== "TERM" && n !== "HOME");
  if (opts.tty) env.push(["TERM", "xterm"]);
  env.push(["HOME", c.env?.find(([n]) => n === "HOME")?.[1] ?? "/root"]);
  const cwd = c.cwd ?? "/";
  const pathVar = env.find(([n]) => n === "PATH")?.[1] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  const fail = (why: string) => ({ error: `failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ${why}: unknown`, exitCode: 126 });
  if (!argv.length) return fail("no command specified");
  const found = searchPath(vfs, argv[0], pathVar, cwd);
  if ("errno" in found) return fail(found.errno === "ENOENT" ? (argv[0].includes("/") ? `stat ${argv[0]}: no such file or directory` : "executable file not found in $PATH") : "permission denied");
  const t = resolveExec(vfs, found.path, argv, cwd);
  if (typeof t === "string") return fail(t === "ENOENT" ? "executable file not found in $PATH" : "permission denied");
  const sid = k.host.rng.hex(32);
  const s: SessionState = {
    id: sid, cid, owner: opts.owner, pid: 0, tty: !!opts.tty, stdin: !!opts.stdin, argv,
    out: "", err: "", inPending: [], inBuf: "", inClosed: !opts.stdin, line: "", cols: opts.cols ?? 80, rows: opts.rows ?? 24, done: false,
  };
  k.s.sessions[sid] = s;
  const fd = (st: 0 | 1 | 2) => ({ k: "sess" as const, s: sid, st });
  const p = createProc(k, c, {
    ppid: 0, argv: t.argv, comm: t.comm, prog: t.prog, bb: t.bb, data: undefined,
    fds: { 0: opts.stdin || opts.tty ? fd(0) : { k: "null" }, 1: fd(1), 2: fd(opts.tty ? 1 : 2) }, env, cwd, sess: sid,
  });
  if (!p) {
    delete k.s.sessions[sid];
    return fail("fork/exec: resource temporarily unavailable");
  }
  s.pid = p.pid;
  if (opts.timeoutMs !== undefined && opts.timeoutMs > 0) s.deadline = k.now() + opts.timeoutMs;
  return { sessionId: sid };
}

/** Arms a session's timeout timer unless it already finished (called after the first flush). */
export function armExecTimeout(k: Kernel, sid: string): void {
  const s = k.s.sessions[sid];
  if (s && !s.done && s.deadline !== undefined) k.host.schedule(sessionTimerKey(sid), s.deadline);
}

/** Feeds input bytes to a session (through the line discipline when it has a TTY). */
export function writeExec(k: Kernel, sid: string, bytes: Uint8Array): void {
  const s = k.s.sessions[sid];
  if (!s || s.done || s.inClosed) return;
  const d = utf8Decode([...s.inPending, ...bytes]);
  s.inPending = d.rest;
  if (s.tty) ttyInput(k, s, d.text);
  else s.inBuf += d.text;
  const c = k.s.containers[s.cid];
  if (c) wakeSessionReaders(k, c, sid);
}

function ttyInput(k: Kernel, s: SessionState, text: string): void {
  const echo = (x: string) => sessionOutput(k, s, 1, x);
  for (const ch of text) {
    if (ch === "\r" || ch === "\n") { echo("\n"); s.inBuf += s.line + "\n"; s.line = ""; }
    else if (ch === "\x7f" || ch === "\b") { if (s.line) { s.line = s.line.slice(0, -1); echo("\b \b"); } }
    else if (ch === "\x03") { echo("^C\n"); s.line = ""; signalSession(k, s, SIG.INT); }
    else if (ch === "\x1c") { echo("^\\\n"); s.line = ""; signalSession(k, s, SIG.QUIT); }
    else if (ch === "\x04") { if (s.line) { s.inBuf += s.line; s.line = ""; } else s.eof = true; }
    else if (ch === "\x15") { echo("\b \b".repeat(s.line.length)); s.line = ""; }
    else { s.line += ch; echo(ch); }
  }
}

/** Signals every live process attached to a session (the terminal's foreground group). */
export function signalSession(k: Kernel, s: SessionState, sig: number): void {
  const c = k.s.containers[s.cid];
  if (!c) return;
  for (const pid of Object.keys(c.procs).map(Number).sort((a, b) => b - a)) {
    const p = c.procs[pid];
    if (p && p.sess === s.id && p.st !== "Z") deliverSignal(k, c, p, sig);
  }
}

/** Half-closes a session's stdin. */
export function closeExecStdin(k: Kernel, sid: string): void {
  const s = k.s.sessions[sid];
  if (!s) return;
  if (s.tty && s.line) { s.inBuf += s.line; s.line = ""; }
  s.inClosed = true;
  const c = k.s.containers[s.cid];
  if (c) wakeSessionReaders(k, c, sid);
}

/** Records a terminal resize (SIGWINCH to the session's processes). */
export function resizeExec(k: Kernel, sid: string, cols: number, rows: number): void {
  const s = k.s.sessions[sid];
  if (!s) return;
  s.cols = cols;
  s.rows = rows;
  signalSession(k, s, SIG.WINCH);
}

/** Drains a session's output; a finished, drained session is forgotten. */
export function readExec(k: Kernel, sid: string): ExecReadResult {
  const s = k.s.sessions[sid];
  if (!s) return { stdout: new Uint8Array(0), stderr: new Uint8Array(0) };
  const r: ExecReadResult = { stdout: utf8Encode(s.out), stderr: utf8Encode(s.err) };
  s.out = "";
  s.err = "";
  if (s.done) {
    r.exitCode = s.exitCode;
    if (s.timedOut) r.timedOut = true;
    delete k.s.sessions[sid];
  }
  return r;
}

/** Kills a session's process. */
export function killExec(k: Kernel, sid: string, timedOut = false): void {
  const s = k.s.sessions[sid];
  if (!s || s.done) return;
  if (timedOut) s.timedOut = true;
  const c = k.s.containers[s.cid];
  const p = c?.procs[s.pid];
  if (c && p && p.st !== "Z") exitProc(k, c, p, 0, SIG.KILL);
  else finishSession(k, sid, s.pid, 137);
}
