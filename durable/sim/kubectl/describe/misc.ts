// Describers of the smaller kinds: Namespace, Service (with EndpointSlices), Endpoints,
// EndpointSlice, ConfigMap, Secret, ServiceAccount, and kubectl's generic describer (sorted
// fields with "smart labels") for everything else (Lease, Event, ...).
import { formatLabels } from "../../printers/columns";
import { describeEvents, printAnnotations, printLabels, rfc1123, type PrefixWriter } from "./writer";

// deno-lint-ignore no-explicit-any
type Json = any;

/** describeNamespace */
export function describeNamespace(w: PrefixWriter, ns: Json): void {
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabels(w, "Labels", ns.metadata.labels);
  printAnnotations(w, "Annotations", ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ""}\n`);
  if (ns.status?.conditions?.length) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t------------------\t------\t-------\n");
    for (const c of ns.status.conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
  }
}

/** formatEndpointSlices: up to 3 ready `ip:port`, then ` + N more...`, or <none>. */
export function formatEndpointSlices(slices: Json[], portName: string | undefined): string {
  if (!slices.length) return "<none>";
  const list: string[] = [];
  let more = false, count = 0;
  for (const s of slices) {
    const ports: Json[] = s.ports ?? [];
    const eps: Json[] = s.endpoints ?? [];
    const take = (addr: string) => {
      if (list.length === 3) more = true;
      if (!more) list.push(addr);
      count++;
    };
    if (!ports.length) {
      for (const e of eps) if (e.conditions?.ready !== false) take(e.addresses[0]);
    } else {
      for (const p of ports) {
        if (portName !== undefined && (p.name ?? "") !== portName) continue;
        for (const e of eps) {
          if (e.conditions?.ready === false) continue;
          const a = e.addresses[0];
          take(a.includes(":") ? `[${a}]:${p.port}` : `${a}:${p.port}`);
        }
      }
    }
  }
  return more ? `${list.join(",")} + ${count - 3} more...` : list.join(",");
}

/** describeService */
export function describeService(w: PrefixWriter, svc: Json, slices: Json[], events: Json[] | undefined, now: number): void {
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabels(w, "Labels", svc.metadata.labels);
  printAnnotations(w, "Annotations", svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress: Json[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ""}` : i.hostname).join(", ")}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || "<unset>";
    w.write(0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? "")}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  describeEvents(w, events, now);
}

/** describeEndpoints */
export function describeEndpoints(w: PrefixWriter, ep: Json, events: Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabels(w, "Labels", ep.metadata.labels);
  printAnnotations(w, "Annotations", ep.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const s of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(s.addresses ?? []).map((a: Json) => a.ip).join(",") || "<none>"}\n`);
    w.write(1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a: Json) => a.ip).join(",") || "<none>"}\n`);
    if (s.ports?.length) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const p of s.ports) w.write(2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, "\n");
  }
  describeEvents(w, events, now);
}

/** describeEndpointSliceV1 */
export function describeEndpointSlice(w: PrefixWriter, eps: Json, events: Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace}\n`);
  printLabels(w, "Labels", eps.metadata.labels);
  printAnnotations(w, "Annotations", eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType ?? ""}\n`);
  if (!eps.ports?.length) w.write(0, "Ports: <unset>\n");
  else {
    w.write(0, "Ports:\n");
    w.write(1, "Name\tPort\tProtocol\n");
    w.write(1, "----\t----\t--------\n");
    for (const p of eps.ports) w.write(1, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol}\n`);
  }
  if (!eps.endpoints?.length) w.write(0, "Endpoints: <none>\n");
  else {
    w.write(0, "Endpoints:\n");
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(", ") || "<none>"}\n`);
      w.write(2, "Conditions:\n");
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? "<unset>" : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
      w.write(2, `Zone:\t${e.zone ?? "<unset>"}\n`);
    }
  }
  describeEvents(w, events, now);
}

/** The ConfigMap describer. */
export function describeConfigMap(w: PrefixWriter, cm: Json, events: Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabels(w, "Labels", cm.metadata.labels);
  printAnnotations(w, "Annotations", cm.metadata.annotations);
  w.write(0, "\nData\n====\n");
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data[k]}\n`);
    w.write(0, "\n");
  }
  w.write(0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${Math.floor((cm.binaryData[k].length * 3) / 4)} bytes\n`);
  w.write(0, "\n");
  describeEvents(w, events, now);
}

function base64Len(s: string): number {
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

/** describeSecret (values never shown, only their sizes). */
export function describeSecret(w: PrefixWriter, s: Json): void {
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabels(w, "Labels", s.metadata.labels);
  printAnnotations(w, "Annotations", s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? ""}\n`);
  w.write(0, "\nData\n====\n");
  for (const k of Object.keys(s.data ?? {}).sort()) w.write(0, `${k}:\t${base64Len(s.data[k])} bytes\n`);
}

/** describeServiceAccount */
export function describeServiceAccount(w: PrefixWriter, sa: Json, events: Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabels(w, "Labels", sa.metadata.labels);
  printAnnotations(w, "Annotations", sa.metadata.annotations);
  const rows: [string, string[]][] = [
    ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s: Json) => s.name)],
    ["Mountable secrets: ", (sa.secrets ?? []).map((s: Json) => s.name)],
    ["Tokens:            ", []],
  ];
  for (const [header, names] of rows) {
    if (!names.length) w.write(0, `${header}\t<none>\n`);
    else names.forEach((n, i) => w.write(0, `${i ? "                   " : header}\t${n}\n`));
  }
  describeEvents(w, events, now);
}

/** smartLabelFor: camelCase → "Camel Case" (API/URL/UID kept upper). */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|-+/g) ?? [field];
  return parts.filter((p) => p !== "_").map((p) => (["API", "URL", "UID", "OSB", "GUID"].includes(p.toUpperCase()) ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1))).join(" ");
}

const SKIP = new Set([".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);

function unstructured(w: PrefixWriter, level: number, content: Record<string, Json>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const v = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      unstructured(w, level + 1, v, path);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of v) {
        if (child && typeof child === "object" && !Array.isArray(child)) unstructured(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${goValue(v)}\n`);
  }
}

function goValue(v: Json): string {
  if (v === null || v === undefined) return "<nil>";
  return String(v);
}

/** The generic describer (any kind without a dedicated one). */
export function describeGeneric(w: PrefixWriter, obj: Json, events: Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${obj.metadata?.name ?? ""}\n`);
  w.write(0, `Namespace:\t${obj.metadata?.namespace ?? ""}\n`);
  printLabels(w, "Labels", obj.metadata?.labels);
  printAnnotations(w, "Annotations", obj.metadata?.annotations);
  unstructured(w, 0, obj, "");
  describeEvents(w, events, now);
}
