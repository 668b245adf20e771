// `kubectl auth can-i` / `auth whoami`: the self-review APIs, with JSON and with the protobuf
// bodies kubectl's typed clientset really sends (authorization/v1 and authentication/v1 generated.proto).
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../durable/sim/sandbox";

// deno-lint-ignore no-explicit-any
type Any = any;
const enc = new TextEncoder();
const varint = (n: number): number[] => { const out: number[] = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return out; };
const field = (no: number, v: Uint8Array | string): number[] => { const b = typeof v === "string" ? enc.encode(v) : v; return [...varint(no * 8 + 2), ...varint(b.length), ...b]; };
const msg = (...parts: number[][]): Uint8Array => new Uint8Array(parts.flat());
const envelope = (apiVersion: string, kind: string, raw: Uint8Array) =>
  msg([0x6b, 0x38, 0x73, 0x00], field(1, msg(field(1, apiVersion), field(2, kind))), field(2, raw), field(3, ""), field(4, ""));

function post(path: string, body: Uint8Array, contentType: string) {
  const c = createSandbox({ seed: "reviews", startTime: Date.UTC(2026, 0, 1) });
  const r = c.handle({ method: "POST", path, query: new URLSearchParams(), headers: { "content-type": contentType, accept: "application/json" }, body }).response;
  if (r.type !== "body") throw new Error(r.type);
  return { status: r.status, body: JSON.parse(r.body) as Any };
}

describe("self reviews (kubectl auth)", () => {
  it("answers a protobuf SelfSubjectAccessReview as cluster-admin, echoing its attributes", () => {
    const attrs = msg(field(1, "default"), field(2, "create"), field(5, "pods"));
    const r = post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
      envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", msg(field(1, msg()), field(2, msg(field(1, attrs))))), "application/vnd.kubernetes.protobuf");
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: "default", verb: "create", resource: "pods" } },
      status: { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' },
    });
  });

  it("requires exactly one of resourceAttributes and nonResourceAttributes (422 as upstream)", () => {
    const r = post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", enc.encode(JSON.stringify({ apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: {} })), "application/json");
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
  });

  it("lists the admin's rules and says who the user is", () => {
    const rules = post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
      envelope("authorization.k8s.io/v1", "SelfSubjectRulesReview", msg(field(1, msg()), field(2, msg(field(1, "default"))))), "application/vnd.kubernetes.protobuf");
    expect(rules.status).toBe(201);
    expect(rules.body.spec).toEqual({ namespace: "default" });
    expect(rules.body.status.resourceRules[0]).toEqual({ verbs: ["*"], apiGroups: ["*"], resources: ["*"] });
    expect(rules.body.status.nonResourceRules[0]).toEqual({ verbs: ["*"], nonResourceURLs: ["*"] });
    expect(rules.body.status.incomplete).toBe(false);
    const who = post("/apis/authentication.k8s.io/v1/selfsubjectreviews",
      envelope("authentication.k8s.io/v1", "SelfSubjectReview", msg(field(1, msg()))), "application/vnd.kubernetes.protobuf");
    expect(who.body.status).toEqual({ userInfo: { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] } });
  });

  it("refuses other verbs on a review resource", () => {
    const c = createSandbox({ seed: "reviews", startTime: Date.UTC(2026, 0, 1) });
    const r = c.handle({ method: "GET", path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", query: new URLSearchParams(), headers: {} }).response as Any;
    expect(r.status).toBe(405);
  });
});
