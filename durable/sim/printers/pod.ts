// The pods table (printPod of kube-apiserver 1.32): READY, STATUS, RESTARTS and the wide
// columns. Shared by server-side Tables, watch rows, the web client's cards and podlab's kubectl.
import { humanDuration, parseTime } from "../core/time";
import { ageColumn, col, nameColumn, type ColumnDef } from "./columns";

/** Column definitions of the pods table. */
export const POD_COLUMNS: ColumnDef[] = [
  nameColumn(),
  col("Ready", "The aggregate readiness state of this pod for accepting traffic."),
  col("Status", "The aggregate status of the containers in this pod."),
  col("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
  ageColumn(),
  col("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", { priority: 1 }),
  col("Node", "NodeName indicates in which node this pod is scheduled.", { priority: 1 }),
  col("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.", { priority: 1 }),
  col("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates", { priority: 1 }),
];

// deno-lint-ignore no-explicit-any
type Json = any;

/** The STATUS, READY and RESTARTS summary of a pod, as printPod computes them. */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
  restartCount: number;
  lastRestart?: number;
}

/** printPod's READY/STATUS/RESTARTS algorithm for Kubernetes 1.30–1.32 (pod-semantics §2.3). */
export function summarizePod(pod: Json, now: number): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initContainers: Json[] = spec.initContainers ?? [];
  const isSidecar = (name: string) => initContainers.some((c) => c.name === name && c.restartPolicy === "Always");
  let total = (spec.containers ?? []).length + initContainers.filter((c) => c.restartPolicy === "Always").length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let sidecarLastRestart = 0;
  let reason: string = status.reason || status.phase || "";
  const conditions: Json[] = status.conditions ?? [];
  if (conditions.some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated")) reason = "SchedulingGated";

  const finishedAt = (cs: Json): number => {
    const t = cs.lastState?.terminated?.finishedAt;
    return t ? parseTime(t) : 0;
  };

  let initializing = false;
  const initStatuses: Json[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finishedAt(cs));
    const sidecar = isSidecar(cs.name);
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      sidecarLastRestart = Math.max(sidecarLastRestart, finishedAt(cs));
    }
    const st = cs.state ?? {};
    if (st.terminated && st.terminated.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (st.terminated) {
      const t = st.terminated;
      if (t.reason) reason = `Init:${t.reason}`;
      else if (t.signal) reason = `Init:Signal:${t.signal}`;
      else reason = `Init:ExitCode:${t.exitCode}`;
      initializing = true;
    } else if (st.waiting && st.waiting.reason && st.waiting.reason !== "PodInitializing") {
      reason = `Init:${st.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
      initializing = true;
    }
    break;
  }

  const initialized = conditions.some((c) => c.type === "Initialized" && c.status === "True");
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses: Json[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      const st = cs.state ?? {};
      restarts += cs.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finishedAt(cs));
      if (st.waiting && st.waiting.reason) reason = st.waiting.reason;
      else if (st.terminated && st.terminated.reason) reason = st.terminated.reason;
      else if (st.terminated && !st.terminated.reason) {
        reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode}`;
      } else if (cs.ready && st.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      reason = conditions.some((c) => c.type === "Ready" && c.status === "True") ? "Running" : "NotReady";
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === "NodeLost") reason = "Unknown";
  else if (deleting && status.phase !== "Succeeded" && status.phase !== "Failed") reason = "Terminating";

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart) restartsStr = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  total = Math.max(total, 0);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsStr, restartCount: restarts,
    lastRestart: lastRestart || undefined };
}

/** One row of the pods table (all columns, wide included). */
export function podRow(pod: Json, now: number): unknown[] {
  const s = summarizePod(pod, now);
  const podIP = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? "<none>";
  const gates: Json[] = pod.spec?.readinessGates ?? [];
  let readinessGates = "<none>";
  if (gates.length) {
    const conds: Json[] = pod.status?.conditions ?? [];
    const trueCount = gates.filter((g) => conds.find((c) => c.type === g.conditionType)?.status === "True").length;
    readinessGates = `${trueCount}/${gates.length}`;
  }
  return [
    pod.metadata.name,
    s.ready,
    s.status,
    s.restarts,
    age(pod, now),
    podIP || "<none>",
    pod.spec?.nodeName || "<none>",
    pod.status?.nominatedNodeName || "<none>",
    readinessGates,
  ];
}

/** Row conditions printPod attaches (Completed for terminal pods). */
export function podRowConditions(pod: Json): { type: string; status: string; reason?: string; message?: string }[] | undefined {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
  if (phase === "Failed") return [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];
  return undefined;
}

/** translateTimestampSince(creationTimestamp). */
export function age(obj: Json, now: number): string {
  const ts = obj.metadata?.creationTimestamp;
  if (!ts) return "<unknown>";
  return humanDuration(now - parseTime(ts));
}
