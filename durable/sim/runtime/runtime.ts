// The simulated container runtime the kubelet drives (the CRI of podlab): images, sandboxes,
// containers, exec sessions, probes, logs and stats over plain JSON state. Every entry point
// delegates to a module and then runs whatever became runnable. Created by the cluster per sandbox.
import type {
  AttachOptions, AttachStartResult, ContainerConfig, ContainerStatsView, ContainerStatusView, CreateContainerResult, ExecOptions, ExecReadResult,
  ExecStartResult, GrpcResult, HttpResult, ImageInfo, LogReadOptions, NodeImage, NodeInfo, ProcessView, RuntimeHost,
  SandboxSpec, SkippedRequests, StartContainerResult, TcpResult,
} from "./contract";
import { DEFAULT_NODE, parseSignal, TIMER_PREFIX } from "./constants";
import { Kernel } from "./kernel";
import type { RuntimeState } from "./state";
import { resolveImage } from "./images/catalog";
import { createContainer, killDeadline, removeContainer, signalContainer, startContainer, stopContainer } from "./containers";
import { createSandbox, removeSandbox } from "./sandboxes";
import { armExecTimeout, closeExecStdin, killExec, readExec, resizeExec, startExec, writeExec } from "./exec-sessions";
import { flush, wakeContainer } from "./scheduler";
import { logCursor, logsAfter, readLog } from "./logs";
import { containerCpu, containerMemory } from "./memory";
import { grpcCheck, httpGet, tcpConnect } from "./probes";
import { settleCpu } from "./procs";
import { Vfs } from "./fs";
import { collectScripts } from "./script-gc";
import { materialize, syncLog } from "./ff-track";
import { consumePids } from "./probe-replay";
import { attachCloseStdin, attachResize, attachSession, attachWrite, detachClient, startAttach } from "./attach";

/** Tuning switches (not persisted). */
export interface RuntimeOptions {
  /** Freeze proven periodic loops and compute them on demand (default true). */
  fastForward?: boolean;
  /** Rethrow errors raised inside simulated programs instead of containing them (tests). */
  strict?: boolean;
}

/** A fresh, empty runtime state. */
export function emptyRuntimeState(): RuntimeState {
  return { v: 1, nodes: {}, sandboxes: {}, containers: {}, volumes: {}, sessions: {}, scripts: {}, ips: {}, listen: {}, seq: 0 };
}

/** The container runtime of all nodes of one cluster. */
export class Runtime {
  private k: Kernel;

  constructor(host: RuntimeHost, state?: RuntimeState, opts: RuntimeOptions = {}) {
    const s = state ?? emptyRuntimeState();
    s.listen ??= {};
    this.k = new Kernel(s, host);
    if (opts.fastForward === false) this.k.fastForward = false;
    if (opts.strict) this.k.strict = true;
  }

  /** Rebuilds a runtime from saved state. */
  static restore(state: RuntimeState, host: RuntimeHost, opts: RuntimeOptions = {}): Runtime {
    return new Runtime(host, state, opts);
  }

  /** The persistable state (a live reference; serialize it before further calls). */
  save(): RuntimeState {
    return this.k.s;
  }

  /** Catches a fast-forwarded container up to now before anything looks at or changes it. */
  private touch(id: string): void {
    materialize(this.k, this.k.s.containers[id]);
  }

  /** Timer callback for keys the runtime scheduled. */
  onTimer(key: string, _data?: unknown): void {
    if (!key.startsWith(TIMER_PREFIX)) return;
    const [kind, ...rest] = key.slice(TIMER_PREFIX.length).split("/");
    const id = rest.join("/");
    if (kind === "c") { const c = this.k.s.containers[id]; if (c) wakeContainer(this.k, c); }
    else if (kind === "k") killDeadline(this.k, id);
    else if (kind === "x") killExec(this.k, id, true);
    flush(this.k);
  }

  /** Work counters since creation: container wake-ups, interpreter/program steps, loops frozen and materialized. */
  stats(): { wakes: number; steps: number; frozen: number; materialized: number; crashes: number } {
    return { ...this.k.stats };
  }

  // ---- nodes and images ----

  /** Sets the facts of a node (cpus, memory, kernel) shown inside its containers. */
  setNodeInfo(node: string, info: Partial<NodeInfo>): void {
    const n = this.node(node);
    n.info = { ...n.info, ...info };
  }

  private node(node: string) {
    return (this.k.s.nodes[node] ??= { images: [], info: { ...DEFAULT_NODE } });
  }

