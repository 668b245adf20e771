// The runtime's persisted state: plain JSON data only (no classes, closures or Maps), so the
// whole runtime round-trips through save() → JSON → Runtime.restore(). Owned by runtime.ts; every
// runtime module reads and writes these shapes; nothing outside durable/sim/runtime touches them.
import type { ContainerConfig, NodeInfo } from "./contract";
import type { ExitReason, ProcStateName } from "./constants";

/** The whole runtime. */
export interface RuntimeState {
  v: 1;
  nodes: Record<string, NodeState>;
  sandboxes: Record<string, SandboxState>;
  containers: Record<string, ContainerState>;
  volumes: Record<string, VolumeState>;
  sessions: Record<string, SessionState>;
  /** Script sources by content key; ASTs are re-parsed on demand and cached outside the state. */
  scripts: Record<string, string>;
  /** Pod IP → sandbox id. */
  ips: Record<string, string>;
  /** Listening sockets by "ip:port" (hostNetwork pods share their node's IP). */
  listen: Record<string, Listener>;
  seq: number;
}

/** Per-node facts and image cache. */
export interface NodeState {
  images: string[];
  info: NodeInfo;
}

/** A pod sandbox: network namespace, hostname, listening sockets. */
export interface SandboxState {
  id: string;
  node: string;
  podUid: string;
  podName: string;
  namespace: string;
  ip: string;
  hostname: string;
  clusterDomain: string;
  containers: string[];
}

/** A listening socket bound by a process. */
export interface Listener {
  cid: string;
  pid: number;
  proto: "http" | "redis" | "grpc" | "raw" | "mysql";
}

/** One file-system node. `x` names the simulated program an executable runs. */
export type FsNode =
  | { t: "f"; c: string; m?: number; x?: string; mt?: number }
  | { t: "d"; m?: number; mt?: number }
  | { t: "l"; to: string }
  | { t: "c"; dev: "null" | "zero" | "random" | "full" | "tty" };

/** A mounted volume's files, keyed by path relative to the mount point ("" is the root). */
export interface VolumeState {
  files: Record<string, FsNode | null>;
  users: number;
}

/** One mount in a container. */
export interface MountState {
  path: string;
  vol: string;
  ro: boolean;
  /** Single-file mount: the volume key shown at `path`. */
  sub?: string;
}

/** An open file description. */
export type Fd =
  | { k: "null" }
  | { k: "zero"; rnd?: 1 }
  | { k: "log"; s: 1 | 2 }
  | { k: "pipe"; p: number; w: boolean }
  | { k: "file"; path: string; w: boolean; a: boolean; off: number }
  | { k: "sess"; s: string; st: 0 | 1 | 2 }
  | { k: "block" };

/** A pipe between processes of one container (or a command-substitution capture). */
export interface PipeState {
  buf: string;
  r: number;
  w: number;
}

/** What a blocked process waits for. */
export type Wait =
  | { k: "time"; until: number }
  | { k: "read"; fd: number }
  | { k: "write"; pipe: number }
  | { k: "child"; pid: number }
  | { k: "forever" };

/** A simulated process. `data` is its program's own JSON state. */
export interface ProcState {
  pid: number;
  ppid: number;
  argv: string[];
  /** Kernel command name: base name of the executed file (15 chars). */
  comm: string;
  prog: string;
  /** Busybox applet rather than the GNU tool. */
  bb?: boolean;
  data: unknown;
  fds: Record<string, Fd>;
  env: [string, string][];
  cwd: string;
  uid: number;
  st: ProcStateName;
  wait?: Wait;
  start: number;
  /** Memory (bytes) and CPU (millicores) the program declares. */
  mem: number;
  cpu: number;
  /** Accumulated CPU time in ms, settled at `cpuAt`. */
  cpuMs: number;
  cpuAt: number;
  /** Signal numbers the program catches / ignores; everything else takes the default action. */
  catches: number[];
  ignores: number[];
  pending: number[];
  /** Sender pid of caught signals, by signal number (0 = from outside the container). */
  sigFrom?: Record<string, number>;
  exit?: { code: number; sig?: number };
  /** Exec session this process belongs to (its stdio endpoint). */
  sess?: string;
  /** CPU-bound: preempted with work left, counted as one busy core. */
  bz?: 1;
  /** Holds (or held) a listening socket: its entries are dropped when it exits. */
  lis?: 1;
}

