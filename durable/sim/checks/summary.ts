// The one-glance summary a teacher's class list shows for a sandbox: its pods (outside
// kube-system) counted by the STATUS column kubectl prints, their restarts, the objects it holds
// and its virtual time. Pure; the Durable Object writes it to D1 with the last activity.
import type { Cluster } from "../cluster";
import { summarizePod } from "../printers/pod";
import { rfc3339 } from "../core/time";

/** What D1 keeps about a sandbox's state. */
export interface SandboxSummary {
  /** Pods outside kube-system by STATUS as `kubectl get pods` prints it, e.g. {"Running": 2, "CrashLoopBackOff": 1}. */
  pods: Record<string, number>;
  /** Sum of the RESTARTS column over those pods. */
  restarts: number;
  /** Number of those pods that are Ready. */
  ready: number;
  /** Virtual time of the summary. */
  virtualTime: string;
}

/** Summarizes a cluster. */
export function sandboxSummary(c: Cluster): SandboxSummary {
  const pods: Record<string, number> = {};
  let restarts = 0;
  let ready = 0;
  for (const p of c.ctx.store.list("pods")) {
    if (p.metadata.namespace === "kube-system") continue;
    const s = summarizePod(p, c.now);
    pods[s.status] = (pods[s.status] ?? 0) + 1;
    restarts += s.restartCount;
    const conds = ((p as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []);
    if (conds.some((x) => x.type === "Ready" && x.status === "True")) ready++;
  }
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(pods).sort()) sorted[k] = pods[k];
  return { pods: sorted, restarts, ready, virtualTime: rfc3339(c.now) };
}
