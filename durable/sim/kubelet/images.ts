// The kubelet's image manager: pull-policy decisions, serialized pulls per node (pull time from
// image size), pull back-off (10 s doubling to 300 s) and the Pulling/Pulled/Failed/BackOff
// events with their upstream texts.
import { goDuration } from "../core/time";

/** What the image manager concluded for one container start. */
export type ImageDecision =
  | { kind: "present" }
  | { kind: "pull" }
  | { kind: "backoff"; message: string }
  | { kind: "never"; message: string }
  | { kind: "invalid"; message: string };

/** A pull in the node's serial queue. */
export interface PullJob {
  image: string;
  podUid: string;
  container: string;
  enqueuedAt: number;
  startedAt?: number;
  doneAt?: number;
}

const REFERENCE = /^(?:(?:[a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** The InspectFailed message for an unparsable reference, or undefined when it parses. */
export function invalidImageMessage(image: string): string | undefined {
  if (REFERENCE.test(image)) return undefined;
  const repo = image.split(/[:@]/)[0];
  if (/[A-Z]/.test(repo)) {
    const path = repo.includes("/") ? repo : `library/${repo}`;
    return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format: repository name (${path}) must be lowercase`;
  }
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
}

/** Decides what to do for an image given the container's pull policy and the node cache. */
export function decide(image: string, policy: string, present: boolean, backoff: { delayMs: number; failedAt: number } | undefined,
  now: number): ImageDecision {
  const invalid = invalidImageMessage(image);
  if (invalid) return { kind: "invalid", message: invalid };
  if (policy === "Never") {
    return present ? { kind: "present" } : { kind: "never", message: `Container image "${image}" is not present with pull policy of Never` };
  }
  if (policy !== "Always" && present) return { kind: "present" };
  if (backoff && now - backoff.failedAt < backoff.delayMs) return { kind: "backoff", message: `Back-off pulling image "${image}"` };
  return { kind: "pull" };
}

/** Pull duration in ms for an image of `size` bytes (registry latency + ~20–40 MB/s). */
export function pullDuration(size: number, cached: boolean, jitter: number): number {
  if (cached) return 400 + Math.floor(jitter * 900);
  const mbps = 20 + jitter * 20;
  return Math.floor(600 + jitter * 700 + (size / (mbps * 1024 * 1024)) * 1000);
}

/** Message of a successful pull event. */
export function pulledMessage(image: string, pullMs: number, totalMs: number, size: number): string {
  return `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`;
}

/** The next image back-off entry after a failure. */
export function nextPullBackoff(prev: { delayMs: number; failedAt: number } | undefined, now: number): { delayMs: number; failedAt: number } {
  if (!prev || now - prev.failedAt > 600_000) return { delayMs: 10_000, failedAt: now };
  return { delayMs: Math.min(prev.delayMs * 2, 300_000), failedAt: now };
}
