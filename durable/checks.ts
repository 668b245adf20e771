// `POST /clusters/<id>/-/checks`: validates a course author's declarative checks (schema/checks.ts),
// reads the sandbox's manifest history from D1 (after flushing the outbox), and has the core
// evaluate them (durable/sim/checks). Checks are never journaled: they read, and kubectl checks
// run on a copy of the cluster.
import * as v from "valibot";
import { drizzle } from "drizzle-orm/d1";
import { asc, eq } from "drizzle-orm";
import { manifests } from "../schema/db";
import { ChecksBody } from "../schema/checks";
import { evaluateChecks, type ManifestRecord } from "./sim/checks/index";
import { kubectlCheckProblem } from "./sim/checks/kubectl";
import { jsonResponse, statusResponse } from "./http";
import type { ClusterObject } from "./cluster-object";

/** Most manifest history rows a manifest check searches (the newest). */
export const MAX_HISTORY = 5000;

async function history(obj: ClusterObject, needed: boolean): Promise<ManifestRecord[]> {
  if (!needed || !obj.meta) return [];
  await obj.outbox.flush();
  const rows = await drizzle(obj.bindings.DB).select({ verb: manifests.verb, kind: manifests.kind, namespace: manifests.namespace, name: manifests.name, body: manifests.body })
    .from(manifests).where(eq(manifests.sandboxId, obj.meta.id)).orderBy(asc(manifests.id));
  return rows.slice(-MAX_HISTORY);
}

/** Handles the checks endpoint. */
export async function checksApi(obj: ClusterObject, req: Request, server: string): Promise<Response> {
  if (req.method !== "POST") return statusResponse(405, "MethodNotAllowed", "use POST with {\"checks\": [...]}");
  const text = await req.text();
  if (text.length > 256 * 1024) return statusResponse(413, "RequestEntityTooLarge", "checks body too large: limit is 262144 bytes");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return statusResponse(400, "BadRequest", "body must be JSON: {\"checks\": [{\"type\": \"pod\", \"pod\": \"web\", \"ready\": true}]}");
  }
  const p = v.safeParse(ChecksBody, raw);
  if (!p.success) {
    const i = p.issues[0];
    const where = i.path?.map((x) => (typeof x.key === "number" ? `[${x.key}]` : `.${String(x.key)}`)).join("").replace(/^\./, "") ?? "";
    return statusResponse(400, "BadRequest", `invalid checks: ${where ? `${where}: ` : ""}${i.message}`);
  }
  for (const [n, k] of p.output.checks.entries()) {
    const problem = k.type === "kubectl" ? kubectlCheckProblem(k.command) : undefined;
    if (problem) return statusResponse(400, "BadRequest", `invalid checks: checks[${n}].command ${problem}`);
  }
  const manifestRows = await history(obj, p.output.checks.some((k) => k.type === "manifest"));
  const results = evaluateChecks(obj.cluster!, p.output.checks, { manifests: manifestRows, server });
  return jsonResponse(200, { results, passed: results.every((r) => r.passed) });
}
