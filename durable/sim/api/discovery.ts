// Discovery documents: aggregated v2 (what kubectl 1.32 asks for) and the legacy forms
// (APIVersions / APIGroupList / APIResourceList) for clients that want them.
import { apiGroups, RESOURCES, type ResourceDef } from "./registry";

/** Content type of aggregated discovery responses. */
export const AGGREGATED_CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/** Does an Accept header ask for aggregated discovery (v2 or v2beta1)? */
export function wantsAggregated(accept: string | undefined): "v2" | "v2beta1" | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(",")) {
    const p = part.replace(/\s/g, "");
    if (p.includes("as=APIGroupDiscoveryList") && p.includes("g=apidiscovery.k8s.io")) {
      if (p.includes("v=v2beta1")) return "v2beta1";
      if (p.includes("v=v2")) return "v2";
    }
  }
  return undefined;
}

function aggregatedResource(def: ResourceDef): Record<string, unknown> {
  const r: Record<string, unknown> = {
    resource: def.resource,
    responseKind: { group: def.group, version: def.version, kind: def.kind },
    scope: def.namespaced ? "Namespaced" : "Cluster",
    singularResource: def.singular,
    verbs: def.verbs,
  };
  if (def.shortNames) r.shortNames = def.shortNames;
  if (def.categories) r.categories = def.categories;
  if (def.subresources) {
    r.subresources = def.subresources.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group ?? def.group, version: s.version ?? def.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return r;
}

/** The aggregated document for `/api` (core) or `/apis` (groups). */
export function aggregatedDiscovery(which: "api" | "apis", version: "v2" | "v2beta1" = "v2"): Record<string, unknown> {
  const items = which === "api"
    ? [{ metadata: { creationTimestamp: null }, versions: [{ version: "v1", resources: RESOURCES.filter((r) => !r.group).map(aggregatedResource), freshness: "Current" }] }]
    : apiGroups().map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: RESOURCES.filter((r) => r.group === g.group && r.version === v).map(aggregatedResource),
        freshness: "Current",
      })),
    }));
  return { kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

/** Legacy `/api`. */
export function legacyApiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
}

function groupEntry(g: { group: string; versions: string[] }): Record<string, unknown> {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v }));
  return { name: g.group, versions, preferredVersion: versions[0] };
}

/** Legacy `/apis`. */
export function legacyApiGroupList(): Record<string, unknown> {
  return { kind: "APIGroupList", apiVersion: "v1", groups: apiGroups().map(groupEntry) };
}

/** Legacy `/apis/<group>`, or undefined if the group is not served. */
export function legacyApiGroup(group: string): Record<string, unknown> | undefined {
  const g = apiGroups().find((x) => x.group === group);
  return g ? { kind: "APIGroup", apiVersion: "v1", ...groupEntry(g) } : undefined;
}

/** Legacy `/api/v1` or `/apis/<g>/<v>`, or undefined if not served. */
export function legacyResourceList(group: string, version: string): Record<string, unknown> | undefined {
  const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (!defs.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const d of defs) {
    const r: Record<string, unknown> = { name: d.resource, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
    if (d.shortNames) r.shortNames = d.shortNames;
    if (d.categories) r.categories = d.categories;
    resources.push(r);
    for (const s of d.subresources ?? []) {
      const sr: Record<string, unknown> = { name: `${d.resource}/${s.name}`, singularName: "", namespaced: d.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group !== undefined) { sr.group = s.group; sr.version = s.version; }
      resources.push(sr);
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
}

/** `/version` (v1.32.x: the kubectl dispatcher picks its binary from it). */
export const VERSION_INFO = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.4",
  gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335",
  gitTreeState: "clean",
  buildDate: "2025-04-22T16:01:55Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};
