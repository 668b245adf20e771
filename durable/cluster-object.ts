// ClusterObject: the Durable Object that hosts one sandbox. A thin adapter: it loads the
// simulation (last snapshot + journal replay), maps wall time to virtual time (catching up on
// every entry point), hands requests to the core, journals every input that changes state,
// pumps open streams and exec sockets, snapshots periodically, enforces the sandbox's quotas
// (quotas.ts) and arms its single alarm for pushes, deferred activity writes and idle expiry
// (lifecycle.ts).
import { DurableObject } from "cloudflare:workers";
import type { Cluster } from "./sim/cluster";
import { restoreSandbox } from "./sim/sandbox";
import { acceptExec, applyExecFrame, clientFrame, goneSession, killSession, pumpSocket } from "./exec-bridge";
import { jsonResponse, statusResponse, toApiRequest, fromBody } from "./http";
import { Journal, type JournalEntry, toB64 } from "./journal";
import { ManifestOutbox } from "./manifests";
import { SnapshotPersister } from "./persist";
import { podlabApi, initSandbox, type SandboxMeta } from "./podlab-api";
import { applyEntry, requestEntry } from "./replay";
import { gatedCluster, RateLimiter, requestDenial, tooManyRequests } from "./quotas";
import { Activity, lifecycleAlarm, lifecycleAlarms, noteActivity } from "./lifecycle";
import { internalApi } from "./export";
import { effectiveQuotas, type Quotas } from "../schema/wire";
import { StreamHub } from "./streams";
import { VirtualClock, type ClockState } from "./virtual-clock";
import { presentationOffset, shiftJsonTimes, shiftLogTimes, shiftTime } from "./time-shift";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The sandbox's Durable Object. */
export class ClusterObject extends DurableObject<Env> {
  cluster?: Cluster;
  clock?: VirtualClock;
  meta?: SandboxMeta;
  readonly streams: StreamHub;
  readonly persister: SnapshotPersister;
  readonly journal: Journal;
  readonly outbox: ManifestOutbox;
  readonly activity = new Activity();
  /** The object's state and bindings, for the adapter modules (ctx and env are protected). */
  readonly state: DurableObjectState;
  readonly bindings: Env;
  /** Set once the sandbox was deleted or expired: everything answers 404. */
  gone = false;
  private limiter?: RateLimiter;
  /** The alarm as last set by this object (null: none; undefined: not read yet). */
  private alarmAt: number | null | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.state = ctx;
    this.bindings = env;
    this.persister = new SnapshotPersister(ctx.storage.sql);
    this.journal = new Journal(ctx.storage.sql);
    this.outbox = new ManifestOutbox(ctx.storage.sql, env.DB, (p) => ctx.waitUntil(p));
    this.streams = new StreamHub(() => this.cluster, () => this.offset());
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    ctx.blockConcurrencyWhile(async () => this.load());
  }

  /** Wall clock (overridable in tests). */
  now(): number {
    return Date.now();
  }

  private kv(): Map<string, string> {
    const rows = this.ctx.storage.sql.exec("SELECT key, value FROM kv").toArray();
    return new Map(rows.map((r) => [String(r.key), String(r.value)]));
  }

  private load(): void {
    const kv = this.kv();
    // No sandbox here (a fresh object, or one destroy() emptied, alarm included): no alarm to read.
    if (!kv.has("meta")) { this.alarmAt = null; return; }
    this.meta = JSON.parse(kv.get("meta")!) as SandboxMeta;
    this.clock = new VirtualClock(JSON.parse(kv.get("clock")!) as ClockState);
    this.activity.load(kv.get("activity"), this.meta.createdAt);
    const snap = this.persister.load();
    if (!snap) return;
    const cluster = restoreSandbox(snap);
    const q = this.quotas();
    for (const { entry } of this.journal.after(Number(kv.get("snapshotSeq") ?? "0"))) applyEntry(cluster, entry, { wrap: (c) => gatedCluster(c, q) });
    this.cluster = cluster;
  }

  /** Stores the clock and sandbox metadata. */
  saveMeta(): void {
    const put = (k: string, v: unknown) => this.ctx.storage.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", k, JSON.stringify(v));
    if (this.meta) put("meta", this.meta);
    if (this.clock) put("clock", this.clock.save());
  }

  /** The sandbox's effective quotas. */
  quotas(): Quotas {
    return effectiveQuotas(this.meta?.quotas);
  }

  /** Bytes the sandbox stores (snapshot documents and journal), counted against its quota. */
  storedBytes(): number {
    return this.persister.storedBytes() + this.journal.bytes();
  }

  /** Records an input that changed (or may change) the simulation. */
  record(e: JournalEntry): void {
    this.journal.append(e);
  }

  /** Runs the simulation up to the virtual time that corresponds to now (journaled when timers fired). */
  catchUp(): void {
    if (!this.cluster || !this.clock) return;
    const target = this.clock.virtualAt(this.now());
    if (target > this.cluster.now) this.advance(target);
  }

  /** Advances the simulation to a virtual time, journaling it when anything happened. */
  advance(target: number): void {
    const fired = this.cluster!.advanceTo(target);
    if (fired) this.record({ k: "adv", t: target });
  }

  /** Snapshots when due, pushes stream data and re-arms the alarm. */
  async settle(): Promise<void> {
    const c = this.cluster;
    if (c && this.journal.due()) this.snapshot();
    this.streams.pumpAll();
    if (c) for (const ws of this.ctx.getWebSockets("exec")) pumpSocket(c, ws);
    await this.rearm();
  }

  /** Writes a snapshot covering the journal so far (everything when `full`). */
  snapshot(full = false): void {
    this.persister.save(this.cluster!, full);
    const seq = this.ctx.storage.sql.exec("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'journal'), 0) AS seq").toArray()[0].seq;
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES ('snapshotSeq', ?)", JSON.stringify(Number(seq)));
    this.journal.snapshotTaken();
  }

  private async rearm(): Promise<void> {
    if (this.gone) return;
    const c = this.cluster;
    const open = this.streams.size + this.ctx.getWebSockets("exec").length;
    const due = c?.nextDue();
    const wall = due !== undefined && this.clock ? this.clock.wallAt(due) : undefined;
    const times = c ? lifecycleAlarms(this) : [];
    if (open && wall !== undefined) times.push(wall);
    // This object is the only writer of its alarm: remember it instead of reading it per request.
    const cur = this.alarmAt !== undefined ? this.alarmAt : await this.ctx.storage.getAlarm();
    if (!times.length) {
      if (cur !== null) await this.ctx.storage.deleteAlarm();
      this.alarmAt = null;
      return;
    }
    const at = Math.max(Math.ceil(Math.min(...times)), this.now() + 5);
    if (cur !== at) await this.ctx.storage.setAlarm(at);
    this.alarmAt = at;
  }

  /** Replaces the simulation (init or reset): a fresh journal and a full snapshot. */
  install(cluster: Cluster, meta: SandboxMeta, clock: VirtualClock): void {
    this.streams.closeAll();
    this.persister.clear();
    this.journal.clear();
    this.cluster = cluster;
    this.meta = meta;
    this.clock = clock;
    this.limiter = undefined;
    this.saveMeta();
    this.snapshot(true);
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    try {
      if (this.gone) return statusResponse(404, "NotFound", "the server could not find the requested resource", {});
      if (path === "/-/init" && request.method === "POST") {
        const res = await initSandbox(this, request);
        if (res.status === 201) this.activity.load(undefined, this.now());
        await this.settle();
        return res;
      }
      if (!this.cluster || !this.clock) {
        await request.body?.cancel();
        return statusResponse(404, "NotFound", "the server could not find the requested resource", {});
      }
      if (path.startsWith("/-/internal/")) return await internalApi(this, request, path.slice("/-/internal/".length));
      this.limiter ??= new RateLimiter(this.quotas().requestsPerSecond);
      const wait = this.limiter.take(this.now());
      if (wait) return tooManyRequests(this.quotas().requestsPerSecond, wait);
      this.catchUp();
      let res: Response;
      if (path.startsWith("/-/")) res = await podlabApi(this, request, path.slice(3));
      else res = await this.kubernetes(request, path);
      if (this.cluster) noteActivity(this);
      await this.settle();
      return res;
    } catch (e) {
      console.error("podlab: unexpected error", e);
      return statusResponse(500, "InternalError", `Internal error occurred: ${(e as Error)?.message ?? e}`);
    }
  }

  /** Offset between the client's clock and virtual time (see time-shift.ts). */
  offset(): number {
    return this.cluster ? presentationOffset(this.now(), this.cluster.now) : 0;
  }

  private async kubernetes(request: Request, path: string): Promise<Response> {
    const req = await toApiRequest(request, path);
    if (req instanceof Response) return req;
    const c = this.cluster!;
    const offset = this.offset();
    if (offset) {
      const ct = req.headers["content-type"] ?? "";
      if (req.body && !ct.includes("protobuf")) req.body = enc.encode(shiftJsonTimes(dec.decode(req.body), -offset));
      const since = req.query.get("sinceTime");
      if (since) req.query.set("sinceTime", shiftTime(since, -offset));
    }
    const entry = requestEntry(req, c.now);
    const denied = entry ? requestDenial(c, this.quotas(), req, () => this.storedBytes()) : undefined;
    if (denied) return denied;
    if (entry) this.record(entry);
    const { response, audit, bug } = c.handle(req);
    if (bug) console.error("podlab: bug while handling", req.method, path, bug);
    if (audit && this.meta) this.outbox.add(this.meta.id, audit, request.headers.get("user-agent") ?? "", c.now);
    switch (response.type) {
      case "body":
        return fromBody(offset && response.headers["content-type"]?.startsWith("application/json")
          ? { ...response, body: shiftJsonTimes(response.body, offset) } : response);
      case "watch":
        return this.streams.watch(c.openWatch(response.watch), response.headers);
      case "log": {
        const stamped = req.query.get("timestamps") === "true";
        const text = stamped ? shiftLogTimes(response.text, offset) : response.text;
        if (!response.follow) return new Response(text, { status: 200, headers: response.headers });
        return this.streams.logs(text, response.follow, response.headers);
      }
      case "exec":
        return acceptExec(this.ctx, c, response, req.query.getAll("command"));
    }
  }

  override async alarm(): Promise<void> {
    this.alarmAt = null; // a fired alarm is gone
    if (this.gone || !this.cluster) return;
    if (await lifecycleAlarm(this)) return;
    this.catchUp();
    await this.settle();
  }

  override async webSocketMessage(ws: WebSocket, message: ArrayBuffer | string): Promise<void> {
    const c = this.cluster;
    if (!c) return;
    this.catchUp();
    noteActivity(this);
    const f = clientFrame(ws, message);
    if (f) {
      this.record({ k: "ws", t: c.now, s: f.sessionId, d: toB64(f.bytes) });
      applyExecFrame(c, f.sessionId, f.bytes);
      c.advanceTo(c.now);
    }
    await this.settle();
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.socketGone(ws);
    try { ws.close(code === 1005 || code === 1006 ? 1000 : code, ""); } catch { /* already closed */ }
    await this.settle();
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.socketGone(ws);
    await this.settle();
  }

  private socketGone(ws: WebSocket): void {
    const c = this.cluster;
    const s = goneSession(ws);
    if (!c || !s) return;
    this.catchUp();
    this.record({ k: "wsgone", t: c.now, s });
    killSession(c, s);
    c.advanceTo(c.now);
  }

  /** JSON helper for podlab endpoints. */
  json(status: number, value: unknown): Response {
    return jsonResponse(status, value);
  }
}
