import { describe, expect, test } from "vitest";
import { Sim } from "./harness";

const enc = new TextEncoder();
const dec = new TextDecoder();

function session(sim: Sim, cid: string, argv: string[], tty: boolean, stdin = true): string {
  const r = sim.rt.exec(cid, argv, { owner: "ws", tty, stdin });
  if ("error" in r) throw new Error(r.error);
  return r.sessionId;
}

function read(sim: Sim, sid: string): { out: string; code?: number } {
  const r = sim.rt.execRead(sid);
  return { out: dec.decode(r.stdout) + dec.decode(r.stderr), code: r.exitCode };
}

describe("exec sessions", () => {
  test("kubectl exec -it -- sh in busybox: prompt, echo of typed characters, CR LF, exit code", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "tester", image: "busybox:1.36", argv: ["sleep", "3600"] });
    const sid = session(sim, cid, ["sh"], true);
    expect(read(sim, sid).out).toBe("/ # ");
    sim.rt.execWrite(sid, enc.encode("env\r"));
    expect(read(sim, sid).out).toBe("env\r\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\r\nHOSTNAME=tester\r\nTERM=xterm\r\nHOME=/root\r\n/ # ");
    sim.rt.execWrite(sid, enc.encode("cat /etc/hostname\r"));
    expect(read(sim, sid).out).toBe("cat /etc/hostname\r\ntester\r\n/ # ");
    sim.rt.execWrite(sid, enc.encode("exit 3\r"));
    expect(read(sim, sid)).toEqual({ out: "exit 3\r\n", code: 3 });
    expect(sim.notices).toContainEqual({ type: "exec-done", sessionId: sid, owner: "ws", exitCode: 3 });
  });

  test("dash prompts with '# ' and bash with root@host:dir#", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "web", image: "nginx:1.27.5" });
    expect(read(sim, session(sim, cid, ["sh"], true)).out).toBe("# ");
    expect(read(sim, session(sim, cid, ["bash"], true)).out).toBe("root@web:/# ");
  });

  test("interactive dash numbers its messages by the lines read in the session", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "web", image: "nginx:1.27.5" });
    const sid = session(sim, cid, ["sh"], true);
    read(sim, sid);
    sim.rt.execWrite(sid, enc.encode("ps\r"));
    expect(read(sim, sid).out).toBe("ps\r\nsh: 1: ps: not found\r\n# ");
    sim.rt.execWrite(sid, enc.encode("if true; then\r"));
    sim.rt.execWrite(sid, enc.encode("ps; fi\r"));
    expect(read(sim, sid).out).toBe("if true; then\r\n> ps; fi\r\nsh: 3: ps: not found\r\n# ");
  });

  test("a continued line gets the PS2 prompt", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    const sid = session(sim, cid, ["sh"], true);
    read(sim, sid);
    sim.rt.execWrite(sid, enc.encode("for i in 1 2; do\r"));
    expect(read(sim, sid).out).toBe("for i in 1 2; do\r\n> ");
    sim.rt.execWrite(sid, enc.encode("echo $i; done\r"));
    expect(read(sim, sid).out).toBe("echo $i; done\r\n1\r\n2\r\n/ # ");
  });

  test("Ctrl-C interrupts a foreground command and the shell prompts again", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    const sid = session(sim, cid, ["sh"], true);
    read(sim, sid);
    sim.rt.execWrite(sid, enc.encode("sleep 100\r"));
    read(sim, sid);
    sim.rt.execWrite(sid, enc.encode("\x03"));
    expect(read(sim, sid).out).toBe("^C\r\n/ # ");
  });

  test("stdin pipe without a tty: cat echoes what it is sent until stdin closes", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    expect(sim.exec(cid, ["cat"], "hello\nworld\n")).toEqual({ stdout: "hello\nworld\n", stderr: "", exitCode: 0 });
  });

  test("a missing binary fails to start with the OCI runtime's message", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5" });
    const r = sim.rt.exec(cid, ["ps"], { owner: "x" });
    expect("error" in r && r.error).toMatch(/^failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown$/);
  });

  test("cat of a missing file: busybox message, exit 1", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    expect(sim.exec(cid, ["cat", "/nope"])).toEqual({ stdout: "", stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
  });

  test("ps without a tty uses plain newlines; ps in the exec shows itself", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    expect(sim.exec(cid, ["ps"]).stdout).toBe("PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n");
  });

  test("an exec probe that exceeds its timeout is killed and flagged", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    const r = sim.rt.exec(cid, ["sh", "-c", "sleep 5"], { owner: "probe", timeoutMs: 1000 });
    if ("error" in r) throw new Error(r.error);
    sim.advance(1000);
    expect(sim.rt.execRead(r.sessionId)).toMatchObject({ exitCode: 137, timedOut: true });
  });
});
