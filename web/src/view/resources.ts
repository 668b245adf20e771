// Resource arithmetic for the node columns: Kubernetes quantities ("250m", "1Gi", "4194304Ki"),
// a pod's effective requests (containers summed, init containers as a maximum) and what a node
// has allocated, as `kubectl describe node` counts it (pods not yet finished). Pure.

const BIN: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DEC: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The value of a quantity (cores for CPU, bytes for memory); NaN if malformed. */
export function parseQuantity(q: unknown): number {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return NaN;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  const s = m[2] ?? "";
  return n * (BIN[s] ?? DEC[s] ?? 1);
}

/** CPU and memory amounts. */
export interface Amount { cpu: number; memory: number }

type Json = Record<string, any>;

function requestsOf(c: Json): Amount {
  const r = c.resources?.requests ?? {};
  return { cpu: parseQuantity(r.cpu ?? "0") || 0, memory: parseQuantity(r.memory ?? "0") || 0 };
}

/** A pod's effective requests. */
export function podRequests(pod: Json): Amount {
  const sum = (pod.spec?.containers ?? []).map(requestsOf).reduce((a: Amount, b: Amount) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
  for (const ic of pod.spec?.initContainers ?? []) {
    const r = requestsOf(ic);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
  }
  const o = pod.spec?.overhead ?? {};
  return { cpu: sum.cpu + (parseQuantity(o.cpu ?? "0") || 0), memory: sum.memory + (parseQuantity(o.memory ?? "0") || 0) };
}

/** Does a pod still hold its requests on its node? */
export function holdsResources(pod: Json): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== "Succeeded" && phase !== "Failed";
}

/** Requests allocated on a node by the given pods. */
export function allocated(node: string, pods: Json[]): Amount {
  return pods.filter((p) => p.spec?.nodeName === node && holdsResources(p)).map(podRequests)
    .reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
}

/** A node's allocatable CPU and memory. */
export function allocatable(node: Json): Amount {
  const a = node.status?.allocatable ?? node.status?.capacity ?? {};
  return { cpu: parseQuantity(a.cpu ?? "0") || 0, memory: parseQuantity(a.memory ?? "0") || 0 };
}

/** CPU as kubectl prints it ("1350m", "2"). */
export function formatCpu(cores: number): string {
  const m = Math.round(cores * 1000);
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Memory in the largest binary unit that keeps it whole-ish ("170Mi", "3996Mi"). */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return "0";
  if (bytes % BIN.Gi === 0) return `${bytes / BIN.Gi}Gi`;
  if (bytes >= BIN.Mi) return `${Math.round(bytes / BIN.Mi)}Mi`;
  return `${Math.round(bytes / BIN.Ki)}Ki`;
}
