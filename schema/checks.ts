// Declarative checks a course author posts to POST /clusters/<id>/-/checks: data only, never
// code. Each check has a `type` and the fields of that type; patterns are plain regular
// expressions restricted so they cannot backtrack catastrophically (see safePattern). Evaluated
// by durable/sim/checks; documented with examples in docs/api.md. Pure (no I/O).
import * as v from "valibot";

const DNS_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(DNS_NAME, "must be a lowercase DNS name"));
const namespace = v.optional(v.pipe(v.string(), v.maxLength(63), v.regex(DNS_NAME, "must be a lowercase DNS name")));
const label = v.optional(v.pipe(v.string(), v.maxLength(200)));

/** Why a pattern is refused, or undefined when it is safe to run (no backreferences, no nested quantifiers). */
export function patternProblem(p: string): string | undefined {
  if (p.length > 200) return "is longer than 200 characters";
  try {
    new RegExp(p);
  } catch (e) {
    return `is not a valid regular expression (${(e as Error).message})`;
  }
  if (/\\[1-9]|\\k</.test(p)) return "uses a backreference";
  // A quantified group that itself contains a quantifier or an alternation can backtrack exponentially.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === "\\") { i++; continue; }
    if (ch === "[") {
      while (i < p.length && p[i] !== "]") i += p[i] === "\\" ? 2 : 1;
      continue;
    }
    if (ch === "(") stack.push({ quantified: false, alternation: false });
    else if (ch === "|" && stack.length) stack[stack.length - 1].alternation = true;
    else if ((ch === "*" || ch === "+" || ch === "{" || (ch === "?" && p[i - 1] !== "(")) && stack.length) stack[stack.length - 1].quantified = true;
    else if (ch === ")") {
      const g = stack.pop();
      const next = p[i + 1];
      const quantifiedGroup = next === "*" || next === "+" || next === "{";
      if (g && quantifiedGroup && (g.quantified || g.alternation)) return "repeats a group that contains a quantifier or an alternation";
      if (g?.quantified && stack.length) stack[stack.length - 1].quantified = true;
    }
  }
  return undefined;
}

/** A regular expression a check may use. */
export const Pattern = v.pipe(v.string(), v.minLength(1), v.check((p) => patternProblem(p) === undefined, (i) => `pattern ${patternProblem(String(i.input))}`));

/** "pod X is Ready / in phase P / shows STATUS S in `kubectl get pods`" (all given conditions must hold). */
export const PodCheck = v.pipe(v.strictObject({
  type: v.literal("pod"), name: label, pod: name, namespace,
  ready: v.optional(v.boolean()),
  phase: v.optional(v.picklist(["Pending", "Running", "Succeeded", "Failed", "Unknown"])),
  status: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
}), v.check((c) => c.ready !== undefined || c.phase !== undefined || c.status !== undefined, "a pod check needs ready, phase or status"));

/** "container C of pod X restarted at least N times" (without container: the pod's RESTARTS column). */
export const RestartsCheck = v.strictObject({
  type: v.literal("restarts"), name: label, pod: name, namespace,
  container: v.optional(name),
  atLeast: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
});

/** "an event with reason R (and a message matching M) was recorded for pod X". */
export const EventCheck = v.strictObject({
  type: v.literal("event"), name: label, pod: name, namespace,
  reason: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  message: v.optional(Pattern),
  eventType: v.optional(v.picklist(["Normal", "Warning"])),
});

/** "a manifest with <field path> was applied", e.g. spec.containers[*].readinessProbe.httpGet. */
export const ManifestCheck = v.strictObject({
  type: v.literal("manifest"), name: label,
  field: v.pipe(v.string(), v.minLength(1), v.maxLength(300), v.regex(/^[A-Za-z0-9_/-]+(\[(\*|\d+)\])*(\.[A-Za-z0-9_/-]+(\[(\*|\d+)\])*)*$/, "must be a field path like spec.containers[*].readinessProbe.httpGet")),
  kind: v.optional(v.pipe(v.string(), v.maxLength(63))),
  objectName: v.optional(name),
  namespace,
  equals: v.optional(v.union([v.string(), v.number(), v.boolean()])),
  matches: v.optional(Pattern),
});

/** "service S has N ready endpoints" (exactly `ready`, or at least `atLeast`). */
export const EndpointsCheck = v.pipe(v.strictObject({
  type: v.literal("endpoints"), name: label, service: name, namespace,
  ready: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
  atLeast: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
}), v.check((c) => (c.ready === undefined) !== (c.atLeast === undefined), "an endpoints check needs exactly one of ready or atLeast"));

/** "kubectl <command> prints a line matching M" (read-only commands, run on a copy of the cluster). */
export const KubectlCheck = v.strictObject({
  type: v.literal("kubectl"), name: label,
  command: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
  matches: Pattern,
  stream: v.optional(v.picklist(["stdout", "stderr"])),
});

/** Any check. */
export const Check = v.variant("type", [PodCheck, RestartsCheck, EventCheck, ManifestCheck, EndpointsCheck, KubectlCheck]);
/** A parsed check. */
export type Check = v.InferOutput<typeof Check>;

/** Body of POST /clusters/<id>/-/checks. */
export const ChecksBody = v.strictObject({
  checks: v.pipe(v.array(Check), v.minLength(1), v.maxLength(50)),
});
/** A parsed checks request. */
export type ChecksBody = v.InferOutput<typeof ChecksBody>;

/** The outcome of one check. */
export interface CheckResult {
  name: string;
  passed: boolean;
  explanation: string;
}
