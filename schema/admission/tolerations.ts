// The DefaultTolerationSeconds admission plugin (create and update): tolerate the not-ready and
// unreachable NoExecute taints for 300 s unless the pod already tolerates them.
import { type Json, arr } from "../defaults/json";

/** The default toleration time, in seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;
const NOT_READY = "node.kubernetes.io/not-ready";
const UNREACHABLE = "node.kubernetes.io/unreachable";

const tolerates = (tols: Json[], key: string) =>
  tols.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));

/** Mutates `pod`'s tolerations as the plugin does. */
export function admitDefaultTolerations(pod: Json): void {
  const spec: Json = pod.spec;
  const tols: Json[] = arr(spec.tolerations);
  const add: Json[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(tols, key)) add.push({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  if (add.length) spec.tolerations = [...tols, ...add];
}
