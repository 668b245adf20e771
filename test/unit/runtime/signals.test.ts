import { describe, expect, test } from "vitest";
import { Sim } from "./harness";

describe("stopping containers and the PID 1 signal rule", () => {
  test("sh -c 'sleep 3600' as PID 1 ignores SIGTERM and dies by SIGKILL at the deadline (137)", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "sleep 3600; echo never"] });
    sim.rt.stopContainer(cid, 30_000);
    sim.advance(29_900);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    sim.advance(200);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 137, reason: "Error" });
  });

  test("a lone `sleep 3600` (exec'd by sh -c) is PID 1 and also survives SIGTERM", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "sleep 3600"] });
    expect(sim.rt.processes(cid).map((p) => p.argv.join(" "))).toEqual(["sleep 3600"]);
    sim.rt.signalContainer(cid, 15);
    sim.advance(1000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
  });

  test("a process that is not PID 1 dies of SIGTERM with 143", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "debian:bookworm", argv: ["sh", "-c", "sleep 100 & wait $!; echo status=$?"] });
    const sleeper = sim.rt.processes(cid).find((p) => p.argv[0] === "sleep")!;
    const r = sim.exec(cid, ["kill", String(sleeper.pid)]);
    expect(r.exitCode).toBe(126);
    expect(sim.exec(cid, ["sh", "-c", `kill ${sleeper.pid}`]).exitCode).toBe(0);
    sim.advance(10);
    expect(sim.rt.readLogs(cid)).toBe("status=143\n");
  });

  test("nginx gets its STOPSIGNAL (SIGQUIT) and exits 0 well before the deadline", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5" });
    sim.rt.stopContainer(cid, 30_000);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0, reason: "Completed" });
    expect(sim.rt.readLogs(cid)).toContain("[notice] 1#1: signal 3 (SIGQUIT) received, shutting down");
  });

  test("SIGTERM makes nginx exit fast with its own log lines", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5" });
    sim.rt.signalContainer(cid, 15);
    const logs = sim.rt.readLogs(cid, { tailLines: 5 });
    expect(logs).toMatch(/signal 17 \(SIGCHLD\) received from 30\n.*worker process 30 exited with code 0\n.*\[notice\] 1#1: exit\n$/);
    expect(sim.rt.readLogs(cid)).toContain("signal 15 (SIGTERM) received, exiting");
    expect(sim.rt.containerStatus(cid)).toMatchObject({ exitCode: 0 });
  });

  test("a zero grace period kills at once", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "100"] });
    sim.rt.stopContainer(cid, 0);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 137 });
  });

  test("when PID 1 exits every other process of the container is killed", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "sleep 50 & sleep 1"] });
    expect(sim.rt.processes(cid).map((p) => p.argv.join(" "))).toEqual(["sleep 1", "sleep 50"]);
    sim.advance(1100);
    expect(sim.rt.containerStatus(cid)?.state).toBe("exited");
    expect(sim.rt.processes(cid).filter((p) => p.state !== "Z")).toEqual([]);
  });

  test("an exec session dies with its container", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "100"] });
    const r = sim.rt.exec(cid, ["sleep", "1000"], { owner: "t" });
    if ("error" in r) throw new Error(r.error);
    sim.rt.stopContainer(cid, 0);
    expect(sim.rt.execRead(r.sessionId).exitCode).toBe(137);
    expect(sim.notices).toContainEqual({ type: "exec-done", sessionId: r.sessionId, owner: "t", exitCode: 137 });
  });

  test("a start with an executable that is not in the image fails like runc", () => {
    const sim = new Sim();
    sim.rt.createSandbox({ sandboxId: "s", node: "n", podUid: "u", podName: "p", namespace: "default", ip: "172.16.0.9", hostname: "p" });
    const c = sim.rt.createContainer({ node: "n", podUid: "u", podName: "p", podNamespace: "default", sandboxId: "s", name: "c", attempt: 0, image: "nginx:1.27.5", argv: ["foo"], env: [], mounts: [] });
    if ("error" in c) throw new Error(c.error);
    expect(sim.rt.startContainer(c.containerId)).toEqual({
      ok: false, exitCode: 128, reason: "StartError",
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    });
  });
});
