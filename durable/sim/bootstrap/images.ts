// The images already on each node of a fresh sandbox: the system images every node runs, and on
// the workers the images the tutorial says are "present on every node" (its private-registry
// nginx:1.27.5 and redis:v7.0.5), so IfNotPresent/Never behave as in its transcripts.
import type { ClusterConfig, NodeSpec } from "../config";

/** The tutorial's private registry prefix. */
export const TUTORIAL_REGISTRY = "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he";

/** Image references cached on a node at creation. */
export function seededImages(node: NodeSpec, cfg: ClusterConfig): string[] {
  const v = cfg.kubernetesVersion;
  const system = [
    `registry.k8s.io/kube-proxy:${v}`,
    "registry.k8s.io/pause:3.10",
    "docker.io/calico/node:v3.28.2",
    "docker.io/calico/cni:v3.28.2",
  ];
  if (node.controlPlane) {
    return [...system, "registry.k8s.io/etcd:3.5.16-0", `registry.k8s.io/kube-apiserver:${v}`, `registry.k8s.io/kube-controller-manager:${v}`,
      `registry.k8s.io/kube-scheduler:${v}`, "registry.k8s.io/coredns/coredns:v1.11.3"];
  }
  return [...system, "registry.k8s.io/coredns/coredns:v1.11.3", "docker.io/calico/kube-controllers:v3.28.2",
    `${TUTORIAL_REGISTRY}/nginx:1.27.5`, `${TUTORIAL_REGISTRY}/redis:v7.0.5`, "docker.io/library/busybox:1.36"];
}
