// Declarative checks evaluated by the core: every kind passes and fails with the explanation a
// student reads, on the tutorial's probe, crash-loop and service scenarios.
import { beforeAll, describe, expect, it } from "vitest";
import * as v from "valibot";
import type { Cluster } from "../../../durable/sim/cluster";
import { evaluateChecks, type ManifestRecord } from "../../../durable/sim/checks/index";
import { ChecksBody, type CheckResult } from "../../../schema/checks";
import { advance, call, sandbox } from "../scenario/helpers";

let c: Cluster;
let history: ManifestRecord[];

function create(resource: string, obj: Record<string, unknown>): void {
  const r = call(c, "POST", `/api/v1/namespaces/default/${resource}`, obj);
  expect(r.status).toBe(201);
  history.push({ verb: "create", kind: String(obj.kind), namespace: "default", name: (obj.metadata as { name: string }).name, body: JSON.stringify(r.body) });
}

beforeAll(() => {
  c = sandbox("checks");
  history = [];
  create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "test-probe", labels: { app: "web" } },
    spec: { containers: [{ name: "test-probe", image: "nginx:1.27.5", readinessProbe: { httpGet: { path: "/nope", port: 8080 }, periodSeconds: 5 } }] } });
  create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "web", labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27.5" }] } });
  create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "crash" }, spec: { containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "exit 2"] }] } });
  create("services", { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
  advance(c, 120);
});

function check(raw: Record<string, unknown>): CheckResult {
  const { checks } = v.parse(ChecksBody, { checks: [raw] });
  return evaluateChecks(c, checks, { manifests: history, server: "http://podlab.test/clusters/x" })[0];
}

describe("pod checks", () => {
  it("fails a pod that is not Ready with the Ready condition's reason and message", () => {
    expect(check({ type: "pod", pod: "test-probe", ready: true })).toEqual({ name: "pod test-probe is Ready", passed: false,
      explanation: "pod test-probe is not Ready: ContainersNotReady (containers with unready status: [test-probe])" });
  });
  it("passes a Ready pod", () => {
    expect(check({ type: "pod", pod: "web", ready: true })).toEqual({ name: "pod web is Ready", passed: true, explanation: "pod web is Ready" });
  });
  it("compares the STATUS column as kubectl prints it", () => {
    const r = check({ type: "pod", pod: "crash", status: "Running" });
    expect(r.passed).toBe(false);
    expect(r.explanation).toMatch(/^pod crash shows STATUS CrashLoopBackOff, not Running \(kubectl get pod crash prints READY 0\/1, STATUS CrashLoopBackOff, RESTARTS \d+ \(\d+s ago\)\)$/);
    const ok = check({ type: "pod", pod: "crash", phase: "Running", status: "CrashLoopBackOff", name: "crash loops" });
    expect(ok).toMatchObject({ name: "crash loops", passed: true });
    expect(ok.explanation).toMatch(/^pod crash is in phase Running; shows STATUS CrashLoopBackOff/);
  });
  it("fails on a phase mismatch and on a missing pod", () => {
    expect(check({ type: "pod", pod: "web", phase: "Succeeded" })).toMatchObject({ passed: false, explanation: "pod web is in phase Running, not Succeeded" });
    expect(check({ type: "pod", pod: "nope", ready: true })).toMatchObject({ passed: false, explanation: 'pods "nope" not found in namespace "default"' });
  });
});

describe("restart checks", () => {
  it("counts a container's restarts and names its last termination", () => {
    const ok = check({ type: "restarts", pod: "crash", container: "c", atLeast: 2 });
    expect(ok.name).toBe("container c of pod crash restarted at least 2 times");
    expect(ok.passed).toBe(true);
    expect(ok.explanation).toMatch(/^container c of pod crash restarted \d+ times \(last terminated: Error, exit code 2\)$/);
    const no = check({ type: "restarts", pod: "crash", container: "c", atLeast: 500 });
    expect(no.passed).toBe(false);
    expect(no.explanation).toMatch(/restarted \d+ times, expected at least 500/);
  });
  it("explains a wrong container name and uses the RESTARTS column without one", () => {
    expect(check({ type: "restarts", pod: "crash", container: "x", atLeast: 1 }).explanation).toBe("pod crash has no container named x (containers: c)");
    expect(check({ type: "restarts", pod: "web", atLeast: 1 })).toMatchObject({ passed: false, explanation: "pod web restarted 0 times, expected at least 1 (RESTARTS 0)" });
  });
});

