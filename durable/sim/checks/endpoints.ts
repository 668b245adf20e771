// Endpoints checks: "service S has N ready endpoints", read from the Service's Endpoints object
// (addresses are ready, notReadyAddresses are not), as `kubectl get endpoints` and describe show it.
import type { Cluster } from "../cluster";
import type { CheckResult } from "../../../schema/checks";

// deno-lint-ignore no-explicit-any
type Json = any;

/** An endpoints check as parsed by schema/checks.ts. */
export interface EndpointsCheckInput { name?: string; service: string; namespace?: string; ready?: number; atLeast?: number }

function addr(a: Json, ports: Json[]): string {
  const who = a.targetRef?.name ? ` (pod ${a.targetRef.name})` : "";
  return `${a.ip}${ports.length === 1 ? `:${ports[0].port}` : ""}${who}`;
}

/** Evaluates an endpoints check. */
export function endpointsCheck(c: Cluster, k: EndpointsCheckInput): CheckResult {
  const ns = k.namespace ?? "default";
  const want = k.ready !== undefined ? `${k.ready}` : `at least ${k.atLeast}`;
  const plural = (n: number) => `${n} ready endpoint${n === 1 ? "" : "s"}`;
  const name = k.name ?? `service ${k.service} has ${want} ready endpoint${(k.ready ?? k.atLeast) === 1 ? "" : "s"}`;
  if (!c.ctx.store.get("services", ns, k.service)) return { name, passed: false, explanation: `services "${k.service}" not found in namespace "${ns}"` };
  const ep = c.ctx.store.get("endpoints", ns, k.service) as Json;
  const ready: string[] = [];
  const notReady: string[] = [];
  for (const s of ep?.subsets ?? []) {
    for (const a of s.addresses ?? []) ready.push(addr(a, s.ports ?? []));
    for (const a of s.notReadyAddresses ?? []) notReady.push(addr(a, s.ports ?? []));
  }
  const n = ready.length;
  const ok = k.ready !== undefined ? n === k.ready : n >= (k.atLeast ?? 0);
  let explanation = `service ${k.service} has ${plural(n)}${ok ? "" : `, expected ${want}`}`;
  if (ready.length) explanation += `: ${ready.join(", ")}`;
  if (notReady.length) explanation += `; not ready: ${notReady.join(", ")}`;
  if (!ep) explanation += " (it has no Endpoints object: does it have a selector?)";
  else if (!ready.length && !notReady.length) explanation += " (no pod matches its selector)";
  return { name, passed: ok, explanation };
}
