// `kubectl describe node`: roles, labels, annotations, taints, lease, conditions, addresses,
// capacity/allocatable, system info, pod CIDRs, the Non-terminated Pods table and the Allocated
// resources block (integer percentages of allocatable, quantities summed like apimachinery).
import { add, canonicalQuantity, formatQuantity, fromInt, milliValue, parseQuantity, value, type Quantity } from "../../../../schema/quantity";
import { nodeRoles } from "../../printers/node";
import { describeEvents, printAnnotations, printLabels, printTaints, rfc1123, since, type PrefixWriter } from "./writer";

// deno-lint-ignore no-explicit-any
type Json = any;
type ResourceList = Map<string, Quantity>;

function qty(s: string | number | undefined): Quantity {
  return (s !== undefined && parseQuantity(s)) || fromInt(0);
}

function addList(into: ResourceList, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) into.set(k, into.has(k) ? add(into.get(k)!, qty(v)) : qty(v));
}

function maxList(into: ResourceList, list: ResourceList): void {
  for (const [k, v] of list) {
    const cur = into.get(k);
    if (!cur || milliValue(v) > milliValue(cur)) into.set(k, v);
  }
}

/** kubectl's resourcehelper.PodRequestsAndLimits (sidecars, init maximum, overhead). */
export function podRequestsAndLimits(pod: Json): { reqs: ResourceList; limits: ResourceList } {
  const calc = (which: "requests" | "limits") => {
    const total: ResourceList = new Map();
    for (const c of pod.spec?.containers ?? []) addList(total, c.resources?.[which]);
    const sidecars: ResourceList = new Map();
    const initMax: ResourceList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      if (c.restartPolicy === "Always") {
        addList(total, c.resources?.[which]);
        addList(sidecars, c.resources?.[which]);
        const t: ResourceList = new Map(sidecars);
        maxList(initMax, t);
      } else {
        const t: ResourceList = new Map(sidecars);
        addList(t, c.resources?.[which]);
        maxList(initMax, t);
      }
    }
    maxList(total, initMax);
    if (pod.spec?.overhead) addList(total, pod.spec.overhead);
    return total;
  };
  return { reqs: calc("requests"), limits: calc("limits") };
}

const pct = (part: number, whole: number) => (whole ? Math.trunc((part / whole) * 100) : 0);
const fmt = (q: Quantity | undefined) => (q ? formatQuantity(q) : "0");

function describeNodeResource(w: PrefixWriter, node: Json, pods: Json[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const alloc: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : node.status?.capacity ?? {};
  const cpuA = milliValue(qty(alloc.cpu));
  const memA = value(qty(alloc.memory));
  const total = { reqs: new Map() as ResourceList, limits: new Map() as ResourceList };
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [k, v] of reqs) total.reqs.set(k, total.reqs.has(k) ? add(total.reqs.get(k)!, v) : v);
    for (const [k, v] of limits) total.limits.set(k, total.limits.has(k) ? add(total.limits.get(k)!, v) : v);
    const cr = reqs.get("cpu"), cl = limits.get("cpu"), mr = reqs.get("memory"), ml = limits.get("memory");
    w.write(1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${fmt(cr)} (${pct(cr ? milliValue(cr) : 0, cpuA)}%)\t${fmt(cl)} (${pct(cl ? milliValue(cl) : 0, cpuA)}%)\t` +
      `${fmt(mr)} (${pct(mr ? value(mr) : 0, memA)}%)\t${fmt(ml)} (${pct(ml ? value(ml) : 0, memA)}%)\t${since(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  const row = (name: string, whole: number, useMilli: boolean) => {
    const r = total.reqs.get(name), l = total.limits.get(name);
    const v = (q: Quantity | undefined) => (q ? (useMilli ? milliValue(q) : value(q)) : 0);
    w.write(1, `${name}\t${fmt(r)} (${pct(v(r), whole)}%)\t${fmt(l)} (${pct(v(l), whole)}%)\n`);
  };
  row("cpu", cpuA, true);
  row("memory", memA, false);
  row("ephemeral-storage", value(qty(alloc["ephemeral-storage"])), false);
  const huge = Object.keys(alloc).filter((k) => k.startsWith("hugepages-")).sort();
  for (const h of huge) row(h, value(qty(alloc[h])), false);
  const standard = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);
  const ext = Object.keys(alloc).filter((k) => !k.startsWith("hugepages-") && !standard.has(k) && k.includes("/")).sort();
  for (const e of ext) w.write(1, `${e}\t${fmt(total.reqs.get(e))}\t${fmt(total.limits.get(e))}\n`);
}

function resourceList(w: PrefixWriter, list: Record<string, string>): void {
  for (const k of Object.keys(list).sort()) w.write(0, `  ${k}:\t${quantityString(list[k])}\n`);
}

/** Quantity.String() of a quantity as kubectl decodes it (canonical form). */
export function quantityString(s: string | number): string {
  const q = parseQuantity(s);
  return q ? canonicalQuantity(q) : String(s);
}

/** The whole `kubectl describe node` text. */
export function describeNode(w: PrefixWriter, node: Json, pods: Json[], events: Json[] | undefined, lease: Json | string, now: number): void {
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  printLabels(w, "Labels", node.metadata.labels);
  printAnnotations(w, "Annotations", node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123(node.metadata.creationTimestamp)}\n`);
  printTaints(w, "Taints", node.spec?.taints);
  w.write(0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);
  if (typeof lease === "string") w.write(0, `Lease:\tFailed to get lease: ${lease}\n`);
  else {
    w.write(0, "Lease:\n");
    w.write(1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? "<unset>"}\n`);
    w.write(1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123(lease.spec.acquireTime) : "<unset>"}\n`);
    w.write(1, `RenewTime:\t${lease?.spec?.renewTime ? rfc1123(lease.spec.renewTime) : "<unset>"}\n`);
  }
  if (st.conditions?.length) {
    w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of st.conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123(c.lastHeartbeatTime)} \t${rfc1123(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
    }
  }
  w.write(0, "Addresses:\n");
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  if (Object.keys(st.capacity ?? {}).length) {
    w.write(0, "Capacity:\n");
    resourceList(w, st.capacity);
  }
  if (Object.keys(st.allocatable ?? {}).length) {
    w.write(0, "Allocatable:\n");
    resourceList(w, st.allocatable);
  }
  const info = st.nodeInfo ?? {};
  w.write(0, "System Info:\n");
  for (const [label, key] of [["Machine ID", "machineID"], ["System UUID", "systemUUID"], ["Boot ID", "bootID"], ["Kernel Version", "kernelVersion"],
    ["OS Image", "osImage"], ["Operating System", "operatingSystem"], ["Architecture", "architecture"],
    ["Container Runtime Version", "containerRuntimeVersion"], ["Kubelet Version", "kubeletVersion"], ["Kube-Proxy Version", "kubeProxyVersion"]]) {
    w.write(0, `  ${label}:\t${info[key] ?? ""}\n`);
  }
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResource(w, node, pods, now);
  describeEvents(w, events, now);
}
