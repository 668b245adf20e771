// Admission adds the service account token volume and mounts, the default NoExecute tolerations,
// priority, and resets status with the computed QoS class (init containers included).
import { describe, expect, it } from "vitest";
import { AdmissionError, admitPod, admitPodUpdate } from "../../../schema/admission/pod";
import { defaultPod } from "../../../schema/defaults/pod";
import { qosClass } from "../../../schema/qos";
import { fixedRng, prepare } from "./helpers";

const MOUNT = { mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: "kube-api-access-abcde", readOnly: true };

describe("ServiceAccount admission", () => {
  it("mounts the token into init and app containers", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: { initContainers: [{ name: "i", image: "busybox" }], containers: [{ name: "a", image: "nginx" }] } }, "abcde");
    expect(pod.spec.initContainers[0].volumeMounts).toEqual([MOUNT]);
    expect(pod.spec.containers[0].volumeMounts).toEqual([MOUNT]);
    expect(pod.spec.volumes.map((v: { name: string }) => v.name)).toEqual(["kube-api-access-abcde"]);
  });
  it("skips everything with automountServiceAccountToken: false", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: { automountServiceAccountToken: false, containers: [{ name: "a", image: "nginx" }] } });
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod.spec.containers[0].volumeMounts).toBeUndefined();
    expect(pod.spec.serviceAccountName).toBe("default");
  });
  it("leaves a container that already mounts the path alone", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: {
      volumes: [{ name: "mine", emptyDir: {} }],
      containers: [{ name: "a", image: "x", volumeMounts: [{ name: "mine", mountPath: MOUNT.mountPath }] }] } });
    expect(pod.spec.volumes).toEqual([{ name: "mine", emptyDir: {} }]);
  });
  it("uses the service account's preference and pull secrets", () => {
    const pod = admitPod(defaultPod({ metadata: { name: "p" }, spec: { serviceAccountName: "bot", containers: [{ name: "a", image: "x" }] } }),
      { rng: fixedRng(), serviceAccount: { automountServiceAccountToken: false, imagePullSecrets: [{ name: "reg" }] } });
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod.spec.imagePullSecrets).toEqual([{ name: "reg" }]);
    expect(pod.spec.serviceAccount).toBe("bot");
  });
});

describe("DefaultTolerationSeconds", () => {
  it("does not duplicate an existing toleration", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "x" }],
      tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }] } });
    expect(pod.spec.tolerations).toEqual([
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 },
      { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
    ]);
  });
  it("adds nothing when everything is tolerated", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "x" }], tolerations: [{ operator: "Exists" }] } });
    expect(pod.spec.tolerations).toEqual([{ operator: "Exists" }]);
  });
});

describe("Priority admission", () => {
  it("resolves system classes", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: { priorityClassName: "system-node-critical", containers: [{ name: "a", image: "x" }] } });
    expect(pod.spec).toMatchObject({ priority: 2000001000, preemptionPolicy: "PreemptLowerPriority" });
  });
  it("refuses an unknown class with 403", () => {
    expect(() => prepare({ metadata: { name: "p" }, spec: { priorityClassName: "gold", containers: [{ name: "a", image: "x" }] } }))
      .toThrow(new AdmissionError("pods", "p", "no PriorityClass with name gold was found"));
    expect(new AdmissionError("pods", "p", "x").message).toBe('pods "p" is forbidden: x');
  });
  it("refuses a contradicting priority", () => {
    expect(() => prepare({ metadata: { name: "p" }, spec: { priority: 5, containers: [{ name: "a", image: "x" }] } }))
      .toThrow('pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name');
  });
  it("keeps priority on update when the client drops it", () => {
    const old = prepare({ metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "x" }] } });
    const next = admitPodUpdate({ ...old, spec: { ...old.spec, priority: undefined, preemptionPolicy: undefined } }, old);
    expect(next.spec).toMatchObject({ priority: 0, preemptionPolicy: "PreemptLowerPriority" });
  });
});

describe("status at create", () => {
  it("adds the SchedulingGated condition for gated pods", () => {
    const pod = prepare({ metadata: { name: "p" }, spec: { schedulingGates: [{ name: "example.com/foo" }], containers: [{ name: "a", image: "x" }] } });
    expect(pod.status).toEqual({
      phase: "Pending", qosClass: "BestEffort",
      conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated", message: "Scheduling is blocked due to non-empty scheduling gates", lastProbeTime: null, lastTransitionTime: null }],
    });
  });
  it("replaces whatever status the client sent", () => {
    expect(prepare({ metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "x" }] }, status: { phase: "Running" } }).status.phase).toBe("Pending");
  });
});

describe("QoS class", () => {
  const pod = (...containers: object[]) => defaultPod({ spec: { containers: containers.map((resources, i) => ({ name: `c${i}`, image: "x", resources })) } });
  it.each([
    ["no resources", [{}], "BestEffort"],
    ["limits only (requests defaulted)", [{ limits: { cpu: "1", memory: "1Gi" } }], "Guaranteed"],
    ["equal requests and limits", [{ requests: { cpu: "500m", memory: "128Mi" }, limits: { cpu: "0.5", memory: "128Mi" } }], "Guaranteed"],
    ["requests only", [{ requests: { cpu: "1", memory: "1Gi" } }], "Burstable"],
    ["tutorial: requests 1/1Gi limits 8/6Gi", [{ requests: { cpu: 1, memory: "1Gi" }, limits: { cpu: 8, memory: "6Gi" } }], "Burstable"],
    ["one guaranteed, one best-effort", [{ limits: { cpu: "1", memory: "1Gi" } }, {}], "Burstable"],
    ["cpu limit only", [{ limits: { cpu: "1" } }], "Burstable"],
    ["zero quantities ignored", [{ requests: { cpu: "0" } }], "BestEffort"],
    ["other resources ignored", [{ limits: { "ephemeral-storage": "1Gi" } }], "BestEffort"],
  ])("%s → %s", (_name, res, cls) => expect(qosClass(pod(...(res as object[])))).toBe(cls));

  it("counts init containers", () => {
    const p = defaultPod({ spec: { containers: [{ name: "a", image: "x", resources: { limits: { cpu: "1", memory: "1Gi" } } }],
      initContainers: [{ name: "i", image: "x", resources: { requests: { cpu: "1" } } }] } });
    expect(qosClass(p)).toBe("Burstable");
  });
});
