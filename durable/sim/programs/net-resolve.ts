// Name resolution as a pod's resolver does it: /etc/hosts, IP literals, then cluster DNS with
// the pod's search path (ndots:5). Used by curl, wget, nslookup, nc and redis-cli.
import type { Sys } from "./api";

/** Result of resolving a host name. */
export interface Resolved {
  ip?: string;
  fqdn: string;
}

/** The search-path candidates for a name, in resolver order. */
export function candidates(sys: Sys, name: string): string[] {
  const d = sys.net.clusterDomain;
  const ns = sys.net.namespace;
  if (name.endsWith(".")) return [name.slice(0, -1)];
  const search = [`${name}.${ns}.svc.${d}`, `${name}.svc.${d}`, `${name}.${d}`];
  return (name.split(".").length - 1) >= 5 ? [name, ...search] : [...search, name];
}

/** Resolves a host name to its first address (undefined ip = NXDOMAIN). */
export function resolveName(sys: Sys, name: string): Resolved {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { ip: name, fqdn: name };
  if (name === "localhost") return { ip: "127.0.0.1", fqdn: "localhost" };
  const hosts = sys.fs.readFile("/etc/hosts");
  if (typeof hosts !== "string") {
    for (const line of hosts.c.split("\n")) {
      const [ip, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
      if (ip && /^\d+\./.test(ip) && names.includes(name)) return { ip, fqdn: name };
    }
  }
  for (const c of candidates(sys, name)) {
    const ips = sys.resolveHost(c);
    if (ips && ips.length) return { ip: ips[0], fqdn: c };
  }
  return { fqdn: name };
}

/** Splits a URL into host, port and path. */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
  if (!m || !m[2]) return undefined;
  const scheme = m[1] ?? "http";
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}
