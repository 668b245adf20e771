// kubectl's RESTMapper over the server's aggregated discovery (GET /api and /apis): resolves
// what users type (po, pod, pods, Pod, pods.v1, leases.coordination.k8s.io) to a resource,
// expands categories (`all`), and builds request paths. Errors as kubectl prints them.
import { ApiClient, DISCOVERY_ACCEPT } from "./client";
import { KubectlError } from "./io";

/** One resource as discovery describes it (kubectl's RESTMapping). */
export interface Mapping {
  group: string;
  version: string;
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
}

/** apiVersion of a mapping (`v1`, `coordination.k8s.io/v1`). */
export function apiVersionOf(m: Mapping): string {
  return m.group ? `${m.group}/${m.version}` : m.version;
}

/** `pod`, `lease.coordination.k8s.io`: the kind part of `-o name` and `get all` rows. */
export function kindPrefix(m: Mapping): string {
  return m.group ? `${m.kind.toLowerCase()}.${m.group}` : m.kind.toLowerCase();
}

/** `pods`, `leases.coordination.k8s.io`: the qualified resource of messages. */
export function qualifiedResource(m: Mapping): string {
  return m.group ? `${m.resource}.${m.group}` : m.resource;
}

/** The request path of a collection or an object. */
export function resourcePath(m: Mapping, namespace: string | undefined, name?: string, sub?: string): string {
  let p = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
  if (m.namespaced && namespace) p += `/namespaces/${namespace}`;
  p += `/${m.resource}`;
  if (name !== undefined) p += `/${name}`;
  if (sub) p += `/${sub}`;
  return p;
}

/** Discovery results for one command (fetched once, like kubectl's memcache). */
export class Discovery {
  private cached?: Mapping[];

  constructor(private readonly client: ApiClient) {}

  /** Every served resource in discovery order (core first, then groups). */
  all(): Mapping[] {
    if (this.cached) return this.cached;
    const out: Mapping[] = [];
    for (const path of ["/api", "/apis"]) {
      const doc = this.client.get<any>(path, { accept: DISCOVERY_ACCEPT, query: { timeout: "32s" } });
      for (const item of doc.items ?? []) {
        const group: string = item.metadata?.name ?? "";
        const v = (item.versions ?? [])[0];
        if (!v) continue;
        for (const r of v.resources ?? []) {
          if (!r.responseKind) continue;
          out.push({ group, version: v.version, resource: r.resource, kind: r.responseKind.kind, singular: r.singularResource ?? "",
            namespaced: r.scope === "Namespaced", verbs: r.verbs ?? [], shortNames: r.shortNames ?? [], categories: r.categories ?? [] });
        }
      }
    }
    this.cached = out;
    return out;
  }

  /** Resolves `po`, `pods.v1`, `leases.coordination.k8s.io`; throws kubectl's "doesn't have a resource type". */
  resolve(arg: string): Mapping {
    const found = this.find(arg);
    if (found) return found;
    const { resource, version, group } = splitResourceArg(arg);
    let msg = `the server doesn't have a resource type "${resource}"`;
    if (group && version) msg += ` in group "${group}" and version "${version}"`;
    else if (group) msg += ` in group "${group}"`;
    throw new KubectlError(`error: ${msg}`);
  }

  /** Like resolve, but undefined when nothing matches. */
  find(arg: string): Mapping | undefined {
    const all = this.all();
    const lower = arg.toLowerCase();
    const candidates = [{ resource: lower, group: undefined as string | undefined, version: undefined as string | undefined }];
    const parts = lower.split(".");
    if (parts.length >= 2) {
      candidates.push({ resource: parts[0], group: parts.slice(1).join("."), version: undefined });
      if (parts.length >= 2) candidates.push({ resource: parts[0], version: parts[1], group: parts.slice(2).join(".") });
    }
    for (const c of candidates) {
      const match = all.filter((m) => (c.group === undefined || m.group === c.group) && (c.version === undefined || m.version === c.version) &&
        (m.resource === c.resource || m.singular === c.resource || m.kind.toLowerCase() === c.resource || m.shortNames.includes(c.resource)));
      // Prefer the core group and served (listable) resources, as kubectl's priority mapper does.
      const best = match.find((m) => m.verbs.includes("get")) ?? match[0];
      if (best) return best;
    }
    return undefined;
  }

  /** Resources of a category (`all`), in discovery order, or undefined if no such category. */
  category(name: string): Mapping[] | undefined {
    const list = this.all().filter((m) => m.categories.includes(name));
    return list.length ? list : undefined;
  }

  /** The mapping of a kind in an apiVersion (for manifests). */
  forKind(apiVersion: string, kind: string): Mapping | undefined {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    return this.all().find((m) => m.group === group && m.version === version && m.kind === kind);
  }
}

function splitResourceArg(arg: string): { resource: string; version?: string; group?: string } {
  const parts = arg.toLowerCase().split(".");
  if (parts.length === 1) return { resource: parts[0] };
  if (parts.length === 2) return { resource: parts[0], group: parts[1] };
  return { resource: parts[0], group: parts.slice(1).join(".") };
}
