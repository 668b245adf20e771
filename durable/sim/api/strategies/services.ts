// Service rules: ClusterIP and NodePort allocation from the cluster's ranges, defaults, the
// immutable clusterIP, and status kept server-side.
import { defaultService } from "../../../../schema/defaults/service";
import { validateService } from "../../../../schema/validation/service";
import { invalid, type FieldError } from "../../../../schema/validation/field-error";
import type { Rng } from "../../core/rng";
import type { Store } from "../../store/store";
import { clone, type Json, type Strategy } from "./types";

/** The service CIDR 10.96.0.0/12 as (base, size). */
const SERVICE_BASE = (10 << 24) | (96 << 16);
const SERVICE_SIZE = 1 << 20;

function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function usedClusterIPs(store: Store): Set<string> {
  const used = new Set<string>();
  for (const s of store.list("services")) for (const ip of ((s as Json).spec?.clusterIPs ?? [])) used.add(ip);
  return used;
}

/** Picks a free ClusterIP at random, as the apiserver's allocator does. */
export function allocateClusterIP(store: Store, rng: Rng): string {
  const used = usedClusterIPs(store);
  for (let i = 0; i < 1000; i++) {
    const off = 16 + rng.int(SERVICE_SIZE - 32);
    const ip = ipToString(SERVICE_BASE + off);
    if (!used.has(ip)) return ip;
  }
  throw new Error("service IP range exhausted");
}

function allocateNodePort(store: Store, rng: Rng): number {
  const used = new Set<number>();
  for (const s of store.list("services")) for (const p of ((s as Json).spec?.ports ?? [])) if (p.nodePort) used.add(p.nodePort);
  for (let i = 0; i < 5000; i++) {
    const port = 30000 + rng.int(2768);
    if (!used.has(port)) return port;
  }
  throw new Error("node port range exhausted");
}

/** The Service strategy. */
export const serviceStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    const svc = defaultService(clone(obj)) as Json;
    const spec = svc.spec;
    if (spec.type !== "ExternalName") {
      if (!spec.clusterIP) spec.clusterIP = allocateClusterIP(ctx.store, ctx.rng);
      spec.clusterIPs = [spec.clusterIP];
      if (spec.clusterIP !== "None") {
        spec.ipFamilies = spec.ipFamilies ?? ["IPv4"];
        spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? "SingleStack";
      } else {
        spec.ipFamilies = spec.ipFamilies ?? ["IPv4"];
        spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? "SingleStack";
      }
    }
    if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
      for (const p of spec.ports ?? []) if (!p.nodePort) p.nodePort = allocateNodePort(ctx.store, ctx.rng);
    }
    svc.status = { loadBalancer: {} };
    return svc;
  },
  validateCreate: (obj) => validateService(obj) as FieldError[],
  prepareForUpdate(obj, old) {
    const svc = defaultService(clone(obj)) as Json;
    const o = old as Json;
    if (!svc.spec.clusterIP) svc.spec.clusterIP = o.spec.clusterIP;
    if (!svc.spec.clusterIPs) svc.spec.clusterIPs = o.spec.clusterIPs;
    if (!svc.spec.ipFamilies) svc.spec.ipFamilies = o.spec.ipFamilies;
    if (!svc.spec.ipFamilyPolicy) svc.spec.ipFamilyPolicy = o.spec.ipFamilyPolicy;
    for (const p of svc.spec.ports ?? []) {
      const prev = (o.spec.ports ?? []).find((q: Json) => q.port === p.port && q.protocol === p.protocol);
      if (!p.nodePort && prev?.nodePort && (svc.spec.type === "NodePort" || svc.spec.type === "LoadBalancer")) p.nodePort = prev.nodePort;
    }
    svc.status = clone(o.status);
    return svc;
  },
  validateUpdate(obj, old) {
    const errs = validateService(obj) as FieldError[];
    const a = (obj as Json).spec?.clusterIP;
    const b = (old as Json).spec?.clusterIP;
    if (a && b && a !== b) errs.push(invalid("spec.clusterIPs[0]", a, "may not change once set"));
    return errs;
  },
  prepareForStatusUpdate: (obj, old) => ({ ...clone(old), status: clone((obj as Json).status) }),
};
