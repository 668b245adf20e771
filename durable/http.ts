// Converts between fetch Requests/Responses and the core's ApiRequest/ApiResponse shapes, and
// builds Status bodies for errors raised in the adapter itself.
import type { ApiRequest, BodyResponse } from "./sim/api/request";
import { MAX_BODY_BYTES } from "./sim/api/body";

/** Reads a Request into the core's shape; the path is given without the /clusters/<id> prefix. */
export async function toApiRequest(req: Request, path: string): Promise<ApiRequest | Response> {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => { headers[k.toLowerCase()] = v; });
  let body: Uint8Array | undefined;
  if (req.method !== "GET" && req.method !== "HEAD" && req.body) {
    const len = Number(req.headers.get("content-length") ?? "0");
    if (len > MAX_BODY_BYTES) return statusResponse(413, "RequestEntityTooLarge", `Request entity too large: limit is ${MAX_BODY_BYTES}`);
    const buf = await readLimited(req, MAX_BODY_BYTES);
    if (!buf) return statusResponse(413, "RequestEntityTooLarge", `Request entity too large: limit is ${MAX_BODY_BYTES}`);
    body = buf;
  }
  return { method: req.method, path, query: url.searchParams, headers, body };
}

async function readLimited(req: Request, limit: number): Promise<Uint8Array | undefined> {
  const reader = req.body!.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return out;
}

/** A core body response as a fetch Response. */
export function fromBody(r: BodyResponse): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}

/** A Kubernetes Status error response. */
export function statusResponse(code: number, reason: string, message: string, details?: Record<string, unknown>): Response {
  const body = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code };
  return new Response(JSON.stringify(body), { status: code, headers: { "content-type": "application/json" } });
}

/** JSON response helper for podlab's own endpoints. */
export function jsonResponse(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
}
