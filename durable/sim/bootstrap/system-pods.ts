// The kube-system pods a kubeadm v1.32 cluster with Calico shows: static control-plane pods on
// the master, kube-proxy and calico-node on every node, CoreDNS and calico-kube-controllers.
// Their requests count in the scheduler and in `kubectl describe node`.
import type { ClusterConfig, NodeSpec } from "../config";
import type { Rng } from "../core/rng";
import { rfc3339 } from "../core/time";
import type { KObject } from "../store/types";
import { resolveImage } from "../runtime/images/catalog";

/** A container of a system pod. */
interface SysContainer {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  ports?: { name?: string; containerPort: number; protocol: string }[];
}

/** A system pod template. */
interface SysPod {
  name: string;
  node: string;
  labels: Record<string, string>;
  hostNetwork: boolean;
  priorityClassName: "system-node-critical" | "system-cluster-critical";
  owner?: { kind: string; name: string };
  staticPod?: boolean;
  containers: SysContainer[];
  initContainers?: SysContainer[];
  tolerations?: Record<string, unknown>[];
}

const K8S = (cfg: ClusterConfig) => cfg.kubernetesVersion;
const CALICO = "v3.28.2";

/** The system pods of a topology (names get random suffixes from the rng). */
export function systemPodTemplates(cfg: ClusterConfig, rng: Rng): SysPod[] {
  const master = cfg.nodes.find((n) => n.controlPlane) ?? cfg.nodes[0];
  const workers = cfg.nodes.filter((n) => !n.controlPlane);
  const out: SysPod[] = [];
  const cp = (name: string, image: string, cpu: string, extra: Partial<SysContainer> = {}): SysPod => ({
    name: `${name}-${master.name}`, node: master.name, labels: { component: name, tier: "control-plane" }, hostNetwork: true,
    priorityClassName: "system-node-critical", staticPod: true,
    containers: [{ name, image, requests: { cpu, ...(name === "etcd" ? { memory: "100Mi" } : {}) }, ...extra }],
  });
  out.push(cp("etcd", "registry.k8s.io/etcd:3.5.16-0", "100m", { command: ["etcd", "--advertise-client-urls=https://" + master.ip + ":2379", "--data-dir=/var/lib/etcd"] }));
  out.push(cp("kube-apiserver", `registry.k8s.io/kube-apiserver:${K8S(cfg)}`, "250m", { command: ["kube-apiserver", `--advertise-address=${master.ip}`, "--service-cluster-ip-range=10.96.0.0/12"] }));
  out.push(cp("kube-controller-manager", `registry.k8s.io/kube-controller-manager:${K8S(cfg)}`, "200m", { command: ["kube-controller-manager", "--cluster-cidr=172.16.0.0/16"] }));
  out.push(cp("kube-scheduler", `registry.k8s.io/kube-scheduler:${K8S(cfg)}`, "100m", { command: ["kube-scheduler", "--leader-elect=true"] }));
  const proxyHash = rng.suffix(5);
  const calicoHash = rng.suffix(5);
  for (const n of cfg.nodes) {
    out.push({ name: `kube-proxy-${rng.suffix(5)}`, node: n.name, labels: { "controller-revision-hash": `${proxyHash}b9f`, "k8s-app": "kube-proxy", "pod-template-generation": "1" },
      hostNetwork: true, priorityClassName: "system-node-critical", owner: { kind: "DaemonSet", name: "kube-proxy" },
      containers: [{ name: "kube-proxy", image: `registry.k8s.io/kube-proxy:${K8S(cfg)}`, command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", `--hostname-override=${n.name}`] }],
      tolerations: [{ operator: "Exists" }] });
    out.push({ name: `calico-node-${rng.suffix(5)}`, node: n.name, labels: { "controller-revision-hash": `${calicoHash}6c8`, "k8s-app": "calico-node", "pod-template-generation": "1" },
      hostNetwork: true, priorityClassName: "system-node-critical", owner: { kind: "DaemonSet", name: "calico-node" },
      initContainers: [
        { name: "upgrade-ipam", image: `docker.io/calico/cni:${CALICO}`, command: ["/opt/cni/bin/calico-ipam", "-upgrade"] },
        { name: "install-cni", image: `docker.io/calico/cni:${CALICO}`, command: ["/opt/cni/bin/install"] },
        { name: "mount-bpffs", image: `docker.io/calico/node:${CALICO}`, command: ["calico-node", "-init", "-best-effort"] },
      ],
      containers: [{ name: "calico-node", image: `docker.io/calico/node:${CALICO}`, requests: { cpu: "250m" } }],
      tolerations: [{ effect: "NoSchedule", operator: "Exists" }, { key: "CriticalAddonsOnly", operator: "Exists" }, { effect: "NoExecute", operator: "Exists" }] });
  }
  const dnsHash = "668d6bf9bc";
  const dnsNodes = workers.length ? workers : [master];
  for (let i = 0; i < 2; i++) {
    const n = dnsNodes[i % dnsNodes.length];
    out.push({ name: `coredns-${dnsHash}-${rng.suffix(5)}`, node: n.name, labels: { "k8s-app": "kube-dns", "pod-template-hash": dnsHash },
      hostNetwork: false, priorityClassName: "system-cluster-critical", owner: { kind: "ReplicaSet", name: `coredns-${dnsHash}` },
      containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3", args: ["-conf", "/etc/coredns/Corefile"],
        requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" },
        ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }, { name: "dns-tcp", containerPort: 53, protocol: "TCP" }, { name: "metrics", containerPort: 9153, protocol: "TCP" }] }],
      tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] });
  }
  const ctrlNode = workers[workers.length - 1] ?? master;
  out.push({ name: `calico-kube-controllers-5b9b456c66-${rng.suffix(5)}`, node: ctrlNode.name,
    labels: { "k8s-app": "calico-kube-controllers", "pod-template-hash": "5b9b456c66" }, hostNetwork: false,
    priorityClassName: "system-cluster-critical", owner: { kind: "ReplicaSet", name: "calico-kube-controllers-5b9b456c66" },
    containers: [{ name: "calico-kube-controllers", image: `docker.io/calico/kube-controllers:${CALICO}` }],
    tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] });
  return out;
}

