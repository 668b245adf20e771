// Adoption of pods that were already running when the sandbox was created (kube-system): the
// kubelet creates their sandbox and containers in the runtime without events, keeping the start
// times the pod objects report — as a kubelet does after a restart.
import { parseTime } from "../core/time";
import type { KObject } from "../store/types";
import type { KubeletEnv } from "./kubelet";
import { resolveArgv } from "./expand";
import { ensureRecords } from "./worker";
import { writeStatus } from "./status-writer";
import type { PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Registers a Running pod with this kubelet and starts its containers in the runtime. */
export function adoptRunningPod(env: KubeletEnv, podObj: KObject): void {
  const pod = podObj as Json;
  const uid = pod.metadata.uid;
  const rec: PodRecord = { uid, namespace: pod.metadata.namespace, name: pod.metadata.name, sandboxReady: true, containers: [], conditionTimes: {} };
  ensureRecords(rec, pod);
  rec.startTime = parseTime(pod.status.startTime);
  for (const cond of pod.status.conditions ?? []) rec.conditionTimes[cond.type] = { status: cond.status, time: parseTime(cond.lastTransitionTime) };
  rec.podIP = pod.status.podIP;
  if (!pod.spec.hostNetwork && rec.podIP) env.ipam.reserve(env.node.name, rec.podIP);
  rec.sandboxId = env.ctx.rng.hex(64);
  env.runtime.createSandbox({ sandboxId: rec.sandboxId, node: env.node.name, podUid: uid, podName: rec.name, namespace: rec.namespace,
    ip: rec.podIP ?? env.node.ip, hostname: rec.name });
  const statuses: Json[] = [...(pod.status.containerStatuses ?? []), ...(pod.status.initContainerStatuses ?? [])];
  for (const c of rec.containers) {
    const st = statuses.find((s) => s.name === c.name);
    const spec = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find((x: Json) => x.name === c.name);
    const info = env.runtime.resolveImage(spec.image);
    if (!("error" in info)) { c.imageRef = info.normalized; c.imageID = info.imageID; }
    c.specImage = spec.image;
    if (c.init && !c.sidecar) {
      const t = st?.state?.terminated;
      c.state = "terminated";
      c.containerId = st?.containerID;
      c.terminated = { exitCode: 0, reason: "Completed", startedAt: parseTime(t?.startedAt ?? pod.status.startTime),
        finishedAt: parseTime(t?.finishedAt ?? pod.status.startTime), containerId: st?.containerID ?? `containerd://${env.ctx.rng.hex(64)}` };
      c.ready = true;
      continue;
    }
    const cfg = "error" in info ? {} : info.config;
    const created = env.runtime.createContainer({ node: env.node.name, podUid: uid, podName: rec.name, podNamespace: rec.namespace,
      sandboxId: rec.sandboxId, name: c.name, attempt: 0, image: spec.image, argv: resolveArgv(spec.command, spec.args, cfg), env: [],
      mounts: [], containerId: st?.containerID });
    if ("error" in created) continue;
    const started = env.runtime.startContainer(created.containerId);
    if (!started.ok) continue;
    c.containerId = created.containerId;
    c.state = "running";
    c.startedAt = parseTime(st?.state?.running?.startedAt ?? pod.status.startTime);
    c.started = true;
    c.ready = true;
  }
  env.state.pods[uid] = rec;
  writeStatus(env, rec);
}
