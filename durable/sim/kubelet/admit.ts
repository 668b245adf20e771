// Kubelet admission (the 1.32 admit handlers a pod meets before its first sync): unsafe sysctls
// are refused (SysctlForbidden), then the pod must fit the node's allocatable next to the pods
// already admitted there (OutOfpods, OutOfcpu, OutOfmemory, OutOfephemeral-storage) — what a
// pod with a hand-written nodeName, which bypasses the scheduler, runs into. A refused pod
// fails at once: phase Failed, reason, "Pod was rejected: ..." and a Warning event.
import type { Node, Pod } from "../../../schema/k8s";
import { nodeAllocatable, podRequests, type Resources } from "../scheduler/resources";
import { resourceShortfalls } from "../scheduler/plugins/node-resources-fit";
import type { KObject } from "../store/types";
import { Kubelet, type KubeletEnv } from "./kubelet";
import type { PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

/** The safe sysctls of kubelet 1.32 (pkg/kubelet/sysctl/safe_sysctls.go); nothing else is allowlisted by default. */
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
]);

/** Why the kubelet refuses a pod: the event reason and message. */
export interface Refusal { reason: string; message: string }

/** sysctl names with `/` separators are normalized to dots, as utils.NormalizeName does. */
const normalize = (name: string) => (name.includes("/") && !name.includes(".") ? name.replaceAll("/", ".") : name);

function sysctlRefusal(pod: Json): Refusal | undefined {
  const errs = ((pod.spec?.securityContext?.sysctls ?? []) as { name?: string }[])
    .map((s) => normalize(String(s.name ?? "")))
    .filter((n) => !SAFE_SYSCTLS.has(n))
    .map((n) => `${JSON.stringify(n)} not allowlisted`);
  return errs.length ? { reason: "SysctlForbidden", message: `forbidden sysctl: [${errs.join(" ")}]` } : undefined;
}

function resourceRefusal(env: KubeletEnv, pod: Json, rec: PodRecord): Refusal | undefined {
  const node = env.ctx.store.get("nodes", undefined, env.node.name) as Node | undefined;
  if (!node) return undefined;
  const others = Object.values(env.state.pods)
    .filter((r) => r.uid !== rec.uid && !r.terminalPhase && !r.rejected && r.startTime !== undefined)
    .map((r) => Kubelet.podOf(env, r) as Pod | undefined)
    .filter((p): p is Pod => !!p);
  const used: Resources = { cpuMilli: 0, memoryBytes: 0, ephemeralBytes: 0 };
  for (const p of others) {
    const r = podRequests(p);
    used.cpuMilli += r.cpuMilli;
    used.memoryBytes += r.memoryBytes;
    used.ephemeralBytes += r.ephemeralBytes;
    for (const [k, v] of Object.entries(r.scalars ?? {})) (used.scalars ??= {})[k] = (used.scalars[k] ?? 0) + v;
  }
  const [s] = resourceShortfalls(podRequests(pod as Pod), nodeAllocatable(node), used, others.length);
  return s && { reason: `OutOf${s.resource}`,
    message: `Node didn't have enough resource: ${s.resource}, requested: ${s.requested}, used: ${s.used}, capacity: ${s.capacity}` };
}

/** The first admit handler that refuses the pod, if any (sysctls, then the node's resources). */
export function admitPod(env: KubeletEnv, pod: Json, rec: PodRecord): Refusal | undefined {
  return sysctlRefusal(pod) ?? resourceRefusal(env, pod, rec);
}

/** rejectPod: the Warning event and a Failed status carrying the reason; no container is created. */
export function rejectPod(env: KubeletEnv, rec: PodRecord, pod: KObject, r: Refusal): void {
  Kubelet.event(env, pod, "Warning", r.reason, r.message);
  rec.rejected = { reason: r.reason, message: `Pod was rejected: ${r.message}` };
  rec.terminalPhase = "Failed";
  rec.startTime = env.ctx.now();
}