  /** Resolves an image reference (any registry prefix) or returns the CRI pull error. */
  resolveImage(ref: string): ImageInfo | { error: string; invalid?: boolean } {
    const r = resolveImage(ref);
    return "error" in r ? r : r.info;
  }

  /** True when the node has pulled this image (same repository and tag, or same digest). */
  nodeHasImage(node: string, ref: string): boolean {
    const r = resolveImage(ref);
    if ("error" in r) return false;
    return this.node(node).images.some((n) => n === r.info.normalized || n === r.info.imageID);
  }

  /** Records a pulled image on a node. */
  addNodeImage(node: string, ref: string): void {
    const r = resolveImage(ref);
    if ("error" in r) return;
    const imgs = this.node(node).images;
    if (!imgs.includes(r.info.normalized)) imgs.push(r.info.normalized);
  }

  /** Seeds a node's image cache (images present at cluster creation). */
  seedNodeImages(node: string, refs: string[]): void {
    for (const r of refs) this.addNodeImage(node, r);
  }

  /** node.status.images: one entry per image digest with all its names. */
  nodeImages(node: string): NodeImage[] {
    const byId = new Map<string, NodeImage>();
    for (const name of this.node(node).images) {
      const r = resolveImage(name);
      if ("error" in r) continue;
      const e = byId.get(r.info.imageID.split("@")[1]) ?? { names: [r.info.imageID], sizeBytes: r.info.sizeBytes };
      e.names.push(name);
      byId.set(r.info.imageID.split("@")[1], e);
    }
    return [...byId.values()].sort((a, b) => b.sizeBytes - a.sizeBytes);
  }

  // ---- sandboxes and containers ----

  /** Creates a pod sandbox (network identity, managed /etc files). */
  createSandbox(spec: SandboxSpec): void { createSandbox(this.k, spec); }

  /** Removes a sandbox with its remaining containers and emptyDir volumes. */
  removeSandbox(sandboxId: string): void { removeSandbox(this.k, sandboxId); flush(this.k); collectScripts(this.k); }

  /** Creates a container. */
  createContainer(cfg: ContainerConfig): CreateContainerResult { return createContainer(this.k, cfg); }

  /** Starts a created container. */
  startContainer(id: string): StartContainerResult {
    const r = startContainer(this.k, id);
    flush(this.k);
    return r;
  }

  /** Stops a container: STOPSIGNAL to PID 1, SIGKILL after graceMs. */
  stopContainer(id: string, graceMs: number): void { this.touch(id); stopContainer(this.k, id, graceMs); flush(this.k); }

  /** Sends a signal (number or name such as "SIGTERM") to a container's PID 1. */
  signalContainer(id: string, signal: number | string): void {
    this.touch(id);
    const n = typeof signal === "number" ? signal : parseSignal(signal);
    if (n !== undefined) signalContainer(this.k, id, n);
    flush(this.k);
  }

  /** Removes a container and its logs. */
  removeContainer(id: string): void { this.touch(id); removeContainer(this.k, id); flush(this.k); collectScripts(this.k); }

  /** The container's state for the kubelet. */
  containerStatus(id: string): ContainerStatusView | undefined {
    const c = this.k.s.containers[id];
    if (!c) return undefined;
    const v: ContainerStatusView = { state: c.status, imageRef: c.imageRef, imageID: c.imageID };
    if (c.status === "running") v.pid1 = 1;
    if (c.startedAt !== undefined) v.startedAt = c.startedAt;
    if (c.status === "exited") {
      v.finishedAt = c.finishedAt;
      v.exitCode = c.exitCode;
      v.reason = c.reason;
    }
    return v;
  }

  /** CPU and memory in use (kubectl top). */
  containerStats(id: string): ContainerStatsView {
    const c = this.k.s.containers[id];
    if (!c || c.status !== "running") return { cpuMillicores: 0, memoryBytes: 0 };
    const cpus = this.k.s.nodes[c.cfg.node]?.info.cpus ?? DEFAULT_NODE.cpus;
    return { cpuMillicores: containerCpu(c, cpus), memoryBytes: containerMemory(c) };
  }

  /** Reads a file of a container (termination messages). */
  readFile(id: string, path: string): string | undefined {
    const c = this.k.s.containers[id];
    if (!c) return undefined;
    const r = new Vfs(this.k, c).readFile(path);
    return typeof r === "string" ? undefined : r.c;
  }

