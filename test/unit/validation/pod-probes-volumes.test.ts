// Probes, lifecycle hooks, init containers / sidecars, volumes and mounts, tolerations and
// affinity report upstream's messages.
import { describe, expect, it } from "vitest";
import { createErrors, podWith } from "./helpers";
import { LABEL } from "./messages";

const probe = (kind: string, p: object) => podWith({ containers: [{ name: "web", image: "nginx", [kind]: p }] });
const lp = "spec.containers[0].livenessProbe";

describe("probes", () => {
  it.each([
    ["no handler", probe("livenessProbe", { periodSeconds: 5 }), [`${lp}: Required value: must specify a handler type`]],
    ["two handlers", probe("livenessProbe", { exec: { command: ["true"] }, tcpSocket: { port: 80 } }), [`${lp}.tcpSocket: Forbidden: may not specify more than 1 handler type`]],
    ["three handlers", probe("livenessProbe", { exec: { command: ["true"] }, httpGet: { port: 80 }, grpc: { port: 9 } }), [
      `${lp}.httpGet: Forbidden: may not specify more than 1 handler type`, `${lp}.grpc: Forbidden: may not specify more than 1 handler type`]],
    ["liveness successThreshold", probe("livenessProbe", { exec: { command: ["true"] }, successThreshold: 2 }), [`${lp}.successThreshold: Invalid value: 2: must be 1`]],
    ["startup successThreshold", probe("startupProbe", { tcpSocket: { port: 80 }, successThreshold: 3 }), ["spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1"]],
    ["readiness successThreshold is free", probe("readinessProbe", { tcpSocket: { port: 80 }, successThreshold: 3 }), []],
    ["readiness grace period", probe("readinessProbe", { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 }),
      ["spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes"]],
    ["probe grace period must be positive", probe("livenessProbe", { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 0 }),
      [`${lp}.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0`]],
    ["negative timings", probe("livenessProbe", { tcpSocket: { port: 80 }, initialDelaySeconds: -1, periodSeconds: -5 }), [
      `${lp}.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0`, `${lp}.periodSeconds: Invalid value: -5: must be greater than or equal to 0`]],
    ["exec without command", probe("livenessProbe", { exec: {} }), [`${lp}.exec.command: Required value`]],
    ["httpGet without port", probe("readinessProbe", { httpGet: { path: "/healthz" } }), ["spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive"]],
    ["httpGet bad named port", probe("readinessProbe", { httpGet: { port: "HTTP" } }), [
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)']],
    ["named ports are not checked against the container", probe("readinessProbe", { httpGet: { port: "metrics" } }), []],
    ["httpGet scheme", probe("readinessProbe", { httpGet: { port: 80, scheme: "FTP" } }), ['spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"']],
    ["tutorial probes", podWith({ containers: [{ name: "test-probe", image: "nginx:1.27.5", imagePullPolicy: "IfNotPresent",
      startupProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 20, timeoutSeconds: 2, periodSeconds: 5, successThreshold: 1, failureThreshold: 2 },
      readinessProbe: { httpGet: { port: 80, path: "/index.php", scheme: "HTTP" }, initialDelaySeconds: 10, timeoutSeconds: 2, periodSeconds: 3, successThreshold: 1, failureThreshold: 2 },
      livenessProbe: { exec: { command: ["sh", "-c", "pgrep nginx"] }, initialDelaySeconds: 10, timeoutSeconds: 2, periodSeconds: 3, successThreshold: 1, failureThreshold: 2 } }] }), []],
  ])("%s", (_n, pod, errs) => expect(createErrors(pod)).toEqual(errs));
});

describe("lifecycle hooks", () => {
  const hook = (lifecycle: object, spec: object = {}) => podWith({ ...spec, containers: [{ name: "web", image: "nginx", lifecycle }] });
  it.each([
    ["no handler", hook({ postStart: {} }), ["spec.containers[0].lifecycle.postStart: Required value: must specify a handler type"]],
    ["tcpSocket is still accepted", hook({ preStop: { tcpSocket: { port: 80 } } }), []],
    ["sleep beyond the grace period", hook({ preStop: { sleep: { seconds: 40 } } }), [
      "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."]],
    ["sleep zero", hook({ preStop: { sleep: { seconds: 0 } } }), [
      "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."]],
    ["sleep within a longer grace period", hook({ preStop: { sleep: { seconds: 40 } } }, { terminationGracePeriodSeconds: 50 }), []],
    ["exec and sleep", hook({ preStop: { exec: { command: ["x"] }, sleep: { seconds: 1 } } }), ["spec.containers[0].lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type"]],
  ])("%s", (_n, pod, errs) => expect(createErrors(pod)).toEqual(errs));
});

