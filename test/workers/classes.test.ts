// Teachers over HTTP: bulk creation of a class's sandboxes, the class list with its summary and
// last activity, reset, delete (storage dropped, D1 history kept, 404 afterwards), export, idle
// expiry by alarm, and the separation of teacher tokens and sandbox ids.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { manifests, sandboxes } from "../../schema/db";
import type { ClusterObject } from "../../durable/cluster-object";
import { lifecycleAlarms } from "../../durable/lifecycle";
import { advance, clearAlarms, createPod, fetchApp, fetchGuarded, json, k8s, newSandbox, pod, post, type Any } from "./helpers";

afterEach(clearAlarms);

const stubOf = (id: string) => env.CLUSTER.get(env.CLUSTER.idFromName(id));

describe("a class's sandboxes", () => {
  it("creates sandboxes in bulk by count and by names, each with a kubeconfig and a D1 row", async () => {
    const r = await fetchApp("/api/classes/k8s-101/sandboxes", post("", { count: 3, speed: 0 }));
    expect(r.status).toBe(201);
    const made = await r.json() as Any;
    expect(made.class).toBe("k8s-101");
    expect(made.sandboxes.map((s: Any) => s.name)).toEqual(["k8s-101-01", "k8s-101-02", "k8s-101-03"]);
    for (const s of made.sandboxes) {
      expect(s.id).toMatch(/^[a-z2-7]{32}$/);
      expect(s.kubeconfig).toContain(`server: ${s.server}`);
      expect((await k8s(s.id, "/api/v1/nodes")).status).toBe(200);
    }
    const named = await json(fetchApp("/api/classes/k8s-102/sandboxes", post("", { names: ["alice", "bob"] })));
    expect(named.sandboxes.map((s: Any) => s.name)).toEqual(["alice", "bob"]);
    const rows = await drizzle(env.DB).select().from(sandboxes).where(eq(sandboxes.classId, "k8s-102"));
    expect(rows.map((x) => x.name).sort()).toEqual(["alice", "bob"]);
  });

  it("rejects bad class requests with 400", async () => {
    for (const body of [{}, { count: 0 }, { count: 101 }, { count: 2, names: ["a"] }, { names: ["a", "a"] }, { count: 1, quotas: { pods: -1 } }]) {
      const r = await fetchApp("/api/classes/c1/sandboxes", post("", body));
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((await r.json() as Any).reason).toBe("BadRequest");
    }
    expect((await fetchApp("/api/classes/bad%20class/sandboxes", post("", { count: 1 }))).status).toBe(400);
  });

  it("lists a class with pods by STATUS as kubectl prints it and the last activity", async () => {
    const { sandboxes: [a, b] } = await json(fetchApp("/api/classes/summary-1/sandboxes", post("", { count: 2, speed: 0 })));
    await createPod(a.id, pod("web"));
    await createPod(a.id, { ...pod("crash", { command: ["sh", "-c", "exit 1"] }, "busybox:1.36") });
    await advance(a.id, "2m");
    const live = await json(fetchApp("/api/classes/summary-1/sandboxes?live=true"));
    expect(live.items.map((i: Any) => i.name)).toEqual(["summary-1-01", "summary-1-02"]);
    const sa = live.items.find((i: Any) => i.id === a.id);
    expect(sa.summary.pods).toEqual({ CrashLoopBackOff: 1, Running: 1 });
    expect(sa.summary.restarts).toBeGreaterThanOrEqual(2);
    expect(sa.summary.ready).toBe(1);
    expect(Date.parse(sa.lastSeenAt)).toBeGreaterThan(0);
    expect(sa.quotas).toMatchObject({ pods: 50, objects: 1000 });
    expect(live.items.find((i: Any) => i.id === b.id).summary.pods).toEqual({});
    // Without ?live the list is D1's (written by the object at most once a minute).
    const stored = await json(fetchApp("/api/classes/summary-1/sandboxes"));
    expect(stored.items.find((i: Any) => i.id === a.id).summary.pods).toEqual({ CrashLoopBackOff: 1, Running: 1 });
  });

  it("writes last activity to D1 off the hot path, at most once a minute (deferred writes by alarm)", async () => {
    const sb = await newSandbox();
    const stub = stubOf(sb.id);
    const t0 = Date.now();
    await runInDurableObject(stub, (o: ClusterObject) => { o.now = () => t0 + 30_000; });
    await createPod(sb.id, pod("later"));
    const row = async () => (await drizzle(env.DB).select().from(sandboxes).where(eq(sandboxes.id, sb.id)))[0];
    expect((await row()).summary).toBeNull();
    const alarm = await runInDurableObject(stub, async (_o, s) => s.storage.getAlarm());
    expect(alarm).not.toBeNull();
    await runInDurableObject(stub, (o: ClusterObject) => { o.now = () => t0 + 61_000; });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = await row();
    expect(after.lastSeenAt).toBe(t0 + 30_000);
    expect(JSON.parse(after.summary!).pods).toEqual({ Pending: 1 });
  });
});

