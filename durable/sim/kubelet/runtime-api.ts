// The subset of the container runtime (durable/sim/runtime) the kubelet calls, as a structural
// type so the kubelet compiles and tests against the contract rather than the implementation.
import type {
  ContainerConfig, ContainerStatusView, CreateContainerResult, ExecOptions, ExecReadResult, ExecStartResult, HttpResult,
  ImageInfo, LogReadOptions, NodeImage, SandboxSpec, StartContainerResult, TcpResult, ContainerStatsView, GrpcResult,
} from "../runtime/contract";

/** Runtime operations used by kubelets and the API hooks. */
export interface RuntimeApi {
  resolveImage(ref: string): ImageInfo | { error: string };
  nodeHasImage(node: string, ref: string): boolean;
  addNodeImage(node: string, ref: string): void;
  nodeImages(node: string): NodeImage[];
  createSandbox(spec: SandboxSpec): void;
  removeSandbox(sandboxId: string): void;
  createContainer(cfg: ContainerConfig): CreateContainerResult;
  startContainer(id: string): StartContainerResult;
  stopContainer(id: string, graceMs: number): void;
  signalContainer(id: string, signal: number | string): void;
  removeContainer(id: string): void;
  containerStatus(id: string): ContainerStatusView | undefined;
  containerStats(id: string): ContainerStatsView | undefined;
  exec(containerId: string, argv: string[], opts: ExecOptions): ExecStartResult;
  execWrite(sessionId: string, bytes: Uint8Array): void;
  execCloseStdin(sessionId: string): void;
  execResize(sessionId: string, cols: number, rows: number): void;
  execRead(sessionId: string): ExecReadResult;
  execKill(sessionId: string): void;
  tcpConnect(fromIp: string, ip: string, port: number): TcpResult;
  httpGet(fromIp: string, ip: string, port: number, path: string, headers: Record<string, string>, timeoutMs: number): HttpResult;
  grpcCheck?(fromIp: string, ip: string, port: number, service: string, timeoutMs: number): GrpcResult;
  readLogs(containerId: string, opts: LogReadOptions): string;
  logCursor(containerId: string): number;
  logsAfter(containerId: string, cursor: number, opts: { timestamps?: boolean }): { text: string; cursor: number; ended: boolean };
}
