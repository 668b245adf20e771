// What happens when a container's PID 1 exits: every other process is killed (pid namespace
// teardown), unterminated log output is flushed, the container's final status is recorded,
// attach streams end and the kubelet is notified. Called by procs.ts when PID 1 exits.
import type { Kernel } from "./kernel";
import type { ContainerState } from "./state";
import { killAll } from "./procs";
import { flushLog } from "./logs";
import { TIMER_PREFIX } from "./constants";
import { finishAllAttached } from "./exec-finish";

/** Timer key of a container's process wake-ups. */
export function containerTimerKey(cid: string): string {
  return `${TIMER_PREFIX}c/${cid}`;
}

/** Timer key of a container's stop deadline (SIGKILL). */
export function killTimerKey(cid: string): string {
  return `${TIMER_PREFIX}k/${cid}`;
}

/** Records the container as exited after its init process ended. */
export function onInitExit(k: Kernel, c: ContainerState): void {
  if (c.status === "exited") return;
  const init = c.procs[1];
  killAll(k, c);
  const now = k.now();
  flushLog(c.log, now);
  const code = init?.exit?.code ?? 0;
  c.status = "exited";
  c.finishedAt = now;
  c.exitCode = code;
  c.reason = c.oom ? "OOMKilled" : code === 0 ? "Completed" : "Error";
  c.runq = [];
  c.killAt = undefined;
  k.host.cancel(containerTimerKey(c.id));
  k.host.cancel(killTimerKey(c.id));
  c.armed = undefined;
  for (const key of Object.keys(k.s.listen)) if (k.s.listen[key].cid === c.id) delete k.s.listen[key];
  finishAllAttached(k, c);
  k.host.emit({ type: "container-exited", containerId: c.id, node: c.cfg.node, podUid: c.cfg.podUid });
}
