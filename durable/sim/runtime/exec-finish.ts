// Completion of an exec session when its process exits: records the exit code, cancels the
// session's timeout timer and notifies the owner. Called by procs.ts (exit) and exec-sessions.ts.
import type { Kernel } from "./kernel";
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
