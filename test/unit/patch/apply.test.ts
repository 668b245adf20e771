// Server-side apply (`kubectl apply --server-side`, apply-server-side.log): ownership, removal of
// fields an applier drops, and conflicts with other managers.
import { describe, expect, test } from "vitest";
import { serverSideApply } from "../../../durable/sim/api/patch/apply";
import { PatchError } from "../../../durable/sim/api/patch/errors";
import { fromFieldsV1, pathString } from "../../../durable/sim/api/patch/field-path";
import { updateManagedFields } from "../../../durable/sim/api/patch/managed-fields";
import { fixture } from "./fixtures";

const T0 = "2026-11-24T22:09:34Z";
const T1 = "2026-11-24T22:09:35Z";
const T2 = "2026-11-24T22:10:00Z";
const entries = (o: Record<string, any>) => o.metadata.managedFields as Record<string, any>[];
const paths = (e: Record<string, any>) => [...fromFieldsV1(e.fieldsV1).values()].map(pathString).sort();
const apply = (live: Record<string, any> | undefined, intent: Record<string, any>, manager = "kubectl", now = T0, force = false) =>
  serverSideApply(live, intent, { manager, now, force });

function conflictOf(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (e) {
    return e as PatchError;
  }
  throw new Error("expected a conflict");
}