describe("teacher operations on one sandbox", () => {
  it("resets a sandbox to a fresh cluster", async () => {
    const sb = await newSandbox();
    await createPod(sb.id, pod("gone"));
    expect((await fetchApp(`/api/sandboxes/${sb.id}/reset`, { method: "POST" })).status).toBe(200);
    expect((await k8s(sb.id, "/api/v1/namespaces/default/pods/gone")).status).toBe(404);
  });

  it("deletes a sandbox: its storage goes, its id answers 404, D1 keeps the row and the history", async () => {
    const sb = await newSandbox();
    await createPod(sb.id, pod("kept-in-history"));
    const del = await fetchApp(`/api/sandboxes/${sb.id}`, { method: "DELETE" });
    expect(del.status).toBe(200);
    for (const path of ["/api/v1/namespaces/default/pods", "/-/clock", "/version"]) expect((await k8s(sb.id, path)).status).toBe(404);
    expect((await fetchApp(`/api/sandboxes/${sb.id}`)).status).toBe(404);
    expect((await fetchApp(`/api/sandboxes/${sb.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await fetchApp(`/api/sandboxes/${sb.id}/reset`, { method: "POST" })).status).toBe(404);
    const rows = await runInDurableObject(stubOf(sb.id), async (_o, s) =>
      s.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").toArray()
        .map((t) => [t.name, s.storage.sql.exec(`SELECT COUNT(*) AS n FROM "${String(t.name)}"`).one().n]));
    expect(rows.every(([, n]) => n === 0), JSON.stringify(rows)).toBe(true);
    const [row] = await drizzle(env.DB).select().from(sandboxes).where(eq(sandboxes.id, sb.id));
    expect(row.deletedAt).toBeGreaterThan(0);
    expect(row.deletedReason).toBe("deleted");
    const hist = await drizzle(env.DB).select().from(manifests).where(eq(manifests.sandboxId, sb.id));
    expect(hist.map((m) => `${m.verb} ${m.name}`)).toEqual(["create kept-in-history"]);
    const exp = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    expect(exp.journal).toBeNull();
    expect(exp.sandbox.deletedReason).toBe("deleted");
    expect(exp.manifests).toHaveLength(1);
  });

  it("exports the sandbox row, the manifest history and the journal with its init parameters", async () => {
    const sb = await newSandbox({ speed: 0, seed: "export-seed", quotas: { pods: 7 } });
    await createPod(sb.id, pod("e1"));
    await advance(sb.id, "20s");
    const exp = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    expect(exp.sandbox).toMatchObject({ id: sb.id, quotas: { pods: 7 } });
    expect(exp.manifests.map((m: Any) => `${m.verb} ${m.kind} ${m.name}`)).toEqual(["create Pod e1"]);
    expect(exp.journal.version).toBe(1);
    expect(exp.journal.init).toMatchObject({ seed: "export-seed", quotas: { pods: 7 } });
    expect(exp.journal.entries.map((e: Any) => e.k)).toEqual(["req", "adv"]);
    expect(exp.journal.now - exp.journal.init.startTime).toBe(20_000);
  });

  it("expires an idle sandbox by alarm after RETENTION_DAYS: storage deleted, D1 marked expired, 404", async () => {
    const sb = await newSandbox();
    await createPod(sb.id, pod("idle"));
    const stub = stubOf(sb.id);
    expect(await runInDurableObject(stub, async (_o, s) => s.storage.getAlarm())).not.toBeNull();
    const days = Number(env.RETENTION_DAYS);
    await runInDurableObject(stub, (o: ClusterObject) => { const t = Date.now() + days * 86_400_000 + 60_000; o.now = () => t; });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await k8s(sb.id, "/api/v1/namespaces/default/pods")).status).toBe(404);
    const [row] = await drizzle(env.DB).select().from(sandboxes).where(eq(sandboxes.id, sb.id));
    expect(row.deletedReason).toBe("expired");
    expect((await drizzle(env.DB).select().from(manifests).where(eq(manifests.sandboxId, sb.id))).length).toBe(1);
    const listed = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    expect(listed.sandbox.deletedReason).toBe("expired");
  });

  it("arms expiry on an hour boundary, so requests within the hour do not move the alarm", async () => {
    const sb = await newSandbox();
    const stub = stubOf(sb.id);
    const HOUR = 3600_000;
    const t0 = Math.ceil(Date.now() / HOUR) * HOUR + 20 * 60_000;
    const retention = Number(env.RETENTION_DAYS) * 86_400_000;
    const expiryAfterRequestAt = async (t: number) => {
      await runInDurableObject(stub, (o: ClusterObject) => { o.now = () => t; });
      await k8s(sb.id, "/version");
      return runInDurableObject(stub, (o: ClusterObject) => Math.max(...lifecycleAlarms(o)));
    };
    const first = await expiryAfterRequestAt(t0);
    expect(first).toBe(t0 - 20 * 60_000 + retention + HOUR);
    expect(await expiryAfterRequestAt(t0 + 30 * 60_000)).toBe(first);
    expect(await expiryAfterRequestAt(t0 + 45 * 60_000)).toBe(first + HOUR);
  });

  it("keeps an active sandbox when its alarm fires before the retention is over", async () => {
    const sb = await newSandbox();
    const stub = stubOf(sb.id);
    await runInDurableObject(stub, (o: ClusterObject) => { const t = Date.now() + 86_400_000; o.now = () => t; });
    await runDurableObjectAlarm(stub);
    expect((await k8s(sb.id, "/version")).status).toBe(200);
  });
});

describe("teacher tokens and sandbox ids", () => {
  const TOKEN = "teacher-s3cret";
  it("requires the admin token on every teacher endpoint when one is configured", async () => {
    const sb = await newSandbox();
    const calls: [string, RequestInit][] = [
      ["/api/classes/c9/sandboxes", post("", { count: 1 })],
      ["/api/classes/c9/sandboxes", {}],
      [`/api/sandboxes/${sb.id}/reset`, { method: "POST" }],
      [`/api/sandboxes/${sb.id}/export`, {}],
      [`/api/sandboxes/${sb.id}`, { method: "DELETE" }],
      ["/api/sandboxes", post("", {})],
    ];
    for (const [path, init] of calls) {
      const h = (auth?: string) => ({ ...init, headers: { ...(init.headers as Record<string, string> ?? {}), ...(auth ? { authorization: auth } : {}) } });
      expect((await fetchGuarded(TOKEN, path, h())).status, path).toBe(401);
      // A sandbox id is never a teacher token, in any position.
      expect((await fetchGuarded(TOKEN, path, h(`Bearer ${sb.id}`))).status, path).toBe(403);
      expect((await fetchGuarded(TOKEN, path, h(`Bearer ${TOKEN.slice(0, -1)}`))).status, path).toBe(403);
    }
    expect((await fetchGuarded(TOKEN, `/api/sandboxes/${sb.id}/export`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetchGuarded(TOKEN, "/api/classes/c9/sandboxes", { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it("gives a sandbox id no access to another sandbox or to the object's internal endpoints", async () => {
    const a = await newSandbox();
    const b = await newSandbox();
    await createPod(b.id, pod("secret-of-b"));
    expect((await fetchApp(`/clusters/${a.id}/api/v1/namespaces/default/pods/secret-of-b`)).status).toBe(404);
    expect((await fetchApp(`/clusters/${a.id}/api/v1/namespaces/default/pods/secret-of-b`, { method: "DELETE" })).status).toBe(404);
    for (const [path, init] of [["/-/internal/export", {}], ["/-/internal/destroy", { method: "POST" }], ["/-/internal/summary", {}],
      ["/-/%69nternal/export", {}], ["/-/init", post("", { id: b.id, name: "x", seed: "x", reset: true })]] as [string, RequestInit][]) {
      const r = await k8s(a.id, path, init);
      expect(r.status, path).toBe(404);
    }
    // Never-created ids cannot be initialised through the public path either.
    expect((await k8s("a".repeat(32), "/-/init", post("", { id: "x", name: "x", seed: "x" }))).status).toBe(404);
    expect((await k8s(a.id, "/version")).status).toBe(200);
    expect((await k8s(b.id, "/api/v1/namespaces/default/pods/secret-of-b")).status).toBe(200);
  });
});
