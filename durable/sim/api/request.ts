// The pure request/response shapes between the Durable Object adapter and the API server.
// The adapter turns a fetch Request into an ApiRequest and an ApiResponse back into bytes,
// streams or sockets; everything Kubernetes-specific happens on this side.
import type { WatchSpec } from "./watch";

/** An HTTP request as the API server sees it (path without the /clusters/<id> prefix). */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body?: Uint8Array;
}

/** A complete response. */
export interface BodyResponse {
  type: "body";
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A watch: the adapter opens a stream and pulls lines through Cluster.drainWatch. */
export interface WatchResponse {
  type: "watch";
  status: 200;
  headers: Record<string, string>;
  watch: WatchSpec;
}

/** Container logs: initial text plus, with follow, a cursor the adapter keeps pulling. */
export interface LogResponse {
  type: "log";
  status: 200;
  headers: Record<string, string>;
  text: string;
  follow?: { containerId: string; cursor: number; timestamps: boolean };
}

/** An exec upgrade: the adapter accepts the WebSocket and bridges it to the session. */
export interface ExecResponse {
  type: "exec";
  protocol: string;
  sessionId: string;
  tty: boolean;
  stdin: boolean;
  /** The runtime could not start the process (reported on channel 3, then closed). */
  startError?: string;
}

/** Anything the API server can answer. */
export type ApiResponse = BodyResponse | WatchResponse | LogResponse | ExecResponse;

/** Mutation summary for the manifest history and the journal. */
export interface AuditRecord {
  verb: "create" | "update" | "patch" | "delete" | "apply";
  kind: string;
  namespace?: string;
  name: string;
  body?: string;
}

/** Go's strconv.ParseBool (accepts 1/t/T/TRUE/true/True and their false forms). */
export function parseBool(v: string | null | undefined): boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (["1", "t", "T", "TRUE", "true", "True"].includes(v)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(v)) return false;
  return undefined;
}

/** A JSON body response. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): BodyResponse {
  return { type: "body", status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** The body decoded as UTF-8 text. */
export function bodyText(req: ApiRequest): string {
  return req.body ? new TextDecoder().decode(req.body) : "";
}
