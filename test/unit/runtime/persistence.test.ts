import { describe, expect, test } from "vitest";
import { Sim } from "./harness";

describe("save → JSON → restore", () => {
  test("a loop paused inside `sleep` continues identically after a round trip", () => {
    const script = "i=0; while [ $i -lt 5 ]; do echo tick $i $(date +%S); i=$((i+1)); sleep 2; done; echo done";
    const a = new Sim();
    const b = new Sim();
    const ca = a.pod({ image: "busybox:1.36", argv: ["sh", "-c", script] });
    const cb = b.pod({ image: "busybox:1.36", argv: ["sh", "-c", script] });
    a.advance(3000);
    b.advance(3000);
    b.roundTrip();
    a.advance(10_000);
    b.advance(10_000);
    expect(b.rt.readLogs(cb)).toBe("tick 0 00\ntick 1 02\ntick 2 04\ntick 3 06\ntick 4 08\ndone\n");
    expect(JSON.stringify(b.rt.save())).toBe(JSON.stringify(a.rt.save()));
    expect(ca).toBe(cb);
  });

  test("a shell blocked reading stdin resumes after a round trip", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "1000"] });
    const r = sim.rt.exec(cid, ["sh", "-c", 'read name; echo "hello $name"'], { owner: "t", stdin: true });
    if ("error" in r) throw new Error(r.error);
    sim.advance(500);
    sim.roundTrip();
    sim.rt.execWrite(r.sessionId, new TextEncoder().encode("world\n"));
    const out = sim.rt.execRead(r.sessionId);
    expect(new TextDecoder().decode(out.stdout)).toBe("hello world\n");
    expect(out.exitCode).toBe(0);
  });

  test("state stays plain JSON through nginx, pipes and a command substitution in flight", () => {
    const sim = new Sim();
    sim.pod({ image: "nginx:1.27.5" });
    const cid = sim.pod({ image: "debian:bookworm", argv: ["sh", "-c", 'x=$(sleep 5; echo late); echo "got $x" | cat'] });
    sim.advance(1000);
    const before = JSON.stringify(sim.rt.save());
    sim.roundTrip();
    expect(JSON.stringify(sim.rt.save())).toBe(before);
    sim.advance(5000);
    expect(sim.rt.readLogs(cid)).toBe("got late\n");
  });

  test("a restored nginx still serves and stops gracefully", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5", ip: "172.16.0.50" });
    sim.roundTrip();
    expect(sim.rt.httpGet("192.168.10.81", "172.16.0.50", 80, "/", {}, 1000)).toMatchObject({ status: 200 });
    sim.rt.stopContainer(cid, 30_000);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0 });
  });
});
