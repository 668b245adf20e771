import { describe, expect, test } from "vitest";
import { Sim } from "./harness";
import { LIMITS } from "../../../durable/sim/runtime/constants";
import { Runtime } from "../../../durable/sim/runtime/runtime";
import type { RuntimeState } from "../../../durable/sim/runtime/state";

const Mi = 1024 * 1024;

describe("memory", () => {
  test("stress allocating 250M under a 100Mi limit is OOMKilled with 137", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "polinux/stress", argv: ["stress", "--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"], memoryLimitBytes: 100 * Mi });
    sim.advance(100);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 137, reason: "OOMKilled" });
    expect(sim.rt.readLogs(cid)).toBe("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n");
  });

  test("stress allocating 150M under a 200Mi limit keeps running and reports its memory", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "polinux/stress", argv: ["stress", "--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"], memoryLimitBytes: 200 * Mi });
    sim.advance(500);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    const mem = sim.rt.containerStats(cid).memoryBytes;
    expect(mem).toBeGreaterThan(150 * Mi);
    expect(mem).toBeLessThan(155 * Mi);
  });

  test("CPU use above the limit is throttled to the limit", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "vish/stress", argv: ["/stress", "-logtostderr", "-cpus", "2"], cpuLimitMillis: 1000 });
    expect(sim.rt.containerStats(cid).cpuMillicores).toBe(1000);
    const free = sim.pod({ image: "vish/stress", argv: ["/stress", "-logtostderr", "-cpus", "2"] });
    expect(sim.rt.containerStats(free).cpuMillicores).toBe(2000);
  });
});

describe("bounded work", () => {
  test("a busy loop keeps running, burns a core, and costs bounded work per advance", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "i=0; while :; do i=$((i+1)); done"] });
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    expect(sim.rt.containerStats(cid).cpuMillicores).toBe(1000);
    const before = sim.rt.stats();
    sim.advance(3600_000);
    const after = sim.rt.stats();
    expect(after.wakes - before.wakes).toBeLessThan(500);
    expect(after.steps - before.steps).toBeLessThan(1_500_000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    expect(sim.queue.size).toBeGreaterThan(0);
  });

  test("a fork bomb hits the pids limit and the shell reports fork failures", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "ubuntu:24.04", argv: ["bash", "-c", ":(){ :|:& };:; sleep 100"] });
    sim.advance(10_000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    const procs = sim.rt.processes(cid).length;
    expect(procs).toBeLessThanOrEqual(LIMITS.pids);
    expect(sim.rt.readLogs(cid)).toContain("fork: retry: Resource temporarily unavailable");
  });

  test("the same fork bomb is a syntax error in dash", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "debian:bookworm", argv: ["sh", "-c", ":(){ :|:& };:"] });
    expect(sim.rt.readLogs(cid)).toBe("sh: 1: Syntax error: Bad function name\n");
    expect(sim.rt.containerStatus(cid)).toMatchObject({ exitCode: 2 });
  });

  test("a log flood keeps only the newest part of the log in memory", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "yes 0123456789012345678901234567890123456789"] });
    sim.advance(60_000);
    const st = sim.rt.save().containers[cid];
    expect(st.log.bytes).toBeLessThanOrEqual(LIMITS.logBytes);
    expect(st.log.dropped).toBeGreaterThan(0);
    expect(sim.rt.readLogs(cid, { tailLines: 1 })).toBe("0123456789012345678901234567890123456789\n");
    expect(sim.rt.logCursor(cid)).toBeGreaterThan(st.log.lines.length);
  });

  test("an hour of `yes` is held as a few runs of identical lines and reads back line by line", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "ubuntu:24.04", argv: ["yes"] });
    sim.advance(3_600_000);
    const st = sim.rt.save().containers[cid];
    expect(st.log.lines.length).toBeLessThan(400);
    expect(st.log.dropped).toBeGreaterThan(1_000_000);
    expect(sim.rt.readLogs(cid, { tailLines: 3 })).toBe("y\ny\ny\n");
    const stamped = sim.rt.readLogs(cid, { tailLines: 2, timestamps: true }).split("\n");
    expect(stamped[0].slice(0, 20)).toBe(stamped[1].slice(0, 20));
    expect(stamped[0].endsWith(" y")).toBe(true);
    expect(sim.rt.readLogs(cid, { limitBytes: 5 })).toBe("y\ny\ny");
  });

  test("identical lines written at one instant read back the same through a cursor", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "echo a; echo a; printf 'a\\na\\na\\n'; echo b; sleep 1; echo a; sleep 3600"] });
    sim.advance(5000);
    expect(sim.rt.readLogs(cid)).toBe("a\na\na\na\na\nb\na\n");
    expect(sim.rt.logsAfter(cid, 3).text).toBe("a\na\nb\na\n");
    expect(sim.rt.logCursor(cid)).toBe(7);
  });

  test("yes | head -n 3 ends when head closes the pipe", () => {
    const r = new Sim().script("yes | head -n 3; echo done");
    expect(r.logs).toBe("y\ny\ny\ndone\n");
  });
});

describe("containment", () => {
  test("a program that throws dies of SIGSEGV; the simulation and the other containers go on", () => {
    const sim = new Sim();
    const bad = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "while :; do sleep 1; done"] });
    const good = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "while :; do echo ok; sleep 1; done"] });
    sim.advance(2500);
    const back = JSON.parse(JSON.stringify(sim.rt.save())) as RuntimeState;
    back.containers[bad].procs[1].data = { corrupted: true };
    sim.rt = Runtime.restore(back, sim.host(), {});
    sim.advance(3000);
    expect(sim.rt.containerStatus(bad)).toMatchObject({ state: "exited", exitCode: 139, reason: "Error" });
    expect(sim.rt.stats().crashes).toBe(1);
    expect(sim.rt.readLogs(good).split("\n").length).toBeGreaterThan(5);
    expect(sim.rt.containerStatus(good)).toMatchObject({ state: "running" });
  });
});
