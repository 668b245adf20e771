// Finding the pod and container a `logs` or `exec` command means, as kubectl does: GET the pod,
// default to the annotated or first container and say so when there was a choice.
import type { RunContext } from "./term-io";
import { serverError, statusOf } from "./term-io";

/** The pod and container a command targets. */
export interface PodTarget { namespace: string; pod: string; container: string; object: Record<string, any> }

/** Resolves the target or prints kubectl's error and returns undefined. */
export async function podTarget(ctx: RunContext, namespace: string, podWord: string | undefined, container: string | undefined, verb: string): Promise<PodTarget | undefined> {
  if (!podWord) {
    ctx.io.out(verb === "exec" ? "error: pod, type/name or --filename must be specified\n" : "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n");
    return undefined;
  }
  const pod = podWord.replace(/^(pods?|po)\//, "");
  const res = await ctx.api.fetch(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`, { signal: ctx.signal });
  if (!res.ok) {
    ctx.io.out(serverError(await statusOf(res)));
    return undefined;
  }
  const object = (await res.json()) as Record<string, any>;
  const names: string[] = (object.spec?.containers ?? []).map((c: { name: string }) => c.name);
  let chosen = container;
  if (!chosen) {
    const annotated = object.metadata?.annotations?.["kubectl.kubernetes.io/default-container"];
    chosen = annotated && names.includes(annotated) ? annotated : names[0];
    if (!annotated && names.length > 1) ctx.io.out(`Defaulted container "${chosen}" out of: ${names.join(", ")}\n`);
  }
  return { namespace, pod, container: chosen ?? "", object };
}
