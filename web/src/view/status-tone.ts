// The color of a pod card comes from the STATUS cell exactly as kubectl prints it (plus READY):
// healthy, finished, in progress, degraded, failing or going away. Pure.
import { TONE, type Tone } from "../states";

const ERRORS = /BackOff|Err|Error|OOMKilled|Failed|Invalid|ContainerCannotRun|DeadlineExceeded|Evicted|SysctlForbidden|Unknown|NodeLost|NodeAffinity|OutOf/;
const PROGRESS = /^(Pending|ContainerCreating|PodInitializing|Init:\d+\/\d+|SchedulingGated)$/;

/** The tone of a pod with this STATUS and READY. */
export function statusTone(status: string, ready = ""): Tone {
  if (status === "Terminating") return TONE.gone;
  if (status === "Completed" || status === "Succeeded") return TONE.done;
  if (ERRORS.test(status)) return TONE.error;
  if (PROGRESS.test(status)) return TONE.progress;
  if (status === "Running" || status === "NotReady") {
    const [a, b] = ready.split("/");
    return a !== undefined && a === b && status === "Running" ? TONE.ok : TONE.warn;
  }
  return TONE.warn;
}

/** The tone of one container from its status. */
export function containerTone(cs: { ready?: boolean; state?: Record<string, { reason?: string; exitCode?: number }> } | undefined): Tone {
  const st = cs?.state ?? {};
  if (st.running) return cs?.ready ? TONE.ok : TONE.warn;
  if (st.terminated) return st.terminated.exitCode === 0 ? TONE.done : TONE.error;
  if (st.waiting) return ERRORS.test(st.waiting.reason ?? "") ? TONE.error : TONE.progress;
  return TONE.progress;
}
