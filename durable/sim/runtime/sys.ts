// The system-call surface one simulated process sees (programs/api.ts Sys), implemented over the
// kernel: process management, descriptors, file system, resources and network. A ProcSys is a
// short-lived view created by the scheduler (and by network.ts for servers); it holds no state.
import type { ChildStatus, FdMap, Flavor, HttpRequest, Lookup, NetInfo, ProcInfo, SpawnOpts, Sys } from "../programs/api";
import type { NodeInfo } from "./contract";
import type { Script } from "../shell/ast";
import { DEFAULT_NODE, SIG, type Errno } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState, Fd, ProcState } from "./state";
import { Vfs } from "./fs";
import { resolvePath } from "./fs-path";
import { isErrno, newPipe, readFd, releaseFd, retainFd, unreadFd, writeFd } from "./io";
import { createProc, deliverSignal, exitProc, makeRunnable, reap, settleCpu } from "./procs";
import { resolveExec, searchPath } from "./exec-lookup";
import { connectTo, deliverHttp, deliverRequest, fromHostsFile, listenOn, unlistenOn } from "./network";
import { imageVar } from "./images/catalog";
import { checkOom } from "./memory";
import { openPath } from "./open";
import { ffTaint, ffTimeRead } from "./ff-track";
import { strftime } from "../programs/date";

/** A view of one process for its program. */
export class ProcSys implements Sys {
  constructor(readonly k: Kernel, readonly c: ContainerState, readonly p: ProcState) {}

  get pid(): number { return this.p.pid; }
  get ppid(): number { return this.p.ppid; }
  get argv(): readonly string[] { return this.p.argv; }
  get env(): readonly [string, string][] { return this.p.env; }
  get prog(): string { return this.p.prog; }
  get flavor(): Flavor { return this.p.bb ? "busybox" : "gnu"; }
  get family(): string { return this.c.family; }
  get node(): NodeInfo { return this.k.s.nodes[this.c.cfg.node]?.info ?? { ...DEFAULT_NODE }; }
  get net(): NetInfo {
    const sb = this.k.s.sandboxes[this.c.cfg.sandboxId];
    return { podIp: sb?.ip ?? "", hostname: sb?.hostname ?? this.c.cfg.podName, namespace: this.c.cfg.podNamespace, clusterDomain: sb?.clusterDomain ?? "cluster.local", dnsServer: this.k.host.net.dnsServer() };
  }
  get data(): any { return this.p.data; }
  set data(v: any) { this.p.data = v; }
  get cwd(): string { return this.p.cwd; }
  set cwd(v: string) { this.p.cwd = v; }
  get fs(): Vfs { return new Vfs(this.k, this.c, this.p.pid); }

  private get dead(): boolean { return this.p.st === "Z"; }

  now(): number {
    if (this.p.prog !== "sleep") ffTaint(this.k, this.c.id);
    return this.k.now();
  }
  random(n: number): number { ffTaint(this.k, this.c.id); return this.k.host.rng.int(n); }
  formatNow(fmt: string): string {
    const t = this.k.now();
    const text = strftime(fmt, t);
    ffTimeRead(this.k, this.c.id, { fmt, t, text });
    this.k.rec?.push({ fmt, t, text });
    return text;
  }
  counter(prefix: string, n: number): string {
    const text = `${prefix}${n}`;
    ffTimeRead(this.k, this.c.id, { fmt: `\0${prefix}`, t: n, text });
    this.k.rec?.push({ fmt: `\0${prefix}`, t: n, text });
    return text;
  }
  imageVar(name: string): string | undefined { return imageVar(this.c.family, this.c.tag, name); }

  exit(code: number): void { if (!this.dead) exitProc(this.k, this.c, this.p, code); }
  sleepUntil(t: number): void {
    // A caught signal already pending interrupts the sleep at once (EINTR): no lost wake-up.
    if (this.dead || this.p.pending.length) return;
    if (t <= this.now()) return;
    this.p.wait = { k: "time", until: t };
    this.p.st = "S";
  }
  blockForever(): void { if (!this.dead && !this.p.pending.length) { this.p.wait = { k: "forever" }; this.p.st = "S"; } }
  spend(steps: number): boolean {
    this.k.budget -= steps;
    return this.k.budget > 0;
  }
  setCatches(sigs: number[]): void { this.p.catches = [...sigs]; }
  signalSender(sig: number): number { return this.p.sigFrom?.[sig] ?? 0; }
  setIgnores(sigs: number[]): void { this.p.ignores = [...sigs]; }

  lookup(name: string, pathVar?: string): Lookup {
    const vfs = this.fs;
    const pv = pathVar ?? this.p.env.find(([n]) => n === "PATH")?.[1] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    const r = searchPath(vfs, name, pv, this.p.cwd);
    if ("errno" in r) return r;
    const t = resolveExec(vfs, r.path, [name], this.p.cwd);
    if (typeof t === "string") return { errno: t === "ENOEXEC" ? "ENOEXEC" : t === "EACCES" ? "EACCES" : "ENOENT" };
    return { path: r.path, prog: t.prog, flavor: t.bb ? "busybox" : "gnu", script: t.script };
  }

