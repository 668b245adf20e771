// The runner's HTTP client: builds ApiRequests exactly as kubectl v1.32 sends them (paths, query
// parameters, Accept headers, User-Agent, Kubectl-Command) and hands them to cluster.handle.
// Failed requests become ApiStatusError carrying the server's Status object.
import type { ApiRequest, ApiResponse, BodyResponse } from "../api/request";
import type { KubectlHost } from "./host";

/** Accept header of kubectl get's server-side printing. */
export const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
/** Accept header of the typed clientset (describe, logs helpers). */
export const PROTOBUF_ACCEPT = "application/vnd.kubernetes.protobuf,application/json";
/** Accept header of discovery. */
export const DISCOVERY_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
/** kubectl's User-Agent. */
export const USER_AGENT = "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07";

/** A metav1.Status as the server sent it. */
export interface StatusBody {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; group?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

/** A failed API call (HTTP status ≥ 400). */
export class ApiStatusError extends Error {
  constructor(readonly code: number, readonly status: StatusBody) {
    super(status.message ?? `the server responded with the status code ${code}`);
  }

  /** The Status reason (NotFound, AlreadyExists, Invalid, ...). */
  get reason(): string {
    return this.status.reason ?? "";
  }
}

/** Request options. */
export interface RequestOptions {
  query?: Record<string, string | string[] | undefined>;
  accept?: string;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** Query string in Go's url.Values.Encode order (keys sorted). */
export function encodeQuery(q: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of Object.keys(q).sort()) {
    const v = q[k];
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  }
  return p;
}

/** Talks to one cluster on behalf of one kubectl command. */
export class ApiClient {
  constructor(readonly host: KubectlHost, readonly commandName: string) {}

  /** Sends a request; returns whatever the API server answered. */
  raw(method: string, path: string, opts: RequestOptions = {}): ApiResponse {
    const headers: Record<string, string> = {
      accept: opts.accept ?? "application/json, */*",
      "user-agent": USER_AGENT,
      "kubectl-command": this.commandName,
      ...(opts.contentType ? { "content-type": opts.contentType } : {}),
      ...opts.headers,
    };
    const req: ApiRequest = { method, path, query: encodeQuery(opts.query ?? {}), headers };
    if (opts.body !== undefined) req.body = new TextEncoder().encode(opts.body);
    return this.host.cluster.handle(req).response;
  }

  /** Sends a request that answers with a body; throws ApiStatusError on failure. */
  call(method: string, path: string, opts: RequestOptions = {}): { status: number; headers: Record<string, string>; body: unknown } {
    const r = this.raw(method, path, opts);
    if (r.type !== "body") throw new Error(`unexpected ${r.type} response for ${method} ${path}`);
    return { status: r.status, headers: r.headers, body: parseBody(r) };
  }

  /**
   * GET returning parsed JSON. A chunked list (`limit` sent, `metadata.continue` answered) is
   * followed to its end and returned whole, items or Table rows in order, as kubectl's
   * resource builder does.
   */
  get<T = any>(path: string, opts: RequestOptions = {}): T {
    const first = this.call("GET", path, opts).body as any;
    if (!opts.query?.limit) return first as T;
    let page = first;
    for (let n = 0; page?.metadata?.continue && n < 10_000; n++) {
      page = this.call("GET", path, { ...opts, query: { ...opts.query, continue: page.metadata.continue } }).body as any;
      if (Array.isArray(first.items) && Array.isArray(page.items)) first.items.push(...page.items);
      if (Array.isArray(first.rows) && Array.isArray(page.rows)) first.rows.push(...page.rows);
    }
    if (first?.metadata?.continue) {
      delete first.metadata.continue;
      delete first.metadata.remainingItemCount;
    }
    return first as T;
  }
}

/** A body response's JSON (or text); throws ApiStatusError for an error status. */
export function parseBody(r: BodyResponse): unknown {
  let body: unknown = r.body;
  const ct = r.headers["content-type"] ?? "";
  if (ct.includes("json")) {
    try {
      body = JSON.parse(r.body);
    } catch {
      body = r.body;
    }
  }
  if (r.status >= 400) {
    const status = (typeof body === "object" && body !== null ? body : { message: String(body) }) as StatusBody;
    throw new ApiStatusError(r.status, status);
  }
  return body;
}

/** Warnings from a response's `Warning: 299 - "..."` header, as kubectl prints them. */
export function warningLines(headers: Record<string, string>): string[] {
  const h = headers.warning;
  if (!h) return [];
  const out: string[] = [];
  const re = /299 - ("(?:[^"\\]|\\.)*")/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(h))) out.push(`Warning: ${JSON.parse(m[1])}`);
  return out;
}
