// POST /clusters/<id>/-/checks in workerd: checks read the live sandbox and its manifest history
// (D1, including what the kubectl endpoint applied), answer {results, passed}, are never
// journaled, and bad checks get a 400 Status.
import { afterEach, describe, expect, it } from "vitest";
import { advance, clearAlarms, createPod, fetchApp, json, k8s, kubectl, newSandbox, pod, post, type Any } from "./helpers";

afterEach(clearAlarms);

const PROBE = `apiVersion: v1
kind: Pod
metadata:
  name: test-probe
spec:
  containers:
  - name: test-probe
    image: nginx:1.27.5
    readinessProbe:
      httpGet:
        path: /
        port: 8080
      periodSeconds: 5
`;

const checks = (id: string, list: unknown[]) => k8s(id, "/-/checks", post("", { checks: list }));

describe("the checks endpoint", () => {
  it("evaluates checks against the sandbox and its manifest history", async () => {
    const sb = await newSandbox();
    expect((await kubectl(sb.id, "kubectl apply -f -", PROBE)).exitCode).toBe(0);
    await createPod(sb.id, pod("web"));
    await advance(sb.id, "60s");
    const r = await checks(sb.id, [
      { type: "pod", pod: "test-probe", ready: true },
      { type: "pod", pod: "web", ready: true },
      { type: "manifest", field: "spec.containers[*].readinessProbe.httpGet", kind: "Pod" },
      { type: "manifest", field: "spec.containers[*].livenessProbe" },
      { type: "event", pod: "test-probe", reason: "Unhealthy" },
      { type: "kubectl", command: "kubectl get pods", matches: "^web +1/1 +Running" },
    ]);
    expect(r.status).toBe(200);
    const body = await r.json() as Any;
    expect(body.passed).toBe(false);
    expect(body.results.map((x: Any) => x.passed)).toEqual([false, true, true, false, true, true]);
    expect(body.results[0].explanation).toBe("pod test-probe is not Ready: ContainersNotReady (containers with unready status: [test-probe])");
    expect(body.results[2].explanation).toMatch(/^create Pod default\/test-probe has spec\.containers\[\*\]\.readinessProbe\.httpGet = \{"path":"\/","port":8080/);
  });

  it("is not journaled and leaves the sandbox as it was", async () => {
    const sb = await newSandbox();
    await createPod(sb.id, pod("web"));
    const before = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    await checks(sb.id, [{ type: "kubectl", command: "kubectl get pods", matches: "web" }, { type: "pod", pod: "web", phase: "Pending" }]);
    const after = await json(fetchApp(`/api/sandboxes/${sb.id}/export`));
    expect(after.journal.entries).toEqual(before.journal.entries);
  });

  it("answers 400 with a clear message for bad checks", async () => {
    const sb = await newSandbox();
    const cases: [unknown, RegExp][] = [
      [{ checks: [{ type: "pod", pod: "x" }] }, /invalid checks: checks\[0\]: a pod check needs ready, phase or status/],
      [{ checks: [{ type: "code", run: "x" }] }, /invalid checks: checks\[0\]\.type/],
      [{ checks: [{ type: "event", pod: "x", reason: "R", message: "(a+)+" }] }, /pattern repeats a group that contains a quantifier/],
      [{ checks: [{ type: "kubectl", command: "kubectl delete pod web", matches: "." }] }, /checks\[0\]\.command runs "delete"/],
      [{}, /invalid checks: checks/],
    ];
    for (const [body, msg] of cases) {
      const r = await k8s(sb.id, "/-/checks", post("", body));
      expect(r.status, JSON.stringify(body)).toBe(400);
      const st = await r.json() as Any;
      expect(st).toMatchObject({ kind: "Status", reason: "BadRequest", code: 400 });
      expect(st.message).toMatch(msg);
    }
    expect((await k8s(sb.id, "/-/checks", { method: "POST", body: "{nope" })).status).toBe(400);
    expect((await k8s(sb.id, "/-/checks")).status).toBe(405);
  });
});
