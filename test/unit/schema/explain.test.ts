// The real kubectl on PATH (v1.32) renders podlab's OpenAPI documents like a v1.32 cluster's:
// `kubectl explain` for the tutorial's fields, and apply choosing server-side field validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startKubectlServer, type KubectlServer } from "./kubectl-server";

let s: KubectlServer;
beforeAll(async () => { s = await startKubectlServer(); });
afterAll(async () => { await s.close(); });

const explain = async (path: string) => {
  const r = await kubectl(s, ["explain", path]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
};
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("kubectl explain", { timeout: 60_000 }, () => {
  it("pod", async () => {
    expect(await explain("pod")).toBe(lines(
      "KIND:       Pod", "VERSION:    v1", "", "DESCRIPTION:",
      "    Pod is a collection of containers that can run on a host. This resource is",
      "    created by clients and scheduled onto hosts.", "    ", "FIELDS:",
      "  apiVersion\t<string>",
      "    APIVersion defines the versioned schema of this representation of an object.",
      "    Servers should convert recognized schemas to the latest internal value, and",
      "    may reject unrecognized values. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources", "",
      "  kind\t<string>",
      "    Kind is a string value representing the REST resource this object",
      "    represents. Servers may infer this from the endpoint the client submits",
      "    requests to. Cannot be updated. In CamelCase. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds", "",
      "  metadata\t<ObjectMeta>", "    Standard object's metadata. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata", "",
      "  spec\t<PodSpec>", "    Specification of the desired behavior of the pod. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status", "",
      "  status\t<PodStatus>",
      "    Most recently observed status of the pod. This data may not be up to date.",
      "    Populated by the system. Read-only. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status", "", ""));
  });

  it("pod.spec.containers.env", async () => {
    expect(await explain("pod.spec.containers.env")).toBe(lines(
      "KIND:       Pod", "VERSION:    v1", "", "FIELD: env <[]EnvVar>", "", "", "DESCRIPTION:",
      "    List of environment variables to set in the container. Cannot be updated.",
      "    EnvVar represents an environment variable present in a Container.", "    ", "FIELDS:",
      "  name\t<string> -required-", "    Name of the environment variable. Must be a C_IDENTIFIER.", "",
      "  value\t<string>",
      "    Variable references $(VAR_NAME) are expanded using the previously defined",
      "    environment variables in the container and any service environment",
      "    variables. If a variable cannot be resolved, the reference in the input",
      "    string will be unchanged. Double $$ are reduced to a single $, which allows",
      '    for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the',
      '    string literal "$(VAR_NAME)". Escaped references will never be expanded,',
      '    regardless of whether the variable exists or not. Defaults to "".', "",
      "  valueFrom\t<EnvVarSource>",
      "    Source for the environment variable's value. Cannot be used if value is not",
      "    empty.", "", ""));
  });

  it("pod.status.conditions", async () => {
    expect(await explain("pod.status.conditions")).toBe(lines(
      "KIND:       Pod", "VERSION:    v1", "", "FIELD: conditions <[]PodCondition>", "", "", "DESCRIPTION:",
      "    Current service state of pod. More info:",
      "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions",
      "    PodCondition contains details for the current condition of this pod.", "    ", "FIELDS:",
      "  lastProbeTime\t<string>", "    Last time we probed the condition.", "",
      "  lastTransitionTime\t<string>", "    Last time the condition transitioned from one status to another.", "",
      "  message\t<string>", "    Human-readable message indicating details about last transition.", "",
      "  reason\t<string>", "    Unique, one-word, CamelCase reason for the condition's last transition.", "",
      "  status\t<string> -required-",
      "    Status is the status of the condition. Can be True, False, Unknown. More",
      "    info:", "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions", "",
      "  type\t<string> -required-", "    Type is the type of the condition. More info:",
      "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions", "", ""));
  });

  it("pods.spec.containers.livenessProbe.httpGet", async () => {
    expect(await explain("pods.spec.containers.livenessProbe.httpGet")).toBe(lines(
      "KIND:       Pod", "VERSION:    v1", "", "FIELD: httpGet <HTTPGetAction>", "", "", "DESCRIPTION:",
      "    HTTPGet specifies the http request to perform.",
      "    HTTPGetAction describes an action based on HTTP Get requests.", "    ", "FIELDS:",
      "  host\t<string>",
      "    Host name to connect to, defaults to the pod IP. You probably want to set",
      '    "Host" in httpHeaders instead.', "",
      "  httpHeaders\t<[]HTTPHeader>", "    Custom headers to set in the request. HTTP allows repeated headers.", "",
      "  path\t<string>", "    Path to access on the HTTP server.", "",
      "  port\t<IntOrString> -required-",
      "    Name or number of the port to access on the container. Number must be in the",
      "    range 1 to 65535. Name must be an IANA_SVC_NAME.", "",
      "  scheme\t<string>", "  enum: HTTP, HTTPS", "    Scheme to use for connecting to the host. Defaults to HTTP.", "    ",
      "    Possible enum values:", '     - `"HTTP"` means that the scheme used will be http://',
      '     - `"HTTPS"` means that the scheme used will be https://', "", ""));
  });

  it("pod.spec.initContainers lists Container fields with enums and required markers", async () => {
    const out = await explain("pod.spec.initContainers");
    expect(out.startsWith(lines("KIND:       Pod", "VERSION:    v1", "", "FIELD: initContainers <[]Container>", "", "", "DESCRIPTION:",
      "    List of initialization containers belonging to the pod. Init containers are"))).toBe(true);
    expect(out).toContain("    https://kubernetes.io/docs/concepts/workloads/pods/init-containers/\n    A single application container that you want to run within a pod.\n");
    expect(out).toContain(lines("  imagePullPolicy\t<string>", "  enum: Always, IfNotPresent, Never",
      "    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if",
      "    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More",
      "    info: https://kubernetes.io/docs/concepts/containers/images#updating-images", "    ",
      "    Possible enum values:",
      '     - `"Always"` means that kubelet always attempts to pull the latest image.',
      "    Container will fail If the pull fails."));
    expect(out).toContain("  terminationMessagePolicy\t<string>\n  enum: FallbackToLogsOnError, File\n");
    expect(out).toContain("  name\t<string> -required-\n");
    expect(out).toContain("  env\t<[]EnvVar>\n");
    expect(out).toContain("  resources\t<ResourceRequirements>\n");
    expect(out).toContain("  livenessProbe\t<Probe>\n");
    const fields = [...out.matchAll(/^ {2}(\w+)\t/gm)].map((m) => m[1]);
    expect(fields).toEqual(["args", "command", "env", "envFrom", "image", "imagePullPolicy", "lifecycle", "livenessProbe", "name", "ports",
      "readinessProbe", "resizePolicy", "resources", "restartPolicy", "securityContext", "startupProbe", "stdin", "stdinOnce",
      "terminationMessagePath", "terminationMessagePolicy", "tty", "volumeDevices", "volumeMounts", "workingDir"]);
  });

  it("pod.spec.restartPolicy prints the ENUM block", async () => {
    expect(await explain("pod.spec.restartPolicy")).toContain(lines("FIELD: restartPolicy <string>", "ENUM:", "    Always", "    Never", "    OnFailure"));
  });

  it("an unknown field fails like upstream", async () => {
    const r = await kubectl(s, ["explain", "pod.spec.nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: field "nope" does not exist');
  });

  it("grouped kinds print GROUP", async () => {
    expect(await explain("lease.spec.acquireTime")).toBe(lines("GROUP:      coordination.k8s.io", "KIND:       Lease", "VERSION:    v1", "",
      "FIELD: acquireTime <string>", "", "", "DESCRIPTION:", "    acquireTime is a time when the current lease was acquired.",
      "    MicroTime is version of Time with microsecond level precision.", "    ", ""));
  });
});

describe("kubectl apply", { timeout: 60_000 }, () => {
  it("finds fieldValidation in the PATCH operation and asks the server to validate strictly", async () => {
    const before = s.requests.length;
    const r = await kubectl(s, ["create", "-f", "-"], "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: default}\nspec:\n  containers: [{name: c, image: nginx}]\n");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("pod/web created\n");
    const posts = s.requests.slice(before).filter((l) => l.startsWith("POST"));
    expect(posts).toEqual(["POST /api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict"]);
    expect(s.requests.slice(before).some((l) => l.includes("/openapi/v2"))).toBe(false);
  });
});
