// The endpoints and endpointslice controllers: for every Service with a selector, the matching
// pods' IPs split into ready addresses and notReadyAddresses (Endpoints) and endpoint
// conditions ready/serving/terminating (EndpointSlice), with named target ports resolved.
import { findResource } from "../api/registry";
import type { Component, SimContext } from "../context";
import type { Timer } from "../core/timers";
import { rfc3339 } from "../core/time";
import type { KObject, StoreEvent } from "../store/types";

// deno-lint-ignore no-explicit-any
type Json = any;

const REACT_MS = 25;
const EP_DEF = findResource("", "v1", "endpoints")!;

function selects(sel: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel || !Object.keys(sel).length) return false;
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

function podReady(p: Json): boolean {
  return (p.status?.conditions ?? []).some((c: Json) => c.type === "Ready" && c.status === "True");
}

function targetPort(pod: Json, sp: Json): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === "number") return tp;
  if (/^\d+$/.test(String(tp))) return Number(tp);
  for (const c of pod.spec.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? "TCP") === (sp.protocol ?? "TCP")) return p.containerPort;
  return undefined;
}

/** Keeps Endpoints and EndpointSlices in line with Services and pods. */
export class EndpointsController implements Component {
  constructor(private readonly ctx: SimContext) {}

  /** Queues a reconcile for services affected by a pod or service change. */
  onStoreEvent(e: StoreEvent): void {
    if (e.resource === "services") {
      this.queue(e.object.metadata.namespace!, e.object.metadata.name!);
      return;
    }
    if (e.resource !== "pods") return;
    const ns = e.object.metadata.namespace!;
    const labels = [e.object.metadata.labels, e.prev?.metadata.labels];
    for (const s of this.ctx.store.list("services", ns) as Json[]) {
      if (labels.some((l) => selects(s.spec?.selector, l))) this.queue(ns, s.metadata.name);
    }
  }

  private queue(ns: string, name: string): void {
    this.ctx.timers.scheduleEarliest(`ctrl.ep/${ns}/${name}`, this.ctx.now() + REACT_MS, "ctrl.ep.sync", { ns, name });
  }

  /** Reconciles one service. */
  onTimer(t: Timer): void {
    const { ns, name } = t.data as { ns: string; name: string };
    const { store } = this.ctx;
    const svc = store.get("services", ns, name) as Json;
    const existing = store.get("endpoints", ns, name) as Json;
    if (!svc || !svc.spec?.selector) {
      if (!svc && existing) store.delete("endpoints", ns, name);
      if (!svc) for (const sl of store.list("endpointslices.discovery.k8s.io", ns).filter((x) => x.metadata.labels?.["kubernetes.io/service-name"] === name)) {
        store.delete("endpointslices.discovery.k8s.io", ns, sl.metadata.name!);
      }
      return;
    }
    const pods = (store.list("pods", ns) as Json[]).filter((p) => selects(svc.spec.selector, p.metadata.labels) && p.status?.podIP &&
      p.status.phase !== "Succeeded" && p.status.phase !== "Failed");
    const ready: Json[] = [];
    const notReady: Json[] = [];
    for (const p of pods) {
      const addr = { ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: "Pod", name: p.metadata.name, namespace: ns, uid: p.metadata.uid } };
      if (p.metadata.deletionTimestamp) continue;
      (podReady(p) ? ready : notReady).push(addr);
    }
    const ports = (svc.spec.ports ?? []).map((sp: Json) => {
      const tp = pods.length ? targetPort(pods[0], sp) : typeof sp.targetPort === "number" ? sp.targetPort : sp.port;
      return { ...(sp.name ? { name: sp.name } : {}), port: tp ?? sp.port, protocol: sp.protocol ?? "TCP" };
    });
    const subsets = ready.length || notReady.length
      ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : undefined;
    const body: Json = {
      apiVersion: "v1", kind: "Endpoints",
      metadata: { name, namespace: ns, labels: { ...(svc.metadata.labels ?? {}) },
        annotations: { "endpoints.kubernetes.io/last-change-trigger-time": rfc3339(this.ctx.now()) } },
      ...(subsets ? { subsets } : {}),
    };
    if (!Object.keys(body.metadata.labels).length) delete body.metadata.labels;
    if (!existing) {
      this.ctx.api.verbs.create(EP_DEF, ns, body, { internal: true, fieldManager: "kube-controller-manager" });
    } else if (JSON.stringify(existing.subsets ?? null) !== JSON.stringify(body.subsets ?? null)) {
      this.ctx.api.verbs.updateDecoded(EP_DEF, ns, name, { ...existing, subsets: body.subsets, metadata: { ...existing.metadata, annotations: body.metadata.annotations } },
        { internal: true, fieldManager: "kube-controller-manager" }, []);
      this.traceMembership(existing, ready, name, ns);
    }
    this.syncSlice(svc, pods, ports);
  }

  /** Trace steps for pods that joined or left a service's ready addresses. */
  private traceMembership(existing: Json, ready: Json[], svc: string, ns: string): void {
    const before = new Set<string>((existing.subsets ?? []).flatMap((s: Json) => (s.addresses ?? []).map((a: Json) => a.targetRef?.name)));
    const after = new Set<string>(ready.map((a) => a.targetRef.name));
    for (const p of before) if (!after.has(p)) this.ctx.trace.step("Endpoints", "API Server", `remove ${p} from endpoints ${svc}`, { namespace: ns, name: p });
    for (const p of after) if (!before.has(p)) this.ctx.trace.step("Endpoints", "API Server", `add ${p} to endpoints ${svc}`, { namespace: ns, name: p });
  }

  private syncSlice(svc: Json, pods: Json[], ports: Json[]): void {
    const { store } = this.ctx;
    const ns = svc.metadata.namespace;
    const slices = store.list("endpointslices.discovery.k8s.io", ns).filter((x) => x.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
    const endpoints = pods.map((p) => ({
      addresses: [p.status.podIP],
      conditions: { ready: podReady(p) && !p.metadata.deletionTimestamp, serving: podReady(p), terminating: !!p.metadata.deletionTimestamp },
      nodeName: p.spec.nodeName,
      targetRef: { kind: "Pod", name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    }));
    const body: Json = {
      apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", addressType: "IPv4",
      endpoints, ports,
      metadata: {
        name: slices[0]?.metadata.name ?? `${svc.metadata.name}-${this.ctx.rng.suffix(5)}`, namespace: ns,
        labels: { ...(svc.metadata.labels ?? {}), "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io", "kubernetes.io/service-name": svc.metadata.name },
        generateName: `${svc.metadata.name}-`,
        ownerReferences: [{ apiVersion: "v1", blockOwnerDeletion: true, controller: true, kind: "Service", name: svc.metadata.name, uid: svc.metadata.uid }],
      },
    };
    const def = findResource("discovery.k8s.io", "v1", "endpointslices")!;
    const cur = slices[0] as Json;
    if (!cur) this.ctx.api.verbs.create(def, ns, body, { internal: true, fieldManager: "endpointslice-controller" });
    else if (JSON.stringify(cur.endpoints ?? []) !== JSON.stringify(endpoints) || JSON.stringify(cur.ports ?? []) !== JSON.stringify(ports)) {
      this.ctx.api.verbs.updateDecoded(def, ns, cur.metadata.name, { ...cur, endpoints, ports }, { internal: true, fieldManager: "endpointslice-controller" }, []);
    }
  }
}

/** The kind marker used by registries. */
export type EndpointsObject = KObject;
