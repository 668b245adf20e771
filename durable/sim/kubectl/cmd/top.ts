// `kubectl top pod|node`: reads metrics.k8s.io through the API server (PodMetrics, NodeMetrics)
// and prints kubectl's tables: CPU in millicores ("1m"), memory in Mi, node percentages of
// allocatable; --containers, -A, -l, --sort-by=cpu|memory, --no-headers.
import { milliValue, parseQuantity, value } from "../../../../schema/quantity";
import { ApiStatusError } from "../client";
import type { Command, Ctx } from "../context";
import { KubectlError } from "../io";
import { GET_TABWRITER, Tabwriter } from "../print/tabwriter";

// deno-lint-ignore no-explicit-any
type Json = any;

const milli = (q: string | undefined) => (q ? milliValue(parseQuantity(q)!) : 0);
const bytes = (q: string | undefined) => (q ? value(parseQuantity(q)!) : 0);
const cpuText = (m: number) => `${m}m`;
const memText = (b: number) => `${Math.floor(b / (1024 * 1024))}Mi`;

function metrics(ctx: Ctx, path: string, query: Record<string, string | undefined>): Json[] {
  try {
    return ctx.client.get<any>(path, { accept: "application/json", query }).items ?? [];
  } catch (e) {
    if (e instanceof ApiStatusError && e.code === 404) throw new KubectlError("error: Metrics API not available");
    throw e;
  }
}

function sortRows<T extends { cpu: number; mem: number; name: string }>(rows: T[], by: string): T[] {
  if (by === "cpu") return [...rows].sort((a, b) => b.cpu - a.cpu);
  if (by === "memory") return [...rows].sort((a, b) => b.mem - a.mem);
  if (by && by !== "") throw new KubectlError(`error: --sort-by accepts only cpu or memory`);
  return rows;
}

/** kubectl top pod */
export const topPodCommand: Command = {
  path: "top pod",
  aliases: ["top pods", "top po"],
  flags: [
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "selector", short: "l", type: "string" },
    { name: "field-selector", type: "string" },
    { name: "containers", type: "bool" },
    { name: "no-headers", type: "bool" },
    { name: "sort-by", type: "string" },
    { name: "sum", type: "bool" },
    { name: "use-protocol-buffers", type: "bool", def: true },
  ],
  run(ctx, f) {
    const allNs = f.bool("all-namespaces");
    const path = allNs ? "/apis/metrics.k8s.io/v1beta1/pods" : `/apis/metrics.k8s.io/v1beta1/namespaces/${ctx.namespace}/pods`;
    let items = metrics(ctx, f.args[0] ? `${path}/${f.args[0]}` : path, { labelSelector: f.str("selector") || undefined });
    if (f.args[0] && !Array.isArray(items)) items = [items];
    if (!items.length) {
      ctx.out.err(allNs ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    const w = new Tabwriter(GET_TABWRITER);
    const ns = allNs ? "NAMESPACE\t" : "";
    if (f.bool("containers")) {
      if (!f.bool("no-headers")) w.write(`${ns}POD\tNAME\tCPU(cores)\tMEMORY(bytes)\t\n`);
      for (const p of items) {
        for (const c of p.containers ?? []) {
          w.write(`${allNs ? `${p.metadata.namespace}\t` : ""}${p.metadata.name}\t${c.name}\t${cpuText(milli(c.usage?.cpu))}\t${memText(bytes(c.usage?.memory))}\t\n`);
        }
      }
    } else {
      const rows = sortRows(items.map((p) => ({
        p, name: p.metadata.name,
        cpu: (p.containers ?? []).reduce((s: number, c: Json) => s + milli(c.usage?.cpu), 0),
        mem: (p.containers ?? []).reduce((s: number, c: Json) => s + bytes(c.usage?.memory), 0),
      })), f.str("sort-by"));
      if (!f.bool("no-headers")) w.write(`${ns}NAME\tCPU(cores)\tMEMORY(bytes)\t\n`);
      for (const r of rows) w.write(`${allNs ? `${r.p.metadata.namespace}\t` : ""}${r.name}\t${cpuText(r.cpu)}\t${memText(r.mem)}\t\n`);
    }
    ctx.out.out(w.take());
  },
};

/** kubectl top node */
export const topNodeCommand: Command = {
  path: "top node",
  aliases: ["top nodes", "top no"],
  flags: [
    { name: "selector", short: "l", type: "string" },
    { name: "no-headers", type: "bool" },
    { name: "sort-by", type: "string" },
    { name: "show-capacity", type: "bool" },
    { name: "use-protocol-buffers", type: "bool", def: true },
  ],
  run(ctx, f) {
    const items = metrics(ctx, "/apis/metrics.k8s.io/v1beta1/nodes", { labelSelector: f.str("selector") || undefined });
    const nodes = ctx.client.get<any>("/api/v1/nodes", { accept: "application/json", query: { labelSelector: f.str("selector") || undefined } }).items ?? [];
    const rows = sortRows(items.filter((m: Json) => !f.args[0] || m.metadata.name === f.args[0]).map((m: Json) => {
      const node = nodes.find((n: Json) => n.metadata.name === m.metadata.name);
      const alloc = (f.bool("show-capacity") ? node?.status?.capacity : node?.status?.allocatable) ?? {};
      return { name: m.metadata.name, cpu: milli(m.usage?.cpu), mem: bytes(m.usage?.memory), cpuA: milli(alloc.cpu), memA: bytes(alloc.memory) };
    }), f.str("sort-by"));
    const w = new Tabwriter(GET_TABWRITER);
    if (!f.bool("no-headers")) w.write("NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n");
    for (const r of rows) {
      const cp = r.cpuA ? Math.trunc((r.cpu / r.cpuA) * 100) : 0;
      const mp = r.memA ? Math.trunc((r.mem / r.memA) * 100) : 0;
      w.write(`${r.name}\t${cpuText(r.cpu)}\t${cp}%\t${memText(r.mem)}\t${mp}%\t\n`);
    }
    ctx.out.out(w.take());
  },
};
