// Which container a pods/log or pods/exec request means, as the API server resolves it before
// it talks to the kubelet (so a wrong name is refused before any upgrade or streaming).
import { badRequest } from "./status";

// deno-lint-ignore no-explicit-any
type Json = any;

/** The container named by `?container=`, or the only app container; upstream errors otherwise. */
export function pickContainer(pod: Json, q: URLSearchParams): string {
  const name = q.get("container");
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].map((c: Json) => c.name);
  if (name) {
    if (!all.includes(name)) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
    return name;
  }
  const app = (pod.spec.containers ?? []).map((c: Json) => c.name);
  if (app.length === 1) return app[0];
  throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${app.join(" ")}]` +
    ((pod.spec.initContainers ?? []).length ? ` or one of the init containers: [${(pod.spec.initContainers ?? []).map((c: Json) => c.name).join(" ")}]` : ""));
}
