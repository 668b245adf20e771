// `kubectl describe` through the runner: the pod layout of kubectl v1.32 (containers, probes,
// environment, conditions, volumes, tolerations, events aligned on their own), the node's
// resource blocks with integer percentages of allocatable, and name-prefix matching.
import { describe, expect, it } from "vitest";
import { MANIFESTS } from "./manifests";
import { lab, lines } from "./fixtures";

describe("kubectl describe pod", () => {
  const l = lab();
  l.out("apply -f 1.probe.yaml", MANIFESTS.probes);
  l.out("apply -f 9.pod_env.yaml", MANIFESTS.env);
  l.advance(40_000);
  const probe = l.out("describe pod test-probe");
  const env = l.out("describe pods pod-env");

  it("starts with the pod's identity, node and start time", () => {
    expect(probe).toMatch(/^Name:             test-probe\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node0\d\/192\.168\.10\.8\d\nStart Time:       Mon, 27 Jan 2025 10:00:00 \+0000\nLabels:           <none>\nAnnotations:      <none>\nStatus:           Running\n/);
  });

  it("prints command, args (one line per line) and the probes", () => {
    expect(probe).toContain(lines("    Command:", "      /bin/sh", "      -c", "    Args:", "      sleep 20", '      exec nginx -g "daemon off;"', "      "));
    expect(probe).toContain(lines(
      "    Liveness:       exec [sh -c pgrep nginx] delay=10s timeout=2s period=3s #success=1 #failure=2",
      "    Readiness:      http-get http://:80/index.php delay=10s timeout=2s period=3s #success=1 #failure=2",
      "    Startup:        tcp-socket :80 delay=20s timeout=2s period=5s #success=1 #failure=2"));
  });

  it("shows env values, and fieldRefs the way kubectl resolves them client-side", () => {
    expect(env).toContain(lines("    Environment:", "      haha:     lili", "      app:       (v1:metadata.labels['app'])",
      "      Pod_IP:    (v1:status.podIP)", "      HOST_IP:   (v1:status.hostIP)"));
  });

  it("lists conditions with a trailing space, volumes, QoS and tolerations", () => {
    expect(probe).toContain(lines("Conditions:", "  Type                        Status", "  PodReadyToStartContainers   True "));
    expect(probe).toMatch(/Volumes:\n  kube-api-access-\w{5}:\n    Type:                    Projected \(a volume that contains injected data from multiple sources\)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca\.crt\n    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\nQoS Class:                   BestEffort\n/);
    expect(probe).toContain(lines("Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
      "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s"));
  });

  it("ends with the events, aligned as a separate table, repeated events as (xN over T)", () => {
    expect(probe).toMatch(/\nEvents:\n  Type     Reason     Age +From +Message\n  ----     ------     ---- +---- +-------\n  Normal   Scheduled  \d+s +default-scheduler  Successfully assigned default\/test-probe to node0\d\n/);
    expect(probe).toMatch(/  Warning  Unhealthy  \d+s \(x\d+ over \d+s\)  kubelet +Readiness probe failed: HTTP probe failed with statuscode: 404\n$/);
  });

  it("describes every pod whose name starts with the argument", () => {
    expect(l.out("describe pod pod-")).toBe(`${env}\n`);
    expect(l.k("describe pod nope")).toEqual({ stdout: "", stderr: `Error from server (NotFound): pods "nope" not found\n`, exitCode: 1 });
  });
});

describe("kubectl describe node", () => {
  const l = lab();
  l.out("apply -f 4.pod_resources.yaml", MANIFESTS.resources1);
  l.advance(10_000);
  const node = l.k("get pod pod-resources -o jsonpath={.spec.nodeName}").stdout;
  const text = l.out(`describe node ${node}`);

  it("lists capacity and allocatable as canonical quantities", () => {
    expect(text).toContain(lines("Capacity:", "  cpu:                2", "  ephemeral-storage:  51100652Ki", "  hugepages-1Gi:      0", "  hugepages-2Mi:      0", "  memory:             3865260Ki", "  pods:               110"));
    expect(text).toContain(lines("Allocatable:", "  cpu:                2", "  ephemeral-storage:  47093746742", "  hugepages-1Gi:      0", "  hugepages-2Mi:      0", "  memory:             3762860Ki"));
  });

  it("prints the pod's requests and limits as integer percentages of allocatable", () => {
    expect(text).toMatch(/\n  default +pod-resources +1 \(50%\) +8 \(400%\) +1Gi \(27%\) +6Gi \(167%\) +10s\n/);
    expect(text).toContain("  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    expect(text).toMatch(/  cpu                1350m \(67%\)   8 \(400%\)\n  memory             1094Mi \(29%\)  6314Mi \(171%\)\n  ephemeral-storage  0 \(0%\)        0 \(0%\)\n  hugepages-1Gi      0 \(0%\)        0 \(0%\)\n  hugepages-2Mi      0 \(0%\)        0 \(0%\)\nEvents:              <none>\n$/);
  });
});
