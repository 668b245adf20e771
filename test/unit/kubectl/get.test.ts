// `kubectl get` through the runner: server-side Tables aligned like kubectl, the NAMESPACE
// column with -A, labels, kind prefixes and blank lines between kinds, the generic -o formats
// and a bounded watch that prints one row per event.
import { describe, expect, it } from "vitest";
import { lab, lines, T0 } from "./fixtures";

function withPods() {
  const l = lab();
  l.out("run box --image=busybox:1.36 --labels=app=box,tier=web -- sh -c 'echo hello; echo world; sleep 3600'");
  l.out("run once --image=busybox:1.36 --restart=Never -- sh -c 'echo done'");
  l.advance(20_000);
  return l;
}

describe("kubectl get", () => {
  it("lists the tutorial's nodes", () => {
    expect(lab().out("get nodes")).toBe(lines(
      "NAME     STATUS   ROLES           AGE   VERSION",
      "master   Ready    control-plane   12d   v1.32.4",
      "node01   Ready    <none>          11d   v1.32.4",
      "node02   Ready    <none>          11d   v1.32.4"));
  });

  it("says on stderr that a namespace is empty", () => {
    expect(lab().k("get pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
    expect(lab().k("get pods -n demo").stderr).toBe("No resources found in demo namespace.\n");
  });

  it("prints pods with READY, STATUS, RESTARTS and AGE from the server's Table", () => {
    expect(withPods().out("get pods")).toBe(lines(
      "NAME   READY   STATUS      RESTARTS   AGE",
      "box    1/1     Running     0          20s",
      "once   0/1     Completed   0          20s"));
  });

  it("adds LABELS and -L columns from the row objects", () => {
    const l = withPods();
    expect(l.out("get pods --show-labels")).toBe(lines(
      "NAME   READY   STATUS      RESTARTS   AGE   LABELS",
      "box    1/1     Running     0          20s   app=box,tier=web",
      "once   0/1     Completed   0          20s   run=once"));
    expect(l.out("get pods -L tier,run")).toBe(lines(
      "NAME   READY   STATUS      RESTARTS   AGE   TIER   RUN",
      "box    1/1     Running     0          20s   web    ",
      "once   0/1     Completed   0          20s          once"));
  });

  it("puts NAMESPACE first with -A and filters with selectors", () => {
    const l = withPods();
    expect(l.out("get pods -A").split("\n")[0]).toBe("NAMESPACE     NAME                                       READY   STATUS      RESTARTS   AGE");
    expect(l.out("get pods -l app=box")).toBe(lines("NAME   READY   STATUS    RESTARTS   AGE", "box    1/1     Running   0          20s"));
    expect(l.out("get pods --field-selector status.phase=Succeeded")).toBe(lines("NAME   READY   STATUS      RESTARTS   AGE", "once   0/1     Completed   0          20s"));
  });

  it("prefixes names with the kind and separates kinds by a blank line", () => {
    expect(withPods().out("get all")).toBe(lines(
      "NAME       READY   STATUS      RESTARTS   AGE",
      "pod/box    1/1     Running     0          20s",
      "pod/once   0/1     Completed   0          20s",
      "",
      "NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE",
      "service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   12d"));
  });

  it("prints objects, lists and names in the generic formats", () => {
    const l = withPods();
    expect(l.out("get pod box -o yaml")).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-01-27T10:00:00Z"\n  labels:\n    app: box\n/);
    expect(l.out("get pod box -o yaml")).not.toContain("managedFields");
    expect(l.out("get pods -o yaml")).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n[\s\S]*\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
    expect(l.out("get pods -o name")).toBe(lines("pod/box", "pod/once"));
    expect(l.out("get pods -o jsonpath={.items[*].metadata.name}")).toBe("box once");
    expect(l.out("get pods -o custom-columns=NAME:.metadata.name,PHASE:.status.phase")).toBe(lines("NAME   PHASE", "box    Running", "once   Succeeded"));
  });

  it("prints the rows of a new pod as the watch sees it, aligned with the header", () => {
    const l = lab();
    expect(l.k("get pods -w --request-timeout=12s")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    l.out("run w1 --image=busybox:1.36 --restart=Never -- sleep 5");
    // Widths grow once a wider STATUS arrives, as with liggitt/tabwriter's RememberWidths.
    expect(l.out("get pods -w --request-timeout=10s")).toBe(lines(
      "NAME   READY   STATUS    RESTARTS   AGE",
      "w1     0/1     Pending   0          0s",
      "w1     0/1     Pending   0          0s",
      "w1     0/1     ContainerCreating   0          0s",
      "w1     1/1     Running             0          1s",
      "w1     0/1     Completed           0          6s"));
    expect(l.cluster.now - T0).toBe(22_000);
  });
});
