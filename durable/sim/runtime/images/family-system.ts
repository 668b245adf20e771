// The images of a kubeadm cluster's kube-system pods: the control-plane components and
// kube-proxy (registry.k8s.io, v1.32.x), CoreDNS, and Calico (node, cni, kube-controllers).
// Distroless-style images without a shell. Registered in catalog.ts.
import type { FamilyDef, TagDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const K8S_TAGS = ["v1.32.4", "v1.32.3", "v1.32.2", "v1.32.1", "v1.32.0", "v1.31.4", "v1.30.8"];

function daemon(name: string, tags: string[], size: number, progs: Record<string, string>, entrypoint?: string[], env: [string, string][] = []): TagDef[] {
  return tags.map((tag) => ({
    tag, sizeBytes: size, created: "2025-04-22T00:00:00Z",
    config: { entrypoint, env: [["PATH", PATH], ...env], exposedPorts: [], stopSignal: "SIGTERM", user: "" },
    rootfs: () => withDevices(buildFs(DEV, { dirs: ["/tmp", "/var/run", "/etc"], progs, files: { "/etc/passwd": "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n" } })),
    vars: { distro: "distroless", version: tag, component: name },
  }));
}

function k8s(name: string, size: number, bin = `/usr/local/bin/${name}`): FamilyDef {
  return { name, repos: [name, `kubernetes/${name}`], matchLast: true, tags: daemon(name, K8S_TAGS, size, { [bin]: name }) };
}

/** kube-apiserver. */
export const KUBE_APISERVER = k8s("kube-apiserver", 28_250_000);
/** kube-controller-manager. */
export const KUBE_CONTROLLER_MANAGER = k8s("kube-controller-manager", 26_260_000);
/** kube-scheduler. */
export const KUBE_SCHEDULER = k8s("kube-scheduler", 20_650_000);
/** kube-proxy. */
export const KUBE_PROXY = k8s("kube-proxy", 30_910_000);

/** CoreDNS. */
export const COREDNS: FamilyDef = {
  name: "coredns", repos: ["coredns/coredns", "coredns"], matchLast: true,
  tags: daemon("coredns", ["v1.11.3", "v1.11.1", "1.11.3"], 18_562_039, { "/coredns": "coredns" }, ["/coredns"]),
};

/** calico/node. */
export const CALICO_NODE: FamilyDef = {
  name: "calico-node", repos: ["calico/node"],
  tags: daemon("calico-node", ["v3.28.2", "v3.28.1", "v3.29.1"], 137_480_000, { "/usr/bin/calico-node": "calico-node", "/bin/calico-node": "calico-node", "/usr/sbin/start_runit": "calico-node" }, ["start_runit"]),
};
/** calico/cni. */
export const CALICO_CNI: FamilyDef = {
  name: "calico-cni", repos: ["calico/cni"],
  tags: daemon("calico-cni", ["v3.28.2", "v3.28.1", "v3.29.1"], 94_500_000, { "/opt/cni/bin/calico-ipam": "calico-ipam", "/opt/cni/bin/install": "calico-install", "/opt/cni/bin/calico": "calico-ipam" }, ["/opt/cni/bin/install"]),
};
/** calico/kube-controllers. */
export const CALICO_KUBE_CONTROLLERS: FamilyDef = {
  name: "calico-kube-controllers", repos: ["calico/kube-controllers"],
  tags: daemon("calico-kube-controllers", ["v3.28.2", "v3.28.1", "v3.29.1"], 35_000_000, { "/usr/bin/kube-controllers": "calico-kube-controllers", "/usr/bin/check-status": "true" }, ["/usr/bin/kube-controllers"]),
};
