// podlab's own per-sandbox API (`/clusters/<id>/-/...` after the Worker strips the prefix):
// init (from the Worker), clock, reset, trace and images. Bodies are validated with valibot.
import * as v from "valibot";
import { createSandbox } from "./sim/sandbox";
import { goDuration, parseDuration, rfc3339 } from "./sim/core/time";
import type { NodeSpec } from "./sim/config";
import { jsonResponse, statusResponse } from "./http";
import { VirtualClock, SPEEDS } from "./virtual-clock";
import type { ClusterObject } from "./cluster-object";
import { sandboxKubelets, sandboxRuntime } from "./sim/sandbox";
import { effectiveQuotas, InitBody, type QuotasInput, type SandboxInit } from "../schema/wire";
import { runKubectl } from "./sim/kubectl/index";
import { kubectlHost } from "./replay";
import { bytesDenial, gatedCluster } from "./quotas";
import { replaySandbox } from "./export";
import { checksApi } from "./checks";
import { commandVerb, READ_ONLY_VERBS } from "./sim/checks/kubectl";

/** What the object remembers about its sandbox. */
export interface SandboxMeta {
  id: string;
  name: string;
  createdAt: number;
  seed: string;
  nodes?: NodeSpec[];
  /** Quotas the teacher set (defaults fill the rest). */
  quotas?: QuotasInput;
  /** What the current cluster was created from (changes on reset); exported with the journal. */
  init?: SandboxInit;
}

/** Longest single clock advance (virtual). */
export const MAX_ADVANCE_MS = 30 * 24 * 3600 * 1000;

const KubectlBody = v.strictObject({
  command: v.pipe(v.string(), v.minLength(1), v.maxLength(16_384)),
  stdin: v.optional(v.pipe(v.string(), v.maxLength(3 * 1024 * 1024))),
});

const ClockBody = v.union([
  v.strictObject({ advance: v.pipe(v.string(), v.maxLength(32)) }),
  v.strictObject({ speed: v.number() }),
]);

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 1_000_000) throw new Error("body too large");
  return text ? JSON.parse(text) : {};
}

function badRequest(message: string): Response {
  return statusResponse(400, "BadRequest", message);
}

/** `POST /-/init` (internal, from the Worker): creates the cluster. */
export async function initSandbox(obj: ClusterObject, req: Request): Promise<Response> {
  const parsed = v.safeParse(InitBody, await readJson(req).catch(() => null));
  if (!parsed.success) return badRequest(`invalid init body: ${parsed.issues[0].message}`);
  const b = parsed.output;
  if (obj.cluster && !b.reset) return jsonResponse(409, { error: "already initialised" });
  const wall = obj.now();
  if (b.replay) return replaySandbox(obj, b.id, b.name, b.replay);
  const startTime = b.startTime ?? wall;
  const cluster = createSandbox({ seed: b.seed, startTime, ...(b.nodes ? { nodes: b.nodes as NodeSpec[] } : {}) });
  const init: SandboxInit = { seed: b.seed, startTime, ...(b.nodes ? { nodes: b.nodes } : {}), ...(b.quotas ? { quotas: b.quotas } : {}) };
  const meta: SandboxMeta = { id: b.id, name: b.name, createdAt: wall, seed: b.seed, ...(b.nodes ? { nodes: b.nodes as NodeSpec[] } : {}),
    ...(b.quotas ? { quotas: b.quotas } : {}), init };
  const clock = VirtualClock.start(wall, startTime);
  if (b.speed !== undefined && SPEEDS.includes(b.speed)) clock.setSpeed(b.speed, wall);
  obj.install(cluster, meta, clock);
  return jsonResponse(201, { id: b.id, name: b.name });
}

function clockView(obj: ClusterObject): Record<string, unknown> {
  const c = obj.cluster!;
  return { now: rfc3339(c.now), nowMs: c.now, speed: obj.clock!.speed, pendingTimers: c.ctx.timers.size };
}

