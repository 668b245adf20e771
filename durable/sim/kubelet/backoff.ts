// CrashLoopBackOff bookkeeping (client-go flowcontrol.Backoff as kuberuntime's doBackOff uses
// it, keyed by the container's last finishedAt): 10 s initial delay doubling to 300 s, and a
// fresh start when the container ran more than 10 minutes since the last back-off update.

/** The per-container back-off entry. */
export interface BackoffEntry { delayMs: number; lastUpdate: number }

/** Initial and maximum restart back-off. */
export const BACKOFF_INITIAL_MS = 10_000;
/** Maximum restart back-off. */
export const BACKOFF_MAX_MS = 300_000;

const expired = (finishedAt: number, e: BackoffEntry) => finishedAt - e.lastUpdate > 2 * BACKOFF_MAX_MS;

/** IsInBackOffSince: is a restart of a container that finished at `finishedAt` still held back at `now`? */
export function inBackoff(entry: BackoffEntry | undefined, finishedAt: number, now: number): boolean {
  if (!entry || expired(finishedAt, entry)) return false;
  return now - finishedAt < entry.delayMs;
}

/** Next: the entry after deciding to restart now (first restart → 10 s for the next one, then doubling). */
export function nextBackoff(entry: BackoffEntry | undefined, finishedAt: number, now: number): BackoffEntry {
  if (!entry || expired(finishedAt, entry)) return { delayMs: BACKOFF_INITIAL_MS, lastUpdate: now };
  return { delayMs: Math.min(entry.delayMs * 2, BACKOFF_MAX_MS), lastUpdate: now };
}

/** Should a container that exited with `exitCode` be restarted under the pod's policy? */
export function shouldRestart(policy: string, exitCode: number, sidecar: boolean): boolean {
  if (sidecar) return true;
  if (policy === "Always") return true;
  if (policy === "OnFailure") return exitCode !== 0;
  return false;
}