describe("server-side apply", () => {
  test("creates the object and records an Apply entry owning exactly the configuration", () => {
    const r = apply(undefined, fixture("pod-v1.json"));
    expect(r.created).toBe(true);
    expect(r.object.spec).toEqual(fixture("pod-v1.json").spec);
    expect(entries(r.object)).toHaveLength(1);
    const e = entries(r.object)[0];
    expect(e).toMatchObject({ manager: "kubectl", operation: "Apply", apiVersion: "v1", time: T0, fieldsType: "FieldsV1" });
    expect(e.fieldsV1).toEqual({
      "f:metadata": { "f:labels": { "f:app": {}, "f:tier": {} } },
      "f:spec": { "f:containers": {
        'k:{"name":"nginx"}': {
          ".": {},
          "f:env": { 'k:{"name":"GREETING"}': { ".": {}, "f:name": {}, "f:value": {} }, 'k:{"name":"MODE"}': { ".": {}, "f:name": {}, "f:value": {} } },
          "f:image": {}, "f:name": {},
          "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
        },
        'k:{"name":"sidecar"}': { ".": {}, "f:command": {}, "f:image": {}, "f:name": {} },
      } },
    });
  });

  test("re-applying the same configuration changes nothing, not even the time", () => {
    const first = apply(undefined, fixture("pod-v1.json")).object;
    const again = apply(first, fixture("pod-v1.json"), "kubectl", T1);
    expect(again.created).toBe(false);
    expect(again.object).toEqual(first);
  });

  test("the second apply of apply-server-side.log: labels dropped from the manifest go, new ones come", () => {
    const first = apply(undefined, fixture("pod-v1.json")).object;
    const r = apply(first, fixture("pod-v2.json"), "kubectl", T1).object;
    expect(r.metadata.labels).toEqual({ app: "web", version: "v2" });
    expect(r.metadata.annotations).toEqual({ note: "changed" });
    expect(r.spec.activeDeadlineSeconds).toBe(7200);
    expect(r.spec.containers[0].image).toBe("nginx:1.27");
    expect(entries(r)[0].time).toBe(T1);
    expect(paths(entries(r)[0])).toContain(".metadata.annotations.note");
  });

  test("dropping a container or env var from the manifest removes it", () => {
    const first = apply(undefined, fixture("pod-v1.json")).object;
    const intent = fixture("pod-v1.json");
    intent.spec.containers = [{ ...intent.spec.containers[0], env: [{ name: "GREETING", value: "hello" }] }];
    const r = apply(first, intent, "kubectl", T1).object;
    expect(r.spec.containers.map((c: any) => c.name)).toEqual(["nginx"]);
    expect(r.spec.containers[0].env).toEqual([{ name: "GREETING", value: "hello" }]);
  });

  test("a dropped field that another manager also owns stays", () => {
    const first = apply(undefined, fixture("pod-v1.json")).object;
    const labelled = structuredClone(first);
    labelled.metadata.labels.tier = "backend";
    const edited = updateManagedFields(first, labelled, "kubectl-label", "Update", T1);
    const intent = fixture("pod-v1.json");
    delete intent.metadata.labels.tier;
    const r = apply(edited, intent, "kubectl", T2).object;
    expect(r.metadata.labels).toEqual({ app: "web", tier: "backend" });
    expect(entries(r).map((e) => e.manager)).toEqual(["kubectl", "kubectl-label"]);
  });

  test("changing a field another manager owns is a 409 with FieldManagerConflict causes", () => {
    const live = fixture("live-pod-web.json");
    delete live.metadata.managedFields;
    const owned = updateManagedFields(undefined, live, "kubectl-client-side-apply", "Update", T0);
    const err = conflictOf(() => apply(owned, fixture("pod-v2.json"), "kubectl", T1));
    expect(err).toBeInstanceOf(PatchError);
    expect(err.toStatus()).toEqual({
      kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: 409, reason: "Conflict",
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="nginx"].image',
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "kubectl-client-side-apply" using v1',
        field: '.spec.containers[name="nginx"].image' }] },
    });
  });

  test("several conflicts are listed per manager", () => {
    const first = apply(undefined, fixture("pod-v1.json"), "alice").object;
    const intent = fixture("pod-v1.json");
    intent.metadata.labels.tier = "backend";
    intent.spec.containers[0].image = "nginx:1.27";
    const err = conflictOf(() => apply(first, intent, "bob", T1));
    expect(err.message).toBe('Apply failed with 2 conflicts: conflicts with "alice":\n- .metadata.labels.tier\n- .spec.containers[name="nginx"].image');
    expect(err.toStatus().details?.causes?.map((c) => c.field)).toEqual([".metadata.labels.tier", '.spec.containers[name="nginx"].image']);
  });

  test("force takes ownership of the conflicting fields", () => {
    const first = apply(undefined, fixture("pod-v1.json"), "alice").object;
    const intent = fixture("pod-v1.json");
    intent.spec.containers[0].image = "nginx:1.27";
    const r = apply(first, intent, "bob", T1, true);
    expect(r.object.spec.containers[0].image).toBe("nginx:1.27");
    expect(r.conflicts?.map((c) => c.field)).toEqual(['.spec.containers[name="nginx"].image']);
    const [alice, bob] = ["alice", "bob"].map((m) => entries(r.object).find((e) => e.manager === m)!);
    expect(paths(alice)).not.toContain('.spec.containers[name="nginx"].image');
    expect(paths(bob)).toContain('.spec.containers[name="nginx"].image');
  });

  test("applying the same value another manager set shares ownership without a conflict", () => {
    const first = apply(undefined, fixture("pod-v1.json"), "alice").object;
    const r = apply(first, { apiVersion: "v1", kind: "Pod", metadata: { name: "web", labels: { app: "web" } } }, "bob", T1);
    expect(r.object.metadata.labels).toEqual({ app: "web", tier: "frontend" });
    expect(entries(r.object).map((e) => e.manager)).toEqual(["alice", "bob"]);
  });

  test("an object without managedFields is attributed to before-first-apply", () => {
    const live = fixture("live-pod-web.json");
    delete live.metadata.managedFields;
    const err = conflictOf(() => apply(live, fixture("pod-v2.json"), "kubectl", T1));
    expect(err.message).toContain('conflict with "before-first-apply" using v1');
  });

  test("status in the configuration is ignored; managedFields in it are rejected", () => {
    const intent = { ...fixture("pod-v1.json"), status: { phase: "Running" } };
    const r = apply(undefined, intent);
    expect(r.object.status).toBeUndefined();
    const withManaged = fixture("pod-v1.json");
    withManaged.metadata.managedFields = [{ manager: "x" }];
    const err = conflictOf(() => apply(undefined, withManaged));
    expect(err.status).toBe(400);
    expect(err.message).toBe("metadata.managedFields must be nil");
  });

  test("finalizers are a set: values are owned one by one", () => {
    const r = apply(undefined, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", finalizers: ["a/b"] }, data: { k: "v" } });
    expect(entries(r.object)[0].fieldsV1).toEqual({ "f:data": { "f:k": {} }, "f:metadata": { "f:finalizers": { 'v:"a/b"': {} } } });
    const r2 = apply(r.object, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", finalizers: ["x"] } }, "kubectl", T1);
    expect(r2.object.metadata.finalizers).toEqual(["x"]);
    expect(r2.object.data).toBeUndefined();
  });

  test("inputs are not mutated", () => {
    const first = apply(undefined, fixture("pod-v1.json")).object;
    const snapshot = JSON.stringify(first);
    const intent = fixture("pod-v2.json");
    const intentSnapshot = JSON.stringify(intent);
    apply(first, intent, "kubectl", T1);
    expect(JSON.stringify(first)).toBe(snapshot);
    expect(JSON.stringify(intent)).toBe(intentSnapshot);
  });
});
