// Creating a pod reports upstream's exact messages, in upstream's order: metadata, names,
// images, policies, ports, environment and resources.
import { describe, expect, it } from "vitest";
import { createErrors, podWith } from "./helpers";
import { ENV_PATHS, LABEL, LABEL_VALUE, NAME_PART, SUBDOMAIN } from "./messages";

const ctr = (c: object) => podWith({ containers: [{ name: "web", image: "nginx", ...c }] });
const env = (...e: object[]) => ctr({ env: e });

describe("metadata", () => {
  it.each([
    ["invalid name", { metadata: { name: "My_Pod" } }, [`metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN}`]],
    ["name too long", { metadata: { name: "a".repeat(254) } }, [`metadata.name: Invalid value: "${"a".repeat(254)}": must be no more than 253 characters`]],
    ["no name", { metadata: {} }, ["metadata.name: Required value: name or generateName is required"]],
    ["bad namespace", { metadata: { name: "p", namespace: "My_NS" } }, [`metadata.namespace: Invalid value: "My_NS": ${LABEL}`]],
    ["bad label value", { metadata: { name: "p", labels: { app: "bad value!" } } }, [`metadata.labels: Invalid value: "bad value!": ${LABEL_VALUE}`]],
    ["bad label key", { metadata: { name: "p", labels: { "-app": "x" } } }, [`metadata.labels: Invalid value: "-app": ${NAME_PART}`]],
    ["bad annotation key", { metadata: { name: "p", annotations: { "a/b/c": "x" } } }, [
      "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]],
    ["uppercase annotation keys are fine", { metadata: { name: "p", annotations: { "Example.COM/Key": "x" } } }, []],
    ["dotted pod name is fine", { metadata: { name: "web.v1" } }, []],
  ])("%s", (_n, meta, errs) => expect(createErrors({ ...podWith({}), ...meta })).toEqual(errs));
});

describe("containers", () => {
  it.each([
    ["no containers", podWith({ containers: [] }), ["spec.containers: Required value"]],
    ["container name not a label", ctr({ name: "Web_App" }), [`spec.containers[0].name: Invalid value: "Web_App": ${LABEL}`]],
    ["dotted container name", ctr({ name: "web.app" }), [`spec.containers[0].name: Invalid value: "web.app": ${LABEL}`]],
    ["duplicate names", podWith({ containers: [{ name: "web", image: "a" }, { name: "web", image: "b" }] }), ['spec.containers[1].name: Duplicate value: "web"']],
    ["duplicate across init and app", podWith({ initContainers: [{ name: "web", image: "a" }] }), ['spec.initContainers[0].name: Duplicate value: "web"']],
    ["no image", ctr({ image: "" }), ["spec.containers[0].image: Required value"]],
    ["image whitespace", ctr({ image: "nginx " }), ['spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace']],
    ["pull policy", ctr({ imagePullPolicy: "Sometimes" }), ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
    ["termination message policy", ctr({ terminationMessagePolicy: "Foo" }), ['spec.containers[0].terminationMessagePolicy: Unsupported value: "Foo": supported values: "File", "FallbackToLogsOnError"']],
    ["restartPolicy on an app container", ctr({ restartPolicy: "Always" }), ["spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"]],
    ["several errors keep upstream order", podWith({ restartPolicy: "Sometimes", containers: [{ name: "", image: "" }] }), [
      "spec.containers[0].name: Required value", "spec.containers[0].image: Required value",
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]],
  ])("%s", (_n, pod, errs) => expect(createErrors(pod)).toEqual(errs));
});

describe("pod-level fields", () => {
  it.each([
    ["restartPolicy", { restartPolicy: "Sometimes" }, ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ["a YAML comment glued to the value is part of it", { restartPolicy: "OnFailure# 只有退出码为非0才会重启，所以该pod不会重启" },
      ['spec.restartPolicy: Unsupported value: "OnFailure# 只有退出码为非0才会重启，所以该pod不会重启": supported values: "Always", "OnFailure", "Never"']],
    ["dnsPolicy", { dnsPolicy: "Foo" }, ['spec.dnsPolicy: Unsupported value: "Foo": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ["dnsPolicy None needs dnsConfig", { dnsPolicy: "None" }, ["spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"]],
    ["activeDeadlineSeconds", { activeDeadlineSeconds: 0 }, ["spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"]],
    ["hostname", { hostname: "My_Host" }, [`spec.hostname: Invalid value: "My_Host": ${LABEL}`]],
    ["nodeSelector key", { nodeSelector: { "disk type": "ssd" } }, [`spec.nodeSelector: Invalid value: "disk type": ${NAME_PART}`]],
    ["nodeName", { nodeName: "Node_1" }, [`spec.nodeName: Invalid value: "Node_1": ${SUBDOMAIN}`]],
    ["sysctl name", { securityContext: { sysctls: [{ name: "Bad_Name", value: "1" }] } },
      ['spec.securityContext.sysctls[0].name: Invalid value: "Bad_Name": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$']],
    ["valid sysctls", { securityContext: { sysctls: [{ name: "kernel.shm_rmid_forced", value: "1" }, { name: "net.core.somaxconn", value: "1024" }] } }, []],
    ["net sysctl with hostNetwork", { hostNetwork: true, securityContext: { sysctls: [{ name: "net.core.somaxconn", value: "1" }] } },
      ["spec.securityContext.sysctls[0].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true"]],
    ["ephemeral containers on create", { ephemeralContainers: [{ name: "dbg", image: "busybox" }] }, ["spec.ephemeralContainers: Forbidden: cannot be set on create"]],
    ["nodeName with scheduling gates", { nodeName: "node01", schedulingGates: [{ name: "example.com/g" }] }, ["spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared"]],
  ])("%s", (_n, spec, errs) => expect(createErrors(podWith(spec))).toEqual(errs));
});

describe("ports", () => {
  it.each([
    ["containerPort required", [{ name: "http" }], ["spec.containers[0].ports[0].containerPort: Required value"]],
    ["containerPort range", [{ containerPort: 70000 }], ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]],
    ["hostPort range", [{ containerPort: 80, hostPort: 70000 }], ["spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]],
    ["protocol", [{ containerPort: 80, protocol: "HTTP" }], ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ["name charset", [{ containerPort: 80, name: "WEB" }], [
      'spec.containers[0].ports[0].name: Invalid value: "WEB": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[0].name: Invalid value: "WEB": must contain at least one letter (a-z)',
    ]],
    ["name length", [{ containerPort: 80, name: "abcdefghijklmnop" }], ['spec.containers[0].ports[0].name: Invalid value: "abcdefghijklmnop": must be no more than 15 characters']],
    ["duplicate names", [{ containerPort: 80, name: "web" }, { containerPort: 81, name: "web" }], ['spec.containers[0].ports[1].name: Duplicate value: "web"']],
  ])("%s", (_n, ports, errs) => expect(createErrors(ctr({ ports }))).toEqual(errs));

  it("reports host port conflicts across containers", () => {
    expect(createErrors(podWith({ containers: [
      { name: "a", image: "x", ports: [{ containerPort: 80, hostPort: 8080 }] },
      { name: "b", image: "x", ports: [{ containerPort: 81, hostPort: 8080 }] }] }))).toEqual(['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
  });
  it("requires hostPort == containerPort with hostNetwork", () => {
    expect(createErrors(podWith({ hostNetwork: true, containers: [{ name: "a", image: "x", ports: [{ containerPort: 80, hostPort: 81 }] }] })))
      .toEqual(["spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true"]);
  });
});

describe("environment", () => {
  const vf = "spec.containers[0].env[0].valueFrom";
  it.each([
    ["name with '=' (relaxed rules in v1.32)", env({ name: "A=B", value: "x" }), ["spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"]],
    ["relaxed names accepted", env({ name: "1ABC", value: "x" }, { name: "my var", value: "y" }, { name: "Pod_IP", value: "z" }), []],
    ["name required", env({ value: "x" }), ["spec.containers[0].env[0].name: Required value"]],
    ["no source", env({ name: "A", valueFrom: {} }), [`${vf}: Invalid value: "": must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``]],
    ["value and source", env({ name: "A", value: "x", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }), [`${vf}: Invalid value: "": may not be specified when \`value\` is not empty`]],
    ["two sources", env({ name: "A", valueFrom: { fieldRef: { fieldPath: "metadata.name" }, secretKeyRef: { name: "s", key: "k" } } }), [`${vf}: Invalid value: "": may not have more than one field specified at a time`]],
    ["unknown field path", env({ name: "A", valueFrom: { fieldRef: { fieldPath: "spec.foo" } } }), [`${vf}.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo`]],
    ["field path not for env", env({ name: "A", valueFrom: { fieldRef: { fieldPath: "status.phase" } } }), [`${vf}.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: ${ENV_PATHS}`]],
    ["whole labels map", env({ name: "A", valueFrom: { fieldRef: { fieldPath: "metadata.labels" } } }), [`${vf}.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: ${ENV_PATHS}`]],
    ["subscripted label", env({ name: "app", valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }), []],
    ["subscripted annotation", env({ name: "a", valueFrom: { fieldRef: { fieldPath: "metadata.annotations['Example.com/Key']" } } }), []],
    ["bad label key", env({ name: "A", valueFrom: { fieldRef: { fieldPath: "metadata.labels['bad key!']" } } }), [`${vf}.fieldRef: Invalid value: "bad key!": ${NAME_PART}`]],
    ["subscript elsewhere", env({ name: "A", valueFrom: { fieldRef: { fieldPath: "spec.nodeName['x']" } } }), [`${vf}.fieldRef.fieldPath: Invalid value: "spec.nodeName['x']": error converting fieldPath: field label does not support subscript: spec.nodeName['x']`]],
    ["every env field path", env(...["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"]
      .map((p, i) => ({ name: `V${i}`, valueFrom: { fieldRef: { fieldPath: p } } }))), []],
    ["resource", env({ name: "A", valueFrom: { resourceFieldRef: { resource: "limits.gpu" } } }), [`${vf}.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"`]],
    ["cpu divisor", env({ name: "A", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1Mi" } } }), [`${vf}.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor's values 1m and 1 are supported with the cpu resource`]],
    ["resourceFieldRef ok", env({ name: "A", valueFrom: { resourceFieldRef: { resource: "requests.memory", divisor: "1Mi" } } }), []],
    ["configMapKeyRef", env({ name: "A", valueFrom: { configMapKeyRef: { name: "", key: "" } } }), [`${vf}.configMapKeyRef.name: Invalid value: "": ${SUBDOMAIN}`, `${vf}.configMapKeyRef.key: Required value`]],
    ["secretKeyRef key", env({ name: "A", valueFrom: { secretKeyRef: { name: "db", key: "pass word" } } }), [`${vf}.secretKeyRef.key: Invalid value: "pass word": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`]],
    ["envFrom without source", ctr({ envFrom: [{ prefix: "X_" }] }), ['spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`']],
  ])("%s", (_n, pod, errs) => expect(createErrors(pod)).toEqual(errs));
});

describe("resources", () => {
  const res = (resources: object) => createErrors(ctr({ resources }));
  it.each([
    ["requests above limits", { requests: { cpu: "300m" }, limits: { cpu: "50m" } }, ['spec.containers[0].resources.requests: Invalid value: "300m": must be less than or equal to cpu limit of 50m']],
    ["memory above limit", { requests: { memory: "1Gi" }, limits: { memory: "512Mi" } }, ['spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi']],
    ["negative request", { requests: { cpu: "-1" } }, ['spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0']],
    ["non-standard name", { limits: { foo: "1" } }, [
      "spec.containers[0].resources.limits[foo]: Invalid value: foo: must be a standard resource type or fully qualified",
      "spec.containers[0].resources.limits[foo]: Invalid value: foo: must be a standard resource for containers",
      "spec.containers[0].resources.requests[foo]: Invalid value: foo: must be a standard resource type or fully qualified",
      "spec.containers[0].resources.requests[foo]: Invalid value: foo: must be a standard resource for containers",
    ]],
    ["quota-only standard name", { requests: { pods: "1" } }, ["spec.containers[0].resources.requests[pods]: Invalid value: pods: must be a standard resource for containers"]],
    ["extended: requests must equal limits", { requests: { "nvidia.com/gpu": "1" }, limits: { "nvidia.com/gpu": "2" } }, ['spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2']],
    ["extended: limit required", { requests: { "nvidia.com/gpu": "1" } }, ["spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"]],
    ["extended: integers only", { limits: { "nvidia.com/gpu": "500m" } }, [
      "spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: 500m: must be an integer",
      "spec.containers[0].resources.requests[nvidia.com/gpu]: Invalid value: 500m: must be an integer",
    ]],
    ["tutorial: requests 1/1Gi, limits 8/6Gi", { requests: { cpu: 1, memory: "1Gi" }, limits: { cpu: 8, memory: "6Gi" } }, []],
    ["hugepages need cpu or memory", { limits: { "hugepages-2Mi": "4Mi" } }, ["spec.containers[0].resources: Forbidden: HugePages require cpu or memory"]],
  ])("%s", (_n, r, errs) => expect(res(r)).toEqual(errs));
});
