// Provisioning sandboxes: turns a validated creation request (one sandbox, a replay, or a whole
// class) into Durable Object inits and D1 rows. Used by worker/sandboxes.ts and worker/classes.ts.
import { drizzle } from "drizzle-orm/d1";
import { inArray } from "drizzle-orm";
import { sandboxes } from "../schema/db";
import { effectiveQuotas, type CreateSandboxBody, type SandboxCreated } from "../schema/wire";
import { defaultName, newSandboxId } from "./ids";
import { kubeconfig } from "./kubeconfig";
import { topologyFor } from "./topology";

/** A sandbox to create. */
export type SandboxRequest = Omit<CreateSandboxBody, "name"> & { name?: string; classId?: string };

/** A provisioning failure: a Kubernetes Status code, reason and message. */
export interface ProvisionError { code: number; reason: string; message: string }

/** The sandbox Durable Object for an id. */
export function sandboxStub(env: Env, id: string): DurableObjectStub {
  return env.CLUSTER.get(env.CLUSTER.idFromName(id));
}

/** The public description of a sandbox. */
export function describe(origin: string, id: string, name: string): SandboxCreated {
  const server = `${origin}/clusters/${id}`;
  return { id, name, server, kubeconfig: kubeconfig(server, name) };
}

/** Checks a request against the topology and quota rules; returns the init body for the Durable Object. */
export function initBody(id: string, r: SandboxRequest): { body: Record<string, unknown>; name: string } | ProvisionError {
  const name = r.name ?? defaultName(id);
  if (r.replay) {
    if (r.seed !== undefined || r.nodes || r.quotas || r.startTime !== undefined) {
      return { code: 400, reason: "BadRequest", message: "a replay carries its own seed, startTime, nodes and quotas: send only {name?, replay}" };
    }
    return { body: { id, name, seed: r.replay.init.seed, replay: r.replay }, name };
  }
  const topo = topologyFor(r.nodes);
  if (topo && "error" in topo) return { code: 403, reason: "Forbidden", message: topo.error };
  const q = effectiveQuotas(r.quotas);
  if (topo && topo.length > q.nodes) return { code: 403, reason: "Forbidden", message: `a sandbox may have at most ${q.nodes} nodes (quota nodes)` };
  return {
    name,
    body: { id, name, seed: r.seed ?? id, ...(topo ? { nodes: topo } : {}), ...(r.quotas ? { quotas: r.quotas } : {}),
      ...(r.startTime !== undefined ? { startTime: r.startTime } : {}), ...(r.speed !== undefined ? { speed: r.speed } : {}) },
  };
}

/** Creates sandboxes (Durable Object init, then one D1 batch); at most `parallel` inits at a time. */
export async function provision(env: Env, origin: string, requests: SandboxRequest[], parallel = 8): Promise<SandboxCreated[] | ProvisionError> {
  const planned: { id: string; name: string; body: Record<string, unknown>; r: SandboxRequest }[] = [];
  for (const r of requests) {
    const id = newSandboxId();
    const b = initBody(id, r);
    if ("code" in b) return b;
    planned.push({ id, name: b.name, body: b.body, r });
  }
  // The D1 rows are written while the Durable Objects initialise (one round trip less on the
  // creation path) and removed again if an init fails.
  const now = Date.now();
  const rows = planned.map((p) => {
    const quotas = p.r.replay ? p.r.replay.init.quotas : p.r.quotas;
    return { id: p.id, name: p.name, createdAt: now, lastSeenAt: now, owner: null, classId: p.r.classId ?? null, quotas: quotas ? JSON.stringify(quotas) : null };
  });
  const db = drizzle(env.DB);
  const inserted = (async () => {
    for (let i = 0; i < rows.length; i += 10) await db.insert(sandboxes).values(rows.slice(i, i + 10)).run();
  })();
  const failures: ProvisionError[] = [];
  for (let i = 0; i < planned.length && !failures.length; i += parallel) {
    await Promise.all(planned.slice(i, i + parallel).map(async (p) => {
      const res = await sandboxStub(env, p.id).fetch("http://sandbox/-/init", {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(p.body),
      });
      if (res.status === 201) return;
      const st = await res.json().catch(() => ({})) as { message?: string; reason?: string };
      failures.push(res.status < 500 && st.message
        ? { code: res.status, reason: st.reason ?? "BadRequest", message: st.message }
        : { code: 500, reason: "InternalError", message: `sandbox init failed (${res.status})` });
    }));
  }
  await inserted;
  if (failures.length) {
    for (let i = 0; i < rows.length; i += 50) await db.delete(sandboxes).where(inArray(sandboxes.id, rows.slice(i, i + 50).map((r) => r.id))).run();
    return failures[0];
  }
  return planned.map((p) => describe(origin, p.id, p.name));
}
