// Updating a pod may change images, activeDeadlineSeconds (down), tolerations (additions) and
// metadata; anything else is Forbidden with upstream's go-cmp diff of the internal PodSpec.
import { describe, expect, it } from "vitest";
import { POD_UPDATE_FORBIDDEN } from "../../../schema/validation/pod-update";
import { prepare, updateErrors } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const VOLUMES = `  \tVolumes:        {{Name: "kube-api-access-7x2zq", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},`;
const FORBIDDEN = `spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`;

const stored = (): Json => {
  const p = prepare({ metadata: { name: "web", labels: { app: "web" } }, spec: { containers: [
    { name: "nginx", image: "nginx:1.25", env: [{ name: "GREETING", value: "hello" }, { name: "MODE", value: "dev" }], ports: [{ containerPort: 80 }] },
    { name: "sidecar", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"] }] } });
  p.metadata.uid = "02008915-eb86-4a42-b503-430701b39728";
  p.metadata.resourceVersion = "1018";
  p.metadata.creationTimestamp = "2026-11-24T21:55:13Z";
  return p;
};
const edit = (f: (p: Json) => void): string[] => {
  const old = stored();
  const next = JSON.parse(JSON.stringify(old));
  f(next);
  return updateErrors(next, old);
};

describe("allowed updates", () => {
  it.each([
    ["images", (p: Json) => { p.spec.containers[0].image = "nginx:1.27"; }],
    ["labels and annotations", (p: Json) => { p.metadata.labels = { app: "web", version: "v2" }; p.metadata.annotations = { note: "changed" }; }],
    ["an added toleration", (p: Json) => { p.spec.tolerations.push({ key: "k", operator: "Exists", effect: "NoSchedule" }); }],
    ["a toleration's seconds", (p: Json) => { p.spec.tolerations[0].tolerationSeconds = 10; }],
    ["activeDeadlineSeconds from nil", (p: Json) => { p.spec.activeDeadlineSeconds = 100; }],
    ["quantities written differently", (p: Json) => { p.spec.containers[0].resources = {}; }],
  ])("%s", (_n, f) => expect(edit(f)).toEqual([]));
});

describe("refused updates", () => {
  it("shows the diff of an env change (kubectl apply of a changed manifest)", () => {
    expect(edit((p) => { p.spec.containers[0].env.pop(); p.spec.containers[0].image = "nginx:1.27"; })).toEqual([`${FORBIDDEN}
  core.PodSpec{
${VOLUMES}
  \tInitContainers: nil,
  \tContainers: []core.Container{
  \t\t{
  \t\t\t... // 5 identical fields
  \t\t\tPorts:   {{ContainerPort: 80, Protocol: "TCP"}},
  \t\t\tEnvFrom: nil,
  \t\t\tEnv: []core.EnvVar{
  \t\t\t\t{Name: "GREETING", Value: "hello"},
- \t\t\t\t{Name: "MODE", Value: "dev"},
  \t\t\t},
  \t\t\tResources:    {},
  \t\t\tResizePolicy: nil,
  \t\t\t... // 14 identical fields
  \t\t},
  \t\t{Name: "sidecar", Image: "busybox:1.36", Command: {"sh", "-c", "sleep 3600"}, VolumeMounts: {{Name: "kube-api-access-7x2zq", ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}}, ...},
  \t},
  \tEphemeralContainers: nil,
  \tRestartPolicy:       "Always",
  \t... // 29 identical fields
  }
`]);
  });

  it("shows a changed command element", () => {
    expect(edit((p) => { p.spec.containers[1].command[2] = "sleep 10"; })[0]).toContain(`  \t\t\tCommand: []string{
  \t\t\t\t"sh",
  \t\t\t\t"-c",
- \t\t\t\t"sleep 3600",
+ \t\t\t\t"sleep 10",
  \t\t\t},`);
  });

  it("diffs a long multi-line script line by line, triple-quoted", () => {
    const script = (n: number) => `sleep ${n}\nnginx -s quit\nwhile killall -0 nginx\ndo\n    sleep 1\ndone\n`;
    const old = prepare({ metadata: { name: "prestop" }, spec: { terminationGracePeriodSeconds: 50, containers: [{ name: "poststart", image: "nginx:1.27.5",
      lifecycle: { preStop: { exec: { command: ["/bin/sh", "-c", script(40)] } } } }] } });
    const next = JSON.parse(JSON.stringify(old));
    next.spec.containers[0].lifecycle.preStop.exec.command[2] = script(20);
    expect(updateErrors(next, old)[0]).toContain(`  \t\t\t\t\t\tCommand: []string{
  \t\t\t\t\t\t\t"/bin/sh",
  \t\t\t\t\t\t\t"-c",
  \t\t\t\t\t\t\t(
  \t\t\t\t\t\t\t\t"""
- \t\t\t\t\t\t\t\tsleep 40
+ \t\t\t\t\t\t\t\tsleep 20
  \t\t\t\t\t\t\t\tnginx -s quit
  \t\t\t\t\t\t\t\twhile killall -0 nginx
  \t\t\t\t\t\t\t\t... // 4 identical lines
  \t\t\t\t\t\t\t\t"""
  \t\t\t\t\t\t\t),
  \t\t\t\t\t\t},`);
  });

  it("shows a changed scalar field of the spec", () => {
    expect(edit((p) => { p.spec.terminationGracePeriodSeconds = 50; })).toEqual([`${FORBIDDEN}
  core.PodSpec{
  \t... // 3 identical fields
  \tEphemeralContainers:           nil,
  \tRestartPolicy:                 "Always",
- \tTerminationGracePeriodSeconds: &30,
+ \tTerminationGracePeriodSeconds: &50,
  \tActiveDeadlineSeconds:         nil,
  \tDNSPolicy:                     "ClusterFirst",
  \t... // 26 identical fields
  }
`]);
  });

  it("reports a resources change with the QoS rule and quantities as upstream holds them", () => {
    const errs = edit((p) => { p.spec.containers[0].resources = { requests: { cpu: "1", memory: "2Gi" } }; });
    expect(errs[0]).toBe('metadata: Invalid value: "BestEffort": Pod QoS is immutable');
    expect(errs[1]).toContain(`+ \t\t\t\tRequests: core.ResourceList{
+ \t\t\t\t\ts"cpu":    {i: resource.int64Amount{value: 1}, s: "1", Format: "DecimalSI"},
+ \t\t\t\t\ts"memory": {i: resource.int64Amount{value: 2147483648}, s: "2Gi", Format: "BinarySI"},
+ \t\t\t\t},`);
  });

  it.each([
    ["a container added", (p: Json) => { p.spec.containers.push({ name: "x", image: "x", terminationMessagePolicy: "File", imagePullPolicy: "Always" }); }, ["spec.containers: Forbidden: pod updates may not add or remove containers"]],
    ["an empty image", (p: Json) => { p.spec.containers[0].image = ""; }, ["spec.containers[0].image: Required value", "spec.containers[0].image: Required value"]],
    ["activeDeadlineSeconds raised", (p: Json) => { p.spec.activeDeadlineSeconds = 200; }, []],
    ["a removed default toleration (admission adds it back)", (p: Json) => { p.spec.tolerations.pop(); }, []],
    ["the uid", (p: Json) => { p.metadata.uid = "other"; }, ['metadata.uid: Invalid value: "other": field is immutable']],
  ])("%s", (_n, f, errs) => expect(edit(f)).toEqual(errs));

  it("limits activeDeadlineSeconds to decreases", () => {
    const old = stored();
    old.spec.activeDeadlineSeconds = 100;
    const up = JSON.parse(JSON.stringify(old));
    up.spec.activeDeadlineSeconds = 200;
    expect(updateErrors(up, old)).toEqual(["spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value"]);
    const gone = JSON.parse(JSON.stringify(old));
    delete gone.spec.activeDeadlineSeconds;
    expect(updateErrors(gone, old)[0]).toBe("spec.activeDeadlineSeconds: Invalid value: \"null\": must not update from a positive integer to nil value");
    const down = JSON.parse(JSON.stringify(old));
    down.spec.activeDeadlineSeconds = 50;
    expect(updateErrors(down, old)).toEqual([]);
  });

  it("refuses a replace that drops the admission-added fields (kubectl replace without --force)", () => {
    const old = stored();
    const manifest = { apiVersion: "v1", kind: "Pod", metadata: { ...old.metadata }, spec: { containers: [
      { name: "nginx", image: "nginx:1.25", env: [{ name: "GREETING", value: "hello" }, { name: "MODE", value: "dev" }], ports: [{ containerPort: 80 }] },
      { name: "sidecar", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"] }] }, status: old.status };
    const errs = updateErrors(manifest, old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain("- \tVolumes: []core.Volume{");
    expect(errs[0]).toContain("+ \tVolumes:        nil,");
    expect(errs[0]).toContain('- \tServiceAccountName:           "default",');
  });

  it("refuses removing a toleration", () => {
    const old = stored();
    old.spec.tolerations.unshift({ key: "gpu", operator: "Exists", effect: "NoSchedule" });
    const next = JSON.parse(JSON.stringify(old));
    next.spec.tolerations.shift();
    expect(updateErrors(next, old)).toEqual(["spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds"]);
  });
});
