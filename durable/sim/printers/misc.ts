// Tables of the smaller resources: namespaces, services, endpoints, configmaps, secrets,
// serviceaccounts, leases, endpointslices, and the apiserver's default (Name, Created At).
import { ageColumn, col, formatLabels, nameColumn, type ColumnDef } from "./columns";
import { age } from "./pod";

// deno-lint-ignore no-explicit-any
type Json = any;

/** A printer: column definitions plus a row function. */
export interface Printer {
  columns: ColumnDef[];
  row(obj: Json, now: number): unknown[];
}

/** namespaces */
export const NAMESPACE_PRINTER: Printer = {
  columns: [nameColumn(), col("Status", "The status of the namespace"), ageColumn()],
  row: (o, now) => [o.metadata.name, o.status?.phase ?? "", age(o, now)],
};

/** makePortString: `80/TCP,443:30443/TCP`. */
export function servicePorts(ports: Json[] | undefined): string {
  const s = (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(",");
  return s || "<none>";
}

function serviceExternalIP(svc: Json): string {
  const t = svc.spec?.type;
  const ext: string[] = svc.spec?.externalIPs ?? [];
  if (t === "ExternalName") return svc.spec?.externalName ?? "";
  if (t === "LoadBalancer") {
    const ing = (svc.status?.loadBalancer?.ingress ?? []).map((i: Json) => i.ip || i.hostname);
    const all = [...ing, ...ext];
    return all.length ? all.join(",") : "<pending>";
  }
  return ext.length ? ext.join(",") : "<none>";
}

/** services */
export const SERVICE_PRINTER: Printer = {
  columns: [nameColumn(), col("Type", "The type of the service"), col("Cluster-IP", "The cluster IP of the service"),
    col("External-IP", "The external IP of the service"), col("Port(s)", "The ports of the service"), ageColumn(),
    col("Selector", "The selector of the service", { priority: 1 })],
  row: (o, now) => [o.metadata.name, o.spec?.type ?? "", o.spec?.clusterIPs?.[0] ?? o.spec?.clusterIP ?? "<none>",
    serviceExternalIP(o), servicePorts(o.spec?.ports), age(o, now), formatLabels(o.spec?.selector)],
};

/** formatEndpoints: up to 3 `ip:port`, then ` + N more...`, or `<none>`. */
export function formatEndpoints(ep: Json): string {
  const list: string[] = [];
  let count = 0;
  for (const ss of ep.subsets ?? []) {
    const ports: Json[] = ss.ports?.length ? ss.ports : [null];
    for (const port of ports) {
      for (const addr of ss.addresses ?? []) {
        if (list.length < 3) list.push(port ? `${addr.ip}:${port.port}` : addr.ip);
        count++;
      }
    }
  }
  if (!count) return "<none>";
  return count > 3 ? `${list.join(",")} + ${count - 3} more...` : list.join(",");
}

/** endpoints */
export const ENDPOINTS_PRINTER: Printer = {
  columns: [nameColumn(), col("Endpoints", "Endpoints of the service"), ageColumn()],
  row: (o, now) => [o.metadata.name, formatEndpoints(o), age(o, now)],
};

/** configmaps */
export const CONFIGMAP_PRINTER: Printer = {
  columns: [nameColumn(), col("Data", "Number of data in configmap", { type: "integer" }), ageColumn()],
  row: (o, now) => [o.metadata.name, Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, age(o, now)],
};

/** secrets */
export const SECRET_PRINTER: Printer = {
  columns: [nameColumn(), col("Type", "The type of the secret"), col("Data", "Number of data in secret", { type: "integer" }), ageColumn()],
  row: (o, now) => [o.metadata.name, o.type ?? "", Object.keys(o.data ?? {}).length, age(o, now)],
};

/** serviceaccounts */
export const SERVICEACCOUNT_PRINTER: Printer = {
  columns: [nameColumn(), col("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.", { type: "integer" }), ageColumn()],
  row: (o, now) => [o.metadata.name, (o.secrets ?? []).length, age(o, now)],
};

/** leases */
export const LEASE_PRINTER: Printer = {
  columns: [nameColumn(), col("Holder", "The holder of the lease"), ageColumn()],
  row: (o, now) => [o.metadata.name, o.spec?.holderIdentity ?? "", age(o, now)],
};

/** endpointslices */
export const ENDPOINTSLICE_PRINTER: Printer = {
  columns: [nameColumn(), col("AddressType", "The IP protocol for this slice"), col("Ports", "The ports of the slice"),
    col("Endpoints", "Endpoints of the slice"), ageColumn()],
  row: (o, now) => {
    const ports = (o.ports ?? []).map((p: Json) => String(p.port)).join(",") || "<unset>";
    const addrs = (o.endpoints ?? []).flatMap((e: Json) => e.addresses ?? []);
    const eps = addrs.length ? (addrs.length > 3 ? `${addrs.slice(0, 3).join(",")} + ${addrs.length - 3} more...` : addrs.join(",")) : "<unset>";
    return [o.metadata.name, o.addressType ?? "", ports, eps, age(o, now)];
  },
};

/** The apiserver's default table for resources without a printer. */
export const DEFAULT_PRINTER: Printer = {
  columns: [nameColumn(), col("Created At", "CreationTimestamp is a timestamp representing the server time when this object was created.", { type: "date" })],
  row: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ""],
};
