// Event checks: "an event with reason R (and a message matching M) was recorded for pod X", read
// from the Events the cluster still holds (they expire one hour after they were last seen, as in
// Kubernetes).
import type { Cluster } from "../cluster";
import type { CheckResult } from "../../../schema/checks";
import { clip, compile } from "./pattern";

// deno-lint-ignore no-explicit-any
type Json = any;

/** An event check as parsed by schema/checks.ts. */
export interface EventCheckInput { name?: string; pod: string; namespace?: string; reason: string; message?: string; eventType?: "Normal" | "Warning" }

function count(ev: Json): number {
  return ev.series?.count ?? ev.count ?? 1;
}

/** Evaluates an event check. */
export function eventCheck(c: Cluster, k: EventCheckInput): CheckResult {
  const ns = k.namespace ?? "default";
  const name = k.name ?? `an event ${k.reason}${k.message ? ` matching /${k.message}/` : ""} was recorded for pod ${k.pod}`;
  const events = (c.ctx.store.list("events", ns) as Json[])
    .filter((e) => e.involvedObject?.kind === "Pod" && e.involvedObject?.name === k.pod);
  const withReason = events.filter((e) => e.reason === k.reason && (!k.eventType || e.type === k.eventType));
  const re = k.message ? compile(k.message) : undefined;
  const hit = withReason.find((e) => !re || re.test(String(e.message ?? "").slice(0, 4096)));
  if (hit) {
    return { name, passed: true, explanation: `event ${hit.type} ${hit.reason} was recorded for pod ${k.pod} (${count(hit)}×): ${clip(String(hit.message ?? ""))}` };
  }
  if (withReason.length) {
    return { name, passed: false, explanation: `events ${k.reason} were recorded for pod ${k.pod}, but no message matches /${k.message}/: ${withReason.slice(0, 3).map((e) => JSON.stringify(clip(String(e.message ?? ""), 120))).join(", ")}` };
  }
  const reasons = [...new Set(events.map((e) => e.reason))];
  return { name, passed: false, explanation: `no event ${k.eventType ? `${k.eventType} ` : ""}${k.reason} was recorded for pod ${k.pod} in namespace ${ns}${reasons.length ? ` (its events: ${reasons.join(", ")})` : " (it has no events; events expire after one hour)"}` };
}