/** One log line. `s`: 1 stdout, 2 stderr; `nonl` marks a final line that had no newline. */
export type LogLine = [t: number, s: 1 | 2, text: string, nonl?: 1];

/** One line of an iteration template: offset from the iteration start, stream, text segments (literal or [strftime format, offset]). */
export type TplLine = [dt: number, s: 1 | 2, segs: (string | [string, number])[]];

/** A fast-forwarded loop's output: `n` iterations of `tpl` every `p` ms from `t0` (the first `skip` dropped). */
export interface LogBlock {
  b: 1;
  t0: number;
  p: number;
  n: number;
  skip: number;
  tpl: TplLine[];
  /** Bytes per iteration. */
  per: number;
}

/** A log entry: a line or a periodic block. */
export type LogEntry = LogLine | LogBlock;

/** A container's CRI log, kept bounded in memory. */
export interface LogState {
  lines: LogEntry[];
  bytes: number;
  /** Lines dropped from the front (cursor base). */
  dropped: number;
  /** Unterminated output per stream. */
  partial: [string, string];
  partialAt: [number, number];
}

/** CPU slice accounting that bounds real work per virtual time. */
export interface CpuState {
  tokens: number;
  at: number;
  busyStreak: number;
}

/** One container instance. */
export interface ContainerState {
  id: string;
  cfg: ContainerConfig;
  image: string;
  imageID: string;
  /** Normalized image reference resolved at create. */
  imageRef: string;
  family: string;
  tag: string;
  status: "created" | "running" | "exited";
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: ExitReason;
  signal?: number;
  upper: Record<string, FsNode | null>;
  mounts: MountState[];
  procs: Record<string, ProcState>;
  pipes: Record<string, PipeState>;
  nextPipe: number;
  nextPid: number;
  runq: number[];
  log: LogState;
  cpu: CpuState;
  /** Due time of the runtime timer currently armed for this container. */
  armed?: number;
  killAt?: number;
  oom?: boolean;
  /** Environment and working directory of PID 1, reused by exec sessions. */
  env?: [string, string][];
  cwd?: string;
  /** Session id of the container's own TTY (tty: true containers). */
  tty?: string;
  /** PID 1's stdin pipe (stdin: true without tty); the runtime holds its write end until stdinOnce closes it. */
  stdinPipe?: number;
  /** Attach sessions receiving this container's output (kubectl attach), in attach order. */
  attached?: string[];
  /** Frozen periodic loop (fast-forward): state is that of `anchor`, advancing by `p` ms per period. */
  ff?: FastForward;
}

/** A proven periodic loop: every `p` ms the state repeats with dynamic pids/pipes renumbered by dpid/dpipe and times moved. */
export interface FastForward {
  anchor: number;
  p: number;
  dpid: number;
  dpipe: number;
  pids: number[];
  pipes: number[];
  after: number;
}

/** An exec session (kubectl exec, exec probes, exec hooks), or an attach client (`att`: no process of its own). */
export interface SessionState {
  id: string;
  cid: string;
  owner: string;
  pid: number;
  tty: boolean;
  stdin: boolean;
  argv: string[];
  out: string;
  err: string;
  /** Bytes received but not yet valid UTF-8. */
  inPending: number[];
  /** Input available to the process (after the tty line discipline). */
  inBuf: string;
  inClosed: boolean;
  /** TTY line being edited. */
  line: string;
  cols: number;
  rows: number;
  exitCode?: number;
  timedOut?: boolean;
  done: boolean;
  deadline?: number;
  /** The container's own TTY: output goes to the container log. */
  toLog?: boolean;
  /** A ^D at the start of a line: the next read returns end of file. */
  eof?: boolean;
  /** When the session's process ended. */
  doneAt?: number;
  /** An attach client of container `cid` (attach.ts): it joins PID 1's stdio instead of starting a process. */
  att?: 1;
  /** The attach client did not ask for stdout / stderr. */
  noOut?: 1;
  noErr?: 1;
}
