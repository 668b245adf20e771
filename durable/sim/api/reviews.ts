// The review APIs a client asks "who am I, what may I do" with: `kubectl auth whoami`
// (authentication.k8s.io/v1 SelfSubjectReview) and `kubectl auth can-i [--list]`
// (authorization.k8s.io/v1 SelfSubjectAccessReview, SelfSubjectRulesReview). A sandbox has one
// user, the kubeadm admin of its kubeconfig, bound to cluster-admin as on a kubeadm v1.32
// cluster: every access is allowed, with the RBAC reason upstream gives. Nothing is stored.
import type { ResourceDef } from "./registry";
import { json, type ApiResponse } from "./request";
import { badRequest, invalid, methodNotSupported } from "./status";

const USER = { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] };
const REASON = 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"';

/** cluster-admin, then system:basic-user, system:public-info-viewer and system:discovery, as RBAC lists them. */
const RESOURCE_RULES = [
  { verbs: ["*"], apiGroups: ["*"], resources: ["*"] },
  { verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] },
  { verbs: ["create"], apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"] },
];
const NON_RESOURCE_RULES = [
  { verbs: ["*"], nonResourceURLs: ["*"] },
  { verbs: ["get"], nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"] },
  { verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"] },
];

type Obj = Record<string, unknown>;

/** Is this one of the review resources? */
export function isReview(def: ResourceDef): boolean {
  return def.group === "authorization.k8s.io" || def.group === "authentication.k8s.io";
}

/** Answers a POST of a review object (201 with its status), as the apiserver does without storing it. */
export function review(def: ResourceDef, method: string, body: unknown): ApiResponse {
  if (method !== "POST") throw methodNotSupported(def.resource, method.toLowerCase(), def.group);
  const obj = (body && typeof body === "object" && !Array.isArray(body) ? body : {}) as Obj;
  if (obj.kind !== undefined && obj.kind !== def.kind) {
    throw badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  const head = { kind: def.kind, apiVersion: `${def.group}/${def.version}`, metadata: { ...(obj.metadata as Obj ?? {}), creationTimestamp: null } };
  const spec = (obj.spec && typeof obj.spec === "object" ? obj.spec : {}) as Obj;
  switch (def.kind) {
    case "SelfSubjectReview":
      return json(201, { ...head, status: { userInfo: USER } });
    case "SelfSubjectAccessReview": {
      const hasRes = !!spec.resourceAttributes, hasNonRes = !!spec.nonResourceAttributes;
      if (hasRes === hasNonRes) {
        throw invalid(def.kind, "", [hasRes
          ? { type: "FieldValueInvalid", field: "spec.nonResourceAttributes", badValue: spec.nonResourceAttributes, hasBadValue: true, detail: "cannot be specified in combination with resourceAttributes" }
          : { type: "FieldValueInvalid", field: "spec.resourceAttributes", badValue: null, hasBadValue: true, detail: "exactly one of nonResourceAttributes or resourceAttributes must be specified" }], def.group);
      }
      return json(201, { ...head, spec, status: { allowed: true, reason: REASON } });
    }
    case "SelfSubjectRulesReview":
      return json(201, { ...head, spec, status: { resourceRules: RESOURCE_RULES, nonResourceRules: NON_RESOURCE_RULES, incomplete: false } });
    default:
      throw methodNotSupported(def.resource, "create", def.group);
  }
}
