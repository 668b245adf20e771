// Client-side `kubectl apply` against recorded sessions: the annotation and patches podlab's
// in-core kubectl computes must be the bytes kubectl v1.32 sent (apply-create.log,
// apply-update.log, apply-update-forbidden-env-change.log, apply-unchanged.log), and the
// apiserver half must turn those patches into the objects a real cluster stores.
import { describe, expect, test } from "vitest";
import { goJson } from "../../../durable/sim/api/patch/json-value";
import {
  kubectlApplyPatch, LAST_APPLIED_ANNOTATION, modifiedConfiguration, originalConfiguration,
} from "../../../durable/sim/api/patch/kubectl-apply";
import { patchMetaFor, strategicMergePatch } from "../../../durable/sim/api/patch/strategic";
import { fixture, fixtureText } from "./fixtures";

const pod = patchMetaFor("Pod");

describe("kubectl apply computes what kubectl v1.32 sends", () => {
  test("the create body carries the manifest as compact JSON plus a newline in last-applied", () => {
    const { modified, lastApplied } = modifiedConfiguration(fixture("pod-v1.json"));
    expect(goJson(modified)).toBe(fixtureText("apply-create.post.json").trim());
    expect(lastApplied.endsWith("}}\n")).toBe(true);
    expect(JSON.parse(lastApplied).metadata.annotations).toEqual({});
  });

  test("a changed manifest gives the recorded apply-update.log patch, byte for byte", () => {
    const r = kubectlApplyPatch(fixture("pod-v2.json"), fixture("live-pod-web.json"), pod);
    expect(r.body).toBe(fixtureText("apply-update.patch.json").trim());
    expect(r.unchanged).toBe(false);
  });

  test("removing an env var gives the recorded $patch: delete and $setElementOrder/env", () => {
    const r = kubectlApplyPatch(fixture("pod-v2-badenv.json"), fixture("live-pod-web.json"), pod);
    expect(r.body).toBe(fixtureText("apply-update-forbidden-env-change.patch.json").trim());
  });

  test("re-applying the same manifest computes {} and sends nothing (apply-unchanged.log)", () => {
    const updated = strategicMergePatch(fixture("live-pod-web.json"), fixture("apply-update.patch.json"), pod);
    const r = kubectlApplyPatch(fixture("pod-v2.json"), updated, pod);
    expect(r.body).toBe("{}");
    expect(r.unchanged).toBe(true);
  });

  test("the live object's last-applied annotation is the original of the three-way diff", () => {
    const original = originalConfiguration(fixture("live-pod-web.json"));
    expect(original?.metadata).toMatchObject({ labels: { app: "web", tier: "frontend" }, annotations: {} });
    expect(originalConfiguration({ metadata: {} })).toBeUndefined();
    expect(originalConfiguration({ metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: "not json" } } })).toBeUndefined();
  });
});

describe("the apiserver applies the recorded patches to the live Pod", () => {
  test("apply-update.log: image, labels, annotations and activeDeadlineSeconds change; defaults and status stay", () => {
    const live = fixture("live-pod-web.json");
    const out = strategicMergePatch(live, fixture("apply-update.patch.json"), pod) as Record<string, any>;
    const v2 = modifiedConfiguration(fixture("pod-v2.json")).lastApplied;
    expect(out.metadata.labels).toEqual({ app: "web", version: "v2" });
    expect(out.metadata.annotations).toEqual({ [LAST_APPLIED_ANNOTATION]: v2, note: "changed" });
    expect(out.spec.activeDeadlineSeconds).toBe(7200);
    expect(out.spec.containers.map((c: any) => [c.name, c.image])).toEqual([["nginx", "nginx:1.27"], ["sidecar", "busybox:1.36"]]);
    expect(out.spec.containers[0]).toMatchObject({
      imagePullPolicy: "IfNotPresent", terminationMessagePath: "/dev/termination-log", resources: {},
      ports: [{ containerPort: 80, protocol: "TCP" }],
      env: [{ name: "GREETING", value: "hello" }, { name: "MODE", value: "dev" }],
    });
    expect(out.spec.tolerations).toEqual(live.spec.tolerations);
    expect(out.status).toEqual(live.status);
    expect(out.metadata.uid).toBe(live.metadata.uid);
  });

  test("apply-update-forbidden-env-change.log: MODE is removed (pod validation then refuses the update)", () => {
    const live = fixture("live-pod-web.json");
    const out = strategicMergePatch(live, fixture("apply-update-forbidden-env-change.patch.json"), pod) as Record<string, any>;
    expect(out.spec.containers[0].env).toEqual([{ name: "GREETING", value: "hello" }]);
    expect(out.spec.containers[0].image).toBe("nginx:1.27");
    expect(out.spec.containers[1]).toEqual(live.spec.containers[1]);
  });
});
