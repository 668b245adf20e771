import { describe, expect, it } from "vitest";
import { advance, apply, call, events, podRows, sandbox } from "./helpers";

const IMG = "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/nginx:1.27.5";
const base = (probes: string) => `
kind: Pod
apiVersion: v1
metadata:
  name: test-probe
spec:
  containers:
  - name: test-probe
    image: ${IMG}
    imagePullPolicy: IfNotPresent
    command: ["/bin/sh","-c"]
    args:
    - |
      sleep 20
      exec nginx -g "daemon off;"
${probes}`;

const STARTUP = `    startupProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: 20
      timeoutSeconds: 2
      periodSeconds: 5
      successThreshold: 1
      failureThreshold: 2
`;
const liveness = (cmd: string) => `    livenessProbe:
      exec:
        command:
        - sh
        - -c
        - ${cmd}
      initialDelaySeconds: 10
      timeoutSeconds: 2
      periodSeconds: 3
      successThreshold: 1
      failureThreshold: 2
`;
const READINESS = `    readinessProbe:
      httpGet:
        port: 80
        path: /index.php
        scheme: HTTP
      initialDelaySeconds: 10
      timeoutSeconds: 2
      periodSeconds: 3
      successThreshold: 1
      failureThreshold: 2
`;

describe("the tutorial's probes (3.11)", () => {
  it("a startupProbe holds readiness until nginx listens, then the pod is Ready", () => {
    const c = sandbox();
    expect(apply(c, base(STARTUP)).status).toBe(201);
    advance(c, 10);
    expect(podRows(c)[0].slice(1, 3)).toEqual(["0/1", "Running"]);
    advance(c, 20);
    expect(podRows(c)[0].slice(1, 3)).toEqual(["1/1", "Running"]);
    expect(events(c, "test-probe").filter((e) => e.includes("Unhealthy"))).toEqual([]);
  });

  it("a failing liveness probe (pgrep java) restarts the container again and again", () => {
    const c = sandbox();
    apply(c, base(STARTUP + liveness("pgrep java")));
    advance(c, 60);
    const ev = events(c, "test-probe");
    expect(ev).toContain("Warning Unhealthy Liveness probe failed: ");
    expect(ev).toContain("Normal Killing Container test-probe failed liveness probe, will be restarted");
    advance(c, 600);
    const row = podRows(c)[0];
    expect(Number(row[3].split(" ")[0])).toBeGreaterThanOrEqual(4);
  });

  it("a healthy liveness probe (pgrep nginx) never restarts", () => {
    const c = sandbox();
    apply(c, base(STARTUP + liveness("pgrep nginx")));
    advance(c, 300);
    expect(podRows(c)[0].slice(1, 4)).toEqual(["1/1", "Running", "0"]);
    expect(events(c, "test-probe").filter((e) => e.includes("Unhealthy"))).toEqual([]);
  });

  it("a readiness probe on /index.php fails with 404 and keeps the pod out of endpoints", () => {
    const c = sandbox();
    apply(c, base(STARTUP + READINESS + liveness("pgrep nginx")).replace("  name: test-probe\nspec:", "  name: test-probe\n  labels:\n    app: probe\nspec:"));
    call(c, "POST", "/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "probe" }, spec: { selector: { app: "probe" }, ports: [{ port: 80 }] } });
    advance(c, 60);
    expect(podRows(c)[0].slice(1, 4)).toEqual(["0/1", "Running", "0"]);
    expect(events(c, "test-probe")).toContain("Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 404");
    const ep = call(c, "GET", "/api/v1/namespaces/default/endpoints/probe").body;
    expect(ep.subsets[0].addresses).toBeUndefined();
    expect(ep.subsets[0].notReadyAddresses.length).toBe(1);
  });
});
