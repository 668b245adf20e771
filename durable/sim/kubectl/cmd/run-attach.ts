// `kubectl run -i/--attach [--rm]` without a terminal, as kubectl v1.32 runs it: create the pod,
// wait (on the virtual clock, up to --pod-running-timeout) until it is running and ready or
// has completed, print its output, wait for it to finish when the restart policy lets it, then
// --rm deletes it (`pod "x" deleted`) and a failed container's code becomes the exit code.
// The API server has no pods/attach, so the output is read through pods/log (follow) from the
// start: what an attach that began with the container would show. Stdin is not forwarded.
import { parseDuration } from "../../core/time";
import { waitFor, type Ctx } from "../context";
import type { Flags } from "../flags";
import { KubectlError } from "../io";
import { readLogs } from "./logs";

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
    readLogs(ctx, p, { container, follow: completed(p) ? undefined : "true" }, ctx.budgetMs);
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
