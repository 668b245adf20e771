// The pod network: which process listens on an ip:port (pod IPs, localhost inside the pod's
// network namespace, ClusterIPs routed by the host's kube-proxy rules), and synchronous request
// delivery to the listening program. Used by sys.ts (curl, wget, redis-cli) and runtime.ts (probes).
import type { ConnectOutcome, HttpRequest, HttpResponse } from "../programs/api";
import type { Kernel } from "./kernel";
import type { ContainerState, ProcState, SandboxState } from "./state";
import type { Errno } from "./constants";
import type { Vfs } from "./fs";
import { programFor } from "../programs/registry";
import { ProcSys } from "./sys";
import { materialize } from "./ff-track";
import { crashed } from "./procs";

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
  try {
    return prog.http(new ProcSys(k, c, p), { ...req, port: target.port });
  } catch (e) {
    crashed(k, c, p, e);
    return { error: "reset" };
  }
}

/** Delivers a line-oriented request (redis, raw) to the program behind a connection. */
export function deliverRequest(k: Kernel, target: Extract<ConnectOutcome, { ok: true }>, payload: string): string | { error: "reset" } {
  const c = k.s.containers[target.cid];
  const p = c?.procs[target.pid];
  if (!c || !p) return { error: "reset" };
  materialize(k, c);
  const prog = programFor(p.prog);
  if (!prog.request) return { error: "reset" };
  try {
    return prog.request(new ProcSys(k, c, p), payload);
  } catch (e) {
    crashed(k, c, p, e);
    return { error: "reset" };
  }
}

/** Binds a listening socket on the pod's IP (EADDRINUSE when a live process holds it). */
export function listenOn(k: Kernel, c: ContainerState, p: ProcState, port: number, proto: "http" | "redis" | "grpc" | "raw" | "mysql"): Errno | undefined {
  const sb = k.s.sandboxes[c.cfg.sandboxId];
  if (!sb) return "EINVAL";
  const key = `${sb.ip}:${port}`;
  const cur = k.s.listen[key];
  if (cur) {
    const owner = k.s.containers[cur.cid]?.procs[cur.pid];
    if (owner && owner.st !== "Z") return "EADDRINUSE";
  }
  k.s.listen[key] = { cid: c.id, pid: p.pid, proto };
  p.lis = 1;
  return undefined;
}

/** Closes a listening socket a process holds. */
export function unlistenOn(k: Kernel, c: ContainerState, p: ProcState, port: number): void {
  const sb = k.s.sandboxes[c.cfg.sandboxId];
  const key = `${sb?.ip}:${port}`;
  const l = k.s.listen[key];
  if (l?.pid === p.pid && l.cid === c.id) delete k.s.listen[key];
}

/** An address from the container's /etc/hosts. */
export function fromHostsFile(fs: Vfs, name: string): string[] | undefined {
  const hosts = fs.readFile("/etc/hosts");
  if (typeof hosts === "string") return undefined;
  for (const line of hosts.c.split("\n")) {
    const [ip, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
    if (ip && names.includes(name) && /^\d+\./.test(ip)) return [ip];
  }
  return undefined;
}
