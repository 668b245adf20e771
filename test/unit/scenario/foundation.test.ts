import { describe, expect, it } from "vitest";
import { advance, apply, call, events, podRows, sandbox } from "./helpers";

const MULTI = `
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: test-pod2
  namespace: default
spec:
  containers:
  - image: crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/nginx:1.27.5
    name: nginx
    ports:
    - containerPort: 80
      name: web
  - image: crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/redis:v7.0.5
    name: redis
    ports:
    - containerPort: 6379
      name: redis
      protocol: TCP
`;

describe("the tutorial's multi-container pod", () => {
  it("is 2/2 Running five seconds after creation", () => {
    const c = sandbox();
    expect(apply(c, MULTI).status).toBe(201);
    expect(podRows(c)).toEqual([["test-pod2", "0/2", "Pending", "0", "0s"]]);
    advance(c, 5);
    expect(podRows(c)).toEqual([["test-pod2", "2/2", "Running", "0", "5s"]]);
    const ev = events(c, "test-pod2");
    expect(ev[0]).toMatch(/^Normal Scheduled Successfully assigned default\/test-pod2 to node0[12]$/);
    expect(ev).toContain("Normal Pulled Container image \"crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/nginx:1.27.5\" already present on machine");
    expect(ev).toContain("Normal Created Created container: redis");
    expect(ev).toContain("Normal Started Started container nginx");
  });
});
