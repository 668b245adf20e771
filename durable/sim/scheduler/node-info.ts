// The scheduler's cache: per-node requested resources, pod counts, host ports and images,
// maintained incrementally from store events (O(containers) per pod change, O(images) per node
// change, never a rescan) plus "assumed" pods the scheduler has just placed. Pods bound to a node
// count until they are deleted or reach Succeeded/Failed. Owned by Scheduler; plugins read it.
import type { Node, Pod } from "../../../schema/k8s";
import type { HostPort } from "./framework";
import { nodeAllocatable, podNonZeroRequests, podRequests, type Allocatable, type Resources } from "./resources";

/** What one pod contributes to its node. */
export interface PodEntry {
  key: string;
  node: string;
  priority: number;
  requests: Resources;
  nonZero: { cpuMilli: number; memoryBytes: number };
  hostPorts: HostPort[];
}

/** One node as the scheduler sees it. */
export class NodeInfo {
  /** The Node object; undefined while pods still reference a deleted node. */
  node: Node | undefined;
  allocatable: Allocatable = { cpuMilli: 0, memoryBytes: 0, ephemeralBytes: 0, pods: 0 };
  requested: Resources = { cpuMilli: 0, memoryBytes: 0, ephemeralBytes: 0 };
  nonZeroRequested = { cpuMilli: 0, memoryBytes: 0 };
  /** Keys of the pods counted on this node. */
  readonly pods = new Set<string>();
  /** Host ports in use: "PROTO/port" → host IP → number of pods. */
  readonly usedPorts = new Map<string, Map<string, number>>();
  /** Images present on the node (status.images names) → size in bytes. */
  images = new Map<string, number>();

  constructor(readonly name: string) {}

  /** A copy whose accounting can change without touching the cache (preemption's dry run). */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.allocatable = this.allocatable;
    c.requested = { ...this.requested, scalars: this.requested.scalars && { ...this.requested.scalars } };
    c.nonZeroRequested = { ...this.nonZeroRequested };
    for (const k of this.pods) c.pods.add(k);
    for (const [k, m] of this.usedPorts) c.usedPorts.set(k, new Map(m));
    c.images = this.images;
    return c;
  }

  /** Adds (sign 1) or removes (sign -1) a pod's contribution. */
  apply(e: PodEntry, sign: 1 | -1): void {
    if (sign > 0) this.pods.add(e.key);
    else this.pods.delete(e.key);
    addResources(this.requested, e.requests, sign);
    this.nonZeroRequested.cpuMilli += sign * e.nonZero.cpuMilli;
    this.nonZeroRequested.memoryBytes += sign * e.nonZero.memoryBytes;
    for (const hp of e.hostPorts) {
      const k = `${hp.protocol}/${hp.port}`;
      let byIp = this.usedPorts.get(k);
      if (!byIp) this.usedPorts.set(k, (byIp = new Map()));
      const n = (byIp.get(hp.ip) ?? 0) + sign;
      if (n > 0) byIp.set(hp.ip, n);
      else byIp.delete(hp.ip);
      if (!byIp.size) this.usedPorts.delete(k);
    }
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 clashes with any IP on the same protocol/port. */
  portConflict(hp: HostPort): boolean {
    const byIp = this.usedPorts.get(`${hp.protocol}/${hp.port}`);
    if (!byIp) return false;
    if (hp.ip === ANY_IP) return byIp.size > 0;
    return byIp.has(ANY_IP) || byIp.has(hp.ip);
  }
}

/** The wildcard host IP (framework.DefaultBindAllHostIP). */
export const ANY_IP = "0.0.0.0";

function addResources(into: Resources, r: Resources, sign: number): void {
  into.cpuMilli += sign * r.cpuMilli;
  into.memoryBytes += sign * r.memoryBytes;
  into.ephemeralBytes += sign * r.ephemeralBytes;
  if (r.scalars) {
    const s = (into.scalars ??= {});
    for (const k in r.scalars) s[k] = (s[k] ?? 0) + sign * r.scalars[k];
  }
}

