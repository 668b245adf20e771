// The metrics.k8s.io view (metrics-server) fed by the runtime's accounting: PodMetrics and
// NodeMetrics with usage in nanocores and Ki, as `kubectl top` reads them.
import type { SimContext } from "../context";
import { rfc3339 } from "../core/time";
import type { RuntimeApi } from "../kubelet/runtime-api";
import type { KObject } from "../store/types";
import type { KubeletLookup } from "./pod-io";

// deno-lint-ignore no-explicit-any
type Json = any;

const cpu = (millis: number) => `${Math.round(millis * 1e6)}n`;
const mem = (bytes: number) => `${Math.round(bytes / 1024)}Ki`;

/** PodMetrics of running pods (optionally one namespace). */
export function podMetrics(ctx: SimContext, kubelets: KubeletLookup, rt: RuntimeApi, namespace?: string): KObject[] {
  const now = ctx.now();
  const out: KObject[] = [];
  for (const p of ctx.store.list("pods", namespace) as Json[]) {
    if (p.status?.phase !== "Running" || !p.spec.nodeName) continue;
    const rec = kubelets(p.spec.nodeName)?.record(p.metadata.uid);
    if (!rec) continue;
    const containers = rec.containers.filter((c) => c.state === "running" && c.containerId).map((c) => {
      const s = rt.containerStats(c.containerId!) ?? { cpuMillicores: 0, memoryBytes: 0 };
      return { name: c.name, usage: { cpu: cpu(s.cpuMillicores), memory: mem(s.memoryBytes) } };
    });
    out.push({ kind: "PodMetrics", apiVersion: "metrics.k8s.io/v1beta1",
      metadata: { name: p.metadata.name, namespace: p.metadata.namespace, creationTimestamp: rfc3339(now), ...(p.metadata.labels ? { labels: p.metadata.labels } : {}) },
      timestamp: rfc3339(now - 5000), window: "15.012s", containers } as KObject);
  }
  return out;
}

/** NodeMetrics of every node: pods' usage plus a system baseline. */
export function nodeMetrics(ctx: SimContext, kubelets: KubeletLookup, rt: RuntimeApi): KObject[] {
  const now = ctx.now();
  return ctx.config.nodes.map((n) => {
    let cpuM = n.controlPlane ? 180 : 70;
    let memB = (n.controlPlane ? 1100 : 700) * 1024 * 1024;
    const k = kubelets(n.name);
    for (const rec of Object.values(k?.env.state.pods ?? {})) {
      for (const c of rec.containers) {
        if (c.state !== "running" || !c.containerId) continue;
        const s = rt.containerStats(c.containerId);
        if (s) { cpuM += s.cpuMillicores; memB += s.memoryBytes; }
      }
    }
    return { kind: "NodeMetrics", apiVersion: "metrics.k8s.io/v1beta1",
      metadata: { name: n.name, creationTimestamp: rfc3339(now), labels: { "kubernetes.io/hostname": n.name } },
      timestamp: rfc3339(now - 8000), window: "20.032s", usage: { cpu: cpu(cpuM), memory: mem(memB) } } as KObject;
  });
}
