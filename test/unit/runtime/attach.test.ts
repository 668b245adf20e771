import { describe, expect, test } from "vitest";
import { Sim } from "./harness";
import { podAttach, podExec } from "../../../durable/sim/nodes/pod-io";
import type { Kubelet } from "../../../durable/sim/kubelet/kubelet";
import { ApiError } from "../../../durable/sim/api/status";
import { lab } from "../kubectl/fixtures";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A started container with the pod spec's stdin / stdinOnce / tty, as the kubelet passes them. */
function container(sim: Sim, argv: string[], o: { tty?: boolean; stdin?: boolean; stdinOnce?: boolean; image?: string } = {}): string {
  const name = `p${Object.keys(sim.rt.save().sandboxes).length}`;
  const sandboxId = `sb-${name}`;
  sim.rt.createSandbox({ sandboxId, node: "node01", podUid: `uid-${name}`, podName: name, namespace: "default", ip: "172.16.196.10", hostname: name });
  const r = sim.rt.createContainer({
    node: "node01", podUid: `uid-${name}`, podName: name, podNamespace: "default", sandboxId, name: "c", attempt: 0,
    image: o.image ?? "busybox:1.36", argv, env: [], mounts: [], tty: o.tty, stdin: o.stdin, stdinOnce: o.stdinOnce,
  });
  if ("error" in r) throw new Error(r.error);
  const s = sim.rt.startContainer(r.containerId);
  if (!s.ok) throw new Error(s.message);
  return r.containerId;
}

function attach(sim: Sim, cid: string, o: { stdin?: boolean; stdout?: boolean; stderr?: boolean } = {}): string {
  const r = sim.rt.attach(cid, { owner: "ws:test", stdin: o.stdin ?? true, stdout: o.stdout ?? true, stderr: o.stderr ?? true });
  if ("error" in r) throw new Error(r.error);
  return r.sessionId;
}

function read(sim: Sim, sid: string): { out: string; err: string; code?: number } {
  const r = sim.rt.execRead(sid);
  return { out: dec.decode(r.stdout), err: dec.decode(r.stderr), code: r.exitCode };
}