function containerJson(c: SysContainer, pullPolicy: string): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, image: c.image, imagePullPolicy: pullPolicy };
  if (c.command) out.command = c.command;
  if (c.args) out.args = c.args;
  if (c.ports) out.ports = c.ports;
  const res: Record<string, unknown> = {};
  if (c.limits) res.limits = c.limits;
  if (c.requests) res.requests = c.requests;
  out.resources = res;
  out.terminationMessagePath = "/dev/termination-log";
  out.terminationMessagePolicy = "File";
  return out;
}

/** The full pod object (spec + Running status) for a template. */
export function systemPodObject(t: SysPod, node: NodeSpec, podIP: string, rng: Rng, started: number, ownerUid: string): KObject {
  const priority = t.priorityClassName === "system-node-critical" ? 2000001000 : 2000000000;
  const tolerations = t.tolerations ?? [];
  const metadata: Record<string, unknown> = {
    name: t.name, namespace: "kube-system", uid: rng.uuid(), creationTimestamp: rfc3339(started), labels: t.labels,
  };
  if (t.staticPod) {
    metadata.annotations = { "kubernetes.io/config.hash": rng.hex(32), "kubernetes.io/config.mirror": rng.hex(32),
      "kubernetes.io/config.seen": new Date(started).toISOString().replace("Z", "000000Z"), "kubernetes.io/config.source": "file" };
    metadata.ownerReferences = [{ apiVersion: "v1", controller: true, kind: "Node", name: node.name, uid: ownerUid }];
  } else if (t.owner) {
    metadata.generateName = t.owner.kind === "DaemonSet" ? `${t.owner.name}-` : `${t.owner.name}-`;
    metadata.ownerReferences = [{ apiVersion: "apps/v1", blockOwnerDeletion: true, controller: true, kind: t.owner.kind, name: t.owner.name, uid: ownerUid }];
  }
  const ts = rfc3339(started);
  const statuses = (cs: SysContainer[], init: boolean) => cs.map((c) => {
    const digest = rng.hex(64); // drawn even when the catalog knows the image: keeps the random sequence stable
    const repo = c.image.split(":")[0];
    const known = resolveImage(c.image);
    const imageID = "error" in known ? `${repo}@sha256:${digest}` : known.info.imageID;
    const base: Record<string, unknown> = {
      containerID: `containerd://${rng.hex(64)}`, image: c.image, imageID, lastState: {}, name: c.name,
      ready: true, restartCount: 0, started: !init,
      state: init ? { terminated: { containerID: "", exitCode: 0, finishedAt: ts, reason: "Completed", startedAt: ts } } : { running: { startedAt: ts } },
    };
    if (init) {
      base.started = false;
      const term = (base.state as Record<string, Record<string, unknown>>).terminated;
      term.containerID = base.containerID;
    }
    return base;
  });
  const cond = (type: string) => ({ lastProbeTime: null, lastTransitionTime: ts, status: "True", type });
  const spec: Record<string, unknown> = {
    containers: t.containers.map((c) => containerJson(c, "IfNotPresent")),
    dnsPolicy: t.hostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst",
    enableServiceLinks: true,
    ...(t.hostNetwork ? { hostNetwork: true } : {}),
    ...(t.initContainers ? { initContainers: t.initContainers.map((c) => containerJson(c, "IfNotPresent")) } : {}),
    nodeName: node.name,
    preemptionPolicy: "PreemptLowerPriority",
    priority,
    priorityClassName: t.priorityClassName,
    restartPolicy: "Always",
    schedulerName: "default-scheduler",
    securityContext: {},
    ...(t.owner ? { serviceAccount: t.labels["k8s-app"] ?? "default", serviceAccountName: t.labels["k8s-app"] ?? "default" } : {}),
    terminationGracePeriodSeconds: 30,
    tolerations: tolerations.length ? tolerations : [{ effect: "NoExecute", operator: "Exists" }],
  };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: metadata as KObject["metadata"],
    spec,
    status: {
      conditions: [cond("PodReadyToStartContainers"), cond("Initialized"), cond("Ready"), cond("ContainersReady"), cond("PodScheduled")],
      containerStatuses: statuses(t.containers, false),
      hostIP: node.ip,
      hostIPs: [{ ip: node.ip }],
      ...(t.initContainers ? { initContainerStatuses: statuses(t.initContainers, true) } : {}),
      phase: "Running",
      podIP,
      podIPs: [{ ip: podIP }],
      qosClass: t.containers.some((c) => c.requests || c.limits) ? "Burstable" : "BestEffort",
      startTime: ts,
    },
  };
}
