// managedFields bookkeeping of ordinary create/update/patch requests (operation "Update"), as
// `kubectl get -o yaml --show-managed-fields` and the Python client show it.
import { describe, expect, test } from "vitest";
import { fromFieldsV1, pathString, toFieldsV1 } from "../../../durable/sim/api/patch/field-path";
import { decodeManagedFields, encodeManagedFields, updateManagedFields } from "../../../durable/sim/api/patch/managed-fields";
import { fixture } from "./fixtures";

const T0 = "2026-11-24T21:55:13Z";
const T1 = "2026-11-24T21:55:24Z";
const T2 = "2026-11-24T21:56:00Z";

function createdPod(): Record<string, any> {
  const live = fixture("live-pod-web.json");
  delete live.metadata.managedFields;
  return updateManagedFields(undefined, live, "kubectl-client-side-apply", "Update", T0);
}
const entries = (o: Record<string, any>) => o.metadata.managedFields as Record<string, any>[];
const owners = (o: Record<string, any>) => entries(o).map((e) => `${e.manager}/${e.operation}${e.subresource ? `/${e.subresource}` : ""}`);
const paths = (e: Record<string, any>) => [...fromFieldsV1(e.fieldsV1).values()].map(pathString).sort();

describe("updateManagedFields records Update operations like the apiserver's field manager", () => {
  test("a create owns every field it set, defaulted ones included; `.` marks nodes it created", () => {
    const o = createdPod();
    expect(entries(o)).toHaveLength(1);
    const e = entries(o)[0];
    expect(Object.keys(e)).toEqual(["manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1"]);
    expect(e).toMatchObject({ manager: "kubectl-client-side-apply", operation: "Update", apiVersion: "v1", time: T0, fieldsType: "FieldsV1" });
    expect(e.fieldsV1["f:metadata"]).toEqual({
      "f:annotations": { ".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {} },
      "f:labels": { ".": {}, "f:app": {}, "f:tier": {} },
    });
    const nginx = e.fieldsV1["f:spec"]["f:containers"]['k:{"name":"nginx"}'];
    expect(nginx).toEqual({
      ".": {},
      "f:env": { ".": {}, 'k:{"name":"GREETING"}': { ".": {}, "f:name": {}, "f:value": {} },
        'k:{"name":"MODE"}': { ".": {}, "f:name": {}, "f:value": {} } },
      "f:image": {}, "f:imagePullPolicy": {}, "f:name": {},
      "f:ports": { ".": {}, 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {}, "f:protocol": {} } },
      "f:resources": {}, "f:terminationMessagePath": {}, "f:terminationMessagePolicy": {},
    });
    expect(e.fieldsV1["f:spec"]).toMatchObject({ "f:dnsPolicy": {}, "f:tolerations": {}, "f:securityContext": {} });
    expect(e.fieldsV1["f:spec"]["f:containers"]["."]).toBeUndefined();
    expect(JSON.stringify(e.fieldsV1)).not.toContain("f:status");
    expect(JSON.stringify(e.fieldsV1)).not.toMatch(/f:(uid|resourceVersion|creationTimestamp|name":\{\},"f:namespace)/);
  });

  test("a patch by the same manager keeps one entry and moves its time", () => {
    const o = createdPod();
    const next = structuredClone(o);
    next.spec.containers[0].image = "nginx:1.27";
    const r = updateManagedFields(o, next, "kubectl-client-side-apply", "Update", T1);
    expect(owners(r)).toEqual(["kubectl-client-side-apply/Update"]);
    expect(entries(r)[0].time).toBe(T1);
    expect(entries(r)[0].fieldsV1).toEqual(entries(o)[0].fieldsV1);
  });

  test("a no-op update leaves managedFields untouched", () => {
    const o = createdPod();
    const r = updateManagedFields(o, structuredClone(o), "kubectl-edit", "Update", T1);
    expect(r.metadata.managedFields).toEqual(o.metadata.managedFields);
  });

  test("another manager takes the fields it changes; the first keeps the rest", () => {
    const o = createdPod();
    const next = structuredClone(o);
    next.spec.containers[0].image = "nginx:1.27";
    next.metadata.labels.team = "blue";
    const r = updateManagedFields(o, next, "kubectl-edit", "Update", T1);
    expect(owners(r)).toEqual(["kubectl-client-side-apply/Update", "kubectl-edit/Update"]);
    expect(paths(entries(r)[1])).toEqual(['.metadata.labels.team', '.spec.containers[name="nginx"].image']);
    expect(paths(entries(r)[0])).not.toContain('.spec.containers[name="nginx"].image');
    expect(paths(entries(r)[0])).toContain('.spec.containers[name="nginx"].imagePullPolicy');
  });

  test("removed fields leave every owner's set", () => {
    const o = createdPod();
    const next = structuredClone(o);
    delete next.metadata.labels.tier;
    next.spec.containers[0].env.pop();
    const r = updateManagedFields(o, next, "kubectl-label", "Update", T1);
    expect(owners(r)).toEqual(["kubectl-client-side-apply/Update"]);
    const p = paths(entries(r)[0]);
    expect(p).not.toContain(".metadata.labels.tier");
    expect(p.some((x) => x.includes("MODE"))).toBe(false);
    expect(p).toContain('.spec.containers[name="nginx"].env[name="GREETING"].value');
  });

  test("a status update is recorded against the status subresource only", () => {
    const o = createdPod();
    const next = structuredClone(o);
    next.status.phase = "Succeeded";
    next.status.conditions[0].status = "False";
    const r = updateManagedFields(o, next, "kubelet", "Update", T1, { subresource: "status" });
    const kubelet = entries(r).find((e) => e.manager === "kubelet")!;
    expect(kubelet.subresource).toBe("status");
    expect(paths(kubelet)).toEqual(['.status.conditions[type="PodReadyToStartContainers"].status', ".status.phase"]);
    expect(Object.keys(kubelet).at(-1)).toBe("subresource");
  });

  test("managedFields sent as [{}] reset the history; absent ones are kept from the live object", () => {
    const o = createdPod();
    const reset = structuredClone(o);
    reset.metadata.managedFields = [{}];
    reset.metadata.labels.x = "y";
    expect(owners(updateManagedFields(o, reset, "m", "Update", T1))).toEqual(["m/Update"]);
    const keep = structuredClone(o);
    delete keep.metadata.managedFields;
    keep.metadata.labels.x = "y";
    expect(owners(updateManagedFields(o, keep, "m", "Update", T1))).toEqual(["kubectl-client-side-apply/Update", "m/Update"]);
  });

  test("virtual milliseconds become RFC 3339 times", () => {
    const r = updateManagedFields(undefined, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } },
      "kubectl-create", "Update", Date.UTC(2026, 0, 2, 3, 4, 5, 600));
    expect(entries(r)[0].time).toBe("2026-01-02T03:04:05Z");
    expect(entries(r)[0].fieldsV1).toEqual({ "f:data": { ".": {}, "f:a": {} } });
  });
});

