// `kubectl run NAME --image=IMG -i[t] [--rm] [--restart=R] [-- CMD...]` in the terminal, as
// kubectl v1.32 runs it in a real terminal: the server's kubectl creates the same pod without
// attaching (--attach=false), the terminal waits for it to run (stepping a paused virtual clock),
// attaches over the WebSocket (attach-session.ts) or prints the logs of a pod that already
// finished, waits for a Never/OnFailure pod to finish, --rm deletes it, and a failed container's
// code becomes the exit code with run-attach.ts's "pod NS/NAME terminated (Reason)".
import { attachFlags, attachTo } from "./attach-session";
import { flag, isSet, parseKubectl, type KubectlArgs } from "./kubectl-args";
import { joinWords } from "./shell-words";
import { followLogs } from "./streams";
import type { RunContext } from "./term-io";

type Pod = Record<string, any>;

/** The words (after `kubectl`) that create the pod: --rm is the terminal's job, attaching too. */
export function createWords(words: string[]): string[] {
  const dash = words.indexOf("--");
  const flags = (dash < 0 ? words : words.slice(0, dash)).filter((w) => w !== "--rm" && !w.startsWith("--rm="));
  return [...flags, "--attach=false", ...(dash < 0 ? [] : words.slice(dash))];
}

/** A Go duration as kubectl's --pod-running-timeout takes it ("1m0s", "30s"), in ms. */
export function durationMs(s: string | undefined, def = 60_000): number {
  if (!s) return def;
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (!parts.length) return def;
  return parts.reduce((ms, [, n, u]) => ms + Number(n) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as Record<string, number>)[u], 0);
}

const completed = (p: Pod) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
const runningReady = (p: Pod) => p.status?.phase === "Running" && (p.status?.conditions ?? []).some((c: Pod) => c.type === "Ready" && c.status === "True");

/** What kubectl reports for a finished pod (run-attach.ts's wording): undefined when it succeeded. */
export function exitOf(pod: Pod): { code: number; message: string } | undefined {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return undefined;
  const where = `pod ${pod.metadata?.namespace}/${pod.metadata?.name}`;
  if (phase !== "Failed") return { code: 1, message: `error: ${where} left in phase ${phase}\n` };
  const statuses = pod.status?.containerStatuses ?? [];
  const term = statuses.length === 1 ? statuses[0].state?.terminated : undefined;
  if (!term || !term.exitCode) return { code: 1, message: `error: ${where} failed with unknown exit code\n` };
  return { code: term.exitCode, message: `${where} terminated (${term.reason ?? ""})\n${term.message ? `${term.message}\n` : ""}` };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls the pod until `cond` holds, for at most `timeoutMs` of virtual time: a paused clock is
 * stepped 1s per try (as a reader pressing +1s would), a running one is waited on. Undefined on
 * timeout, cancellation or a vanished pod.
 */
async function waitForPod(ctx: RunContext, ns: string, name: string, timeoutMs: number, cond: (p: Pod) => boolean): Promise<Pod | undefined> {
  const speed = (await ctx.api.clock().catch(() => ({ speed: 1 }))).speed;
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`;
  let waited = 0;
  try {
    for (let tries = 0; tries < 600 && !ctx.signal.aborted; tries++) {
      const res = await ctx.api.fetch(path, { signal: ctx.signal, headers: { accept: "application/json" } });
      if (!res.ok) return undefined;
      const pod = (await res.json()) as Pod;
      if (cond(pod)) return pod;
      if (waited >= timeoutMs) return undefined;
      if (speed === 0) { await ctx.api.advance("1s"); waited += 1000; } else { await sleep(500); waited += 500 * speed; }
    }
  } catch { /* cancelled or offline */ } finally {
    ctx.changed();
  }
  return undefined;
}

/** Runs an interactive `kubectl run` (words are those after `kubectl`). */
export async function runSession(ctx: RunContext, a: KubectlArgs, words: string[]): Promise<number> {
  const created = await ctx.api.kubectl(joinWords(["kubectl", ...createWords(words)]));
  ctx.changed();
  if (created.exitCode !== 0) {
    ctx.io.out(created.stdout + created.stderr);
    return created.exitCode;
  }
  if (created.stderr) ctx.io.out(created.stderr);
  const ns = flag(a, "-n", "--namespace") ?? "default";
  const name = a.positionals[0];
  const timeoutMs = durationMs(flag(a, "--pod-running-timeout"));
  let err: { code: number; message: string } | undefined;
  const pod = await waitForPod(ctx, ns, name, timeoutMs, (p) => runningReady(p) || completed(p));
  if (ctx.signal.aborted) return 130;
  if (!pod) err = { code: 1, message: "error: timed out waiting for the condition\n" };
  else {
    const container: string = pod.spec.containers[0].name;
    const logs = () => followLogs(ctx, parseKubectl(["logs", "-f", name, "-c", container, "-n", ns]));
    if (completed(pod)) await logs();
    else if ((await attachTo(ctx, { namespace: ns, pod: name, container, object: pod }, attachFlags(a))) === -1) {
      ctx.io.out(`warning: couldn't attach to pod/${name}, falling back to streaming logs: unable to upgrade connection\n`);
      await logs();
    }
    if (ctx.signal.aborted) return 130;
    const restart = pod.spec.restartPolicy;
    if (!isSet(a, "--leave-stdin-open") && (restart === "Never" || restart === "OnFailure")) {
      const done = await waitForPod(ctx, ns, name, timeoutMs, restart === "Never" ? completed : (p) => p.status?.phase === "Succeeded");
      if (ctx.signal.aborted) return 130;
      err = done ? exitOf(done) : { code: 1, message: "error: timed out waiting for the condition\n" };
    }
  }
  if (isSet(a, "--rm")) {
    const del = await ctx.api.kubectl(joinWords(["kubectl", "delete", "pod", name, "-n", ns, "--wait=false"]));
    ctx.changed();
    ctx.io.out(del.stdout + del.stderr);
  }
  if (err) ctx.io.out(err.message);
  return err?.code ?? 0;
}
