// Powering a node off and on (podlab's node fault lab): off kills every container on the node
// without the kubelet noticing (it is down too); on reboots the kubelet — new boot id, node
// Ready again, the Lease renewed — and every pod's sandbox is re-created and containers restarted
// (SandboxChanged), while pods deleted meanwhile finish their termination.
import { nodeConditions } from "../bootstrap/nodes";
import { rfc3339 } from "../core/time";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { renewLease } from "./node-status";
import { beginTermination } from "./terminate";
import { requestSync, ensureRecords } from "./worker";
import type { PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Powers the node off. */
export function powerOff(env: KubeletEnv): void {
  if (env.state.stopped) return;
  env.state.stopped = true;
  for (const rec of Object.values(env.state.pods)) {
    if (rec.sandboxId) env.runtime.removeSandbox(rec.sandboxId);
  }
  for (const t of env.ctx.timers.withPrefix(`${env.prefix}/`)) env.ctx.timers.cancel(t.key);
  env.state.pulls.queue = [];
  const lease = env.ctx.store.get("leases.coordination.k8s.io", "kube-node-lease", env.node.name) as Json;
  const lastRenew = Date.parse(String(lease?.spec?.renewTime ?? "")) || env.ctx.now();
  env.ctx.notify({ type: "node-stopped", node: env.node.name, lastRenew });
  env.ctx.trace.step("kubelet", "kubelet", `node ${env.node.name} powered off`, undefined, env.node.name);
}

/** Boots the node again. */
export function powerOn(env: KubeletEnv): void {
  if (!env.state.stopped) return;
  env.state.stopped = false;
  const { store, now, rng } = env.ctx;
  const node = store.get("nodes", undefined, env.node.name) as Json;
  if (node) {
    const next = JSON.parse(JSON.stringify(node));
    next.status.conditions = nodeConditions(now(), now());
    next.status.nodeInfo.bootID = rng.uuid();
    store.update("nodes", next);
    const src = { component: "kubelet", host: env.node.name };
    const ref = { kind: "Node", name: env.node.name, uid: env.node.name, apiVersion: "v1" };
    env.ctx.events.record(ref, "Normal", "Starting", "Starting kubelet.", src);
    env.ctx.events.record(ref, "Warning", "Rebooted", `Node ${env.node.name} has been rebooted, boot id: ${next.status.nodeInfo.bootID}`, src);
    env.ctx.events.record(ref, "Normal", "NodeReady", `Node ${env.node.name} status is now: NodeReady`, src);
  }
  renewLease(env);
  env.ctx.timers.schedule(`${env.prefix}/lease`, now() + 10_000, `${env.prefix}.lease`, { coalesce: 10_000 });
  env.ctx.timers.schedule(`${env.prefix}/heartbeat`, now() + 300_000, `${env.prefix}.heartbeat`, { coalesce: 300_000 });
  for (const rec of Object.values(env.state.pods)) reboot(env, rec);
  for (const pod of store.list("pods") as Json[]) {
    if (pod.spec?.nodeName !== env.node.name || env.state.pods[pod.metadata.uid]) continue;
    if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") continue;
    env.state.pods[pod.metadata.uid] = { uid: pod.metadata.uid, namespace: pod.metadata.namespace, name: pod.metadata.name, sandboxReady: false, containers: [], conditionTimes: {} };
    requestSync(env, env.state.pods[pod.metadata.uid], 50);
  }
}

function reboot(env: KubeletEnv, rec: PodRecord): void {
  const now = env.ctx.now();
  const pod = Kubelet.podOf(env, rec) as Json;
  rec.busy = false;
  rec.plan = [];
  const hadSandbox = !!rec.sandboxId;
  rec.sandboxId = undefined;
  rec.sandboxReady = false;
  for (const c of rec.containers) {
    c.killing = undefined;
    c.postStart = undefined;
    c.probes = undefined;
    if (c.state === "running") {
      c.lastTerminated = { exitCode: 255, reason: "Unknown", startedAt: c.startedAt ?? now, finishedAt: now, containerId: c.containerId! };
      c.state = "waiting";
      c.waiting = { reason: "ContainerCreating" };
      c.ready = false;
      c.started = false;
    }
  }
  if (!pod || pod.metadata.uid !== rec.uid) {
    delete env.state.pods[rec.uid];
    return;
  }
  ensureRecords(rec, pod);
  if (pod.metadata.deletionTimestamp) {
    beginTermination(env, rec, pod, (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000);
    return;
  }
  if (hadSandbox) Kubelet.event(env, pod, "Normal", "SandboxChanged", "Pod sandbox changed, it will be killed and re-created.");
  requestSync(env, rec, 100 + env.ctx.rng.int(2000));
  void rfc3339;
}