  /** Processes of a container. */
  processes(id: string): ProcessView[] {
    this.touch(id);
    const c = this.k.s.containers[id];
    if (!c) return [];
    const now = this.k.now();
    return Object.values(c.procs).sort((a, b) => a.pid - b.pid).map((p) => {
      settleCpu(p, now);
      return { pid: p.pid, ppid: p.ppid, user: p.uid === 0 ? "root" : String(p.uid), argv: [...p.argv], comm: p.comm, state: p.st, startedAt: p.start, memoryBytes: p.mem, cpuMillicores: p.cpu };
    });
  }

  // ---- exec and attach ----

  /** Starts a process in a running container. */
  exec(containerId: string, argv: string[], opts: ExecOptions): ExecStartResult {
    this.touch(containerId);
    const c = this.k.s.containers[containerId];
    const pidBefore = c?.nextPid ?? 0;
    const r = startExec(this.k, containerId, argv, opts);
    flush(this.k);
    if ("sessionId" in r) {
      armExecTimeout(this.k, r.sessionId);
      if (c && opts.skipped && this.k.s.sessions[r.sessionId]?.done) consumePids(c, c.nextPid - pidBefore, opts.skipped);
    }
    return r;
  }

  /** Attaches a client to a running container's PID 1 stdio; the session is then driven with the exec* calls. */
  attach(containerId: string, opts: AttachOptions): AttachStartResult {
    this.touch(containerId);
    const r = startAttach(this.k, containerId, opts);
    flush(this.k);
    return r;
  }

  /** Sends input to a session (an attach session feeds the container's TTY or stdin). */
  execWrite(sessionId: string, bytes: Uint8Array): void {
    const a = attachSession(this.k, sessionId);
    if (a) { this.touch(a.cid); attachWrite(this.k, sessionId, bytes); } else writeExec(this.k, sessionId, bytes);
    flush(this.k);
  }

  /** Closes a session's stdin (for an attach session: stdinOnce closes the container's stdin, else it detaches). */
  execCloseStdin(sessionId: string): void {
    const a = attachSession(this.k, sessionId);
    if (a) { this.touch(a.cid); attachCloseStdin(this.k, sessionId); } else closeExecStdin(this.k, sessionId);
    flush(this.k);
  }

  /** Resizes a session's terminal (an attach session resizes the container's TTY). */
  execResize(sessionId: string, cols: number, rows: number): void {
    if (attachSession(this.k, sessionId)) attachResize(this.k, sessionId, cols, rows);
    else resizeExec(this.k, sessionId, cols, rows);
    flush(this.k);
  }

  /** Drains a session's output (with the exit code once it ended). */
  execRead(sessionId: string): ExecReadResult { return readExec(this.k, sessionId); }

  /** Kills a session's process; an attach session is detached instead (PID 1 keeps running). */
  execKill(sessionId: string): void {
    const a = attachSession(this.k, sessionId);
    if (a) { this.touch(a.cid); detachClient(this.k, sessionId); } else killExec(this.k, sessionId);
    flush(this.k);
  }

  // ---- network checks ----

  /** TCP connect from an IP (node or pod). */
  tcpConnect(fromIp: string, ip: string, port: number): TcpResult { return tcpConnect(this.k, fromIp, ip, port); }

  /** HTTP GET from an IP. */
  httpGet(fromIp: string, ip: string, port: number, path: string, headers: Record<string, string>, _timeoutMs: number, skipped?: SkippedRequests): HttpResult {
    const r = httpGet(this.k, fromIp, ip, port, path, headers, skipped);
    flush(this.k);
    return r;
  }

  /** gRPC health check from an IP. */
  grpcCheck(fromIp: string, ip: string, port: number, service: string, _timeoutMs: number): GrpcResult { return grpcCheck(this.k, fromIp, ip, port, service); }

  // ---- logs ----

  /** The container log as `kubectl logs` prints it. */
  readLogs(containerId: string, opts: LogReadOptions = {}): string {
    syncLog(this.k, this.k.s.containers[containerId]);
    const c = this.k.s.containers[containerId];
    return c ? readLog(c, opts) : "";
  }

  /** Position after the last complete log line. */
  logCursor(containerId: string): number {
    syncLog(this.k, this.k.s.containers[containerId]);
    const c = this.k.s.containers[containerId];
    return c ? logCursor(c) : 0;
  }

  /** Log lines written after a cursor (kubectl logs -f). */
  logsAfter(containerId: string, cursor: number, opts: { timestamps?: boolean } = {}): { text: string; cursor: number; ended: boolean } {
    syncLog(this.k, this.k.s.containers[containerId]);
    const c = this.k.s.containers[containerId];
    return c ? logsAfter(c, cursor, !!opts.timestamps) : { text: "", cursor, ended: true };
  }
}
