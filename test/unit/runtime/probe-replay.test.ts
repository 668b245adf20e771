// Probe requests a prober skipped in bulk are accounted for exactly as if they had run: the same
// log (access and error lines, connection counters) and the same pid numbering afterwards.
import { describe, expect, test } from "vitest";
import { Sim } from "./harness";

const NODE = "192.168.10.81";
const IP = "172.16.5.5";

/** An nginx pod probed every `period` ms: `real` requests, then `skipped` ones accounted in bulk by the next. */
function probed(path: string, period: number, real: number, skipped: number) {
  const sim = new Sim();
  const cid = sim.pod({ name: "web", image: "nginx:1.27.5", ip: IP });
  sim.advance(1000);
  const get = (s?: { count: number; period: number }) => sim.rt.httpGet(NODE, IP, 80, path, {}, 1000, s);
  for (let i = 0; i < real; i++) { if (i) sim.advance(period); get(); }
  if (skipped) { sim.advance((skipped + 1) * period); get({ count: skipped, period }); }
  return { sim, cid, get };
}

describe("skipped HTTP probes", () => {
  test.each([
    ["a succeeding probe of /", "/", 10_000],
    ["a failing probe of /index.php (error line with connection counter)", "/index.php", 3_000],
  ])("%s leaves the same log as running every request", (_name, path, period) => {
    const stepwise = probed(path, period, 40, 0);
    const bulk = probed(path, period, 3, 36);
    const logs = (s: Sim, cid: string) => s.rt.readLogs(cid, { timestamps: true });
    expect(logs(bulk.sim, bulk.cid)).toBe(logs(stepwise.sim, stepwise.cid));
    expect(bulk.sim.rt.readLogs(bulk.cid, { tailLines: 1 })).toContain('"GET ' + path + ' HTTP/1.1"');
    // Later requests continue the numbering the skipped ones advanced.
    for (const x of [stepwise, bulk]) { x.sim.advance(period); x.get(); }
    expect(logs(bulk.sim, bulk.cid)).toBe(logs(stepwise.sim, stepwise.cid));
  });

  test("the error line of the 40th request carries connection *40 either way", () => {
    const bulk = probed("/index.php", 3_000, 3, 36);
    expect(bulk.sim.stream(bulk.cid, 2).trimEnd().split("\n").pop()).toMatch(/ \[error\] \d+#\d+: \*40 open\(\) "\/usr\/share\/nginx\/html\/index.php" failed/);
  });

  test("nothing is synthesized when the container logged something else during the skipped stretch", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "web", image: "nginx:1.27.5", ip: IP });
    sim.advance(1000);
    sim.rt.httpGet(NODE, IP, 80, "/", {}, 1000);
    sim.advance(30_000);
    sim.exec(cid, ["nginx", "-s", "reload"]);
    sim.advance(30_000);
    sim.rt.httpGet(NODE, IP, 80, "/", {}, 1000, { count: 5, period: 10_000 });
    const access = sim.stream(cid, 1).split("\n").filter((l) => l.includes("kube-probe/1.32"));
    expect(access).toHaveLength(2);
  });

  test("a bulk-accounted log survives save and restore", () => {
    const bulk = probed("/", 1_000, 2, 500);
    const before = bulk.sim.rt.readLogs(bulk.cid, { timestamps: true });
    bulk.sim.roundTrip();
    expect(bulk.sim.rt.readLogs(bulk.cid, { timestamps: true })).toBe(before);
    expect(before.split("\n").filter((l) => l.includes("kube-probe")).length).toBe(503);
    expect(before).toContain("[27/Jan/2025:10:08:21 +0000]");
  });
});

describe("skipped exec probes", () => {
  test("consume the pids the skipped execs would have used", () => {
    const run = (real: number, skipped: number) => {
      const sim = new Sim();
      const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "touch /tmp/healthy; sleep 3600"] });
      sim.advance(1000);
      const probe = (s?: { count: number; period: number }) => {
        const r = sim.rt.exec(cid, ["sh", "-c", "cat /tmp/healthy"], { owner: "probe", timeoutMs: 1000, skipped: s });
        if ("error" in r) throw new Error(r.error);
        expect(sim.rt.execRead(r.sessionId).exitCode).toBe(0);
      };
      for (let i = 0; i < real; i++) { if (i) sim.advance(5000); probe(); }
      if (skipped) { sim.advance((skipped + 1) * 5000); probe({ count: skipped, period: 5000 }); }
      return sim.exec(cid, ["sh", "-c", "echo $$"]).stdout;
    };
    expect(run(2, 30)).toBe(run(33, 0));
    expect(Number(run(2, 30))).toBe(7 + 33 + 1);
  });
});
