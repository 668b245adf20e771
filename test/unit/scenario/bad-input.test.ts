import { describe, expect, it } from "vitest";
import { call, sandbox } from "./helpers";

describe("bad input gets a 4xx Status, never a 5xx", () => {
  const c = sandbox();
  it.each([
    ["malformed JSON", "POST", "/api/v1/namespaces/default/pods", "{not json", 400, "BadRequest"],
    ["a JSON array", "POST", "/api/v1/namespaces/default/pods", "[]", 400, "BadRequest"],
    ["wrong type of a field", "POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict",
      { apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: "80" }] }] } }, 400, "BadRequest"],
    ["an unknown field with Strict", "POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict",
      { apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { bogusField: 1, containers: [{ name: "c", image: "nginx" }] } }, 400, "BadRequest"],
    ["a missing image", "POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "noimage" }, spec: { containers: [{ name: "c" }] } }, 422, "Invalid"],
    ["a bad name", "POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "My_Pod" }, spec: { containers: [{ name: "c", image: "nginx" }] } }, 422, "Invalid"],
    ["the wrong kind", "POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Service", metadata: { name: "x" } }, 400, "BadRequest"],
    ["an unknown resource", "GET", "/api/v1/namespaces/default/widgets", undefined, 404, "NotFound"],
    ["an unknown group", "GET", "/apis/apps/v1/deployments", undefined, 404, "NotFound"],
    ["a missing namespace", "POST", "/api/v1/namespaces/nope/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { containers: [{ name: "c", image: "nginx" }] } }, 404, "NotFound"],
    ["a wrong verb", "PUT", "/api/v1/namespaces/default/pods", {}, 405, "MethodNotAllowed"],
    ["an unsupported patch type", "PATCH", "/api/v1/namespaces/default/pods/x", "{}", 415, "UnsupportedMediaType"],
    ["a bad label selector", "GET", "/api/v1/namespaces/default/pods?labelSelector=a%3D%3D%3Db", undefined, 400, "BadRequest"],
    ["an unsupported field selector", "GET", "/api/v1/namespaces/default/pods?fieldSelector=spec.bogus%3Dx", undefined, 400, "BadRequest"],
    ["a bad fieldValidation", "POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Loud", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } }, 400, "BadRequest"],
    ["deleting a default namespace", "DELETE", "/api/v1/namespaces/default", undefined, 403, "Forbidden"],
  ])("%s", (_name, method, path, body, code, reason) => {
    const headers = method === "PATCH" ? { "content-type": "application/x-bogus" } : {};
    const r = call(c, method as string, path as string, body, headers);
    expect(r.status).toBe(code);
    expect(r.body).toMatchObject({ kind: "Status", status: "Failure", reason, code });
    expect(typeof r.body.message).toBe("string");
  });

  it("explains unknown fields with the upstream strict decoding message", () => {
    const r = call(c, "POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict",
      { apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { bogusField: 1, containers: [{ name: "c", image: "nginx", imagePolicy: "x" }] } });
    expect(r.body.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bogusField", unknown field "spec.containers[0].imagePolicy"');
  });

  it("warns about unknown fields with Warn and stores the object", () => {
    const r = call(c, "POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Warn", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "warned" }, bogus: 1 });
    expect(r.status).toBe(201);
    expect(r.headers?.warning).toBe('299 - "unknown field \\"bogus\\""');
  });

  it("reports a missing image exactly as the apiserver does", () => {
    const r = call(c, "POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "noimage" }, spec: { containers: [{ name: "c" }] } });
    expect(r.body.message).toBe('Pod "noimage" is invalid: spec.containers[0].image: Required value');
    expect(r.body.details.causes).toEqual([{ reason: "FieldValueRequired", message: "Required value", field: "spec.containers[0].image" }]);
  });

  it("keeps serving after every bad request", () => {
    expect(call(c, "GET", "/api/v1/namespaces/default/pods").status).toBe(200);
  });
});
