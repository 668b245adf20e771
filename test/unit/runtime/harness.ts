// Test harness for the simulated runtime: a fake host (virtual clock, timer queue, queued
// notices, a small service/DNS table), helpers to start pods and run exec sessions, and a
// save → JSON → restore round trip. Shared by test/unit/{runtime,shell,programs}.
import { Rng, seedRng } from "../../../durable/sim/core/rng";
import { TimerQueue } from "../../../durable/sim/core/timers";
import type { ContainerConfig, NetworkResolver, RuntimeHost, RuntimeNotice } from "../../../durable/sim/runtime/contract";
import { Runtime } from "../../../durable/sim/runtime/runtime";
import type { RuntimeState } from "../../../durable/sim/runtime/state";
import { forLines } from "../../../durable/sim/runtime/logs";

/** Options for a test pod. */
export interface PodOpts {
  name?: string;
  image?: string;
  argv?: string[];
  env?: [string, string][];
  node?: string;
  ip?: string;
  memoryLimitBytes?: number;
  cpuLimitMillis?: number;
  tty?: boolean;
  stdin?: boolean;
  mounts?: ContainerConfig["mounts"];
  workingDir?: string;
}

/** A fake cluster host around one Runtime. */
export class Sim {
  now = Date.UTC(2025, 0, 27, 10, 0, 0);
  queue = new TimerQueue();
  notices: RuntimeNotice[] = [];
  rngState = seedRng("podlab-test");
  services: Record<string, { ip: string; port: number } | "no-endpoints"> = {};
  dns: Record<string, string[]> = {};
  rt: Runtime;
  private podSeq = 0;

  constructor(readonly fastForward = true) {
    this.rt = new Runtime(this.host(), undefined, { fastForward, strict: true });
  }

  /** The host interface handed to the runtime. */
  host(): RuntimeHost {
    const net: NetworkResolver = {
      routeServiceIP: (ip, port) => this.services[`${ip}:${port}`],
      resolve: (name) => this.dns[name],
      dnsServer: () => "10.96.0.10",
    };
    return {
      now: () => this.now,
      rng: new Rng(this.rngState),
      schedule: (key, due, data) => this.queue.schedule(key, due, "rt", data),
      cancel: (key) => this.queue.cancel(key),
      emit: (n) => this.notices.push(n),
      net,
    };
  }

  /** Advances virtual time, firing due timers in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const t = this.queue.popDue(end);
      if (!t) break;
      this.now = Math.max(this.now, t.due);
      this.rt.onTimer(t.key, t.data);
    }
    this.now = end;
  }

  /** Creates a sandbox and a started container; returns the container id. */
  pod(o: PodOpts = {}): string {
    const n = ++this.podSeq;
    const name = o.name ?? `pod${n}`;
    const sandboxId = `sb-${name}-${n}`;
    const ip = o.ip ?? `172.16.196.${100 + n}`;
    const node = o.node ?? "node01";
    this.rt.createSandbox({ sandboxId, node, podUid: `uid-${name}-${n}`, podName: name, namespace: "default", ip, hostname: name });
    return this.container(sandboxId, name, o);
  }

  /** Creates and starts another container in an existing sandbox. */
  container(sandboxId: string, podName: string, o: PodOpts = {}): string {
    const image = o.image ?? "busybox:1.36";
    const info = this.rt.resolveImage(image);
    if ("error" in info) throw new Error(info.error);
    const argv = o.argv ?? [...(info.config.entrypoint ?? []), ...(info.config.cmd ?? [])];
    const r = this.rt.createContainer({
      node: o.node ?? "node01", podUid: `uid-${podName}`, podName, podNamespace: "default", sandboxId, name: o.name ?? "c",
      attempt: 0, image, argv, env: o.env ?? [], mounts: o.mounts ?? [], memoryLimitBytes: o.memoryLimitBytes,
      cpuLimitMillis: o.cpuLimitMillis, tty: o.tty, stdin: o.stdin, workingDir: o.workingDir,
    });
    if ("error" in r) throw new Error(r.error);
    const s = this.rt.startContainer(r.containerId);
    if (!s.ok) throw new Error(s.message);
    return r.containerId;
  }

  /** Runs a command to completion in a container (advancing time up to `maxMs`). */
  exec(cid: string, argv: string[], input?: string, maxMs = 60_000, tty = false): { stdout: string; stderr: string; exitCode?: number } {
    const r = this.rt.exec(cid, argv, { owner: "test", stdin: input !== undefined, tty });
    if ("error" in r) return { stdout: "", stderr: r.error, exitCode: r.exitCode };
    if (input !== undefined) {
      this.rt.execWrite(r.sessionId, new TextEncoder().encode(input));
      if (!tty) this.rt.execCloseStdin(r.sessionId);
    }
    let stdout = "";
    let stderr = "";
    const dec = new TextDecoder();
    for (let waited = 0; ; waited += 100) {
      const o = this.rt.execRead(r.sessionId);
      stdout += dec.decode(o.stdout);
      stderr += dec.decode(o.stderr);
      if (o.exitCode !== undefined || waited >= maxMs) return { stdout, stderr, exitCode: o.exitCode };
      this.advance(100);
    }
  }

  /** Runs `sh -c script` in a fresh busybox (ash) or debian (dash) pod and waits for it to exit. */
  script(script: string, image = "busybox:1.36", maxMs = 60_000): { logs: string; stdout: string; stderr: string; code?: number; cid: string } {
    const cid = this.pod({ image, argv: ["sh", "-c", script] });
    for (let t = 0; t < maxMs && this.rt.containerStatus(cid)?.state === "running"; t += 100) this.advance(100);
    const st = this.rt.containerStatus(cid);
    const all = this.rt.readLogs(cid);
    return { logs: all, stdout: this.stream(cid, 1), stderr: this.stream(cid, 2), code: st?.exitCode, cid };
  }

  /** One stream of a container's log. */
  stream(cid: string, s: 1 | 2): string {
    this.rt.readLogs(cid);
    const st = this.rt.save().containers[cid];
    if (!st) return "";
    let out = "";
    forLines(st.log, 0, (l) => { if (l[1] === s) out += l[2] + (l[3] ? "" : "\n"); });
    return out;
  }

  /** Serializes runtime and timers, then rebuilds both from the JSON. */
  roundTrip(): void {
    const json = JSON.stringify({ rt: this.rt.save(), q: this.queue.save(), rng: this.rngState });
    const back = JSON.parse(json) as { rt: RuntimeState; q: ReturnType<TimerQueue["save"]>; rng: typeof this.rngState };
    this.queue = TimerQueue.restore(back.q);
    Object.assign(this.rngState, back.rng);
    this.rt = Runtime.restore(back.rt, this.host(), { fastForward: this.fastForward, strict: true });
  }
}
