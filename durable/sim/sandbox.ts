// Assembles a complete sandbox cluster: registers the scheduler, the runtime, one kubelet per
// node and the controllers, installs the API hooks (logs, exec, attach, metrics), and bootstraps or
// restores state. The only place that knows every component.
import { bootstrapObjects } from "./bootstrap";
import { seededImages } from "./bootstrap/images";
import { Cluster, type ClusterSnapshot } from "./cluster";
import { clusterConfig, type ClusterConfig } from "./config";
import { EndpointsController } from "./controllers/endpoints";
import { EventGc } from "./controllers/event-gc";
import { NamespaceController } from "./controllers/namespaces";
import { NodeLifecycleController } from "./controllers/node-lifecycle";
import { adoptRunningPod } from "./kubelet/adopt";
import { Kubelet, type KubeletState } from "./kubelet/kubelet";
import type { RuntimeApi } from "./kubelet/runtime-api";
import { podMetrics, nodeMetrics } from "./nodes/metrics";
import { podAttach, podExec, podLogs } from "./nodes/pod-io";
import { Ipam, type IpamState } from "./network/ipam";
import { clusterResolver } from "./network/resolver";
import { Runtime } from "./runtime/runtime";
import type { RuntimeHost } from "./runtime/contract";
import { Scheduler } from "./scheduler/scheduler";
import { memoryKi, visibleMemoryKi } from "./bootstrap/nodes";

/** Options of a new sandbox. */
export type SandboxOptions = Partial<ClusterConfig> & { seed: string; startTime: number };

/** Builds the runtime component with its host bound to the cluster. */
function runtimeFor(c: Cluster, state?: unknown): Runtime {
  const host: RuntimeHost = {
    now: () => c.ctx.now(),
    rng: c.ctx.rng,
    schedule: (key, due, data) => c.ctx.timers.schedule(`rt:${key}`, due, "runtime.timer", { key, data }),
    cancel: (key) => c.ctx.timers.cancel(`rt:${key}`),
    emit: (n) => c.ctx.notify(n),
    net: clusterResolver(c.ctx.store, c.ctx.rng),
  };
  return state ? Runtime.restore(state as never, host) : new Runtime(host);
}

function wire(c: Cluster, states: Record<string, unknown>): void {
  const ctx = c.ctx;
  const runtime = runtimeFor(c, states.runtime);
  const ipam = new Ipam(states.ipam as IpamState | undefined);
  c.register("runtime", {
    save: () => runtime.save(),
    onTimer: (t) => {
      const d = t.data as { key: string; data: unknown };
      runtime.onTimer(d.key, d.data);
    },
  }, "runtime");
  c.register("ipam", { save: () => ipam.save() });
  c.register("scheduler", new Scheduler(ctx, states.scheduler as never), "sched");
  const kubelets = new Map<string, Kubelet>();
  for (const n of ctx.config.nodes) {
    const k = new Kubelet(ctx, n, runtime as unknown as RuntimeApi, ipam, states[`kubelet.${n.name}`] as KubeletState | undefined);
    kubelets.set(n.name, k);
    c.register(`kubelet.${n.name}`, k, `kubelet.${n.name}`);
  }
  c.register("namespaces", new NamespaceController(ctx), "ctrl.ns");
  c.register("endpoints", new EndpointsController(ctx), "ctrl.ep");
  c.register("eventgc", new EventGc(ctx), "ctrl.eventgc");
  c.register("nodelifecycle", new NodeLifecycleController(ctx), "ctrl.node");
  const rt = runtime as unknown as RuntimeApi;
  c.setHook("podLogs", (pod, q) => podLogs((n) => kubelets.get(n), rt, pod, q, ctx.now()));
  c.setHook("podExec", (pod, q, p) => podExec((n) => kubelets.get(n), rt, pod, q, p, `ws:${ctx.rng.hex(16)}`));
  c.setHook("podAttach", (pod, q, p) => podAttach((n) => kubelets.get(n), runtime, pod, q, p, `ws:${ctx.rng.hex(16)}`));
  c.setHook("metrics", (r, ns) => (r === "pods" ? podMetrics(ctx, (n) => kubelets.get(n), rt, ns) : nodeMetrics(ctx, (n) => kubelets.get(n), rt)));
  (c as Cluster & { runtime?: Runtime; kubelets?: Map<string, Kubelet> }).runtime = runtime;
  (c as Cluster & { kubelets?: Map<string, Kubelet> }).kubelets = kubelets;
}

/** A new sandbox with the default (or given) topology. */
export function createSandbox(opts: SandboxOptions): Cluster {
  return Cluster.create(clusterConfig(opts), (c) => {
    wire(c, {});
    const runtime = sandboxRuntime(c);
    for (const n of c.ctx.config.nodes) {
      runtime.setNodeInfo?.(n.name, { cpus: Number(n.cpu), memoryBytes: visibleMemoryKi(memoryKi(n.memory)) * 1024, kernelVersion: c.ctx.config.kernelVersion, hostname: n.name, ip: n.ip });
      runtime.seedNodeImages(n.name, seededImages(n, c.ctx.config));
    }
    bootstrapObjects(c, sandboxKubelets(c).values().next().value!.env.ipam);
    for (const pod of c.ctx.store.list("pods")) {
      const k = sandboxKubelets(c).get((pod as unknown as { spec: { nodeName: string } }).spec.nodeName);
      if (k) adoptRunningPod(k.env, pod);
    }
  });
}

/** Rebuilds a sandbox from its snapshot. */
export function restoreSandbox(snap: ClusterSnapshot): Cluster {
  return Cluster.restore(snap, (c, states) => wire(c, states));
}

/** The runtime of a sandbox. */
export function sandboxRuntime(c: Cluster): Runtime {
  return (c as Cluster & { runtime: Runtime }).runtime;
}

/** The kubelets of a sandbox by node name. */
export function sandboxKubelets(c: Cluster): Map<string, Kubelet> {
  return (c as Cluster & { kubelets: Map<string, Kubelet> }).kubelets;
}
