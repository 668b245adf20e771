// `kubectl exec [-i] [-t] POD [-c C] -- CMD...` over the exec WebSocket (stream-session.ts):
// finds the pod and container, asks for the streams kubectl asks for and resolves with the remote
// exit code, printing kubectl's "command terminated with exit code N".
import { flag, isSet, type KubectlArgs } from "./kubectl-args";
import { podTarget } from "./pod-target";
import { streamSession } from "./stream-session";
import type { RunContext } from "./term-io";

/** Runs an exec session in the terminal. */
export async function execSession(ctx: RunContext, a: KubectlArgs): Promise<number> {
  const ns = flag(a, "-n", "--namespace") ?? "default";
  const stdin = isSet(a, "-i", "--stdin");
  const tty = isSet(a, "-t", "--tty");
  if (!a.after.length) {
    ctx.io.out("error: you must specify at least one command for the container\n");
    return 1;
  }
  const target = await podTarget(ctx, ns, a.positionals[0], flag(a, "-c", "--container"), "exec");
  if (!target) return 1;
  const q = new URLSearchParams();
  for (const c of a.after) q.append("command", c);
  q.set("container", target.container);
  if (stdin) q.set("stdin", "true");
  q.set("stdout", "true");
  if (!tty) q.set("stderr", "true");
  if (tty) q.set("tty", "true");
  const url = ctx.api.wsUrl(`/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(target.pod)}/exec?${q}`);
  const end = await streamSession(ctx, url, { stdin, tty });
  if (!end.opened) {
    ctx.io.out("error: unable to upgrade connection: the exec WebSocket was refused\n");
    return 1;
  }
  if (end.outcome?.message) ctx.io.out(`${tty ? "\r\n" : ""}${end.outcome.message}\n`);
  return end.outcome?.code ?? 0;
}