describe("attach to a container's PID 1", () => {
  test("a TTY container: the client sees the prompt, the echo of what it types and the output; the log still gets it", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh"], { tty: true, stdin: true, stdinOnce: true });
    sim.advance(1000);
    const sid = attach(sim, cid);
    // What PID 1 wrote before the attach is not replayed.
    expect(read(sim, sid).out).toBe("");
    sim.rt.execWrite(sid, enc.encode("\r"));
    expect(read(sim, sid).out).toBe("\r\n/ # ");
    sim.rt.execWrite(sid, enc.encode("echo hello\r"));
    expect(read(sim, sid)).toEqual({ out: "echo hello\r\nhello\r\n/ # ", err: "", code: undefined });
    // The log has the same bytes (complete lines; the pending prompt is still a partial line).
    expect(sim.rt.readLogs(cid)).toBe("/ # \n/ # echo hello\nhello\n");
    sim.rt.execWrite(sid, enc.encode("exit 3\r"));
    expect(read(sim, sid)).toEqual({ out: "exit 3\r\n", err: "", code: 0 });
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 3 });
  });

  test("a TTY container: ^C from an attached client interrupts the foreground command, not the shell", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh"], { tty: true, stdin: true, stdinOnce: true });
    const sid = attach(sim, cid);
    sim.rt.execWrite(sid, enc.encode("sleep 100\r"));
    sim.advance(2000);
    expect(sim.rt.processes(cid).map((p) => p.argv.join(" "))).toContain("sleep 100");
    read(sim, sid);
    sim.rt.execWrite(sid, enc.encode("\x03"));
    sim.advance(100);
    expect(sim.rt.processes(cid).map((p) => p.argv.join(" "))).not.toContain("sleep 100");
    expect(read(sim, sid).out).toBe("^C\r\n/ # ");
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    sim.rt.execWrite(sid, enc.encode("echo $?\r"));
    expect(read(sim, sid).out).toBe("echo $?\r\n130\r\n/ # ");
  });

  test("a TTY container: closing the client's stdin detaches it and the shell keeps running", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh"], { tty: true, stdin: true, stdinOnce: true });
    const sid = attach(sim, cid);
    sim.rt.execCloseStdin(sid);
    expect(read(sim, sid).code).toBe(0);
    sim.advance(5000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    const again = attach(sim, cid);
    sim.rt.execWrite(again, enc.encode("echo back\r"));
    expect(read(sim, again).out).toBe("echo back\r\nback\r\n/ # ");
  });

  test("stdin without a TTY: sh reads its script from the pipe the client writes into", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh"], { stdin: true, stdinOnce: true });
    const sid = attach(sim, cid);
    sim.rt.execWrite(sid, enc.encode("echo hello; echo oops >&2\n"));
    expect(read(sim, sid)).toEqual({ out: "hello\n", err: "oops\n", code: undefined });
    sim.rt.execWrite(sid, enc.encode("exit 3\n"));
    sim.advance(100);
    // The attach stream ends with the container; its code is the pod's business (Success here).
    expect(read(sim, sid)).toEqual({ out: "", err: "", code: 0 });
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 3, reason: "Error" });
    expect(sim.rt.readLogs(cid)).toBe("hello\noops\n");
  });

  test("stdinOnce: the first client closing its stdin gives cat end of file, and the container exits 0", () => {
    const sim = new Sim();
    const cid = container(sim, ["cat"], { stdin: true, stdinOnce: true });
    const sid = attach(sim, cid);
    sim.rt.execWrite(sid, enc.encode("hello\nworld\n"));
    expect(read(sim, sid).out).toBe("hello\nworld\n");
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    sim.rt.execCloseStdin(sid);
    sim.advance(100);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0, reason: "Completed" });
    expect(read(sim, sid)).toEqual({ out: "", err: "", code: 0 });
  });

  test("stdinOnce: a client that goes away without closing stdin also closes it", () => {
    const sim = new Sim();
    const cid = container(sim, ["cat"], { stdin: true, stdinOnce: true });
    const sid = attach(sim, cid);
    sim.rt.execKill(sid);
    sim.advance(100);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0 });
  });

  test("without stdinOnce, detaching leaves the container and its stdin open for the next client", () => {
    const sim = new Sim();
    const cid = container(sim, ["cat"], { stdin: true });
    const first = attach(sim, cid);
    sim.rt.execWrite(first, enc.encode("one\n"));
    sim.rt.execCloseStdin(first);
    expect(read(sim, first)).toEqual({ out: "one\n", err: "", code: 0 });
    sim.advance(10_000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    const second = attach(sim, cid);
    sim.rt.execWrite(second, enc.encode("two\n"));
    expect(read(sim, second).out).toBe("two\n");
    sim.rt.execKill(second);
    sim.advance(10_000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    expect(sim.rt.readLogs(cid)).toBe("one\ntwo\n");
  });

  test("without stdin, only output is streamed: new lines arrive, input is ignored, detaching never kills PID 1", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done"]);
    sim.advance(2500);
    const sid = attach(sim, cid, { stdin: false });
    expect(read(sim, sid).out).toBe("");
    sim.rt.execWrite(sid, enc.encode("ignored\n"));
    sim.advance(2000);
    expect(read(sim, sid).out).toBe("tick 4\ntick 5\n");
    sim.rt.execKill(sid);
    sim.advance(1000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    expect(sim.rt.readLogs(cid, { tailLines: 1 })).toBe("tick 6\n");
  });

  test("an attached client keeps a periodic loop from being fast-forwarded, and it sees every line", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh", "-c", "while true; do echo tick; sleep 1; done"]);
    sim.advance(20_000);
    const frozen = sim.rt.stats().frozen;
    expect(frozen).toBeGreaterThan(0);
    const sid = attach(sim, cid, { stdin: false });
    sim.advance(30_000);
    expect(read(sim, sid).out).toBe("tick\n".repeat(30));
    expect(sim.rt.stats().frozen).toBe(frozen);
  });

  test("a client that asked only for stdout does not get stderr", () => {
    const sim = new Sim();
    const cid = container(sim, ["sh"], { stdin: true, stdinOnce: true });
    const sid = attach(sim, cid, { stderr: false });
    sim.rt.execWrite(sid, enc.encode("echo out; echo err >&2\n"));
    expect(read(sim, sid)).toEqual({ out: "out\n", err: "", code: undefined });
  });

  test("attach state survives a save → JSON → restore round trip", () => {
    const sim = new Sim();
    const cid = container(sim, ["cat"], { stdin: true, stdinOnce: true });
    const sid = attach(sim, cid);
    sim.roundTrip();
    sim.rt.execWrite(sid, enc.encode("after restore\n"));
    sim.rt.execCloseStdin(sid);
    sim.advance(100);
    expect(read(sim, sid)).toEqual({ out: "after restore\n", err: "", code: 0 });
    expect(sim.rt.containerStatus(cid)?.state).toBe("exited");
  });

  test("an exited container cannot be attached to", () => {
    const sim = new Sim();
    const cid = container(sim, ["true"]);
    sim.advance(100);
    expect(sim.rt.attach(cid, { owner: "ws:test", stdout: true })).toEqual({ error: expect.stringMatching(/is in CONTAINER_EXITED state$/) });
  });
});

