// Informational commands through the runner: version, cluster-info, api-resources,
// api-versions, explain's plaintext template, events, top from metrics.k8s.io and wait.
import { describe, expect, it } from "vitest";
import { lab, lines } from "./fixtures";
import { MANIFESTS } from "./manifests";

describe("kubectl version, cluster-info and discovery", () => {
  it("prints client, kustomize and server versions", () => {
    expect(lab().out("version")).toBe(lines("Client Version: v1.32.4-dispatcher", "Kustomize Version: v5.5.0", "Server Version: v1.32.4"));
    expect(lab().out("version --client")).toBe(lines("Client Version: v1.32.4-dispatcher", "Kustomize Version: v5.5.0"));
  });

  it("names the control plane and CoreDNS at the host's server URL", () => {
    expect(lab().out("cluster-info")).toBe(lines(
      "Kubernetes control plane is running at https://podlab.test/clusters/abc",
      "CoreDNS is running at https://podlab.test/clusters/abc/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy",
      "",
      "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'."));
  });

  it("lists group versions and resources from discovery", () => {
    expect(lab().out("api-versions")).toBe(lines("authentication.k8s.io/v1", "authorization.k8s.io/v1", "coordination.k8s.io/v1",
      "discovery.k8s.io/v1", "metrics.k8s.io/v1beta1", "v1"));
    const res = lab().out("api-resources").split("\n");
    expect(res[0]).toBe("NAME                       SHORTNAMES   APIVERSION                 NAMESPACED   KIND");
    expect(res).toContain("pods                       po           v1                         true         Pod");
    expect(res).toContain("endpointslices                          discovery.k8s.io/v1        true         EndpointSlice");
    expect(res).toContain("selfsubjectaccessreviews                authorization.k8s.io/v1    false        SelfSubjectAccessReview");
  });
});

describe("kubectl explain", () => {
  it("renders a field with its type, description and sub-fields", () => {
    const out = lab().out("explain pod.spec.containers.env");
    expect(out.startsWith(lines("KIND:       Pod", "VERSION:    v1", "", "FIELD: env <[]EnvVar>", "", "", "DESCRIPTION:",
      "    List of environment variables to set in the container. Cannot be updated.",
      "    EnvVar represents an environment variable present in a Container.",
      "    ", "FIELDS:", "  name\t<string> -required-", "    Name of the environment variable. Must be a C_IDENTIFIER."))).toBe(true);
    expect(out.endsWith(lines("  valueFrom\t<EnvVarSource>",
      "    Source for the environment variable's value. Cannot be used if value is not", "    empty.", "", ""))).toBe(true);
  });

  it("wraps a kind's description at 80 columns", () => {
    expect(lab().out("explain pods").split("\n").slice(0, 6)).toEqual([
      "KIND:       Pod", "VERSION:    v1", "", "DESCRIPTION:",
      "    Pod is a collection of containers that can run on a host. This resource is",
      "    created by clients and scheduled onto hosts."]);
  });
});

describe("kubectl events, top and wait", () => {
  function box() {
    const l = lab();
    l.out("run box --image=busybox:1.36 -- sh -c 'sleep 3600'");
    l.advance(30_000);
    return l;
  }

  it("lists a pod's events in kubectl's order with LAST SEEN ages", () => {
    expect(box().out("events --for pod/box")).toMatch(new RegExp(`^${[
      "LAST SEEN   TYPE     REASON      OBJECT    MESSAGE",
      "\\d+s +Normal   Pulled      Pod/box   Container image \"busybox:1.36\" already present on machine",
      "\\d+s +Normal   Created     Pod/box   Created container: box",
      "\\d+s +Normal   Started     Pod/box   Started container box",
      "\\d+s +Normal   Scheduled   Pod/box   Successfully assigned default/box to node0\\d",
    ].join("\n")}\n$`));
    expect(box().k("events --types=Warning")).toEqual({ stdout: "", stderr: "No events found in default namespace.\n", exitCode: 0 });
  });

  it("prints pod and node usage from metrics.k8s.io with trailing tabwriter padding", () => {
    const l = box();
    const pods = l.out("top pods").split("\n");
    expect(pods[0]).toBe("NAME   CPU(cores)   MEMORY(bytes)   ");
    expect(pods[1]).toMatch(/^box    \d+m +\d+Mi +$/);
    const nodes = l.out("top nodes").split("\n");
    expect(nodes[0]).toBe("NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ");
    expect(nodes.slice(1, 4).map((n) => n.split(" ")[0])).toEqual(["master", "node01", "node02"]);
  });

  it("waits for a condition and times out on the virtual clock", () => {
    const l = lab();
    l.out("apply -f -", MANIFESTS.commandArgs);
    expect(l.k("wait --for=condition=Ready pod/command-args --timeout=60s")).toEqual({ stdout: "pod/command-args condition met\n", stderr: "", exitCode: 0 });
    const before = l.cluster.now;
    expect(l.k("wait --for=delete pod/command-args --timeout=2s")).toEqual({
      stdout: "", stderr: "error: timed out waiting for the condition on pods/command-args\n", exitCode: 1,
    });
    expect(l.cluster.now - before).toBeGreaterThanOrEqual(2_000);
  });
});
