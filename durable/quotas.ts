// Per-sandbox quotas and limits, enforced by the Durable Object adapter before a request reaches
// the core: object, pod and node counts (403 Forbidden in the style of ResourceQuota), bytes
// stored (403) and requests per second (429 TooManyRequests with Retry-After). The count gate is
// a deterministic function of the cluster state, so replaying a journal denies exactly what the
// live sandbox denied; the byte and rate limits are checked only on live requests, which are then
// not journaled. Used by cluster-object.ts, podlab-api.ts (kubectl) and replay.ts.
import type { Cluster } from "./sim/cluster";
import type { ApiRequest, AuditRecord, BodyResponse } from "./sim/api/request";
import { json } from "./sim/api/request";
import { parsePath } from "./sim/api/router";
import { findResource, RESOURCES, storeResource } from "./sim/api/registry";
import { fromBody, statusResponse } from "./http";
import type { Quotas } from "../schema/wire";

/** Store resources that do not count as objects: events come and go by themselves (1 h TTL). */
const UNCOUNTED = new Set(["events", "bindings", "nodes.metrics.k8s.io", "pods.metrics.k8s.io"]);
const COUNTED = [...new Set(RESOURCES.map(storeResource))].filter((r) => !UNCOUNTED.has(r));

/** Objects a sandbox holds, as counted against the `objects` quota. */
export function countObjects(c: Cluster): number {
  let n = 0;
  for (const r of COUNTED) n += c.ctx.store.count(r);
  return n;
}

/** Pods outside kube-system, as counted against the `pods` quota. */
export function countPods(c: Cluster): number {
  let n = 0;
  for (const p of c.ctx.store.list("pods")) if (p.metadata.namespace !== "kube-system") n++;
  return n;
}

/** What a request would create: the store resource, its namespace and the object's name. */
interface Creation { resource: string; plural: string; namespace?: string; name: string }

function bodyName(req: ApiRequest): string {
  if (!req.body) return "";
  const text = new TextDecoder().decode(req.body.subarray(0, 65_536));
  try {
    const m = (JSON.parse(text) as { metadata?: { name?: string; generateName?: string } }).metadata;
    return String(m?.name ?? m?.generateName ?? "");
  } catch {
    return /^\s+name:\s*["']?([-a-z0-9.]+)/m.exec(text)?.[1] ?? "";
  }
}

/** The object a request creates, if it creates one (POST to a collection, apply or PUT of a new name). */
export function creationOf(c: Cluster, req: ApiRequest): Creation | undefined {
  if (req.method !== "POST" && req.method !== "PATCH" && req.method !== "PUT") return undefined;
  const route = parsePath(req.path);
  if (route.type !== "resource" || route.subresource) return undefined;
  const def = findResource(route.group, route.version, route.resource);
  if (!def || UNCOUNTED.has(storeResource(def))) return undefined;
  const resource = storeResource(def);
  if (req.method === "POST") return route.name ? undefined : { resource, plural: def.resource, namespace: route.namespace, name: bodyName(req) };
  if (!route.name || c.ctx.store.get(resource, route.namespace, route.name)) return undefined;
  return { resource, plural: def.resource, namespace: route.namespace, name: route.name };
}

function exceeded(cr: Creation, what: string, used: number, limit: number): BodyResponse {
  const message = `${cr.plural} "${cr.name}" is forbidden: exceeded quota: podlab, requested: ${what}=1, used: ${what}=${used}, limited: ${what}=${limit}`;
  return json(403, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "Forbidden",
    details: { name: cr.name, kind: cr.plural }, code: 403 });
}

/** The 403 for a request that would exceed the object, pod or node quota; undefined when allowed. */
export function quotaDenial(c: Cluster, q: Quotas, req: ApiRequest): BodyResponse | undefined {
  const cr = creationOf(c, req);
  if (!cr) return undefined;
  if (cr.resource === "pods" && cr.namespace !== "kube-system") {
    const used = countPods(c);
    if (used >= q.pods) return exceeded(cr, "pods", used, q.pods);
  }
  if (cr.resource === "nodes") {
    const used = c.ctx.store.count("nodes");
    if (used >= q.nodes) return exceeded(cr, "nodes", used, q.nodes);
  }
  const used = countObjects(c);
  if (used >= q.objects) return exceeded(cr, "objects", used, q.objects);
  return undefined;
}

/**
 * The cluster as the kubectl runner should see it: every request it sends passes the quota gate
 * first, and the audit records of accepted mutations go to `onAudit` (the manifest history).
 */
export function gatedCluster(c: Cluster, q: Quotas, onAudit?: (a: AuditRecord) => void): Cluster {
  return new Proxy(c, {
    get(target, prop) {
      if (prop === "handle") {
        return (req: ApiRequest) => {
          const denied = quotaDenial(target, q, req);
          if (denied) return { response: denied };
          const r = target.handle(req);
          if (r.audit) onAudit?.(r.audit);
          return r;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The 403 for a write while the sandbox stores more bytes than its quota allows. */
export function bytesDenial(used: number, q: Quotas, what: string): Response | undefined {
  if (used < q.bytes) return undefined;
  return statusResponse(403, "Forbidden",
    `${what} is forbidden: exceeded quota: podlab, requested: bytes>0, used: bytes=${used}, limited: bytes=${q.bytes} (delete objects, or ask your teacher to reset the sandbox)`);
}

/** The 403 for a live Kubernetes API write that exceeds a quota (counts, then bytes stored); undefined when allowed. */
export function requestDenial(c: Cluster, q: Quotas, req: ApiRequest, storedBytes: () => number): Response | undefined {
  const denied = quotaDenial(c, q, req);
  if (denied) return fromBody(denied);
  if (req.method === "GET" || req.method === "DELETE" || /\/(exec|attach|portforward|eviction)$/.test(req.path)) return undefined;
  return bytesDenial(storedBytes(), q, `${req.method} ${req.path}`);
}

/** A token bucket over wall time: `rps` tokens a second, bursts up to 2 × rps. */
export class RateLimiter {
  private tokens: number;
  private at = 0;

  constructor(private readonly rps: number) {
    this.tokens = 2 * rps;
  }

  /** Takes a token; returns 0 when allowed, else the seconds to wait. */
  take(now: number): number {
    const cap = 2 * this.rps;
    this.tokens = Math.min(cap, this.tokens + Math.max(0, now - this.at) * this.rps / 1000);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rps));
  }
}

/** The 429 Status a rate-limited request gets. */
export function tooManyRequests(rps: number, retryAfter: number): Response {
  const body = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure",
    message: `Too many requests, please try again later. (podlab allows ${rps} requests per second per sandbox)`,
    reason: "TooManyRequests", details: { retryAfterSeconds: retryAfter }, code: 429 };
  return new Response(JSON.stringify(body), { status: 429, headers: { "content-type": "application/json", "retry-after": String(retryAfter) } });
}
