// The contract between the kubelet (durable/sim/kubelet) and the simulated container runtime
// (durable/sim/runtime/runtime.ts): the host services the runtime needs, the notices it emits, the
// container configuration the kubelet passes in and the shapes of every answer. Types only.
import type { Rng } from "../core/rng";

/** Services the cluster gives the runtime: virtual time, randomness, timers, notices and routing. */
export interface RuntimeHost {
  /** Virtual milliseconds since the epoch. */
  now(): number;
  /** The cluster's seeded generator (core/rng.ts). */
  rng: Rng;
  /** A timer that calls `runtime.onTimer(key, data)` at `due`; scheduling an existing key replaces it. */
  schedule(key: string, due: number, data?: unknown): void;
  /** Cancels the timer with this key, if any. */
  cancel(key: string): void;
  /** Queues a notice for the kubelet; delivered later, never re-entrantly. */
  emit(notice: RuntimeNotice): void;
  /** Cluster-level routing the runtime cannot know (services, DNS). */
  net: NetworkResolver;
}

/** What the runtime tells the kubelet, asynchronously. */
export type RuntimeNotice =
  | { type: "container-exited"; containerId: string; node: string; podUid: string }
  | { type: "exec-done"; sessionId: string; owner: string; exitCode: number }
  | { type: "exec-output"; sessionId: string; owner: string };

/** Cluster routing answered by the host (kube-proxy rules and cluster DNS). */
export interface NetworkResolver {
  /** ClusterIP:port → a backend pod ip:port, 'no-endpoints' (→ connection refused), or undefined if not a service IP. */
  routeServiceIP(ip: string, port: number): { ip: string; port: number } | "no-endpoints" | undefined;
  /** Cluster DNS: `nginx`, `nginx.default`, `nginx.default.svc.cluster.local`, pod A records. undefined = NXDOMAIN. */
  resolve(name: string, fromNamespace: string): string[] | undefined;
  /** IP of the cluster DNS server shown by nslookup (10.96.0.10). */
  dnsServer(): string;
}

/** Everything the runtime needs to create one container instance. */
export interface ContainerConfig {
  node: string;
  podUid: string;
  podName: string;
  podNamespace: string;
  sandboxId: string;
  /** Container name. */
  name: string;
  /** restartCount of this instance. */
  attempt: number;
  /** Image reference as written in the pod spec. */
  image: string;
  /** command+args already resolved against the image and $(VAR)-expanded by the kubelet. */
  argv: string[];
  /** Pod-defined env in kubelet order (the runtime adds image ENV, PATH, HOSTNAME, HOME, TERM for tty). */
  env: [string, string][];
  workingDir?: string;
  tty?: boolean;
  stdin?: boolean;
  stdinOnce?: boolean;
  mounts: MountSpec[];
  memoryLimitBytes?: number;
  cpuLimitMillis?: number;
  /** terminationMessagePath (default /dev/termination-log). */
  terminationMessagePath?: string;
  /** Keep this id (a kubelet adopting a container that was already running); a fresh one otherwise. */
  containerId?: string;
}

/** One volume mount. `volume` names the backing store: "emptydir:<podUid>/<name>" is shared by the pod's containers, "files:<id>" is seeded from `files`. */
export interface MountSpec {
  mountPath: string;
  readOnly?: boolean;
  volume: string;
  /** Initial content (relative path → text) for projected/configMap/secret/hosts files. */
  files?: Record<string, string>;
  /** Mount a single file (e.g. /etc/hosts) rather than a directory: the key of `files` to expose at mountPath. */
  subPath?: string;
}

/** Image configuration as `docker inspect` shows it. */
export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  env: [string, string][];
  workingDir?: string;
  exposedPorts: string[];
  stopSignal: string;
  user: string;
}

/** One row of `docker history`. */
export interface ImageHistoryEntry {
  created: string;
  createdBy: string;
  size: number;
  comment: string;
}

