import { describe, expect, it } from "vitest";
import { backoffDuration, SchedulingQueue } from "../../../durable/sim/scheduler/queue";

describe("the scheduling queue", () => {
  it.each([[1, 1000], [2, 2000], [3, 4000], [4, 8000], [5, 10000], [9, 10000]])("backs off attempt %i for %i ms", (a, ms) => {
    expect(backoffDuration(a)).toBe(ms);
  });

  it("pops higher priority first, then earlier arrival", () => {
    const q = new SchedulingQueue();
    q.add("default/b", 0, 10);
    q.add("default/a", 0, 20);
    q.add("default/c", 1000, 30);
    expect([q.pop()!.key, q.pop()!.key, q.pop()!.key, q.pop()]).toEqual(["default/c", "default/b", "default/a", undefined]);
  });

  it("moves a rejected pod back only for events its plugins care about", () => {
    const q = new SchedulingQueue();
    q.add("default/p", 0, 0);
    const p = q.pop()!;
    q.addUnschedulable(p, ["NodeResourcesFit"], 0);
    expect(q.moveForEvent("NodeTaintChange", new Set(["TaintToleration"]), 5000)).toBe(0);
    expect(q.moveForEvent("AssignedPodDelete", new Set(["NodeResourcesFit"]), 5000)).toBe(1);
    expect(q.pop()!.key).toBe("default/p");
  });

  it("sends a pod moved during its backoff to backoff, then to active when it expires", () => {
    const q = new SchedulingQueue();
    q.add("default/p", 0, 0);
    const p = q.pop()!;
    q.addUnschedulable(p, ["NodeResourcesFit"], 100);
    q.moveForEvent("AssignedPodDelete", new Set(["NodeResourcesFit"]), 500);
    expect(q.get("default/p")!.where).toBe("backoff");
    expect(q.nextBackoff()).toBe(1100);
    q.flushBackoff(1099);
    expect(q.activeCount).toBe(0);
    q.flushBackoff(1100);
    expect(q.pop()!.attempts).toBe(2);
  });

  it("retries a pod left unschedulable for more than five minutes on the 30 s flush grid", () => {
    const q = new SchedulingQueue();
    q.add("default/p", 0, 0);
    q.addUnschedulable(q.pop()!, ["TaintToleration"], 10_000);
    expect(q.nextLeftoverFlush()).toBe(330_000);
    q.flushLeftover(310_000);
    expect(q.activeCount).toBe(0);
    q.flushLeftover(330_000);
    expect(q.activeCount).toBe(1);
  });

  it("requeues an unschedulable pod when it is updated", () => {
    const q = new SchedulingQueue();
    q.add("default/p", 0, 0);
    q.addUnschedulable(q.pop()!, ["NodeAffinity"], 0);
    q.podUpdated("default/p", 20_000);
    expect(q.get("default/p")!.where).toBe("active");
  });

  it("survives save and restore with the same order", () => {
    const q = new SchedulingQueue();
    for (const [k, prio] of [["default/x", 0], ["default/y", 5], ["default/z", 0]] as const) q.add(k, prio, 1);
    q.addUnschedulable(q.pop()!, ["NodePorts"], 2);
    const r = new SchedulingQueue(JSON.parse(JSON.stringify(q.save())));
    expect(r.save()).toEqual(q.save());
    expect([r.pop()!.key, r.pop()!.key, r.pop()]).toEqual(["default/x", "default/z", undefined]);
    expect(r.get("default/y")!.where).toBe("unschedulable");
  });

  it("forgets removed pods", () => {
    const q = new SchedulingQueue();
    q.add("default/p", 0, 0);
    q.remove("default/p");
    expect(q.pop()).toBeUndefined();
    expect(q.keys()).toEqual([]);
  });
});
