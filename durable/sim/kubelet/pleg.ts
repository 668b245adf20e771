// The pod lifecycle event generator: on each relist (1 s ticks, scheduled only when something
// may have changed) it compares the runtime's containers with the kubelet's records, records
// exits (exit code, reason, times) and triggers the affected pod workers.
import type { KubeletEnv } from "./kubelet";
import { afterContainerExit } from "./terminate";
import { stopProbes } from "./prober";
import { requestSync } from "./worker";

/** Relist all containers of the node. */
export function relist(env: KubeletEnv): void {
  for (const rec of Object.values(env.state.pods).sort((a, b) => (a.uid < b.uid ? -1 : 1))) {
    let changed = false;
    for (const c of rec.containers) {
      if (c.state !== "running" || !c.containerId) continue;
      const v = env.runtime.containerStatus(c.containerId);
      if (!v || v.state !== "exited") continue;
      c.state = "terminated";
      c.terminated = {
        exitCode: v.exitCode ?? 137,
        reason: v.reason ?? ((v.exitCode ?? 137) === 0 ? "Completed" : "Error"),
        startedAt: v.startedAt ?? c.startedAt ?? env.ctx.now(),
        finishedAt: v.finishedAt ?? env.ctx.now(),
        containerId: c.containerId,
        ...(v.signal ? { signal: v.signal } : {}),
      };
      c.ready = false;
      c.started = false;
      stopProbes(env, rec, c);
      env.ctx.trace.step("Runtime", "kubelet", `container ${c.name} exited (${c.terminated.exitCode})`, rec, env.node.name);
      changed = true;
      afterContainerExit(env, rec, c);
    }
    // PLEG events trigger a sync, which writes the status the kubelet now knows.
    if ((changed || rec.plegPending) && !rec.terminating) {
      rec.plegPending = false;
      requestSync(env, rec, 1);
    }
  }
}
