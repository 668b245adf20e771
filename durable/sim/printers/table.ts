// Builds meta.k8s.io/v1 Table responses from objects: picks the printer for a resource and
// attaches row objects (PartialObjectMetadata, full Object, or none) per includeObject.
import type { KObject } from "../store/types";
import { EVENT_COLUMNS, eventRow } from "./event";
import { CONFIGMAP_PRINTER, DEFAULT_PRINTER, ENDPOINTS_PRINTER, ENDPOINTSLICE_PRINTER, LEASE_PRINTER, NAMESPACE_PRINTER,
  type Printer, SECRET_PRINTER, SERVICE_PRINTER, SERVICEACCOUNT_PRINTER } from "./misc";
import { NODE_COLUMNS, nodeRow } from "./node";
import { POD_COLUMNS, podRow, podRowConditions } from "./pod";

/** includeObject policy of a Table request. */
export type IncludeObject = "None" | "Metadata" | "Object";

const PRINTERS: Record<string, Printer> = {
  pods: { columns: POD_COLUMNS, row: podRow },
  nodes: { columns: NODE_COLUMNS, row: nodeRow },
  events: { columns: EVENT_COLUMNS, row: eventRow },
  namespaces: NAMESPACE_PRINTER,
  services: SERVICE_PRINTER,
  endpoints: ENDPOINTS_PRINTER,
  configmaps: CONFIGMAP_PRINTER,
  secrets: SECRET_PRINTER,
  serviceaccounts: SERVICEACCOUNT_PRINTER,
  "leases.coordination.k8s.io": LEASE_PRINTER,
  "endpointslices.discovery.k8s.io": ENDPOINTSLICE_PRINTER,
};

/** The printer for a store resource name (`pods`, `leases.coordination.k8s.io`). */
export function printerFor(resource: string): Printer {
  return PRINTERS[resource] ?? DEFAULT_PRINTER;
}

/** One Table row with its object per includeObject. */
export function tableRow(resource: string, obj: KObject, now: number, include: IncludeObject): Record<string, unknown> {
  const p = printerFor(resource);
  const row: Record<string, unknown> = { cells: p.row(obj, now) };
  if (resource === "pods") {
    const conds = podRowConditions(obj);
    if (conds) row.conditions = conds;
  }
  if (include === "Object") row.object = obj;
  else if (include === "Metadata") {
    row.object = { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata };
  }
  return row;
}

/** A complete Table. Column definitions are omitted when `withColumns` is false (later watch events). */
export function buildTable(resource: string, objs: KObject[], now: number, opts: {
  resourceVersion: string; include: IncludeObject; withColumns?: boolean; continueToken?: string;
}): Record<string, unknown> {
  const p = printerFor(resource);
  const metadata: Record<string, string> = { resourceVersion: opts.resourceVersion };
  if (opts.continueToken) metadata.continue = opts.continueToken;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata,
    columnDefinitions: opts.withColumns === false ? [] : p.columns,
    rows: objs.map((o) => tableRow(resource, o, now, opts.include)),
  };
}
