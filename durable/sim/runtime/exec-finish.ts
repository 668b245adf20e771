// Completion of an exec session when its process exits: records the exit code, cancels the
// session's timeout timer and notifies the owner; and the end of attach streams (detach, or the
// container's exit). Called by procs.ts (exit), exec-sessions.ts, attach.ts and container-exit.ts.
import type { Kernel } from "./kernel";
import type { ContainerState } from "./state";
import { TIMER_PREFIX } from "./constants";

/** Timer key of an exec session's timeout. */
export function sessionTimerKey(sid: string): string {
  return `${TIMER_PREFIX}x/${sid}`;
}

/** Marks a session done when its main process exits with `code`. */
export function finishSession(k: Kernel, sid: string, pid: number, code: number): void {
  const s = k.s.sessions[sid];
  if (!s || s.done || s.pid !== pid) return;
  s.done = true;
  s.exitCode = code;
  s.doneAt = k.now();
  if (s.deadline !== undefined) {
    k.host.cancel(sessionTimerKey(sid));
    s.deadline = undefined;
  }
  k.host.emit({ type: "exec-done", sessionId: s.id, owner: s.owner, exitCode: code });
}

/**
 * Ends an attach stream. The kubelet's ServeAttach reports Success on channel 3 whatever the
 * container's exit code (kubectl run reads that code from the pod status instead).
 */
export function finishAttach(k: Kernel, sid: string): void {
  const s = k.s.sessions[sid];
  if (!s || !s.att || s.done) return;
  s.done = true;
  s.exitCode = 0;
  s.doneAt = k.now();
  const c = k.s.containers[s.cid];
  if (c?.attached) {
    c.attached = c.attached.filter((x) => x !== sid);
    if (!c.attached.length) delete c.attached;
  }
  k.host.emit({ type: "exec-done", sessionId: s.id, owner: s.owner, exitCode: 0 });
}

/** The container exited: every attach stream on it ends (its stdout reached end of file). */
export function finishAllAttached(k: Kernel, c: ContainerState): void {
  for (const sid of [...(c.attached ?? [])]) finishAttach(k, sid);
}