/** Dispatches `/-/<rest>`. */
export async function podlabApi(obj: ClusterObject, req: Request, rest: string): Promise<Response> {
  const url = new URL(req.url);
  if (rest === "clock") {
    if (req.method === "GET") return jsonResponse(200, clockView(obj));
    if (req.method !== "POST") return statusResponse(405, "MethodNotAllowed", "use GET or POST");
    const body = await readJson(req).catch(() => null);
    const p = v.safeParse(ClockBody, body);
    if (!p.success) return badRequest(`expected {"advance":"30s"} or {"speed":0|1|10|60}`);
    const c = obj.cluster!;
    if ("advance" in p.output) {
      const ms = parseDuration(p.output.advance);
      if (!Number.isFinite(ms) || ms < 0) return badRequest(`invalid duration ${JSON.stringify(p.output.advance)}: use Go syntax like 30s, 5m, 1h30m`);
      if (ms > MAX_ADVANCE_MS) return badRequest(`advance is limited to ${goDuration(MAX_ADVANCE_MS)} per request`);
      const target = c.now + ms;
      obj.advance(target);
      obj.clock!.syncTo(target, obj.now());
    } else {
      if (!SPEEDS.includes(p.output.speed)) return badRequest(`speed must be one of ${SPEEDS.join(", ")}`);
      obj.clock!.setSpeed(p.output.speed, obj.now());
      obj.clock!.syncTo(c.now, obj.now());
    }
    obj.saveMeta();
    return jsonResponse(200, clockView(obj));
  }
  if (rest === "reset" && req.method === "POST") {
    const m = obj.meta!;
    const wall = obj.now();
    const seed = `${m.seed}/${wall}`;
    const cluster = createSandbox({ seed, startTime: wall, ...(m.nodes ? { nodes: m.nodes } : {}) });
    const init: SandboxInit = { seed, startTime: wall, ...(m.nodes ? { nodes: m.nodes } : {}), ...(m.quotas ? { quotas: m.quotas } : {}) };
    obj.install(cluster, { ...m, init }, VirtualClock.start(wall, wall));
    return jsonResponse(200, { id: m.id, reset: true });
  }
  if (rest === "trace" && req.method === "GET") {
    const pod = url.searchParams.get("pod");
    const ns = url.searchParams.get("namespace") ?? "default";
    if (!pod) return badRequest("query parameter pod is required");
    const steps = obj.cluster!.ctx.trace.forPod(ns, pod).map((s) => ({ ...s, time: rfc3339(s.t) }));
    return jsonResponse(200, { pod, namespace: ns, steps });
  }
  if (rest === "images" && req.method === "GET") {
    const rt = sandboxRuntime(obj.cluster!) as unknown as { catalog?: () => unknown };
    return jsonResponse(200, { images: rt.catalog ? rt.catalog() : [] });
  }
  const power = /^nodes\/([a-z0-9.-]+)\/(stop|start)$/.exec(rest);
  if (power && req.method === "POST") {
    const k = sandboxKubelets(obj.cluster!).get(power[1]);
    if (!k) return statusResponse(404, "NotFound", `nodes "${power[1]}" not found`, { name: power[1], kind: "nodes" });
    obj.record({ k: "node", t: obj.cluster!.now, n: power[1], op: power[2] as "stop" | "start" });
    if (power[2] === "stop") k.stop();
    else k.start();
    obj.cluster!.dispatch();
    return jsonResponse(200, { node: power[1], running: power[2] === "start" });
  }
  if (rest === "kubectl" && req.method === "POST") {
    const p = v.safeParse(KubectlBody, await readJson(req).catch(() => null));
    if (!p.success) return badRequest(`expected {"command": "kubectl get pods", "stdin"?: "..."}: ${p.issues[0].message}`);
    const c = obj.cluster!;
    const q = effectiveQuotas(obj.meta!.quotas);
    const verb = commandVerb(p.output.command);
    if (!READ_ONLY_VERBS.has(verb) && verb !== "delete") {
      const denied = bytesDenial(obj.storedBytes(), q, `kubectl ${verb}`);
      if (denied) return denied;
    }
    obj.record({ k: "kubectl", t: c.now, c: p.output.command, ...(p.output.stdin !== undefined ? { i: p.output.stdin } : {}) });
    const id = obj.meta!.id;
    const gated = gatedCluster(c, q, (a) => obj.outbox.add(id, a, "podlab-kubectl", c.now));
    const out = runKubectl(kubectlHost(gated, `${url.origin}/clusters/${id}`), p.output.command, p.output.stdin ?? "");
    obj.clock!.syncTo(c.now, obj.now());
    obj.saveMeta();
    return jsonResponse(200, out);
  }
  if (rest === "checks") return checksApi(obj, req, `${url.origin}/clusters/${obj.meta!.id}`);
  if (rest === "flush" && req.method === "POST") {
    await obj.outbox.flush();
    return jsonResponse(200, { flushed: true });
  }
  if (rest === "info" && req.method === "GET") {
    return jsonResponse(200, { id: obj.meta!.id, name: obj.meta!.name, createdAt: new Date(obj.meta!.createdAt).toISOString(), ...clockView(obj) });
  }
  return statusResponse(404, "NotFound", "the server could not find the requested resource", {});
}
