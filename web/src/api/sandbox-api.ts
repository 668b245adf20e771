// HTTP access to one sandbox: the Kubernetes API under /clusters/<id>/ and podlab's own
// endpoints under /clusters/<id>/-/ (clock, kubectl, trace, reset). Used by every pane.

/** Accept header that asks the API server for a server-side Table. */
export const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io";

/** A Kubernetes Status cause (field-level validation error). */
export interface StatusCause { reason?: string; message?: string; field?: string }

/** A Kubernetes Status returned on failure. */
export interface K8sStatus {
  kind: "Status";
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; causes?: StatusCause[] };
}

/** An API failure carrying the server's Status. */
export class ApiFailure extends Error {
  constructor(readonly code: number, readonly status: K8sStatus) {
    super(status.message ?? `HTTP ${code}`);
  }
}

/** The virtual clock as the server reports it. */
export interface ClockView { now: string; nowMs: number; speed: number }

/** What one kubectl invocation printed. */
export interface KubectlResult { stdout: string; stderr: string; exitCode: number }

/** One recorded step of what happened to a pod. */
export interface TraceStep { t: number; time: string; from: string; to: string; action: string; pod?: string; namespace?: string; node?: string }

/** A Table row from the server (cells as kubectl prints them). */
export interface TableRow { cells: unknown[]; object?: Record<string, any> }

/** A meta.k8s.io Table. */
export interface Table {
  kind: "Table";
  metadata: { resourceVersion?: string };
  columnDefinitions?: { name: string; priority: number }[];
  rows: TableRow[];
}

async function failure(res: Response): Promise<ApiFailure> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as K8sStatus;
    if (body && body.kind === "Status") return new ApiFailure(res.status, body);
  } catch { /* not JSON */ }
  return new ApiFailure(res.status, { kind: "Status", status: "Failure", code: res.status, message: text.trim() || `HTTP ${res.status}` });
}

/** The API of one sandbox, addressed by its server URL (`<origin>/clusters/<id>`). */
export class SandboxApi {
  constructor(readonly server: string) {}

  /** Absolute URL of a path under the sandbox. */
  url(path: string): string {
    return `${this.server}${path}`;
  }

  /** A raw request under the sandbox. */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(this.url(path), init);
  }

  /** GET a JSON document, throwing ApiFailure on non-2xx. */
  async get<T>(path: string, accept = "application/json"): Promise<T> {
    const res = await this.fetch(path, { headers: { accept } });
    if (!res.ok) throw await failure(res);
    return (await res.json()) as T;
  }

  /** Sends a JSON body, throwing ApiFailure on non-2xx. */
  async send<T>(method: string, path: string, body: unknown, contentType = "application/json"): Promise<T> {
    const init = { method, headers: { "content-type": contentType, accept: "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
    let res = await this.fetch(path, init);
    // wrangler dev answers 503 on a kept-alive connection after an earlier response left its
    // request body unread; idempotent verbs are safe to send once more.
    if (res.status === 503 && (method === "PATCH" || method === "DELETE" || method === "PUT")) res = await this.fetch(path, init);
    if (!res.ok) throw await failure(res);
    return (await res.json()) as T;
  }

  /** A server-side Table (with full objects when includeObject is Object). */
  table(path: string, includeObject: "None" | "Object" = "None"): Promise<Table> {
    const sep = path.includes("?") ? "&" : "?";
    return this.get<Table>(`${path}${sep}includeObject=${includeObject}`, TABLE_ACCEPT);
  }

  /** The virtual clock. */
  clock(): Promise<ClockView> {
    return this.get<ClockView>("/-/clock");
  }

  /** Moves the virtual clock forward by a Go duration ("30s", "5m"). */
  advance(duration: string): Promise<ClockView> {
    return this.send<ClockView>("POST", "/-/clock", { advance: duration });
  }

  /** Pauses (0) or sets the speed of the virtual clock. */
  speed(speed: number): Promise<ClockView> {
    return this.send<ClockView>("POST", "/-/clock", { speed });
  }

  /** Runs one kubectl command line on the server. */
  kubectl(command: string, stdin?: string): Promise<KubectlResult> {
    return this.send<KubectlResult>("POST", "/-/kubectl", stdin === undefined ? { command } : { command, stdin });
  }

  /** The recorded steps of a pod (for the sequence diagrams). */
  async trace(namespace: string, pod: string): Promise<TraceStep[]> {
    const q = new URLSearchParams({ pod, namespace });
    return (await this.get<{ steps: TraceStep[] }>(`/-/trace?${q}`)).steps;
  }

  /** Replaces the cluster with a fresh one under the same id. */
  reset(): Promise<unknown> {
    return this.send("POST", "/-/reset", {});
  }

  /** The WebSocket URL of a path under the sandbox. */
  wsUrl(path: string): string {
    return this.url(path).replace(/^http/, "ws");
  }
}
