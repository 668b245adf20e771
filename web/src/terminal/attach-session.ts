// `kubectl attach [-i] [-t] [-q] POD [-c C]` over the attach WebSocket (stream-session.ts), as
// kubectl v1.32's AttachOptions.Run: a completed pod is refused, the TTY follows the container's
// (forced on when it has one, refused when it has none), the session is raw only with stdin, the
// "try pressing enter" hint comes first and, for a restartPolicy Always pod, "Session ended,
// resume using ..." last. attachTo is also the attach half of `kubectl run -it` (run-session.ts).
import { flag, isSet, type KubectlArgs } from "./kubectl-args";
import { podTarget, type PodTarget } from "./pod-target";
import { streamSession } from "./stream-session";
import type { RunContext } from "./term-io";

/** What the user asked for. */
export interface AttachFlags { stdin: boolean; tty: boolean; quiet: boolean }

/** The streams one attach asks for and what kubectl prints before it. */
export interface AttachPlan {
  /** Query of the attach request. */
  query: URLSearchParams;
  stdin: boolean;
  /** A raw terminal session: keys (^C included) go to the container's TTY. */
  raw: boolean;
  /** Printed before streaming. */
  notes: string[];
}

/** kubectl's PodAttachOptions for a container (pure). */
export function attachPlan(f: AttachFlags, container: { name: string; tty?: boolean }): AttachPlan {
  const notes: string[] = [];
  let tty = f.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!f.quiet) notes.push(`error: Unable to use a TTY - container ${container.name} did not allocate one`);
  } else if (!tty && container.tty) tty = true;
  const raw = tty && f.stdin;
  if (!f.quiet) notes.push("If you don't see a command prompt, try pressing enter.");
  const query = new URLSearchParams({ container: container.name });
  if (f.stdin) query.set("stdin", "true");
  query.set("stdout", "true");
  if (raw) query.set("tty", "true");
  else query.set("stderr", "true");
  return { query, stdin: f.stdin, raw, notes };
}

/** Attaches to a resolved pod; resolves with the exit code (0 once the stream ends) or -1 when refused. */
export async function attachTo(ctx: RunContext, target: PodTarget, f: AttachFlags): Promise<number> {
  const spec = (target.object.spec?.containers ?? []).find((c: { name: string }) => c.name === target.container) ?? { name: target.container };
  const plan = attachPlan(f, spec);
  for (const n of plan.notes) ctx.io.out(`${n}\n`);
  const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/attach?${plan.query}`;
  const end = await streamSession(ctx, ctx.api.wsUrl(path), { stdin: plan.stdin, tty: plan.raw });
  if (!end.opened) return -1;
  if (end.outcome?.message) ctx.io.out(`${plan.raw ? "\r\n" : ""}${end.outcome.message}\n`);
  // As kubectl v1.32: only a pod that restarts its container can be resumed.
  if (!f.quiet && plan.stdin && plan.raw && target.object.spec?.restartPolicy === "Always" && !ctx.signal.aborted) {
    ctx.io.out(`Session ended, resume using 'kubectl attach ${target.pod} -c ${target.container} -i -t' command when the pod is running\n`);
  }
  return end.outcome?.code ?? 0;
}

/** The flags of an attach or run command line. */
export function attachFlags(a: KubectlArgs): AttachFlags {
  return { stdin: isSet(a, "-i", "--stdin"), tty: isSet(a, "-t", "--tty"), quiet: isSet(a, "-q", "--quiet") };
}

/** Runs `kubectl attach` in the terminal. */
export async function attachSession(ctx: RunContext, a: KubectlArgs): Promise<number> {
  if (!a.positionals.length) {
    ctx.io.out("error: at least 1 argument is required for attach\n");
    return 1;
  }
  const ns = flag(a, "-n", "--namespace") ?? "default";
  const target = await podTarget(ctx, ns, a.positionals.join("/"), flag(a, "-c", "--container"), "attach");
  if (!target) return 1;
  const phase = target.object.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    ctx.io.out(`error: cannot attach a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  const code = await attachTo(ctx, target, attachFlags(a));
  if (code === -1) {
    ctx.io.out("error: unable to upgrade connection: the attach WebSocket was refused\n");
    return 1;
  }
  return code;
}
