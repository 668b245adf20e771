// Scenario helpers: a sandbox cluster driven through its HTTP-shaped API, as kubectl would.
import { createSandbox } from "../../../durable/sim/sandbox";
import type { Cluster } from "../../../durable/sim/cluster";
import type { ApiRequest } from "../../../durable/sim/api/request";
import { parse } from "yaml";

export const T0 = Date.UTC(2026, 10, 24, 10, 0, 0);
export const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

/** A new sandbox at a fixed time and seed. */
export function sandbox(seed = "test"): Cluster {
  return createSandbox({ seed, startTime: T0 });
}

/** Sends a request; returns status and parsed JSON body (or text). */
export function call(c: Cluster, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const [p, q] = path.split("?");
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const req: ApiRequest = { method, path: p, query: new URLSearchParams(q ?? ""), headers: { "content-type": "application/json", ...headers },
    body: text === undefined ? undefined : new TextEncoder().encode(text) };
  const { response, bug } = c.handle(req);
  if (bug) throw bug;
  if (response.type !== "body") return { status: 200, body: response as unknown as Record<string, any> };
  let parsed: any = response.body;
  try { parsed = JSON.parse(response.body); } catch { /* text */ }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Creates an object from YAML in a namespace. */
export function apply(c: Cluster, yaml: string, ns = "default") {
  const obj = parse(yaml);
  const plural = `${String(obj.kind).toLowerCase()}s`;
  return call(c, "POST", `/api/v1/namespaces/${ns}/${plural}?fieldValidation=Strict`, obj);
}

/** Advances virtual time by seconds. */
export function advance(c: Cluster, seconds: number): void {
  c.advanceTo(c.now + seconds * 1000);
}

/** Pods table rows as printed cells. */
export function podRows(c: Cluster, ns = "default"): string[][] {
  const r = call(c, "GET", `/api/v1/namespaces/${ns}/pods`, undefined, { accept: TABLE });
  return r.body.rows.map((row: { cells: string[] }) => row.cells.slice(0, 5));
}

/** Events about an object, oldest first, as `Type Reason Message`. */
export function events(c: Cluster, name: string, ns = "default"): string[] {
  const r = call(c, "GET", `/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name%3D${name}`);
  return r.body.items.map((e: any) => `${e.type} ${e.reason} ${e.message}`);
}