describe("managedFields encoding", () => {
  test("entries sort Apply first, then by time, then by manager", () => {
    const set = fromFieldsV1({ "f:a": {} });
    const sorted = encodeManagedFields([
      { manager: "z", operation: "Update", apiVersion: "v1", time: T0, subresource: "", set },
      { manager: "b", operation: "Update", apiVersion: "v1", time: T2, subresource: "", set },
      { manager: "a", operation: "Update", apiVersion: "v1", time: T2, subresource: "", set },
      { manager: "k", operation: "Apply", apiVersion: "v1", time: T2, subresource: "", set },
    ]);
    expect(sorted.map((e) => e.manager)).toEqual(["k", "z", "a", "b"]);
  });

  test("FieldsV1 round-trips, with keys, set values and `.` members", () => {
    const fields = {
      "f:metadata": { "f:finalizers": { ".": {}, 'v:"a"': {}, 'v:"b"': {} } },
      "f:spec": { "f:ports": { 'k:{"port":80,"protocol":"TCP"}': { ".": {}, "f:port": {} }, 'k:{"port":443,"protocol":"TCP"}': {} } },
    };
    expect(JSON.stringify(toFieldsV1(fromFieldsV1(fields)))).toBe(JSON.stringify(fields)); // key order included
    expect(toFieldsV1(fromFieldsV1({ "f:a": { ".": {} } }))).toEqual({ "f:a": {} });
    expect([...fromFieldsV1(fields).values()].map(pathString)).toContain('.spec.ports[port=80,protocol="TCP"].port');
    expect(decodeManagedFields([{ manager: "x", operation: "Bogus" }, "junk"])).toEqual([]);
  });
});
