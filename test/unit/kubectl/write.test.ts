// Writing commands through the runner: apply (created/configured/unchanged), create's errors
// with their "STDIN" source, run, label/annotate with --overwrite, the three patch types, and
// delete (waiting for the pod to go, --force, "No resources found"). Outputs match kubectl v1.32.
import { describe, expect, it } from "vitest";
import { lab, lines } from "./fixtures";
import { MANIFESTS } from "./manifests";

const BAD_EMPTY = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers: []\n";
const BAD_FIELD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: a\n    image: nginx\n    bogus: 1\n";

describe("kubectl apply and create", () => {
  it("reports created, unchanged and configured like client-side apply", () => {
    const l = lab();
    expect(l.out("apply -f -", MANIFESTS.multiContainer)).toBe("pod/test-pod2 created\n");
    expect(l.out("apply -f -", MANIFESTS.multiContainer)).toBe("pod/test-pod2 unchanged\n");
    expect(l.out("apply -f -", MANIFESTS.multiContainer.replace("run: nginx", "run: nginx2"))).toBe("pod/test-pod2 configured\n");
    const pod = JSON.parse(l.out("get pod test-pod2 -o json"));
    expect(pod.metadata.labels).toEqual({ run: "nginx2" });
    expect(JSON.parse(pod.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).metadata.labels).toEqual({ run: "nginx2" });
  });

  it("prints one line per document of a multi-document stream", () => {
    const l = lab();
    const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n";
    expect(l.out("apply -f -", `${cm}---\n${MANIFESTS.commandArgs}`)).toBe(lines("configmap/cfg created", "pod/command-args created"));
  });

  it("names the STDIN source when create finds the object already there", () => {
    const l = lab();
    l.out("create -f -", MANIFESTS.multiContainer);
    expect(l.k("create -f -", MANIFESTS.multiContainer)).toEqual({
      stdout: "",
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": pods "test-pod2" already exists\n',
      exitCode: 1,
    });
  });

  it("prints validation failures as kubectl does for Invalid and strict decoding errors", () => {
    const l = lab();
    expect(l.k("create -f -", BAD_EMPTY).stderr).toBe('The Pod "bad" is invalid: spec.containers: Required value\n');
    expect(l.k("create -f -", BAD_FIELD).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].bogus"\n');
  });

  it("creates namespaces, config maps and generic secrets", () => {
    const l = lab();
    expect(l.out("create namespace demo")).toBe("namespace/demo created\n");
    expect(l.out("create configmap cfg --from-literal=a=1 --from-literal=b=two")).toBe("configmap/cfg created\n");
    expect(l.out("create secret generic s --from-literal=pw=hunter2")).toBe("secret/s created\n");
    expect(l.out("get cm cfg -o jsonpath={.data}")).toBe('{"a":"1","b":"two"}');
    expect(l.out("get secret s -o jsonpath={.data.pw}")).toBe("aHVudGVyMg==");
  });
});

describe("kubectl run", () => {
  it("creates a pod and refuses a second one of the same name", () => {
    const l = lab();
    expect(l.out("run web --image=nginx:1.27.5")).toBe("pod/web created\n");
    expect(l.k("run web --image=nginx:1.27.5")).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): pods "web" already exists\n', exitCode: 1 });
  });

  it("prints the generated pod with --dry-run=client -o yaml", () => {
    expect(lab().out("run x --image=nginx --dry-run=client -o yaml")).toBe(lines(
      "apiVersion: v1", "kind: Pod", "metadata:", "  creationTimestamp: null", "  labels:", "    run: x", "  name: x",
      "spec:", "  containers:", "  - image: nginx", "    name: x", "    resources: {}", "  dnsPolicy: ClusterFirst",
      "  restartPolicy: Always", "status: {}"));
  });
});

