// Builds a fresh sandbox's cluster state: namespaces, nodes with leases, kube-system pods,
// system services, service accounts and CA config maps, all dated at the cluster's install time.
import type { Cluster } from "../cluster";
import type { Ipam } from "../network/ipam";
import type { KObject } from "../store/types";
import { leaseObject, nodeObject } from "./nodes";
import { kubernetesEndpoints, namespaceObject, rootCaConfigMap, serviceAccountObject, SYSTEM_NAMESPACES, systemServices } from "./objects";
import { systemPodObject, systemPodTemplates } from "./system-pods";

/** Writes the initial objects of a cluster into its store, allocating system pods' IPs from `ipam`. */
export function bootstrapObjects(c: Cluster, ipam: Ipam): void {
  const { store, rng, config } = c.ctx;
  const installed = config.startTime - config.installedAgoMs;
  for (const ns of SYSTEM_NAMESPACES) store.create("namespaces", namespaceObject(ns, rng, installed));
  const nodeUids: Record<string, string> = {};
  config.nodes.forEach((n, i) => {
    const joined = installed + (n.controlPlane ? 0 : 5 * 60_000 + i * 60_000);
    const node = nodeObject(n, config, rng, joined, c.now);
    nodeUids[n.name] = node.metadata.uid!;
    store.create("nodes", node);
    store.create("leases.coordination.k8s.io", leaseObject(n, node.metadata.uid!, rng, joined, c.now));
    ipam.addNode(n.name, n.podBlock, 1 + rng.int(32));
  });
  for (const ns of SYSTEM_NAMESPACES) {
    store.create("serviceaccounts", serviceAccountObject(ns, rng, installed));
    store.create("configmaps", rootCaConfigMap(ns, rng, installed));
  }
  for (const sa of ["kube-proxy", "calico-node", "calico-kube-controllers", "coredns"]) {
    store.create("serviceaccounts", serviceAccountObject("kube-system", rng, installed, sa));
  }
  for (const svc of systemServices(rng, installed)) store.create("services", svc);
  const master = config.nodes.find((n) => n.controlPlane) ?? config.nodes[0];
  store.create("endpoints", kubernetesEndpoints(master.ip, rng, installed));
  const ownerUids: Record<string, string> = {};
  for (const t of systemPodTemplates(config, rng)) {
    const node = config.nodes.find((n) => n.name === t.node)!;
    const ip = t.hostNetwork ? node.ip : ipam.allocate(node.name);
    const ownerKey = t.owner ? `${t.owner.kind}/${t.owner.name}` : `Node/${node.name}`;
    ownerUids[ownerKey] ??= t.owner ? rng.uuid() : nodeUids[node.name];
    const started = installed + (node.controlPlane ? 30_000 : 6 * 60_000);
    store.create("pods", systemPodObject(t, node, ip, rng, started, ownerUids[ownerKey]) as KObject);
  }
}
