// Container lifecycle as containerd/runc perform it: create (image, mounts, volumes), start
// (environment, working directory, argv[0] lookup with runc's StartError, PID 1 with its TTY or
// stdin pipe), stop (image
// STOPSIGNAL to PID 1, SIGKILL at the deadline), signal and remove. Used by runtime.ts.
import { lowerLayer } from "./images/catalog";
import type { ContainerConfig, CreateContainerResult, StartContainerResult } from "./contract";
import { parseSignal, SIG, TERMINATION_LOG } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, Fd, MountState, SessionState } from "./state";
import { resolveImage } from "./images/catalog";
import { newLog } from "./logs";
import { Vfs } from "./fs";
import { resolveExec, searchPath } from "./exec-lookup";
import { createProc, deliverSignal, exitProc } from "./procs";
import { killTimerKey, containerTimerKey } from "./container-exit";
import { sandboxVolume } from "./sandboxes";
import { newPipe } from "./io";

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * Where a mount really lands: like runc, symlinks in the image along the destination are followed
 * (busybox's /var/run → /run puts the service-account volume at /run/secrets/...).
 */
function mountDestination(family: string, tag: string, path: string): string {
  const files = lowerLayer(family, tag).files;
  const parts = path.split("/").filter(Boolean);
  let cur = "";
  for (let i = 0; i < parts.length; i++) {
    const next = `${cur}/${parts[i]}`;
    const n = files[next];
    if (n && n.t === "l" && i < parts.length - 1) {
      const target = n.to.startsWith("/") ? n.to : `${cur}/${n.to}`;
      return mountDestination(family, tag, `${target}/${parts.slice(i + 1).join("/")}`.replace(/\/+/g, "/"));
    }
    cur = next;
  }
  return path;
}

/** Creates a container from its configuration. */
export function createContainer(k: Kernel, cfg: ContainerConfig): CreateContainerResult {
  const sb = k.s.sandboxes[cfg.sandboxId];
  if (!sb) return { error: `failed to create containerd container: failed to get sandbox "${cfg.sandboxId}": not found`, reason: "CreateContainerError" };
  const img = resolveImage(cfg.image);
  if ("error" in img) return { error: `failed to create containerd container: ${img.error}`, reason: "CreateContainerError" };
  const fresh = `containerd://${k.host.rng.hex(64)}`; // drawn either way: the random sequence must not depend on adoption
  const id = cfg.containerId && !k.s.containers[cfg.containerId] ? cfg.containerId : fresh;
  const mounts: MountState[] = [];
  for (const m of cfg.mounts) {
    let vol = k.s.volumes[m.volume];
    if (!vol) vol = k.s.volumes[m.volume] = { files: { "": { t: "d", m: 0o777 } }, users: 0 };
    if (m.files) {
      for (const [rel, c] of Object.entries(m.files)) {
        const parts = rel.split("/");
        for (let i = 1; i < parts.length; i++) vol.files[parts.slice(0, i).join("/")] ??= { t: "d", m: 0o755 };
        vol.files[rel] = { t: "f", c, m: 0o644 };
      }
    }
    if (m.subPath && vol.files[m.subPath] === undefined) {
      const parts = m.subPath.split("/");
      for (let i = 1; i <= parts.length; i++) vol.files[parts.slice(0, i).join("/")] ??= { t: "d", m: 0o777 };
    }
    vol.users++;
    mounts.push({ path: mountDestination(img.family, img.tag, m.mountPath), vol: m.volume, ro: !!m.readOnly, ...(m.subPath ? { sub: m.subPath } : {}) });
  }
  const sbVol = sandboxVolume(sb.id);
  for (const [path, key] of [["/etc/hosts", "hosts"], ["/etc/hostname", "hostname"], ["/etc/resolv.conf", "resolv.conf"]] as const) {
    if (!mounts.some((m) => m.path === path) && k.s.volumes[sbVol]) {
      mounts.push({ path, vol: sbVol, ro: false, sub: key });
      k.s.volumes[sbVol].users++;
    }
  }
  const c: ContainerState = {
    id, cfg, image: cfg.image, imageID: img.info.imageID, imageRef: img.info.normalized, family: img.family, tag: img.tag,
    status: "created", createdAt: k.now(), upper: {}, mounts, procs: {}, pipes: {}, nextPipe: 1, nextPid: 1, runq: [],
    log: newLog(), cpu: { tokens: 0, at: k.now(), busyStreak: 0 },
  };
  // runc creates the directories leading to each mount point.
  const lower = lowerLayer(img.family, img.tag).files;
  for (const m of mounts) {
    const parts = m.path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join("/")}`;
      if (!lower[dir]) c.upper[dir] ??= { t: "d", m: 0o755 };
    }
  }
  const tlog = cfg.terminationMessagePath ?? TERMINATION_LOG;
  c.upper[tlog] = { t: "f", c: "", m: 0o666 };
  k.s.containers[id] = c;
  sb.containers.push(id);
  return { containerId: id };
}

/** The environment of a container's processes, in the order containerd builds it. */
function buildEnv(c: ContainerState, hostname: string): [string, string][] {
  const img = resolveImage(c.image);
  const imgEnv = "error" in img ? [] : img.info.config.env;
  const env: [string, string][] = [["PATH", DEFAULT_PATH], ["HOSTNAME", hostname]];
  const put = (k: string, v: string) => {
    const i = env.findIndex(([n]) => n === k);
    if (i >= 0) env[i] = [k, v];
    else env.push([k, v]);
  };
  for (const [k, v] of imgEnv) put(k, v);
  for (const [k, v] of c.cfg.env) put(k, v);
  return env;
}

/** The OCI runtime error text when argv[0] cannot be executed. */
function startError(argv0: string, e: string): string {
  const why = e === "ENOENT" ? (argv0.includes("/") ? `stat ${argv0}: no such file or directory` : "executable file not found in $PATH") : e === "ENOEXEC" ? "exec format error" : "permission denied";
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv0}": ${why}: unknown`;
}

/** Starts a created container's first process. */
export function startContainer(k: Kernel, id: string): StartContainerResult {
  const c = k.s.containers[id];
  if (!c || c.status !== "created") return { ok: false, exitCode: 128, reason: "StartError", message: `failed to start containerd task "${id.replace("containerd://", "")}": cannot start a container that has stopped: unknown` };
  const sb = k.s.sandboxes[c.cfg.sandboxId];
  const hostname = sb?.hostname ?? c.cfg.podName;
  const vfs = new Vfs(k, c);
  const img = resolveImage(c.image);
  const cwd = c.cfg.workingDir || ("error" in img ? "" : img.info.config.workingDir) || "/";
  if (typeof vfs.stat(cwd) === "string") vfs.mkdir(cwd, true);
  const env = buildEnv(c, hostname);
  const argv = c.cfg.argv.length ? c.cfg.argv : ["/bin/sh"];
  const pathVar = env.find(([n]) => n === "PATH")?.[1] ?? DEFAULT_PATH;
  const found = searchPath(vfs, argv[0], pathVar, cwd);
  const target = "path" in found ? resolveExec(vfs, found.path, argv, cwd) : found.errno;
  if (typeof target === "string") {
    c.status = "exited";
    c.exitCode = 128;
    c.reason = "Error";
    c.startedAt = 0;
    c.finishedAt = k.now();
    return { ok: false, exitCode: 128, reason: "StartError", message: startError(argv[0], target) };
  }
  if (c.cfg.tty) {
    env.push(["TERM", "xterm"]);
    const sid = `tty-${id.slice(13, 25)}`;
    const s: SessionState = { id: sid, cid: id, owner: `container:${id}`, pid: 1, tty: true, stdin: !!c.cfg.stdin, argv, out: "", err: "", inPending: [], inBuf: "", inClosed: !c.cfg.stdin, line: "", cols: 80, rows: 24, done: false, toLog: true };
    k.s.sessions[sid] = s;
    c.tty = sid;
  }
  if (!env.some(([n]) => n === "HOME")) env.push(["HOME", "/root"]);
  c.env = env;
  c.cwd = cwd;
  // stdin: true without a TTY: PID 1 reads a pipe whose write end the runtime holds for attached
  // clients (attach.ts); it reaches end of file only when a stdinOnce attach closes it.
  let stdin: Fd = { k: "null" };
  if (c.tty) stdin = { k: "sess", s: c.tty, st: 0 };
  else if (c.cfg.stdin) {
    const pipe = newPipe(c);
    c.pipes[pipe].r = 1;
    c.pipes[pipe].w = 1;
    c.stdinPipe = pipe;
    stdin = { k: "pipe", p: pipe, w: false };
  }
  const out: Fd = c.tty ? { k: "sess", s: c.tty, st: 1 } : { k: "log", s: 1 };
  const err: Fd = c.tty ? { k: "sess", s: c.tty, st: 2 } : { k: "log", s: 2 };
  c.status = "running";
  c.startedAt = k.now();
  // With a TTY, PID 1 and its children belong to the terminal's session: ^C typed by an attached
  // client interrupts the foreground command, and ps shows pts/0 for them.
  createProc(k, c, { ppid: 0, argv: target.argv, comm: target.comm, prog: target.prog, bb: target.bb, data: undefined, fds: { 0: stdin, 1: out, 2: err }, env, cwd,
    ...(c.tty ? { sess: c.tty } : {}) });
  return { ok: true, startedAt: c.startedAt };
}

/** Sends the image's stop signal to PID 1 and arms SIGKILL at the grace deadline. */
export function stopContainer(k: Kernel, id: string, graceMs: number): void {
  const c = k.s.containers[id];
  if (!c || c.status !== "running") return;
  const init = c.procs[1];
  if (!init || init.st === "Z") return;
  if (graceMs <= 0) { exitProc(k, c, init, 0, SIG.KILL); return; }
  const img = resolveImage(c.image);
  const sig = parseSignal("error" in img ? "SIGTERM" : img.info.config.stopSignal) ?? SIG.TERM;
  const due = k.now() + graceMs;
  if (c.killAt === undefined || due < c.killAt) {
    c.killAt = due;
    k.host.schedule(killTimerKey(id), due);
  }
  deliverSignal(k, c, init, sig);
}

/** The stop deadline passed: SIGKILL. */
export function killDeadline(k: Kernel, id: string): void {
  const c = k.s.containers[id];
  if (!c || c.status !== "running") return;
  c.killAt = undefined;
  const init = c.procs[1];
  if (init && init.st !== "Z") exitProc(k, c, init, 0, SIG.KILL);
}

/** Delivers a signal to PID 1 (the PID-1 rule applies). */
export function signalContainer(k: Kernel, id: string, sig: number): void {
  const c = k.s.containers[id];
  const init = c?.procs[1];
  if (c && c.status === "running" && init) deliverSignal(k, c, init, sig);
}

/** Removes a container (killing it first when still running). */
export function removeContainer(k: Kernel, id: string): void {
  k.paths.delete(id);
  const c = k.s.containers[id];
  if (!c) return;
  if (c.status === "running") {
    const init = c.procs[1];
    if (init) exitProc(k, c, init, 0, SIG.KILL);
  }
  for (const m of c.mounts) {
    const v = k.s.volumes[m.vol];
    if (v && --v.users <= 0 && m.vol.startsWith("files:")) delete k.s.volumes[m.vol];
  }
  // Ended attach streams stay until their client reads the end (the bridge then sends Success).
  for (const [sid, s] of Object.entries(k.s.sessions)) if (s.cid === id && !s.att) { delete k.s.sessions[sid]; k.host.cancel(`rt/x/${sid}`); }
  const sb = k.s.sandboxes[c.cfg.sandboxId];
  if (sb) sb.containers = sb.containers.filter((x) => x !== id);
  k.host.cancel(containerTimerKey(id));
  k.host.cancel(killTimerKey(id));
  delete k.s.containers[id];
  k.dirty.delete(id);
}
