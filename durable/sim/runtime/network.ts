// The pod network: which process listens on an ip:port (pod IPs, localhost inside the pod's
// network namespace, ClusterIPs routed by the host's kube-proxy rules), and synchronous request
// delivery to the listening program. Used by sys.ts (curl, wget, redis-cli) and runtime.ts (probes).
import type { ConnectOutcome, HttpRequest, HttpResponse } from "../programs/api";
import type { Kernel } from "./kernel";
import type { SandboxState } from "./state";
import { programFor } from "../programs/registry";
import { ProcSys } from "./sys";
import { materialize } from "./ff-track";

/** Finds the listener an ip:port reaches from a sandbox (undefined sandbox = the node). */
export function connectTo(k: Kernel, from: SandboxState | undefined, ip: string, port: number): ConnectOutcome {
  let dstIp = ip;
  let dstPort = port;
  let sb: SandboxState | undefined;
  if (from && (ip === "127.0.0.1" || ip === "::1" || ip === "localhost" || ip === "0.0.0.0" || ip === from.ip)) sb = from;
  else {
    const sid = k.s.ips[ip];
    if (sid) sb = k.s.sandboxes[sid];
    else {
      const route = k.host.net.routeServiceIP(ip, port);
      if (route === "no-endpoints") return { ok: false, err: "ECONNREFUSED" };
      if (!route) return { ok: false, err: "ETIMEDOUT" };
      dstIp = route.ip;
      dstPort = route.port;
      const rid = k.s.ips[dstIp];
      sb = rid ? k.s.sandboxes[rid] : undefined;
      if (!sb) return { ok: false, err: "ETIMEDOUT" };
    }
  }
  if (!sb) return { ok: false, err: "EHOSTUNREACH" };
  const l = k.s.listen[`${sb.ip}:${dstPort}`];
  if (!l) return { ok: false, err: "ECONNREFUSED" };
  const c = k.s.containers[l.cid];
  const p = c?.procs[l.pid];
  if (!c || !p || p.st === "Z") return { ok: false, err: "ECONNREFUSED" };
  return { ok: true, ip: dstIp === "127.0.0.1" ? sb.ip : dstIp, port: dstPort, cid: l.cid, pid: l.pid, proto: l.proto };
}

/** Delivers an HTTP request to the program behind a connection. */
export function deliverHttp(k: Kernel, target: Extract<ConnectOutcome, { ok: true }>, req: HttpRequest): HttpResponse | { error: "reset" } {
  const c = k.s.containers[target.cid];
  const p = c?.procs[target.pid];
  if (!c || !p) return { error: "reset" };
  materialize(k, c);
  const prog = programFor(p.prog);
  if (!prog.http) return { error: "reset" };
  return prog.http(new ProcSys(k, c, p), { ...req, port: target.port });
}

/** Delivers a line-oriented request (redis, raw) to the program behind a connection. */
export function deliverRequest(k: Kernel, target: Extract<ConnectOutcome, { ok: true }>, payload: string): string | { error: "reset" } {
  const c = k.s.containers[target.cid];
  const p = c?.procs[target.pid];
  if (!c || !p) return { error: "reset" };
  materialize(k, c);
  const prog = programFor(p.prog);
  if (!prog.request) return { error: "reset" };
  return prog.request(new ProcSys(k, c, p), payload);
}