  private childFds(map: FdMap): Record<string, Fd> {
    const out: Record<string, Fd> = {};
    for (const [n, v] of Object.entries(map)) {
      const fd = typeof v === "number" ? this.p.fds[v] : v;
      if (!fd) continue;
      const copy = { ...fd };
      retainFd(this.c, copy);
      out[n] = copy;
    }
    return out;
  }

  spawn(o: SpawnOpts): number | Errno {
    if (this.dead) return "EAGAIN";
    const t = resolveExec(this.fs, o.path, o.argv, o.cwd ?? this.p.cwd);
    if (typeof t === "string") return t;
    const ch = createProc(this.k, this.c, {
      ppid: this.p.pid, argv: t.argv, comm: t.comm, prog: t.prog, bb: t.bb, data: undefined,
      fds: this.childFds(o.fds), env: o.env, cwd: o.cwd ?? this.p.cwd, uid: this.p.uid, sess: this.p.sess,
    });
    if (!ch) { this.releaseMap(o.fds); return "EAGAIN"; }
    return ch.pid;
  }

  private releaseMap(_m: FdMap): void { /* nothing retained yet when creation fails before childFds */ }

  fork(prog: string, data: unknown, argv: string[], fds: FdMap, env?: [string, string][]): number | "EAGAIN" {
    if (this.dead) return "EAGAIN";
    const f = this.childFds(fds);
    const ch = createProc(this.k, this.c, {
      ppid: this.p.pid, argv, comm: this.p.comm, prog, bb: this.p.bb, data, fds: f,
      env: env ?? this.p.env, cwd: this.p.cwd, uid: this.p.uid, sess: this.p.sess, mem: this.p.mem,
    });
    if (!ch) {
      for (const fd of Object.values(f)) releaseFd(this.k, this.c, fd);
      return "EAGAIN";
    }
    checkOom(this.k, this.c);
    return ch.pid;
  }

  exec(path: string, argv: string[], env: [string, string][]): Errno | undefined {
    if (this.dead) return "ENOENT";
    const t = resolveExec(this.fs, path, argv, this.p.cwd);
    if (typeof t === "string") return t;
    const p = this.p;
    p.prog = t.prog;
    p.argv = t.argv;
    p.comm = t.comm;
    p.env = env;
    p.data = undefined;
    if (t.bb) p.bb = true;
    else delete p.bb;
    p.catches = [];
    p.pending = [];
    for (const n of Object.keys(p.fds)) if (Number(n) >= 10) { releaseFd(this.k, this.c, p.fds[n]); delete p.fds[n]; }
    makeRunnable(this.k, this.c, p);
    return undefined;
  }

  wait(pid: number, noHang = false): ChildStatus | undefined | "ECHILD" {
    // A process killed during its own step (SIGPIPE on a write) must not block again.
    if (this.dead) return undefined;
    let any = false;
    if (pid !== -1) {
      const ch = this.c.procs[pid];
      if (!ch || ch.ppid !== this.p.pid) return "ECHILD";
      if (ch.st === "Z") return reap(this.c, ch);
      if (!noHang && !this.p.pending.length) { this.p.wait = { k: "child", pid }; this.p.st = "S"; }
      return undefined;
    }
    for (const key in this.c.procs) {
      const id = Number(key);
      const ch = this.c.procs[key];
      if (ch.ppid !== this.p.pid || id === this.p.pid) continue;
      if (pid !== -1 && id !== pid) continue;
      any = true;
      if (ch.st === "Z") return reap(this.c, ch);
    }
    if (!any) return "ECHILD";
    if (!noHang && !this.p.pending.length) { this.p.wait = { k: "child", pid }; this.p.st = "S"; }
    return undefined;
  }

  kill(pid: number, sig: number): Errno | undefined {
    ffTaint(this.k, this.c.id);
    const targets: ProcState[] = [];
    if (pid > 0) { const t = this.c.procs[pid]; if (t && t.st !== "Z") targets.push(t); }
    else if (pid === -1) for (const id in this.c.procs) { const t = this.c.procs[id]; if (t.pid !== 1 && t !== this.p && t.st !== "Z") targets.push(t); }
    else for (const id in this.c.procs) { const t = this.c.procs[id]; if (t.st !== "Z") targets.push(t); }
    if (!targets.length) return "ESRCH";
    for (const t of targets) deliverSignal(this.k, this.c, t, sig, this.p.pid);
    return undefined;
  }

  procs(): ProcInfo[] {
    ffTaint(this.k, this.c.id);
    const now = this.now();
    return Object.values(this.c.procs).sort((a, b) => a.pid - b.pid).map((q) => {
      settleCpu(q, now);
      return { pid: q.pid, ppid: q.ppid, uid: q.uid, argv: q.argv, comm: q.comm, state: q.st, start: q.start, cpuMs: q.cpuMs, mem: q.mem, tty: !!(q.sess && this.k.s.sessions[q.sess]?.tty) };
    });
  }

