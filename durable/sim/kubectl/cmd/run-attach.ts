// `kubectl run -i/--attach [--rm]` without a terminal, as kubectl v1.32 runs it: create the pod,
// wait (on the virtual clock, up to --pod-running-timeout) until it is running and ready or
// has completed, then attach (pods/attach: `stdin` is fed to the container and closed, output
// from then on is printed) or, for a completed pod or a refused attach, print its logs; wait for
// it to finish when the restart policy lets it, then --rm deletes it (`pod "x" deleted`) and a
// failed container's code becomes the exit code.
import { parseDuration } from "../../core/time";
import { waitFor, type Ctx } from "../context";
import type { Flags } from "../flags";
import { KubectlError } from "../io";
import { readLogs } from "./logs";
import { sandboxRuntime } from "../../sandbox";
import { ApiStatusError, parseBody } from "../client";

const dec = new TextDecoder();

/** Attaches to the pod's container as kubectl's AttachOptions.Run does; false when the server refused. */
function attach(ctx: Ctx, f: Flags, pod: any, container: string): { refused: string } | undefined {
  const stdin = f.bool("stdin");
  const r = ctx.client.raw("GET", `${podPath(ctx, pod.metadata.name)}/attach`, {
    query: { container, stdin: stdin ? "true" : undefined, stdout: "true", stderr: "true" },
    headers: { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io", "sec-websocket-version": "13" },
  });
  if (r.type === "body") {
    try {
      parseBody(r);
    } catch (e) {
      if (e instanceof ApiStatusError) return { refused: e.message };
      throw e;
    }
    return { refused: "unable to upgrade connection" };
  }
  if (r.type !== "exec") return { refused: "unexpected response to an attach request" };
  if (!f.bool("quiet")) ctx.out.err("If you don't see a command prompt, try pressing enter.\n");
  const rt = sandboxRuntime(ctx.host.cluster);
  if (stdin) {
    if (ctx.stdin) rt.execWrite(r.sessionId, new TextEncoder().encode(ctx.stdin));
    rt.execCloseStdin(r.sessionId);
  }
  const read = () => {
    const x = rt.execRead(r.sessionId);
    if (x.stdout.length) ctx.out.out(dec.decode(x.stdout));
    if (x.stderr.length) ctx.out.err(dec.decode(x.stderr));
    return x.exitCode !== undefined;
  };
  if (!waitFor(ctx, ctx.budgetMs, read, 100)) {
    rt.execKill(r.sessionId);
    read();
  }
  return undefined;
}

const TIMED_OUT = "error: timed out waiting for the condition";

function podPath(ctx: Ctx, name: string): string {
  return `/api/v1/namespaces/${ctx.namespace}/pods/${name}`;
}

/** Waits until `cond` holds for the pod; returns it (or throws kubectl's timeout / not found). */
function waitForPod(ctx: Ctx, name: string, timeoutMs: number, cond: (p: any) => boolean): any {
  let pod: any;
  const ok = waitFor(ctx, timeoutMs, () => {
    pod = ctx.client.get(podPath(ctx, name), { accept: "application/json" });
    return cond(pod);
  }, 500);
  if (!ok) throw new KubectlError(TIMED_OUT);
  return pod;
}

const completed = (p: any) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
const runningReady = (p: any) => p.status?.phase === "Running" && (p.status?.conditions ?? []).some((c: any) => c.type === "Ready" && c.status === "True");

/** The error kubectl reports for a finished pod, or undefined when it succeeded. */
function exitError(pod: any): KubectlError | undefined {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return undefined;
  const where = `pod ${pod.metadata.namespace}/${pod.metadata.name}`;
  if (phase !== "Failed") return new KubectlError(`error: ${where} left in phase ${phase}`);
  const statuses = pod.status?.containerStatuses ?? [];
  const term = statuses.length === 1 ? statuses[0].state?.terminated : undefined;
  if (!term || !term.exitCode) return new KubectlError(`error: ${where} failed with unknown exit code`);
  return new KubectlError(`${where} terminated (${term.reason ?? ""})\n${term.message ?? ""}`, term.exitCode);
}

/** Runs the attach half of `kubectl run` for a pod just created. */
export function attachRun(ctx: Ctx, f: Flags, pod: any): void {
  const name = pod.metadata.name;
  const timeoutMs = parseDuration(f.str("pod-running-timeout") || "1m0s");
  const restart = pod.spec.restartPolicy;
  let err: KubectlError | undefined;
  try {
    const p = waitForPod(ctx, name, timeoutMs, (x) => runningReady(x) || completed(x));
    const container = p.spec.containers[0].name;
    const refused = completed(p) ? undefined : attach(ctx, f, p, container);
    if (refused) ctx.out.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${refused.refused}\n`);
    if (completed(p) || refused) readLogs(ctx, p, { container, follow: completed(p) ? undefined : "true" }, ctx.budgetMs);
    if (restart === "Never" || restart === "OnFailure") {
      const done = waitForPod(ctx, name, timeoutMs, restart === "Never" ? completed : (x) => x.status?.phase === "Succeeded");
      err = exitError(done);
    }
  } catch (e) {
    if (!(e instanceof KubectlError)) throw e;
    err = e;
  }
  if (f.bool("rm")) {
    ctx.client.call("DELETE", podPath(ctx, name), { contentType: "application/json", body: JSON.stringify({ kind: "DeleteOptions", apiVersion: "v1" }) });
    ctx.out.out(`pod "${name}" deleted\n`);
  }
  if (err) throw err;
}
