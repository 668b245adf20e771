import { describe, expect, it } from "vitest";
import { TimerQueue } from "../../../durable/sim/core/timers";
import { Rng, seedRng } from "../../../durable/sim/core/rng";

describe("the timer queue", () => {
  it("pops timers in (due, seq) order", () => {
    const q = new TimerQueue();
    q.schedule("b", 20, "k");
    q.schedule("a", 10, "k");
    q.schedule("c", 10, "k");
    expect([q.popDue(100)?.key, q.popDue(100)?.key, q.popDue(100)?.key, q.popDue(100)]).toEqual(["a", "c", "b", undefined]);
  });
  it("replaces a timer scheduled again under the same key", () => {
    const q = new TimerQueue();
    q.schedule("x", 10, "k", 1);
    q.schedule("x", 30, "k", 2);
    expect(q.size).toBe(1);
    expect(q.popDue(20)).toBeUndefined();
    expect(q.popDue(30)?.data).toBe(2);
  });
  it("keeps the earlier due time with scheduleEarliest", () => {
    const q = new TimerQueue();
    q.schedule("x", 10, "k");
    q.scheduleEarliest("x", 50, "k");
    expect(q.nextDue()).toBe(10);
    q.scheduleEarliest("x", 5, "k");
    expect(q.nextDue()).toBe(5);
  });
  it("does not return cancelled timers", () => {
    const q = new TimerQueue();
    q.schedule("x", 10, "k");
    q.cancel("x");
    expect(q.popDue(100)).toBeUndefined();
    expect(q.nextDue()).toBeUndefined();
  });
  it("round-trips through save and restore", () => {
    const q = new TimerQueue();
    for (let i = 0; i < 50; i++) q.schedule(`t${i}`, (i * 37) % 11, "k", i);
    const r = TimerQueue.restore(JSON.parse(JSON.stringify(q.save())));
    const a: string[] = [];
    const b: string[] = [];
    for (let t = q.popDue(99); t; t = q.popDue(99)) a.push(t.key);
    for (let t = r.popDue(99); t; t = r.popDue(99)) b.push(t.key);
    expect(b).toEqual(a);
  });
});

describe("the seeded generator", () => {
  it("gives the same sequence for the same seed and a different one otherwise", () => {
    const a = new Rng(seedRng("s1"));
    const b = new Rng(seedRng("s1"));
    const c = new Rng(seedRng("s2"));
    const sa = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(sa);
  });
  it("makes v4 UUIDs and apimachinery-style suffixes", () => {
    const r = new Rng(seedRng(7));
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.suffix()).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
