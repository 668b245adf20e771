import { describe, expect, it } from "vitest";
import { sandboxKubelets, sandboxRuntime } from "../../../durable/sim/sandbox";
import { advance, apply, call, events, podRows, sandbox } from "./helpers";

const IMG = "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/nginx:1.27.5";
const POST_START = `
kind: Pod
apiVersion: v1
metadata:
  name: poststart
spec:
  containers:
    - name: poststart
      image: ${IMG}
      lifecycle:
        postStart:
          exec:
            command:
            - "/bin/sh"
            - "-c"
            - |
              mkdir -p /data/
              echo "wo shi hehe" >> /data/test.txt
`;
const PRE_STOP = `
kind: Pod
apiVersion: v1
metadata:
  name: prestop
spec:
  terminationGracePeriodSeconds: 50
  containers:
    - name: poststart
      image: ${IMG}
      lifecycle:
        postStart:
          exec:
            command:
            - "/bin/sh"
            - "-c"
            - |
              mkdir -p /data/
              echo "wo shi hehe" >> /data/test.txt
        preStop:
          exec:
            command:
            - "/bin/sh"
            - "-c"
            - |
              sleep 40    # 这里睡个40秒来验证配置的宽限期生效吗
              nginx -s quit
              # 等待nginx完全退出
              while killall -0 nginx
              do
                  sleep 1
              done
`;

function readFile(c: ReturnType<typeof sandbox>, pod: string, path: string): string | undefined {
  const p = call(c, "GET", `/api/v1/namespaces/default/pods/${pod}`).body;
  const rec = sandboxKubelets(c).get(p.spec.nodeName)!.record(p.metadata.uid)!;
  return (sandboxRuntime(c) as unknown as { readFile(id: string, path: string): string | undefined }).readFile(rec.containers[0].containerId!, path);
}

describe("lifecycle hooks (3.12)", () => {
  it("postStart writes the file the tutorial cats", () => {
    const c = sandbox();
    apply(c, POST_START);
    advance(c, 4);
    expect(podRows(c)[0].slice(1, 3)).toEqual(["1/1", "Running"]);
    expect(readFile(c, "poststart", "/data/test.txt")).toBe("wo shi hehe\n");
  });

  it("preStop sleeps 40 s inside the 50 s grace period, then nginx quits gracefully", () => {
    const c = sandbox();
    apply(c, PRE_STOP);
    advance(c, 5);
    const t0 = c.now;
    expect(call(c, "DELETE", "/api/v1/namespaces/default/pods/prestop", { propagationPolicy: "Background" }).status).toBe(200);
    advance(c, 1);
    expect(podRows(c)[0].slice(1, 3)).toEqual(["1/1", "Terminating"]);
    advance(c, 37);
    expect(podRows(c)).toHaveLength(1);
    let gone = 0;
    for (let s = 0; s < 20 && !gone; s++) {
      advance(c, 1);
      if (podRows(c).length === 0) gone = c.now - t0;
    }
    expect(gone).toBeGreaterThanOrEqual(40_000);
    expect(gone).toBeLessThan(45_000);
  });

  it("a preStop that outlives the grace period is cut off and the container killed", () => {
    const c = sandbox();
    apply(c, PRE_STOP.replace("terminationGracePeriodSeconds: 50", "terminationGracePeriodSeconds: 10"));
    advance(c, 5);
    const t0 = c.now;
    call(c, "DELETE", "/api/v1/namespaces/default/pods/prestop", {});
    let gone = 0;
    for (let s = 0; s < 30 && !gone; s++) {
      advance(c, 1);
      if (podRows(c).length === 0) gone = c.now - t0;
    }
    // 10 s for the hook, then the 2 s minimum for the stop signal before SIGKILL
    expect(gone).toBeGreaterThanOrEqual(10_000);
    expect(gone).toBeLessThanOrEqual(14_000);
  });

  it("a failing postStart hook kills the container and backs off", () => {
    const c = sandbox();
    apply(c, POST_START.replace(/mkdir -p \/data\/\n\s+echo "wo shi hehe" >> \/data\/test.txt/, "exit 1"));
    advance(c, 30);
    const ev = events(c, "poststart");
    expect(ev).toContain("Warning FailedPostStartHook PostStartHook failed");
    expect(ev).toContain("Normal Killing FailedPostStartHook");
    expect(["PostStartHookError", "CrashLoopBackOff"]).toContain(podRows(c)[0][2]);
  });
});

describe("the deletion flow (3.1.2)", () => {
  it("emits Killing, removes the endpoint, and the object disappears", () => {
    const c = sandbox();
    apply(c, `
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: ${IMG}
`);
    call(c, "POST", "/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
    advance(c, 5);
    expect(call(c, "GET", "/api/v1/namespaces/default/endpoints/web").body.subsets[0].addresses.length).toBe(1);
    call(c, "DELETE", "/api/v1/namespaces/default/pods/web", {});
    advance(c, 0.1);
    expect(call(c, "GET", "/api/v1/namespaces/default/endpoints/web").body.subsets).toBeUndefined();
    advance(c, 3);
    expect(call(c, "GET", "/api/v1/namespaces/default/pods/web").status).toBe(404);
    expect(events(c, "web")).toContain("Normal Killing Stopping container nginx");
  });
});
