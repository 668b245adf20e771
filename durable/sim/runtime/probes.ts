// Network checks the kubelet runs against pods: TCP connect, HTTP GET (kube-probe user agent,
// served synchronously by the listening program) and gRPC health. Used by runtime.ts.
import type { GrpcResult, HttpResult, SkippedRequests, TcpResult } from "./contract";
import type { Kernel } from "./kernel";
import { connectTo, deliverHttp } from "./network";
import { programFor } from "../programs/registry";
import { ProcSys } from "./sys";
import { beginReplay, finishReplay } from "./probe-replay";

function fromSandbox(k: Kernel, fromIp: string) {
  const sid = k.s.ips[fromIp];
  return sid ? k.s.sandboxes[sid] : undefined;
}

/** A TCP connection attempt. */
export function tcpConnect(k: Kernel, fromIp: string, ip: string, port: number): TcpResult {
  const t = connectTo(k, fromSandbox(k, fromIp), ip, port);
  return t.ok ? "ok" : t.err === "ECONNREFUSED" ? "refused" : "timeout";
}

/** An HTTP GET (standing in for `skipped` identical earlier ones as well, when given). */
export function httpGet(k: Kernel, fromIp: string, ip: string, port: number, path: string, headers: Record<string, string>, skipped?: SkippedRequests): HttpResult {
  const t = connectTo(k, fromSandbox(k, fromIp), ip, port);
  if (!t.ok) return { error: t.err === "ECONNREFUSED" ? "refused" : "timeout" };
  if (t.proto !== "http") return { error: "reset" };
  const host = headers.Host ?? headers.host ?? `${ip}:${port}`;
  const c = k.s.containers[t.cid];
  const mark = c ? beginReplay(k, c, t.pid, skipped) : undefined;
  const r = deliverHttp(k, t, { method: "GET", path: path || "/", headers: { "User-Agent": "kube-probe/1.32", Accept: "*/*", ...headers }, fromIp, host });
  finishReplay(k, mark);
  if ("error" in r) return { error: "reset" };
  return { status: r.status, body: r.body, headers: r.headers };
}

/** A grpc.health.v1 Check. */
export function grpcCheck(k: Kernel, fromIp: string, ip: string, port: number, service: string): GrpcResult {
  const t = connectTo(k, fromSandbox(k, fromIp), ip, port);
  if (!t.ok) return { error: t.err === "ECONNREFUSED" ? "refused" : "timeout" };
  const c = k.s.containers[t.cid];
  const p = c?.procs[t.pid];
  const prog = p ? programFor(p.prog) : undefined;
  if (!c || !p || !prog?.grpcHealth) return { error: "unimplemented" };
  return { status: prog.grpcHealth(new ProcSys(k, c, p), service) };
}
