// A sandbox's journal leaving and entering the Durable Object: the export a teacher downloads
// (init parameters + every entry since creation or the last reset + the virtual time), the replay
// that rebuilds an identical sandbox from it under a new id, and the internal endpoints the
// Worker calls for teachers (`/-/internal/...`, unreachable from /clusters/<id>/ — worker/index.ts
// refuses those paths). Used by cluster-object.ts and podlab-api.ts.
import type { ClusterObject } from "./cluster-object";
import type { AuditRecord } from "./sim/api/request";
import type { SandboxMeta } from "./podlab-api";
import type { NodeSpec } from "./sim/config";
import type { JournalEntry } from "./journal";
import { createSandbox } from "./sim/sandbox";
import { sandboxSummary } from "./sim/checks/summary";
import { applyEntry } from "./replay";
import { gatedCluster } from "./quotas";
import { destroy, writeActivity } from "./lifecycle";
import { jsonResponse, statusResponse } from "./http";
import { VirtualClock } from "./virtual-clock";
import { effectiveQuotas, type ExportedJournal } from "../schema/wire";

/** Longest virtual span a replayed journal may cover (live advances are capped at 30 days each). */
export const MAX_REPLAY_SPAN_MS = 400 * 86_400_000;

/** The journal of a sandbox as exported. */
export function exportJournal(obj: ClusterObject): ExportedJournal | undefined {
  const init = obj.meta?.init;
  if (!init || !obj.cluster) return undefined;
  const entries = obj.journal.after(0).map((r) => r.entry);
  return { version: 1, init, entries, now: obj.cluster.now };
}

/** Why a journal cannot be replayed, or undefined when its times are consistent. */
export function journalProblem(j: ExportedJournal): string | undefined {
  let last = j.init.startTime;
  for (let i = 0; i < j.entries.length; i++) {
    const t = j.entries[i].t;
    if (t < last) return `entries[${i}].t goes back in time (${t} < ${last})`;
    last = t;
  }
  if (j.now < last) return `now (${j.now}) is before the last entry (${last})`;
  if (j.now - j.init.startTime > MAX_REPLAY_SPAN_MS) return "the journal spans more than 400 days of virtual time";
  const cpu = (j.init.nodes ?? []).reduce((n, x) => n + Number(x.cpu), 0);
  if (cpu > 64) return "a sandbox may have at most 64 CPUs in total";
  if (j.init.nodes && j.init.nodes.length > effectiveQuotas(j.init.quotas).nodes) return "the journal's topology exceeds its nodes quota";
  return undefined;
}

/**
 * Rebuilds a sandbox from an exported journal: the same init parameters, every entry applied in
 * order through the same core calls (and journaled again, so the copy is itself exportable), the
 * manifest history re-recorded, then the clock moved to the exported virtual time and paused.
 */
export function replaySandbox(obj: ClusterObject, id: string, name: string, j: ExportedJournal): Response {
  const problem = journalProblem(j);
  if (problem) return statusResponse(400, "BadRequest", `invalid journal: ${problem}`);
  const wall = obj.now();
  const nodes = j.init.nodes as NodeSpec[] | undefined;
  const cluster = createSandbox({ seed: j.init.seed, startTime: j.init.startTime, ...(nodes ? { nodes } : {}) });
  const meta: SandboxMeta = { id, name, createdAt: wall, seed: j.init.seed, ...(nodes ? { nodes } : {}),
    ...(j.init.quotas ? { quotas: j.init.quotas } : {}), init: j.init };
  obj.install(cluster, meta, new VirtualClock({ anchorWall: wall, anchorVirtual: j.init.startTime, speed: 0 }));
  const q = effectiveQuotas(j.init.quotas);
  let agent = "podlab-kubectl";
  const onAudit = (a: AuditRecord) => obj.outbox.add(id, a, agent, cluster.now);
  const opts = { wrap: (c: typeof cluster) => gatedCluster(c, q, onAudit), onAudit };
  for (const e of j.entries as JournalEntry[]) {
    agent = e.k === "req" ? (e.h["user-agent"] ?? "") : "podlab-kubectl";
    obj.record(e);
    applyEntry(cluster, e, opts);
  }
  if (j.now > cluster.now) obj.advance(j.now);
  obj.clock = new VirtualClock({ anchorWall: wall, anchorVirtual: cluster.now, speed: 0 });
  obj.saveMeta();
  obj.snapshot();
  return jsonResponse(201, { id, name, replayed: j.entries.length });
}

/** `/-/internal/<op>`: export (GET), summary (GET, also refreshes D1), destroy (POST {reason}). */
export async function internalApi(obj: ClusterObject, req: Request, op: string): Promise<Response> {
  if (op === "export" && req.method === "GET") {
    obj.catchUp();
    const journal = exportJournal(obj);
    if (!journal) return statusResponse(409, "Conflict", "this sandbox was created before podlab recorded its init parameters: reset it to start a replayable journal");
    await obj.outbox.flush();
    return jsonResponse(200, journal);
  }
  if (op === "summary" && req.method === "GET") {
    obj.catchUp();
    await writeActivity(obj);
    return jsonResponse(200, { summary: sandboxSummary(obj.cluster!), lastSeenAt: obj.activity.last });
  }
  if (op === "destroy" && req.method === "POST") {
    const reason = new URL(req.url).searchParams.get("reason") === "expired" ? "expired" : "deleted";
    await destroy(obj, reason);
    return jsonResponse(200, { deleted: true });
  }
  return statusResponse(404, "NotFound", "the server could not find the requested resource", {});
}