describe("kubectl run -i", () => {
  it("prints the output of a pod that runs to completion, then --rm deletes it", () => {
    const l = lab();
    expect(l.k("run t --image=busybox:1.36 -i --rm --restart=Never -- echo hi")).toEqual({ stdout: 'hi\npod "t" deleted\n', stderr: "", exitCode: 0 });
    expect(l.k("get pod t").stderr).toBe('Error from server (NotFound): pods "t" not found\n');
  });

  it("exits with the container's code when it fails", () => {
    expect(lab().k("run t --image=busybox:1.36 -i --restart=Never -- sh -c 'echo bad; exit 3'")).toEqual({
      stdout: "bad\n", stderr: "pod default/t terminated (Error)\n", exitCode: 3,
    });
  });

  it("creates the stdin/tty pod without attaching when --attach=false is explicit", () => {
    const l = lab();
    expect(l.k("run dbg --image=busybox:1.36 -it --attach=false --restart=Never -- sh")).toEqual({ stdout: "pod/dbg created\n", stderr: "", exitCode: 0 });
    expect(JSON.parse(l.out("get pod dbg -o jsonpath={.spec.containers[0]}"))).toMatchObject({ stdin: true, stdinOnce: true, tty: true, args: ["sh"] });
    expect(l.k("run t --image=busybox:1.36 -i --attach=false --rm").stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
  });

  it("rejects -t without -i, --rm without attaching and --dry-run with attaching", () => {
    const l = lab();
    expect(l.k("run t --image=busybox:1.36 -t").stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect(l.k("run t --image=busybox:1.36 --rm").stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect(l.k("run t --image=busybox:1.36 -i --dry-run=client").stderr).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n");
  });
});

describe("kubectl label, annotate and patch", () => {
  it("labels, refuses to overwrite without --overwrite, and unlabels", () => {
    const l = lab();
    l.out("run web --image=nginx:1.27.5");
    expect(l.out("label pod web tier=front")).toBe("pod/web labeled\n");
    expect(l.k("label pod web tier=back")).toEqual({ stdout: "", stderr: "error: 'tier' already has a value (front), and --overwrite is false\n", exitCode: 1 });
    expect(l.out("label pod web tier=back --overwrite")).toBe("pod/web labeled\n");
    expect(l.out("label pod web tier-")).toBe("pod/web unlabeled\n");
    expect(l.out("get pod web --show-labels").split("\n")[1]).toMatch(/ run=web$/);
  });

  it("annotates and words the overwrite refusal as kubectl annotate does", () => {
    const l = lab();
    l.out("run web --image=nginx:1.27.5");
    expect(l.out("annotate pod web note=hi")).toBe("pod/web annotated\n");
    expect(l.k("annotate pod web note=ho").stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n");
  });

  it("applies strategic, JSON and merge patches and notices a no-op", () => {
    const l = lab();
    l.out("run web --image=nginx:1.27.5");
    expect(l.out(`patch pod web -p '{"metadata":{"labels":{"a":"b"}}}'`)).toBe("pod/web patched\n");
    expect(l.out(`patch pod web -p '{"metadata":{"labels":{"a":"b"}}}'`)).toBe("pod/web patched (no change)\n");
    expect(l.out(`patch pod web --type=json -p '[{"op":"remove","path":"/metadata/labels/a"}]'`)).toBe("pod/web patched\n");
    expect(l.out("patch pod web --type=merge -p 'metadata: {labels: {c: d}}'")).toBe("pod/web patched\n");
    expect(l.out("get pod web -o jsonpath={.metadata.labels}")).toBe('{"c":"d","run":"web"}');
  });
});

describe("kubectl delete", () => {
  it("waits for the pod to go and then says it was deleted", () => {
    const l = lab();
    l.out("run web --image=nginx:1.27.5");
    l.advance(30_000);
    const before = l.cluster.now;
    expect(l.k("delete pod web")).toEqual({ stdout: 'pod "web" deleted\n', stderr: "", exitCode: 0 });
    expect(l.cluster.now).toBeGreaterThan(before);
    expect(l.k("get pod web").stderr).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(l.k("delete pod web")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 });
  });

  it("warns on --force --grace-period=0 and says force deleted", () => {
    const l = lab();
    l.out("apply -f -", MANIFESTS.multiContainer);
    l.advance(30_000);
    expect(l.k("delete pod test-pod2 --force --grace-period=0")).toEqual({
      stdout: 'pod "test-pod2" force deleted\n',
      stderr: "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      exitCode: 0,
    });
  });

  it("says No resources found on stdout when --all matches nothing", () => {
    expect(lab().k("delete pods --all")).toEqual({ stdout: "No resources found\n", stderr: "", exitCode: 0 });
  });

  it("deletes what a manifest names", () => {
    const l = lab();
    const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n";
    l.out("apply -f -", cm);
    expect(l.out("delete -f -", cm)).toBe('configmap "cfg" deleted\n');
  });
});
