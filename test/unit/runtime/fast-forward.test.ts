import { describe, expect, test } from "vitest";
import { Sim } from "./harness";

const TICK = 'while true; do echo "$(date) tick"; sleep 1; done';

function run(ff: boolean, script: string, ms: number, image = "busybox:1.36") {
  const sim = new Sim(ff);
  const cid = sim.pod({ image, argv: ["sh", "-c", script] });
  sim.advance(ms);
  return { sim, cid };
}

describe("fast-forward of periodic loops", () => {
  test.each([
    ["a date tick loop", TICK],
    ["a constant heartbeat every 5 s", "while :; do echo alive; sleep 5; done"],
    ["a loop with two sleeps per period", 'while true; do echo a; sleep 1; echo "b $(date +%s)"; sleep 2; done'],
    ["a dash loop with printf and date +%T", 'while true; do printf "%s ok\\n" "$(date +%T)"; sleep 2; done'],
  ])("%s gives exactly the same logs, processes and pids as step-by-step simulation", (_n, script) => {
    const img = script.includes("printf") ? "debian:bookworm" : "busybox:1.36";
    const a = run(true, script, 600_000, img);
    const b = run(false, script, 600_000, img);
    expect(a.sim.rt.readLogs(a.cid, { timestamps: true })).toBe(b.sim.rt.readLogs(b.cid, { timestamps: true }));
    expect(a.sim.rt.processes(a.cid)).toEqual(b.sim.rt.processes(b.cid));
    a.sim.advance(3_500);
    b.sim.advance(3_500);
    expect(a.sim.rt.readLogs(a.cid, { tailLines: 3 })).toBe(b.sim.rt.readLogs(b.cid, { tailLines: 3 }));
    expect(a.sim.exec(a.cid, ["sh", "-c", "echo $$; ps | wc -l"])).toEqual(b.sim.exec(b.cid, ["sh", "-c", "echo $$; ps | wc -l"]));
  });

  test("reading or following the log does not unfreeze the loop", () => {
    const { sim, cid } = run(true, TICK, 10_000);
    const cur = sim.rt.logCursor(cid);
    sim.advance(3000);
    expect(sim.rt.logsAfter(cid, cur).text).toBe("Mon Jan 27 10:00:11 UTC 2025 tick\nMon Jan 27 10:00:12 UTC 2025 tick\nMon Jan 27 10:00:13 UTC 2025 tick\n");
    expect(sim.rt.save().containers[cid].ff).toBeDefined();
    expect(sim.rt.stats().materialized).toBe(0);
  });

  test("a frozen loop costs no timers and survives a save/restore round trip", () => {
    const { sim, cid } = run(true, TICK, 10_000);
    expect(sim.rt.save().containers[cid].ff).toBeDefined();
    expect(sim.queue.size).toBe(0);
    sim.roundTrip();
    sim.advance(3600_000);
    expect(sim.rt.readLogs(cid, { tailLines: 1 })).toBe("Mon Jan 27 11:00:10 UTC 2025 tick\n");
    expect(sim.rt.logCursor(cid)).toBe(3611);
  });

  test("loops that read the clock in a condition are not frozen", () => {
    const { sim, cid } = run(true, 'while [ $(date +%M) != 05 ]; do sleep 1; done; echo five', 400_000);
    expect(sim.rt.save().containers[cid].ff).toBeUndefined();
    expect(sim.rt.readLogs(cid)).toBe("five\n");
    expect(sim.rt.containerStatus(cid)?.state).toBe("exited");
  });

  test("a frozen loop's log obeys tail, since and the byte cap", () => {
    const { sim, cid } = run(true, TICK, 7200_000);
    expect(sim.rt.readLogs(cid, { tailLines: 2 })).toBe("Mon Jan 27 11:59:59 UTC 2025 tick\nMon Jan 27 12:00:00 UTC 2025 tick\n");
    expect(sim.rt.readLogs(cid, { sinceTime: Date.UTC(2025, 0, 27, 11, 59, 59) })).toBe("Mon Jan 27 11:59:59 UTC 2025 tick\nMon Jan 27 12:00:00 UTC 2025 tick\n");
    expect(sim.rt.readLogs(cid).split("\n").length - 1).toBe(7201);
  });
});

describe("scale", () => {
  // Wall time and heap are measured by `npm run bench` (bench/loops.mjs), not here: this test
  // pins the work done (frozen loops, wakes, steps) that makes those figures possible.
  test("1,000 pods running a date tick loop for one virtual hour are frozen after a few periods", () => {
    const sim = new Sim();
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) ids.push(sim.pod({ image: "busybox:1.36", ip: `172.16.${10 + Math.floor(i / 250)}.${i % 250 + 1}`, argv: ["sh", "-c", TICK] }));
    sim.advance(3600_000);
    const stats = sim.rt.stats();
    expect(stats.frozen).toBe(1000);
    expect(stats.wakes).toBeLessThanOrEqual(5000);
    expect(stats.steps / 1000).toBeLessThan(400);
    expect(sim.rt.readLogs(ids[999], { tailLines: 1 })).toBe("Mon Jan 27 11:00:00 UTC 2025 tick\n");
    expect(JSON.stringify(sim.rt.save()).length).toBeLessThan(16 * 1024 * 1024);
  }, 30_000);
});
