// A cluster sized for benchmarks: the default control-plane node plus enough 8-CPU / 32Gi
// workers to hold `pods` pods at about 100 per node.
import { createSandbox } from "../sandbox";
import type { Cluster } from "../cluster";
import { clusterConfig } from "../config";

/** A cluster with enough worker nodes for `pods` pods (110 per node). */
export function bigCluster(pods: number, seed: string): Cluster {
  const nodes = clusterConfig({ seed, startTime: 0 }).nodes.slice(0, 1);
  const workers = Math.max(2, Math.ceil(pods / 100));
  for (let i = 0; i < workers; i++) {
    nodes.push({ name: `node${String(i + 1).padStart(2, "0")}`, ip: `192.168.${10 + Math.floor(i / 200)}.${81 + (i % 150)}`, cpu: "8", memory: "32Gi",
      pods: 110, podBlock: `172.16.${40 + i}.0/26`, podCIDR: `10.244.${i + 1}.0/24` });
  }
  return createSandbox({ seed, startTime: Date.UTC(2026, 0, 1), nodes });
}

/** Creates a pod in `default` through the API; throws unless it answers 201. */
export function postPod(c: Cluster, obj: Record<string, unknown>): void {
  const r = c.handle({ method: "POST", path: "/api/v1/namespaces/default/pods", query: new URLSearchParams(),
    headers: { "content-type": "application/json" }, body: new TextEncoder().encode(JSON.stringify(obj)) });
  if (r.response.type !== "body" || r.response.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.response)}`);
}