describe("pods/attach as the kubelet answers it", () => {
  const pod = (phase: string, containers = [{ name: "c" }], nodeName = "node01") =>
    ({ metadata: { name: "p", namespace: "default", uid: "u1" }, spec: { nodeName, containers }, status: { phase } }) as never;
  const kubelets = (state: string, containerId = "cid") => () => ({ record: () => ({ containers: [{ name: "c", state, containerId }] }) }) as unknown as Kubelet;
  const runtime = { attach: () => ({ sessionId: "s1" }) };
  const q = (s: string) => new URLSearchParams(s);
  const fails = (f: () => unknown) => { try { f(); } catch (e) { return e as ApiError; } throw new Error("no error"); };

  test("a running container upgrades with the container's own TTY setting", () => {
    expect(podAttach(kubelets("running"), runtime, pod("Running"), q("stdin=true&stdout=true&tty=true"), "v5.channel.k8s.io", "ws:x"))
      .toEqual({ type: "exec", protocol: "v5.channel.k8s.io", sessionId: "s1", tty: false, stdin: true });
  });

  test("a missing container gets the API server's message", () => {
    const e = fails(() => podAttach(kubelets("running"), runtime, pod("Running"), q("container=nope&stdout=true"), "v5.channel.k8s.io", "ws:x"));
    expect([e.code, e.message]).toEqual([400, "container nope is not valid for pod p"]);
  });

  test("a completed pod is refused with kubectl's message", () => {
    const e = fails(() => podAttach(kubelets("terminated"), runtime, pod("Succeeded"), q("stdout=true"), "v5.channel.k8s.io", "ws:x"));
    expect([e.code, e.message]).toEqual([400, "cannot attach a container in a completed pod; current phase is Succeeded"]);
  });

  test("no stream asked for is the kubelet's 400", () => {
    const e = fails(() => podAttach(kubelets("running"), runtime, pod("Running"), q("tty=true"), "v5.channel.k8s.io", "ws:x"));
    expect([e.code, e.message]).toEqual([400, "you must specify at least 1 of stdin, stdout, stderr"]);
  });

  test("exec asks for a stream too (stderr does not count under a TTY)", () => {
    const rt = { exec: () => ({ sessionId: "e1" }) } as never;
    const e = fails(() => podExec(kubelets("running"), rt, pod("Running"), q("command=ls&stderr=true&tty=true"), "v5.channel.k8s.io", "ws:x"));
    expect([e.code, e.message]).toEqual([400, "you must specify at least 1 of stdin, stdout, stderr"]);
    expect(podExec(kubelets("running"), rt, pod("Running"), q("command=ls&stderr=true"), "v5.channel.k8s.io", "ws:x"))
      .toMatchObject({ type: "exec", sessionId: "e1", tty: false, stdin: false });
  });

  test("a container that is not running yet cannot be attached to", () => {
    const e = fails(() => podAttach(kubelets("waiting", ""), runtime, pod("Pending"), q("stdout=true"), "v5.channel.k8s.io", "ws:x"));
    expect([e.code, e.message]).toEqual([400, 'unable to upgrade connection: container not found ("c")']);
  });
});

describe("the kubectl endpoint's run -i attaches and forwards stdin", () => {
  test("stdin reaches the shell, --rm deletes the pod and the container's code is the exit code", () => {
    const l = lab();
    expect(l.k("run t1 --image=busybox:1.36 -i --rm --restart=Never -- sh", "echo hello; exit 3\n")).toEqual({
      stdout: 'hello\npod "t1" deleted\n',
      stderr: "If you don't see a command prompt, try pressing enter.\npod default/t1 terminated (Error)\n",
      exitCode: 3,
    });
    expect(l.k("get pod t1").stderr).toBe('Error from server (NotFound): pods "t1" not found\n');
  });

  test("cat gets end of file when stdin is used up (stdinOnce) and the pod succeeds", () => {
    const l = lab();
    expect(l.k("run c --image=busybox:1.36 -i --restart=Never -- cat", "one\ntwo\n")).toEqual({
      stdout: "one\ntwo\n", stderr: "If you don't see a command prompt, try pressing enter.\n", exitCode: 0,
    });
    expect(l.out("get pod c --no-headers")).toMatch(/^c\s+0\/1\s+Completed\s+0\s/);
  });
});
