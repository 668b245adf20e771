// Cluster networking answered from API objects: kube-proxy's ClusterIP → backend choice (from
// Endpoints, ready addresses only) and CoreDNS names (services, headless services, pods).
import type { NetworkResolver } from "../runtime/contract";
import type { Store } from "../store/store";
import type { Rng } from "../core/rng";

// deno-lint-ignore no-explicit-any
type Json = any;

/** The cluster DNS service address. */
export const DNS_SERVER = "10.96.0.10";

/** Builds the resolver over the store (reads only). */
export function clusterResolver(store: Store, rng: Rng): NetworkResolver {
  return {
    dnsServer: () => DNS_SERVER,
    routeServiceIP(ip, port) {
      const svc = store.list("services").find((s: Json) => (s.spec?.clusterIPs ?? [s.spec?.clusterIP]).includes(ip)) as Json;
      if (!svc) return undefined;
      const sp = (svc.spec.ports ?? []).find((p: Json) => p.port === port);
      if (!sp) return "no-endpoints";
      if (svc.metadata.namespace === "default" && svc.metadata.name === "kubernetes") return "no-endpoints";
      const ep = store.get("endpoints", svc.metadata.namespace, svc.metadata.name) as Json;
      const backends: { ip: string; port: number }[] = [];
      for (const ss of ep?.subsets ?? []) {
        const p = (ss.ports ?? []).find((x: Json) => (sp.name ? x.name === sp.name : true) && (x.protocol ?? "TCP") === (sp.protocol ?? "TCP"));
        if (!p) continue;
        for (const a of ss.addresses ?? []) backends.push({ ip: a.ip, port: p.port });
      }
      if (!backends.length) return "no-endpoints";
      return backends[rng.int(backends.length)];
    },
    resolve(name, fromNamespace) {
      const n = name.replace(/\.$/, "").toLowerCase();
      const parts = n.split(".");
      let svcName: string;
      let ns: string;
      if (parts.length === 1) { svcName = parts[0]; ns = fromNamespace; }
      else if (parts.length === 2) { svcName = parts[0]; ns = parts[1]; }
      else if (parts.length >= 3 && parts[2] === "svc" && (parts.length === 3 || parts.slice(3).join(".") === "cluster.local")) { svcName = parts[0]; ns = parts[1]; }
      else if (parts.length >= 3 && parts[2] === "pod") {
        const ip = parts[0].replace(/-/g, ".");
        return /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? [ip] : undefined;
      } else return undefined;
      const svc = store.get("services", ns, svcName) as Json;
      if (!svc) return undefined;
      if (svc.spec.clusterIP === "None") {
        const ep = store.get("endpoints", ns, svcName) as Json;
        const ips = (ep?.subsets ?? []).flatMap((s: Json) => (s.addresses ?? []).map((a: Json) => a.ip));
        return ips.length ? ips : undefined;
      }
      return [svc.spec.clusterIP];
    },
  };
}
