// What logs and exec share: resolving `POD` or `TYPE/NAME` to a pod through the API server and
// picking the container (-c, the kubectl.kubernetes.io/default-container annotation, or the
// first, with kubectl's "Defaulted container" notice on stderr).
import type { Ctx } from "../context";
import { resourcePath } from "../discovery";
import { KubectlError } from "../io";

/** GETs the pod named by `arg` (`web`, `pod/web`, `pods/web`). */
export function getPod(ctx: Ctx, arg: string): any {
  let name = arg;
  if (arg.includes("/")) {
    const [type, n] = arg.split("/", 2);
    const m = ctx.disco.resolve(type);
    if (m.kind !== "Pod") throw new KubectlError(`error: cannot attach to ${m.kind.toLowerCase()}: selector for ${m.kind} not implemented`);
    name = n;
  }
  const m = ctx.disco.resolve("pods");
  return ctx.client.get(resourcePath(m, ctx.namespace, name), { accept: "application/json, */*" });
}

/** Every container name as kubectl lists them (init and ephemeral marked). */
export function allContainerNames(pod: any): string {
  const names = (pod.spec?.containers ?? []).map((c: any) => c.name);
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(", ");
}

/** The container to use: -c, the default-container annotation, or the first one. */
export function pickContainer(ctx: Ctx, pod: any, requested: string, quiet = false): string {
  if (requested) return requested;
  const annotated = pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"];
  const names = (pod.spec?.containers ?? []).map((c: any) => c.name);
  let chosen = names[0] ?? "";
  if (annotated) {
    const all = [...names, ...(pod.spec?.initContainers ?? []).map((c: any) => c.name)];
    if (all.includes(annotated)) return annotated;
    ctx.out.err(`Warning: default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  if (!quiet && (names.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0)) {
    ctx.out.err(`Defaulted container "${chosen}" out of: ${allContainerNames(pod)}\n`);
  }
  return chosen;
}
