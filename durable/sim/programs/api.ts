// The interface between simulated programs and the runtime kernel: `Sys` is the system-call
// surface a process sees (runtime/sys.ts implements it), `Program` is what every simulated
// program (sh, sleep, nginx, ...) implements. Programs keep all their state in `sys.data` (JSON).
import type { NodeInfo } from "../runtime/contract";
import type { Errno } from "../runtime/constants";
import type { Fd } from "../runtime/state";
import type { Vfs } from "../runtime/fs";
import type { Script } from "../shell/ast";

/** Which implementation family a command comes from (message formats differ). */
export type Flavor = "busybox" | "gnu";

/** Result of a PATH lookup. */
export type Lookup = { path: string; prog: string; flavor: Flavor; script?: string } | { errno: "ENOENT" | "EACCES" | "ENOEXEC" };

/** How a child's file descriptors are set up: numbers refer to the parent's fds. */
export type FdMap = Record<number, number | Fd>;

/** Options of spawning a program file. */
export interface SpawnOpts {
  path: string;
  argv: string[];
  env: [string, string][];
  fds: FdMap;
  cwd?: string;
}

/** A process as ps/pgrep/kill see it. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  uid: number;
  argv: string[];
  comm: string;
  state: "R" | "S" | "Z";
  start: number;
  cpuMs: number;
  mem: number;
  tty: boolean;
}

/** A reaped child's status. */
export interface ChildStatus {
  pid: number;
  code: number;
  sig?: number;
}

/** An HTTP request as servers receive it. */
export interface HttpRequest {
  method: string;
  path: string;
  /** Destination port (set by the kernel on delivery). */
  port?: number;
  headers: Record<string, string>;
  fromIp: string;
  host: string;
  body?: string;
}

/** An HTTP response. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A connection attempt's outcome. */
export type ConnectOutcome =
  | { ok: true; ip: string; port: number; cid: string; pid: number; proto: string }
  | { ok: false; err: "ECONNREFUSED" | "ETIMEDOUT" | "EHOSTUNREACH" };

/** Network facts of the process's pod. */
export interface NetInfo {
  podIp: string;
  hostname: string;
  namespace: string;
  clusterDomain: string;
  dnsServer: string;
}

/** The system calls available to a simulated process. */
export interface Sys {
  readonly pid: number;
  readonly ppid: number;
  readonly argv: readonly string[];
  readonly env: readonly [string, string][];
  /** The program id this process runs. */
  readonly prog: string;
  readonly flavor: Flavor;
  readonly family: string;
  readonly node: NodeInfo;
  readonly net: NetInfo;
  /** The program's JSON state. */
  data: any;
  cwd: string;
  now(): number;
  /** The current time formatted with strftime (date's output; recorded for loop fast-forward). */
  formatNow(fmt: string): string;
  /** A per-request counter as text (`prefix` + n, e.g. nginx's "*3"), recorded for skipped-request templates. */
  counter(prefix: string, n: number): string;
  /** A random integer in [0, n) from the cluster's generator. */
  random(n: number): number;
  /** A per-image fact (e.g. "nginx" → "1.27.5", "curl" → "7.88.1"). */
  imageVar(name: string): string | undefined;

  exit(code: number): void;
  sleepUntil(t: number): void;
  blockForever(): void;
  /** Consumes simulated CPU steps; false when the slice is used up (return and continue later). */
  spend(steps: number): boolean;
  /** Signals the program wants delivered to signal() instead of the default action. */
  setCatches(sigs: number[]): void;
  /** The pid that sent the last caught `sig` (0 when it came from outside the container). */
  signalSender(sig: number): number;
  setIgnores(sigs: number[]): void;

  lookup(name: string, pathVar?: string): Lookup;
  spawn(opts: SpawnOpts): number | Errno;
  /** Forks a process running program `prog` with initial state `data` (shell subshells). */
  fork(prog: string, data: unknown, argv: string[], fds: FdMap, env?: [string, string][]): number | "EAGAIN";
  /** Replaces the current program (execve); the caller must return right after success (undefined). */
  exec(path: string, argv: string[], env: [string, string][]): Errno | undefined;
  /** Reaps an exited child (pid or -1 for any); undefined when none exited (blocks unless noHang). */
  wait(pid: number, noHang?: boolean): ChildStatus | undefined | "ECHILD";
  kill(pid: number, sig: number): Errno | undefined;
  procs(): ProcInfo[];
  setArgv(argv: string[]): void;
  /** Changes the process's user id (daemons dropping privileges). */
  setUid(uid: number): void;
  /** Advances the pid counter as if `n` short-lived helper processes had run. */
  skipPids(n: number): void;

  write(fd: number, text: string): "ok" | "EPIPE" | "EBADF" | Errno;
  /** Reads what is available: text, null at end of file, undefined when it would block (the process now waits). */
  read(fd: number): string | null | undefined;
  /** Puts back unread input at the front (line-oriented readers). */
  unread(fd: number, text: string): void;
  /** Opens a path onto descriptor `fd` (replacing it). */
  openOn(fd: number, path: string, mode: "r" | "w" | "a" | "rw"): Errno | undefined;
  dup2(from: number, to: number): Errno | undefined;
  close(fd: number): void;
  getFd(fd: number): Fd | undefined;
  /** Installs a raw descriptor (retaining it); undefined closes. */
  setFd(fd: number, f: Fd | undefined): void;
  /** A read-only descriptor that yields `text` then end of file (here-documents). */
  stringFd(text: string): Fd;
  /** Counts an extra reference to a saved descriptor copy. */
  retainFd(f: Fd): void;
  /** Drops a reference taken with retainFd. */
  releaseFd(f: Fd): void;
  /** Creates a pipe; returns [readFd, writeFd] at the lowest free numbers ≥ `min`. */
  pipe(min?: number): [number, number];
  isatty(fd: number): boolean;
  readonly fs: Vfs;

  setMem(bytes: number): void;
  setCpu(millicores: number): void;

  listen(port: number, proto: "http" | "redis" | "grpc" | "raw" | "mysql"): Errno | undefined;
  unlisten(port: number): void;
  connect(ip: string, port: number): ConnectOutcome;
  http(ip: string, port: number, req: HttpRequest): HttpResponse | { error: "refused" | "timeout" | "reset" };
  /** Sends a request line to a raw/redis server and returns its reply. */
  request(ip: string, port: number, payload: string): string | { error: "refused" | "timeout" | "reset" };
  resolveHost(name: string): string[] | undefined;

  /** Interns a shell script source shared by all processes running it; returns its key. */
  internScript(src: string, bash: boolean): string;
  /** The parsed script for a key (shells only). */
  script(key: string): Script;
}

/** A simulated program. */
export interface Program {
  /** Runs until it blocks, exits or its slice is spent; state lives in sys.data. */
  step(sys: Sys): void;
  /** Handles a caught signal (only signals passed to setCatches). */
  signal?(sys: Sys, sig: number): void;
  /** Serves an HTTP request on a socket this process listens on. */
  http?(sys: Sys, req: HttpRequest): HttpResponse;
  /** Accounts for `n` identical earlier HTTP requests a prober skipped (advances per-request counters). */
  skipRequests?(sys: Sys, n: number): void;
  /** Serves a line-oriented request (redis, raw). */
  request?(sys: Sys, payload: string): string;
  /** Answers a grpc.health.v1 Check. */
  grpcHealth?(sys: Sys, service: string): "SERVING" | "NOT_SERVING" | "SERVICE_UNKNOWN";
  /** Baseline resident memory in bytes. */
  memory?: number;
}
