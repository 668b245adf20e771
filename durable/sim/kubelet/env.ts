// Builds a container's environment as the kubelet does (makeEnvironmentVariables): envFrom,
// env with $(VAR) expansion and valueFrom (fieldRef, resourceFieldRef, configMapKeyRef,
// secretKeyRef), then the Docker-link style service variables.
import { milliValue, parseQuantity, value } from "../../../schema/quantity";
import type { Store } from "../store/store";
import { expand } from "./expand";

// deno-lint-ignore no-explicit-any
type Json = any;

/** A config error: the container cannot be created (CreateContainerConfigError). */
export class ConfigError extends Error {}

/** Inputs of env construction. */
export interface EnvContext {
  pod: Json;
  container: Json;
  store: Store;
  hostIP: string;
  podIP: string;
  nodeAllocatable: Record<string, string>;
}

function b64decode(s: string): string {
  try {
    const bin = atob(s);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return s;
  }
}

/** Docker-link variables of the Services visible to a pod (§11.3), as name → value. */
export function serviceEnv(store: Store, namespace: string, enableServiceLinks: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const services: Json[] = [];
  for (const s of store.list("services", namespace) as Json[]) if (enableServiceLinks || (namespace === "default" && s.metadata.name === "kubernetes")) services.push(s);
  if (namespace !== "default") {
    const k = store.get("services", "default", "kubernetes") as Json;
    if (k && !services.some((s) => s.metadata.name === "kubernetes")) services.push(k);
  }
  for (const s of services) {
    const ip = s.spec?.clusterIP;
    if (!ip || ip === "None" || s.spec?.type === "ExternalName") continue;
    const ports: Json[] = s.spec?.ports ?? [];
    if (!ports.length) continue;
    const prefix = String(s.metadata.name).toUpperCase().replace(/-/g, "_");
    out.set(`${prefix}_SERVICE_HOST`, ip);
    out.set(`${prefix}_SERVICE_PORT`, String(ports[0].port));
    for (const p of ports) if (p.name) out.set(`${prefix}_SERVICE_PORT_${String(p.name).toUpperCase().replace(/-/g, "_")}`, String(p.port));
    const proto0 = String(ports[0].protocol ?? "TCP").toLowerCase();
    out.set(`${prefix}_PORT`, `${proto0}://${ip}:${ports[0].port}`);
    for (const p of ports) {
      const proto = String(p.protocol ?? "TCP");
      const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.set(base, `${proto.toLowerCase()}://${ip}:${p.port}`);
      out.set(`${base}_PROTO`, proto.toLowerCase());
      out.set(`${base}_PORT`, String(p.port));
      out.set(`${base}_ADDR`, ip);
    }
  }
  return out;
}

function fieldRefValue(ctx: EnvContext, path: string): string {
  const pod = ctx.pod;
  const sub = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (sub) return String(pod.metadata?.[sub[1]]?.[sub[2]] ?? "");
  switch (path) {
    case "metadata.name": return pod.metadata.name;
    case "metadata.namespace": return pod.metadata.namespace;
    case "metadata.uid": return pod.metadata.uid;
    case "spec.nodeName": return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName": return pod.spec.serviceAccountName ?? "";
    case "status.hostIP": case "status.hostIPs": return ctx.hostIP;
    case "status.podIP": case "status.podIPs": return ctx.podIP;
    default: throw new ConfigError(`unsupported fieldPath: ${path}`);
  }
}

function resourceFieldValue(ctx: EnvContext, ref: Json): string {
  const cname = ref.containerName || ctx.container.name;
  const c = [...(ctx.pod.spec.containers ?? []), ...(ctx.pod.spec.initContainers ?? [])].find((x: Json) => x.name === cname);
  const [kind, res] = String(ref.resource).split(".", 2) as ["limits" | "requests", string];
  let raw = c?.resources?.[kind]?.[res];
  if (raw === undefined && kind === "limits") raw = ctx.nodeAllocatable[res];
  if (raw === undefined && kind === "requests") raw = res === "cpu" || res === "memory" ? "0" : "0";
  const q = parseQuantity(String(raw ?? "0"));
  const d = parseQuantity(String(ref.divisor ?? "1"));
  if (!q || !d) return "0";
  if (res === "cpu") {
    const dm = milliValue(d) || 1000;
    return String(Math.ceil(milliValue(q) / dm));
  }
  const dv = value(d) || 1;
  return String(Math.ceil(value(q) / dv));
}

function keyRef(ctx: EnvContext, kind: "configmaps" | "secrets", ref: Json): string | undefined {
  const ns = ctx.pod.metadata.namespace;
  const obj = ctx.store.get(kind, ns, ref.name) as Json;
  const label = kind === "configmaps" ? "configmap" : "secret";
  if (!obj) {
    if (ref.optional) return undefined;
    throw new ConfigError(`${label} "${ref.name}" not found`);
  }
  const data = obj.data ?? {};
  if (!(ref.key in data) && !(kind === "configmaps" && ref.key in (obj.binaryData ?? {}))) {
    if (ref.optional) return undefined;
    throw new ConfigError(`couldn't find key ${ref.key} in ${kind === "configmaps" ? "ConfigMap" : "Secret"} ${ns}/${ref.name}`);
  }
  return kind === "secrets" ? b64decode(data[ref.key]) : String(data[ref.key]);
}

/** The pod-defined environment of a container, in kubelet order; throws ConfigError. */
export function containerEnv(ctx: EnvContext): [string, string][] {
  const vars = new Map<string, string>();
  const order: string[] = [];
  const set = (k: string, v: string) => {
    if (!vars.has(k)) order.push(k);
    vars.set(k, v);
  };
  const ns = ctx.pod.metadata.namespace;
  for (const src of ctx.container.envFrom ?? []) {
    const prefix = src.prefix ?? "";
    const isCm = !!src.configMapRef;
    const ref = src.configMapRef ?? src.secretRef;
    const obj = ctx.store.get(isCm ? "configmaps" : "secrets", ns, ref.name) as Json;
    if (!obj) {
      if (ref.optional) continue;
      throw new ConfigError(`${isCm ? "configmap" : "secret"} "${ref.name}" not found`);
    }
    for (const [k, v] of Object.entries<string>(obj.data ?? {})) set(prefix + k, isCm ? v : b64decode(v));
  }
  const services = serviceEnv(ctx.store, ns, ctx.pod.spec.enableServiceLinks !== false);
  const lookup = (n: string) => vars.get(n) ?? services.get(n);
  for (const e of ctx.container.env ?? []) {
    if (e.valueFrom) {
      const vf = e.valueFrom;
      let v: string | undefined;
      if (vf.fieldRef) v = fieldRefValue(ctx, vf.fieldRef.fieldPath);
      else if (vf.resourceFieldRef) v = resourceFieldValue(ctx, vf.resourceFieldRef);
      else if (vf.configMapKeyRef) v = keyRef(ctx, "configmaps", vf.configMapKeyRef);
      else if (vf.secretKeyRef) v = keyRef(ctx, "secrets", vf.secretKeyRef);
      if (v !== undefined) set(e.name, v);
    } else {
      set(e.name, expand(String(e.value ?? ""), lookup));
    }
  }
  for (const [k, v] of services) if (!vars.has(k)) set(k, v);
  return order.map((k) => [k, vars.get(k)!]);
}