/** A resolved image. */
export interface ImageInfo {
  ref: string;
  normalized: string;
  repo: string;
  tag: string;
  digest: string;
  imageID: string;
  sizeBytes: number;
  config: ImageConfig;
  history: ImageHistoryEntry[];
}

/** An image as node.status.images lists it. */
export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** Node facts the runtime shows inside containers (nproc, free, uname, nginx worker count). */
export interface NodeInfo {
  cpus: number;
  memoryBytes: number;
  kernelVersion: string;
  hostname?: string;
  ip?: string;
}

/** Parameters of createSandbox. */
export interface SandboxSpec {
  sandboxId: string;
  node: string;
  podUid: string;
  podName: string;
  namespace: string;
  ip: string;
  hostname: string;
  /** Optional DNS search domain override (default "cluster.local"). */
  clusterDomain?: string;
}

/** Answer of createContainer. */
export type CreateContainerResult = { containerId: string } | { error: string; reason: "CreateContainerError" };

/** Answer of startContainer. */
export type StartContainerResult =
  | { ok: true; startedAt: number }
  | { ok: false; exitCode: 128; reason: "StartError"; message: string };

/** Snapshot of one container for the kubelet's status manager. */
export interface ContainerStatusView {
  state: "created" | "running" | "exited";
  pid1?: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: "Completed" | "Error" | "OOMKilled";
  signal?: number;
  imageRef: string;
  imageID: string;
}

/** Resource usage for kubectl top. */
export interface ContainerStatsView {
  cpuMillicores: number;
  memoryBytes: number;
}

/**
 * Identical earlier requests a prober skipped in bulk across a quiet stretch: `count` of them, one
 * every `period` ms, the last one `period` ms before now. The runtime accounts for them (log lines,
 * counters, pids) as if they had run, where it can do so exactly.
 */
export interface SkippedRequests { count: number; period: number }

/** Options of exec. */
export interface ExecOptions {
  tty?: boolean;
  stdin?: boolean;
  /** Who receives exec-output / exec-done notices ("probe:...", "ws:...", "hook:..."). */
  owner: string;
  /** Kill the session after this long (probe timeoutSeconds); execRead then reports timedOut. */
  timeoutMs?: number;
  cols?: number;
  rows?: number;
  /** Earlier identical probe execs skipped in bulk (their pids are consumed). */
  skipped?: SkippedRequests;
}

/** Options of attach (kubectl attach, kubectl run -i): which of PID 1's streams the client joins. */
export interface AttachOptions {
  /** Who receives exec-output / exec-done notices for the attach session. */
  owner: string;
  stdin?: boolean;
  stdout?: boolean;
  stderr?: boolean;
}

/** Answer of attach: a session read and written with execRead / execWrite, or the CRI error. */
export type AttachStartResult = { sessionId: string } | { error: string };

/** Answer of exec: a session, or the CRI error when the session cannot start. */
export type ExecStartResult = { sessionId: string } | { error: string; exitCode: number };

/** Drained output of an exec session. */
export interface ExecReadResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  exitCode?: number;
  timedOut?: boolean;
}

/** Result of a TCP connection attempt. */
export type TcpResult = "ok" | "refused" | "timeout";

/** Result of an HTTP GET. */
export type HttpResult =
  | { status: number; body: string; headers: Record<string, string> }
  | { error: "refused" | "timeout" | "reset" };

/** Result of a gRPC health check. */
export type GrpcResult = { status: "SERVING" | "NOT_SERVING" | "UNKNOWN" | "SERVICE_UNKNOWN" } | { error: "refused" | "timeout" | "unimplemented" };

/** Options of readLogs. */
export interface LogReadOptions {
  tailLines?: number;
  sinceTime?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/** A process as views and tests see it. */
export interface ProcessView {
  pid: number;
  ppid: number;
  user: string;
  argv: string[];
  comm: string;
  state: "R" | "S" | "Z" | "T";
  startedAt: number;
  memoryBytes: number;
  cpuMillicores: number;
}
