// Maps each served store resource to its strategy.
import { genericStrategy } from "./generic";
import { namespaceStrategy } from "./namespaces";
import { podStrategy } from "./pods";
import { serviceStrategy } from "./services";
import { secretStrategy } from "./secrets";
import type { Strategy } from "./types";

const STRATEGIES: Record<string, Strategy> = {
  pods: podStrategy,
  namespaces: namespaceStrategy,
  services: serviceStrategy,
  secrets: secretStrategy,
  nodes: genericStrategy({ namespaced: false, hasStatus: true, kind: "Node" }),
  events: genericStrategy({ namespaced: true, kind: "Event" }),
  endpoints: genericStrategy({ namespaced: true, kind: "Endpoints" }),
  configmaps: genericStrategy({ namespaced: true, kind: "ConfigMap" }),
  serviceaccounts: genericStrategy({ namespaced: true, kind: "ServiceAccount" }),
  "leases.coordination.k8s.io": genericStrategy({ namespaced: true, kind: "Lease" }),
  "endpointslices.discovery.k8s.io": genericStrategy({ namespaced: true, kind: "EndpointSlice" }),
};

/** The strategy of a store resource. */
export function strategyFor(resource: string): Strategy {
  const s = STRATEGIES[resource];
  if (!s) throw new Error(`no strategy for ${resource}`);
  return s;
}
