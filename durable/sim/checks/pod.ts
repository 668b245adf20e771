// Pod checks: "pod X is Ready / in phase P / shows STATUS S" and "container C of pod X restarted at
// least N times", with explanations built from the pod's conditions and container states the way
// kubectl get and describe show them.
import type { Cluster } from "../cluster";
import type { CheckResult } from "../../../schema/checks";
import { summarizePod } from "../printers/pod";

// deno-lint-ignore no-explicit-any
type Json = any;

/** A pod check as parsed by schema/checks.ts. */
export interface PodCheckInput { name?: string; pod: string; namespace?: string; ready?: boolean; phase?: string; status?: string }
/** A restarts check as parsed by schema/checks.ts. */
export interface RestartsCheckInput { name?: string; pod: string; namespace?: string; container?: string; atLeast: number }

/** The pod, or a failed result saying it does not exist. */
export function findPod(c: Cluster, ns: string, pod: string, name: string): Json | CheckResult {
  const p = c.ctx.store.get("pods", ns, pod);
  if (!p) return { name, passed: false, explanation: `pods "${pod}" not found in namespace "${ns}"` };
  return p;
}

function isResult(x: Json): x is CheckResult {
  return typeof x?.passed === "boolean" && typeof x?.explanation === "string";
}

/** Why a pod is not Ready, from its conditions (Ready, else PodScheduled), like `kubectl describe` shows them. */
function notReadyWhy(p: Json): string {
  const conds: Json[] = p.status?.conditions ?? [];
  const ready = conds.find((x) => x.type === "Ready");
  if (ready?.reason) return `${ready.reason}${ready.message ? ` (${ready.message})` : ""}`;
  const sched = conds.find((x) => x.type === "PodScheduled");
  if (sched && sched.status !== "True") return `not scheduled: ${sched.reason ?? "Pending"}${sched.message ? ` (${sched.message})` : ""}`;
  if (!sched) return `it has not been scheduled yet (phase ${p.status?.phase ?? "Pending"})`;
  return `phase ${p.status?.phase ?? "Pending"}`;
}

/** Evaluates a pod check. */
export function podCheck(c: Cluster, k: PodCheckInput): CheckResult {
  const ns = k.namespace ?? "default";
  const wants = [k.ready === undefined ? "" : k.ready ? "is Ready" : "is not Ready", k.phase ? `is in phase ${k.phase}` : "", k.status ? `shows STATUS ${k.status}` : ""]
    .filter(Boolean).join(" and ");
  const name = k.name ?? `pod ${k.pod} ${wants}`;
  const p = findPod(c, ns, k.pod, name);
  if (isResult(p)) return p;
  const s = summarizePod(p, c.now);
  const isReady = (p.status?.conditions ?? []).some((x: Json) => x.type === "Ready" && x.status === "True");
  const phase = p.status?.phase ?? "Pending";
  const failures: string[] = [];
  const passes: string[] = [];
  if (k.ready !== undefined) {
    if (k.ready === isReady) passes.push(isReady ? "is Ready" : `is not Ready: ${notReadyWhy(p)}`);
    else failures.push(isReady ? "is Ready" : `is not Ready: ${notReadyWhy(p)}`);
  }
  if (k.phase !== undefined) (k.phase === phase ? passes : failures).push(k.phase === phase ? `is in phase ${phase}` : `is in phase ${phase}, not ${k.phase}`);
  if (k.status !== undefined) {
    const row = `READY ${s.ready}, STATUS ${s.status}, RESTARTS ${s.restarts}`;
    if (s.status === k.status) passes.push(`shows STATUS ${s.status} (${row})`);
    else failures.push(`shows STATUS ${s.status}, not ${k.status} (kubectl get pod ${k.pod} prints ${row})`);
  }
  if (failures.length) return { name, passed: false, explanation: `pod ${k.pod} ${failures.join("; ")}` };
  return { name, passed: true, explanation: `pod ${k.pod} ${passes.join("; ")}` };
}

function lastTermination(cs: Json): string {
  const t = cs.lastState?.terminated;
  if (!t) return "";
  return ` (last terminated: ${t.reason ?? "Unknown"}, exit code ${t.exitCode ?? "?"})`;
}

/** Evaluates a restarts check. */
export function restartsCheck(c: Cluster, k: RestartsCheckInput): CheckResult {
  const ns = k.namespace ?? "default";
  const times = (n: number) => `${n} time${n === 1 ? "" : "s"}`;
  const name = k.name ?? (k.container ? `container ${k.container} of pod ${k.pod} restarted at least ${times(k.atLeast)}` : `pod ${k.pod} restarted at least ${times(k.atLeast)}`);
  const p = findPod(c, ns, k.pod, name);
  if (isResult(p)) return p;
  if (!k.container) {
    const s = summarizePod(p, c.now);
    const ok = s.restartCount >= k.atLeast;
    return { name, passed: ok, explanation: `pod ${k.pod} restarted ${times(s.restartCount)}${ok ? "" : `, expected at least ${k.atLeast}`} (RESTARTS ${s.restarts})` };
  }
  const statuses: Json[] = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])];
  const cs = statuses.find((x) => x.name === k.container);
  if (!cs) {
    const declared = [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((x: Json) => x.name);
    if (declared.includes(k.container)) return { name, passed: k.atLeast === 0, explanation: `container ${k.container} of pod ${k.pod} has not started yet (0 restarts)` };
    return { name, passed: false, explanation: `pod ${k.pod} has no container named ${k.container} (containers: ${declared.join(", ")})` };
  }
  const n = cs.restartCount ?? 0;
  const ok = n >= k.atLeast;
  return { name, passed: ok, explanation: `container ${k.container} of pod ${k.pod} restarted ${times(n)}${ok ? "" : `, expected at least ${k.atLeast}`}${lastTermination(cs)}` };
}