describe("event checks", () => {
  it("finds an event by reason and shows its count and message", () => {
    const r = check({ type: "event", pod: "test-probe", reason: "Unhealthy", eventType: "Warning" });
    expect(r.passed).toBe(true);
    expect(r.explanation).toMatch(/^event Warning Unhealthy was recorded for pod test-probe \(\d+×\): Readiness probe failed: Get "http:\/\/[\d.]+:8080\/nope": dial tcp [\d.]+:8080: connect: connection refused$/);
  });
  it("fails when no message matches, quoting the messages", () => {
    const r = check({ type: "event", pod: "test-probe", reason: "Unhealthy", message: "^Liveness" });
    expect(r.passed).toBe(false);
    expect(r.explanation).toMatch(/^events Unhealthy were recorded for pod test-probe, but no message matches \/\^Liveness\/: "Readiness probe failed/);
    expect(check({ type: "event", pod: "test-probe", reason: "Unhealthy", message: "Readiness probe failed: .*connection refused" }).passed).toBe(true);
  });
  it("lists the pod's events when the reason is absent", () => {
    expect(check({ type: "event", pod: "web", reason: "Unhealthy" })).toMatchObject({ passed: false,
      explanation: "no event Unhealthy was recorded for pod web in namespace default (its events: Scheduled, Pulling, Pulled, Created, Started)" });
  });
});

describe("endpoints checks", () => {
  it("counts ready addresses and names the unready ones", () => {
    const r = check({ type: "endpoints", service: "web", ready: 1 });
    expect(r).toMatchObject({ name: "service web has 1 ready endpoint", passed: true });
    expect(r.explanation).toMatch(/^service web has 1 ready endpoint: [\d.]+:80 \(pod web\); not ready: [\d.]+:80 \(pod test-probe\)$/);
    const no = check({ type: "endpoints", service: "web", atLeast: 2 });
    expect(no.passed).toBe(false);
    expect(no.explanation).toMatch(/^service web has 1 ready endpoint, expected at least 2/);
    expect(check({ type: "endpoints", service: "nope", ready: 0 }).explanation).toBe('services "nope" not found in namespace "default"');
  });
});

describe("manifest checks", () => {
  it("finds a field path in the manifest history", () => {
    const r = check({ type: "manifest", field: "spec.containers[*].readinessProbe.httpGet", kind: "Pod" });
    expect(r).toEqual({ name: "a Pod manifest with spec.containers[*].readinessProbe.httpGet was applied", passed: true,
      explanation: 'create Pod default/test-probe has spec.containers[*].readinessProbe.httpGet = {"path":"/nope","port":8080,"scheme":"HTTP"}' });
    expect(check({ type: "manifest", field: "spec.containers[0].readinessProbe.httpGet.port", equals: 8080 }).passed).toBe(true);
    expect(check({ type: "manifest", field: "spec.containers[*].image", objectName: "web", matches: "^nginx:1\\.27" }).passed).toBe(true);
  });
  it("fails with what it searched", () => {
    expect(check({ type: "manifest", field: "spec.containers[*].livenessProbe" })).toMatchObject({ passed: false,
      explanation: "no manifest with spec.containers[*].livenessProbe was applied (4 checked, latest: create Pod test-probe, create Pod web, create Pod crash, create Service web)" });
    expect(check({ type: "manifest", field: "spec.containers[*].readinessProbe.httpGet.port", equals: 80 })).toMatchObject({ passed: false,
      explanation: "1 manifest had spec.containers[*].readinessProbe.httpGet.port, but none = 80" });
    expect(check({ type: "manifest", kind: "Deployment", field: "spec" })).toMatchObject({ passed: false, explanation: "no Deployment manifest was applied in this sandbox" });
  });
});

describe("kubectl checks", () => {
  it("passes when a line of the output matches, quoting it", () => {
    const r = check({ type: "kubectl", command: "kubectl get pods", matches: "^crash +0/1 +CrashLoopBackOff" });
    expect(r.name).toBe("kubectl get pods prints a line matching /^crash +0/1 +CrashLoopBackOff/");
    expect(r.passed).toBe(true);
    expect(r.explanation).toMatch(/^kubectl get pods printed "crash +0\/1 +CrashLoopBackOff/);
    expect(check({ type: "kubectl", command: "describe pod test-probe", matches: "Readiness probe failed" }).passed).toBe(true);
  });
  it("fails with what kubectl printed, including errors", () => {
    const r = check({ type: "kubectl", command: "get pods -o wide", matches: "Completed" });
    expect(r.passed).toBe(false);
    expect(r.explanation).toMatch(/^no line kubectl get pods -o wide printed matches \/Completed\/; its stdout was:\nNAME +READY +STATUS/);
    const e = check({ type: "kubectl", command: "get pod missing", matches: "." });
    expect(e.explanation).toBe('no line kubectl get pod missing printed matches /./; it failed with exit code 1: Error from server (NotFound): pods "missing" not found (its stdout was empty)');
    expect(check({ type: "kubectl", command: "get pod missing", matches: "NotFound", stream: "stderr" }).passed).toBe(true);
  });
  it("never changes the cluster, its clock or its random generator", () => {
    const before = JSON.stringify(c.save());
    check({ type: "kubectl", command: "kubectl get pods -A", matches: "kube-apiserver" });
    check({ type: "kubectl", command: "kubectl describe nodes", matches: "node01" });
    check({ type: "kubectl", command: "kubectl top pods", matches: "." });
    expect(JSON.stringify(c.save())).toBe(before);
  });
  it("refuses commands that write or wait", () => {
    expect(check({ type: "kubectl", command: "kubectl delete pod web", matches: "." })).toMatchObject({ passed: false,
      explanation: 'kubectl delete pod web cannot be checked: it runs "delete": checks may only run get, describe, logs, events, top, explain, version, api-resources, api-versions, cluster-info' });
    expect(check({ type: "kubectl", command: "kubectl get pods -w", matches: "." }).explanation).toBe("kubectl get pods -w cannot be checked: it uses -w, which would wait or read files");
    expect(c.ctx.store.get("pods", "default", "web")).toBeDefined();
  });
});