  setArgv(argv: string[]): void { this.p.argv = argv; }
  setUid(uid: number): void { this.p.uid = uid; }
  skipPids(n: number): void { this.c.nextPid += Math.max(0, n); }

  write(fd: number, text: string): "ok" | Errno | "EPIPE" {
    if (this.dead) return "EBADF";
    const r = writeFd(this.k, this.c, this.p, fd, text);
    if (r === "EPIPE") deliverSignal(this.k, this.c, this.p, SIG.PIPE);
    return r;
  }
  read(fd: number): string | null | undefined {
    if (this.dead) return null;
    // Reading costs steps: a reader of an endless source (/dev/zero, yes) is preempted, never spins.
    if (this.k.budget <= 0) return undefined;
    const r = readFd(this.k, this.c, this.p, fd);
    if (typeof r === "string") this.k.budget -= 1 + (r.length >> 12);
    return r;
  }
  unread(fd: number, text: string): void { unreadFd(this.k, this.c, this.p, fd, text); }

  openOn(fd: number, path: string, mode: "r" | "w" | "a" | "rw"): Errno | undefined {
    const r = openPath(this.k, this.c, this.p, path, mode);
    if (isErrno(r)) return r;
    this.setFd(fd, r);
    return undefined;
  }

  dup2(from: number, to: number): Errno | undefined {
    const f = this.p.fds[from];
    if (!f) return "EBADF";
    if (from !== to) this.setFd(to, { ...f });
    return undefined;
  }

  close(fd: number): void { this.setFd(fd, undefined); }
  getFd(fd: number): Fd | undefined { return this.p.fds[fd]; }

  setFd(fd: number, f: Fd | undefined): void {
    const old = this.p.fds[fd];
    if (f) { retainFd(this.c, f); this.p.fds[fd] = f; }
    else delete this.p.fds[fd];
    if (old) releaseFd(this.k, this.c, old);
  }

  stringFd(text: string): Fd {
    const id = newPipe(this.c);
    this.c.pipes[id].buf = text;
    return { k: "pipe", p: id, w: false };
  }

  retainFd(f: Fd): void { retainFd(this.c, f); }
  releaseFd(f: Fd): void { releaseFd(this.k, this.c, f); }

  pipe(min = 3): [number, number] {
    const id = newPipe(this.c);
    let r = min;
    while (this.p.fds[r]) r++;
    this.setFd(r, { k: "pipe", p: id, w: false });
    let w = r + 1;
    while (this.p.fds[w]) w++;
    this.setFd(w, { k: "pipe", p: id, w: true });
    return [r, w];
  }

  isatty(fd: number): boolean {
    const f = this.p.fds[fd];
    return !!(f && f.k === "sess" && this.k.s.sessions[f.s]?.tty);
  }

  setMem(bytes: number): void {
    if (this.dead) return;
    this.p.mem = Math.max(0, bytes);
    checkOom(this.k, this.c);
  }

  setCpu(millicores: number): void {
    settleCpu(this.p, this.now());
    this.p.cpu = Math.max(0, millicores);
  }

  listen(port: number, proto: "http" | "redis" | "grpc" | "raw" | "mysql"): Errno | undefined {
    ffTaint(this.k, this.c.id);
    return listenOn(this.k, this.c, this.p, port, proto);
  }

  unlisten(port: number): void { unlistenOn(this.k, this.c, this.p, port); }

  connect(ip: string, port: number) { ffTaint(this.k, this.c.id); return connectTo(this.k, this.k.s.sandboxes[this.c.cfg.sandboxId], ip, port); }

  http(ip: string, port: number, req: HttpRequest) {
    const t = this.connect(ip, port);
    if (!t.ok) return { error: t.err === "ECONNREFUSED" ? "refused" as const : "timeout" as const };
    return deliverHttp(this.k, t, req);
  }

  request(ip: string, port: number, payload: string) {
    const t = this.connect(ip, port);
    if (!t.ok) return { error: t.err === "ECONNREFUSED" ? "refused" as const : "timeout" as const };
    return deliverRequest(this.k, t, payload);
  }

  internScript(src: string, bash: boolean): string { return this.k.internScript(src, bash); }
  script(key: string): Script { return this.k.script(key); }

  resolveHost(name: string): string[] | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return [name];
    if (name === "localhost") return ["127.0.0.1"];
    const local = fromHostsFile(this.fs, name);
    if (local) return local;
    ffTaint(this.k, this.c.id); // cluster DNS answers change with Services: not a closed loop
    return this.k.host.net.resolve(name, this.c.cfg.podNamespace);
  }
}

/** Resolves a path against a process's working directory (shared helper for programs). */
export function absPath(sys: { cwd: string }, p: string): string {
  return resolvePath(sys.cwd, p);
}