describe("init containers and sidecars", () => {
  const init = (c: object) => podWith({ initContainers: [{ name: "init", image: "busybox", ...c }] });
  const FORBID = "may not be set for init containers without restartPolicy=Always";
  it.each([
    ["lifecycle", init({ lifecycle: { postStart: { exec: { command: ["x"] } } } }), [`spec.initContainers[0].lifecycle: Forbidden: ${FORBID}`]],
    ["probes", init({ livenessProbe: { exec: { command: ["x"] } }, readinessProbe: { exec: { command: ["x"] } }, startupProbe: { exec: { command: ["x"] } } }), [
      `spec.initContainers[0].livenessProbe: Forbidden: ${FORBID}`, `spec.initContainers[0].readinessProbe: Forbidden: ${FORBID}`, `spec.initContainers[0].startupProbe: Forbidden: ${FORBID}`]],
    ["sidecar may have probes", init({ restartPolicy: "Always", readinessProbe: { exec: { command: ["x"] } } }), []],
    ["sidecar probes are validated", init({ restartPolicy: "Always", livenessProbe: {} }), ["spec.initContainers[0].livenessProbe: Required value: must specify a handler type"]],
    ["init restartPolicy", init({ restartPolicy: "OnFailure" }), ['spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
  ])("%s", (_n, pod, errs) => expect(createErrors(pod)).toEqual(errs));
});

describe("volumes and mounts", () => {
  const vol = (volumes: object[], mounts: object[] = []) => podWith({ volumes, containers: [{ name: "web", image: "nginx", volumeMounts: mounts }] });
  it.each([
    ["mount of a missing volume", vol([], [{ name: "data", mountPath: "/data" }]), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ["mountPath required", vol([{ name: "data", emptyDir: {} }], [{ name: "data" }]), ["spec.containers[0].volumeMounts[0].mountPath: Required value"]],
    ["mountPath unique", vol([{ name: "data", emptyDir: {} }, { name: "more", emptyDir: {} }], [{ name: "data", mountPath: "/data" }, { name: "more", mountPath: "/data" }]),
      ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique']],
    ["subPath backsteps", vol([{ name: "data", emptyDir: {} }], [{ name: "data", mountPath: "/d", subPath: "../x" }]),
      ['spec.containers[0].volumeMounts.subPath: Invalid value: "../x": must not contain \'..\'']],
    ["duplicate volume names", vol([{ name: "data", emptyDir: {} }, { name: "data", emptyDir: {} }]), ['spec.volumes[1].name: Duplicate value: "data"']],
    ["bad volume name", vol([{ name: "Data", emptyDir: {} }]), [`spec.volumes[0].name: Invalid value: "Data": ${LABEL}`]],
    ["two sources", vol([{ name: "data", emptyDir: {}, configMap: { name: "c" } }]), ["spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type"]],
    ["negative sizeLimit", vol([{ name: "data", emptyDir: { sizeLimit: "-1Gi" } }]), ["spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity"]],
    ["configMap name", vol([{ name: "c", configMap: {} }]), ["spec.volumes[0].configMap.name: Required value"]],
    ["secret name", vol([{ name: "s", secret: {} }]), ["spec.volumes[0].secret.secretName: Required value"]],
    ["defaultMode range", vol([{ name: "s", secret: { secretName: "s", defaultMode: 1000 } }]), ["spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive"]],
    ["item path", vol([{ name: "c", configMap: { name: "c", items: [{ key: "k", path: "/abs" }] } }]), ['spec.volumes[0].configMap.items[0].path: Invalid value: "/abs": must be a relative path']],
    ["hostPath path", vol([{ name: "h", hostPath: {} }]), ["spec.volumes[0].hostPath.path: Required value"]],
    ["hostPath type", vol([{ name: "h", hostPath: { path: "/x", type: "Dir" } }]), ['spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"']],
    ["pvc claimName", vol([{ name: "p", persistentVolumeClaim: {} }]), ["spec.volumes[0].persistentVolumeClaim.claimName: Required value"]],
    ["a mount of an invalid volume is not found", vol([{ name: "c", configMap: {} }], [{ name: "c", mountPath: "/c" }]),
      ["spec.volumes[0].configMap.name: Required value", 'spec.containers[0].volumeMounts[0].name: Not found: "c"']],
    ["valid downwardAPI volume", vol([{ name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } }], [{ name: "info", mountPath: "/etc/podinfo" }]), []],
  ])("%s", (_n, pod, errs) => expect(createErrors(pod)).toEqual(errs));
});

describe("tolerations and affinity", () => {
  it.each([
    ["Exists with a value", { tolerations: [{ key: "k", operator: "Exists", value: "x" }] }, ["spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'"]],
    ["empty key needs Exists", { tolerations: [{ operator: "Equal", value: "x" }] }, ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"']],
    ["unknown operator", { tolerations: [{ key: "k", operator: "In" }] }, ['spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"']],
    ["unknown effect", { tolerations: [{ key: "k", operator: "Exists", effect: "NoRun" }] }, ['spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
    ["tolerationSeconds needs NoExecute", { tolerations: [{ key: "k", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 5 }] }, ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"]],
    ["master taint toleration", { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }, []],
    ["no node selector terms", { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } },
      ["spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term"]],
    ["bad operator and missing values", { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "disk", operator: "Has" }, { key: "zone", operator: "In" }] }] } } } }, [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator',
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ["preferred weight", { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } } },
      ["spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100"]],
    ["pod anti-affinity topologyKey", { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "web" } } }] } } }, [
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty",
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must be non-empty",
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]],
  ])("%s", (_n, spec, errs) => expect(createErrors(podWith(spec))).toEqual(errs));
});
