// The checks schema: what a course author may post, and the patterns it refuses so that no
// check can backtrack catastrophically.
import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { ChecksBody, patternProblem } from "../../../schema/checks";
import { parseFieldPath, valuesAt } from "../../../durable/sim/checks/manifests";

const ok = (checks: unknown[]) => v.safeParse(ChecksBody, { checks }).success;

describe("the checks schema", () => {
  it("accepts every documented kind", () => {
    expect(ok([
      { type: "pod", pod: "test-probe", ready: true },
      { type: "pod", pod: "web", namespace: "dev", phase: "Running", status: "Running" },
      { type: "restarts", pod: "crash", container: "c", atLeast: 2 },
      { type: "event", pod: "test-probe", reason: "Unhealthy", message: "Readiness probe failed" },
      { type: "manifest", field: "spec.containers[*].readinessProbe.httpGet", kind: "Pod" },
      { type: "endpoints", service: "web", ready: 2 },
      { type: "kubectl", command: "kubectl get pods", matches: "Running" },
    ])).toBe(true);
  });

  it("refuses unknown kinds, extra fields, empty and oversized lists", () => {
    expect(ok([{ type: "script", code: "rm -rf /" }])).toBe(false);
    expect(ok([{ type: "pod", pod: "x", ready: true, eval: "1" }])).toBe(false);
    expect(ok([{ type: "pod", pod: "x" }])).toBe(false);
    expect(ok([{ type: "endpoints", service: "x", ready: 1, atLeast: 1 }])).toBe(false);
    expect(ok([{ type: "pod", pod: "Bad_Name", ready: true }])).toBe(false);
    expect(ok([{ type: "manifest", field: "spec..containers" }])).toBe(false);
    expect(ok([])).toBe(false);
    expect(ok(Array.from({ length: 51 }, () => ({ type: "pod", pod: "x", ready: true })))).toBe(false);
  });

  it("refuses patterns that could backtrack catastrophically", () => {
    for (const p of ["(a+)+$", "(a|aa)*b", "(x*)*", "(.*a){20}", "(a)\\1", "(?<x>a)\\k<x>"]) expect(patternProblem(p), p).toBeDefined();
    expect(patternProblem("(")).toMatch(/not a valid regular expression/);
    for (const p of ["Running", "^crash +0/1 +CrashLoopBackOff", "(Readiness|Liveness) probe failed", "[a-z]+-[0-9]+", "(?:ab)+", "x{2,3}"]) expect(patternProblem(p), p).toBeUndefined();
  });

  it("walks field paths with indexes and wildcards", () => {
    const pod = { spec: { containers: [{ name: "a", ports: [{ containerPort: 80 }] }, { name: "b", ports: [{ containerPort: 81 }, { containerPort: 82 }] }] } };
    expect(valuesAt(pod, parseFieldPath("spec.containers[*].ports[*].containerPort"))).toEqual([80, 81, 82]);
    expect(valuesAt(pod, parseFieldPath("spec.containers[1].name"))).toEqual(["b"]);
    expect(valuesAt(pod, parseFieldPath("spec.containers[5].name"))).toEqual([]);
    expect(valuesAt(pod, parseFieldPath("spec.volumes"))).toEqual([]);
  });
});