/** Whether a pod has finished (the scheduler's informer drops Succeeded/Failed pods). */
export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/** Host ports a pod asks for (containers only, as upstream's NodePorts). */
export function podHostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) out.push({ ip: p.hostIP || ANY_IP, protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  return out;
}

/** The entry a bound, non-terminal pod contributes; undefined when it counts nowhere. */
export function podEntry(key: string, pod: Pod): PodEntry | undefined {
  const node = pod.spec?.nodeName;
  if (!node || isTerminal(pod)) return undefined;
  return { key, node, priority: pod.spec?.priority ?? 0, requests: podRequests(pod), nonZero: podNonZeroRequests(pod), hostPorts: podHostPorts(pod) };
}

/** All nodes and the pods counted on them. */
export class NodeInfoCache {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly entries = new Map<string, PodEntry>();
  /** Image name → number of nodes that have it. */
  private readonly imageNodes = new Map<string, number>();
  private sorted: NodeInfo[] | undefined;

  /** Nodes that exist, sorted by name. */
  nodes(): readonly NodeInfo[] {
    if (!this.sorted) {
      this.sorted = [...this.infos.values()].filter((i) => i.node).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return this.sorted;
  }

  /** One node's info (also for deleted nodes that still have pods). */
  get(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** The counted entry of a pod, if any. */
  entry(key: string): PodEntry | undefined {
    return this.entries.get(key);
  }

  /** Number of nodes holding an image. */
  imageNodeCount(name: string): number {
    return this.imageNodes.get(name) ?? 0;
  }

  /** Adds or replaces a Node object. */
  setNode(node: Node): void {
    const name = node.metadata?.name ?? "";
    const info = this.info(name);
    if (!info.node) this.sorted = undefined;
    info.node = node;
    info.allocatable = nodeAllocatable(node);
    this.setImages(info, nodeImages(node));
  }

  /** Removes a Node object (its NodeInfo stays while pods reference it). */
  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    this.setImages(info, new Map());
    info.node = undefined;
    this.sorted = undefined;
    if (!info.pods.size) this.infos.delete(name);
  }

  /** Records a pod's current state (bound and non-terminal pods count; others are removed). */
  setPod(key: string, pod: Pod): void {
    this.put(key, podEntry(key, pod));
  }

  /** Counts a pod on a node before its binding is observed (the scheduler's assume). */
  assume(entry: PodEntry): void {
    this.put(entry.key, entry);
  }

  /** Forgets a pod. */
  removePod(key: string): void {
    this.put(key, undefined);
  }

  private put(key: string, next: PodEntry | undefined): void {
    const prev = this.entries.get(key);
    if (prev && next && sameEntry(prev, next)) return;
    if (prev) {
      const info = this.infos.get(prev.node);
      if (info) {
        info.apply(prev, -1);
        if (!info.node && !info.pods.size) this.infos.delete(prev.node);
      }
      this.entries.delete(key);
    }
    if (next) {
      this.info(next.node).apply(next, 1);
      this.entries.set(key, next);
    }
  }

  private info(name: string): NodeInfo {
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    return info;
  }

  private setImages(info: NodeInfo, next: Map<string, number>): void {
    for (const name of info.images.keys()) {
      if (next.has(name)) continue;
      const n = (this.imageNodes.get(name) ?? 1) - 1;
      if (n > 0) this.imageNodes.set(name, n);
      else this.imageNodes.delete(name);
    }
    for (const name of next.keys()) if (!info.images.has(name)) this.imageNodes.set(name, (this.imageNodes.get(name) ?? 0) + 1);
    info.images = next;
  }
}

function nodeImages(node: Node): Map<string, number> {
  const out = new Map<string, number>();
  for (const img of node.status?.images ?? []) for (const n of img.names ?? []) out.set(n, img.sizeBytes ?? 0);
  return out;
}

function sameEntry(a: PodEntry, b: PodEntry): boolean {
  if (a.node !== b.node || a.priority !== b.priority || a.hostPorts.length !== b.hostPorts.length) return false;
  const ra = a.requests;
  const rb = b.requests;
  if (ra.cpuMilli !== rb.cpuMilli || ra.memoryBytes !== rb.memoryBytes || ra.ephemeralBytes !== rb.ephemeralBytes) return false;
  if (a.nonZero.cpuMilli !== b.nonZero.cpuMilli || a.nonZero.memoryBytes !== b.nonZero.memoryBytes) return false;
  if (JSON.stringify(ra.scalars ?? {}) !== JSON.stringify(rb.scalars ?? {})) return false;
  for (let i = 0; i < a.hostPorts.length; i++) {
    const x = a.hostPorts[i];
    const y = b.hostPorts[i];
    if (x.ip !== y.ip || x.protocol !== y.protocol || x.port !== y.port) return false;
  }
  return true;
}
