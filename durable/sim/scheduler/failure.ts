// The texts users read when a pod cannot be scheduled: upstream's FitError.Error() (1.32, with
// its " %v." separator that yields the famous double period after the preemption part) and the
// DefaultPreemption PostFilter messages. Pure builders; cycle.ts and preemption.ts call them.
import { Code, type Status } from "./framework";

/** NoNodeAvailableMsg. */
export const NO_NODE_AVAILABLE_MSG = (n: number) => `0/${n} nodes are available`;
/** ErrNoNodesAvailable, when the cluster has no nodes at all. */
export const ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods";
/** Prefix DefaultPreemption.PostFilter puts before its message. */
export const PREEMPTION_PREFIX = "preemption: ";
/** Node status when preemption could not help (filters said UnschedulableAndUnresolvable). */
export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
/** Node status when the node has no lower-priority pods to evict. */
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";
/** PodEligibleToPreemptOthers with preemptionPolicy Never. */
export const NOT_ELIGIBLE_NEVER = "not eligible due to preemptionPolicy=Never.";
/** Event note length limit (validation.NoteLengthLimit); longer messages are truncated in events. */
export const NOTE_LENGTH_LIMIT = 1024;

/** The diagnosis of one failed attempt. */
export interface FitErrorInput {
  numAllNodes: number;
  /** Message of a PreFilter rejection; replaces the per-node histogram. */
  preFilterMsg?: string;
  /** Statuses of the nodes that were evaluated. */
  statuses: Iterable<Status>;
  /** The status of every node not evaluated (NodeToStatus.AbsentNodesStatus) and how many there are. */
  absent?: { count: number; status: Status };
  /** Message of the PostFilter (preemption) step. */
  postFilterMsg?: string;
}

/** FitError.Error(): `0/N nodes are available: <histogram>.` + ` <postfilter>.` */
export function fitErrorMessage(f: FitErrorInput): string {
  let msg = `${NO_NODE_AVAILABLE_MSG(f.numAllNodes)}:`;
  if (f.preFilterMsg) msg += ` ${f.preFilterMsg}.`;
  else {
    const counts = new Map<string, number>();
    for (const s of f.statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (f.absent && f.absent.count > 0) for (const r of f.absent.status.reasons) counts.set(r, (counts.get(r) ?? 0) + f.absent.count);
    const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort(byBytes);
    if (parts.length) msg += ` ${parts.join(", ")}.`;
  }
  if (f.postFilterMsg) msg += ` ${f.postFilterMsg}.`;
  return msg;
}

/** Go's sort.Strings order (byte-wise; the same as code units for ASCII). */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The PostFilter message when preemption found no candidate: `preemption: 0/N nodes are available: …` */
export function preemptionFailureMessage(numAllNodes: number, statuses: Iterable<Status>, absentCount: number): string {
  const absent = { count: absentCount, status: { code: Code.UnschedulableAndUnresolvable, reasons: [PREEMPTION_NOT_HELPFUL] } as Status };
  return PREEMPTION_PREFIX + fitErrorMessage({ numAllNodes, statuses, absent });
}

/** The PostFilter message when the pod may not preempt at all. */
export function preemptionIneligibleMessage(reason: string): string {
  return PREEMPTION_PREFIX + reason;
}

/** truncateMessage: event notes are cut to 1024 characters ending in " ...". */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = " ...";
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}
