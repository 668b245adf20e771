// Pod sandboxes: the pod's network identity (IP, hostname, listening sockets shared by its
// containers) and the kubelet-managed /etc/hosts, /etc/hostname and /etc/resolv.conf every
// container mounts. Removing a sandbox drops its emptyDir volumes. Used by runtime.ts.
import type { SandboxSpec } from "./contract";
import type { Kernel } from "./kernel";
import { removeContainer } from "./containers";

/** Volume id of a sandbox's managed files. */
export function sandboxVolume(id: string): string {
  return `sb:${id}`;
}

/** The kubelet-managed /etc/hosts of a pod. */
export function hostsFile(ip: string, hostname: string): string {
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${hostname}\n`;
}

/** Creates a pod sandbox. */
export function createSandbox(k: Kernel, spec: SandboxSpec): void {
  const domain = spec.clusterDomain ?? "cluster.local";
  k.s.sandboxes[spec.sandboxId] = {
    id: spec.sandboxId, node: spec.node, podUid: spec.podUid, podName: spec.podName, namespace: spec.namespace,
    ip: spec.ip, hostname: spec.hostname, clusterDomain: domain, containers: [],
  };
  if (spec.ip) k.s.ips[spec.ip] = spec.sandboxId;
  const dns = k.host.net.dnsServer();
  k.s.volumes[sandboxVolume(spec.sandboxId)] = {
    users: 0,
    files: {
      "": { t: "d" },
      hosts: { t: "f", c: hostsFile(spec.ip, spec.hostname), m: 0o644 },
      hostname: { t: "f", c: `${spec.hostname}\n`, m: 0o644 },
      "resolv.conf": { t: "f", c: `search ${spec.namespace}.svc.${domain} svc.${domain} ${domain}\nnameserver ${dns}\noptions ndots:5\n`, m: 0o644 },
    },
  };
}

/** Removes a sandbox, its remaining containers and its pod-scoped volumes. */
export function removeSandbox(k: Kernel, id: string): void {
  k.paths.clear();
  const sb = k.s.sandboxes[id];
  if (!sb) return;
  for (const cid of [...sb.containers]) removeContainer(k, cid);
  if (k.s.ips[sb.ip] === id) delete k.s.ips[sb.ip];
  delete k.s.volumes[sandboxVolume(id)];
  const prefix = `emptydir:${sb.podUid}/`;
  for (const v of Object.keys(k.s.volumes)) if (v.startsWith(prefix)) delete k.s.volumes[v];
  delete k.s.sandboxes[id];
}
