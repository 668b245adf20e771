// Shared helpers of the teacher-facing workers tests: the Hono app with the test bindings (or
// with ADMIN_TOKEN set), sandbox creation, the clock, typed JSON reads.
import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import worker from "../../worker/index";

// deno-lint-ignore no-explicit-any
export type Any = any;
export const BASE = "http://podlab.test";

/** Fetches through the Worker with the test bindings. */
export const fetchApp = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${BASE}${path}`, init));

/** Fetches through the Worker with ADMIN_TOKEN configured. */
export function fetchGuarded(token: string, path: string, init?: RequestInit): Promise<Response> {
  const guarded = { ...env, ADMIN_TOKEN: token } as unknown as Env;
  const app = worker as unknown as { fetch(r: Request, e: Env, c: ExecutionContext): Promise<Response> };
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  return app.fetch(new Request(`${BASE}${path}`, init), guarded, ctx);
}

/** POSTs JSON. */
export const post = (path: string, body: unknown, headers: Record<string, string> = {}): RequestInit =>
  ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });

/** Creates a sandbox (paused by default so states compare exactly). */
export async function newSandbox(body: Record<string, unknown> = { speed: 0 }): Promise<{ id: string; server: string; name: string }> {
  const r = await fetchApp("/api/sandboxes", post("/api/sandboxes", body));
  expect(r.status, await r.clone().text()).toBe(201);
  return r.json();
}

/** A request to a sandbox's API. */
export const k8s = (id: string, path: string, init?: RequestInit) => fetchApp(`/clusters/${id}${path}`, init);

/** Advances a sandbox's clock. */
export const advance = (id: string, d: string) => k8s(id, "/-/clock", post("", { advance: d }));

/** Runs the kubectl endpoint. */
export async function kubectl(id: string, command: string, stdin?: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await k8s(id, "/-/kubectl", post("", stdin === undefined ? { command } : { command, stdin }));
  return r.json();
}

/** A pod manifest. */
export const pod = (name: string, extra: Record<string, unknown> = {}, image = "nginx:1.27.5") =>
  ({ apiVersion: "v1", kind: "Pod", metadata: { name, labels: { app: name } }, spec: { containers: [{ name, image, ...extra }] } });

/** Creates a pod through the API. */
export const createPod = (id: string, body: unknown) => k8s(id, "/api/v1/namespaces/default/pods", post("", body));

/** JSON of a response. */
export const json = async (r: Response | Promise<Response>): Promise<Any> => (await r).json();

/** Deletes every alarm (retention alarms would otherwise outlive the test). */
export async function clearAlarms(): Promise<void> {
  for (const id of await listDurableObjectIds(env.CLUSTER)) {
    await runInDurableObject(env.CLUSTER.get(id), async (_o, s) => { await s.storage.deleteAlarm(); });
  }
}
