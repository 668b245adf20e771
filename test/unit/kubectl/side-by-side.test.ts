// The in-core kubectl against the real kubectl v1.32 on PATH, byte for byte: both run the same
// command lines on identical clusters (the runner on a copy restored from the served cluster's
// snapshot), through the tutorial's manifests, tables, YAML/JSON, describe, logs, exec, watch,
// errors. Ages that kubectl computes on the client from the wall clock (describe, events) are
// the only thing normalized. Skipped when kubectl is not installed.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterHost, runKubectl } from "../../../durable/sim/kubectl/index";
import { splitCommandLine } from "../../../durable/sim/kubectl/argv";
import { createSandbox, restoreSandbox } from "../../../durable/sim/sandbox";
import type { Cluster } from "../../../durable/sim/cluster";
import { MANIFESTS } from "./manifests";
import { T0 } from "./fixtures";
import { startRealKubectl, type RealKubectl } from "./real-kubectl";

const hasKubectl = (() => {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** One step: a command (with stdin), a clock advance, or a watch of N virtual seconds. */
type Step = string | { cmd: string; stdin?: string; watch?: number; clientAges?: boolean } | { advance: number };

const STEPS: Step[] = [
  "get pods",
  "get nodes",
  "get nodes -o wide",
  "get ns",
  "get pods -A",
  "get all",
  { cmd: "apply -f 2.pod.yaml", stdin: MANIFESTS.multiContainer },
  { cmd: "apply -f -", stdin: MANIFESTS.commandArgs },
  { cmd: "apply -f 4.pod_resources.yaml", stdin: MANIFESTS.resources1 },
  { cmd: "apply -f 9.pod_env.yaml", stdin: MANIFESTS.env },
  { cmd: "apply -f 1.probe.yaml", stdin: MANIFESTS.probes },
  { cmd: "create -f 6.restartPolicy.yaml", stdin: MANIFESTS.restartNever },
  { cmd: "create -f 6.restartPolicy.yaml", stdin: MANIFESTS.restartNever },
  "run test-alpine --image=crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/alpine:3.20",
  "run test-imagepolicy4 --image=crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/mysql:8.0.16 --image-pull-policy=Never",
  { advance: 45_000 },
  "get pods",
  "get pods -o wide",
  "get pods --show-labels",
  "get pods -L app,run",
  "get pods --sort-by=.metadata.name",
  "get pods --field-selector status.phase=Running",
  "get pods -l app=java",
  "get pod test-pod2",
  "get pod test-pod2 -o yaml",
  "get pod pod-env -o json",
  "get pods -o name",
  "get pods -o jsonpath='{.items[*].metadata.name}'",
  "get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image",
  "get events --sort-by=.reason -o custom-columns=NAME:.metadata.name,REASON:.reason",
  "get events --sort-by=.lastTimestamp",
  "get pods,nodes --sort-by=.metadata.name",
  "get pods --sort-by=.spec.nope",
  "annotate pod pod-env note=x",
  "annotate pod pod-env note=y",
  "label pod pod-env app=other",
  "get cm,secret",
  { cmd: "apply -f cm.yaml", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  multi: |\n    one\n    two\n" },
  // describe prints data in Go map order, which is random for more than one key: describe the
  // one-key ConfigMap, compare the two-key one as YAML.
  { cmd: "apply -f cm1.yaml", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg1\ndata:\n  multi: |\n    one\n    two\n" },
  { cmd: "describe cm cfg1", clientAges: true },
  "get cm cfg -o yaml",
  "logs test-pod2 -c nope",
  "delete pods -l app=nothing",
  { cmd: "get -f 2.pod.yaml", stdin: MANIFESTS.multiContainer },
  { cmd: "get -f 2.pod.yaml -o name", stdin: MANIFESTS.multiContainer },
  { cmd: "describe -f 9.pod_env.yaml", stdin: MANIFESTS.env, clientAges: true },
  "get pods -o go-template='{{range .items}}{{.metadata.name}}{{\"\\t\"}}{{.status.phase}}{{\"\\n\"}}{{end}}'",
  "get pod test-pod2 -o go-template='{{range $i, $c := .spec.containers}}{{$i}}={{$c.name}}:{{(index $c.ports 0).containerPort}};{{end}}'",
  "get pod test-pod2 -o go-template='{{.metadata.name.x}}'",
  "get pod test-pod2 -o jsonpath='{.metadata.managedFields[0].manager}'",
  "get pod nope",
  "get pod nope --ignore-not-found",
  "get foo",
  "get events",
  "get svc,ep",
  "get po/test-pod2 svc/kubernetes",
  { cmd: "describe pod test-pod2", clientAges: true },
  { cmd: "describe pod pod-env", clientAges: true },
  { cmd: "describe pod test-probe", clientAges: true },
  { cmd: "describe pod test-imagepolicy4", clientAges: true },
  { cmd: "describe node node01", clientAges: true },
  { cmd: "describe svc kubernetes", clientAges: true },
  { cmd: "describe pod nope", clientAges: true },
  { cmd: "apply -f 2.pod.yaml", stdin: MANIFESTS.multiContainer },
  { cmd: "apply -f 4.pod_resources.yaml", stdin: MANIFESTS.resources1.replace("cpu: 8 ", "cpu: 4 ") },
  "logs command-args",
  "logs test-pod2",
  "logs test-pod2 -c redis --tail=3",
  "logs restartpolicy-never",
  "logs nope",
  "exec test-pod2 -c nginx -- cat /etc/hostname",
  "exec pod-env -- env",
  "exec test-pod2 -c nginx -- cat /nope",
  "exec nope -- ps",
  { cmd: "exec -i test-pod2 -c nginx -- cat", stdin: "hello\nworld\n" },
  "label pod test-pod2 tier=web",
  "label pod test-pod2 tier=db",
  "annotate pod test-pod2 note=hello",
  "patch pod test-pod2 -p '{\"metadata\":{\"labels\":{\"x\":\"y\"}}}'",
  "explain pod.spec.containers.env",
  "explain pod.spec.restartPolicy",
  "explain pod.spec.nope",
  "api-resources",
  "api-versions",
  "version",
  "top pods",
  "top nodes",
  { cmd: "get pods -w", watch: 10 },
  "delete pod test-alpine",
  "delete pod restartpolicy-never --grace-period=0 --force",
  "delete pod nope",
  "get pods",
  // Last: the real kubectl's later requests (logs, delete) land after the harness has pumped
  // the whole 20 s, ours as soon as the pod completes, so the clusters differ afterwards.
  { cmd: "run once --image=busybox:1.36 -i --rm --restart=Never -- echo hi", watch: 20 },
  { cmd: "run fails --image=busybox:1.36 -i --restart=Never -- sh -c 'echo bad; exit 3'", watch: 20 },
];

let a: Cluster;
let b: Cluster;
let real: RealKubectl;

beforeAll(async () => {
  if (!hasKubectl) return;
  a = createSandbox({ seed: "side-by-side", startTime: T0 });
  b = restoreSandbox(JSON.parse(JSON.stringify(a.save())));
  real = await startRealKubectl(a);
});

/** `-f <name>` of a command line (not `-f -`), whose content the step's stdin provides. */
function namedFile(argv: string[]): string | undefined {
  const i = argv.indexOf("-f");
  return i >= 0 && argv[i + 1] && argv[i + 1] !== "-" ? argv[i + 1] : undefined;
}
afterAll(async () => { await real?.close(); });

function normalizeAges(s: string): string {
  return s.replace(/\b(\d+[smhdy])+\b|<invalid>/g, "AGE").replace(/[ \t]+/g, " ");
}

describe.skipIf(!hasKubectl)("the runner prints what the real kubectl v1.32 prints", () => {
  it("for the tutorial's commands on identical clusters", { timeout: 300_000 }, async () => {
    const host = clusterHost(b, { server: real.server });
    const diffs: string[] = [];
    let compared = 0;
    for (const step of STEPS) {
      if (typeof step === "object" && "advance" in step) {
        a.advanceTo(a.now + step.advance);
        b.advanceTo(b.now + step.advance);
        continue;
      }
      const s = typeof step === "string" ? { cmd: step } : step;
      const argv = (splitCommandLine(s.cmd) as { argv: string[] }).argv;
      const file = namedFile(argv);
      if (file && s.stdin !== undefined) writeFileSync(join(real.dir, file), s.stdin);
      const realStdin = file ? undefined : s.stdin;
      let theirs: { code: number; stdout: string; stderr: string };
      if (s.watch) {
        const p = real.kubectl(argv, realStdin);
        for (let i = 0; i < 400 && real.openStreams() === 0; i++) await new Promise((r) => setTimeout(r, 25));
        for (let t = 0; t < s.watch * 10; t++) {
          a.advanceTo(a.now + 100);
          real.pump();
        }
        await new Promise((r) => setTimeout(r, 200));
        real.endStreams();
        theirs = await p;
      } else theirs = await real.kubectl(argv, realStdin);
      // A watch is bounded by --request-timeout; run -i ends by itself when its pod completes.
      const bounded = s.watch && !s.cmd.startsWith("run ");
      const ours = runKubectl(host, bounded ? `${s.cmd} --request-timeout=${s.watch}s` : s.cmd, s.stdin ?? "");
      if (a.now < b.now) a.advanceTo(b.now);
      else if (b.now < a.now) b.advanceTo(a.now);
      compared++;
      const norm = s.clientAges ? normalizeAges : (x: string) => x;
      if (norm(theirs.stdout) !== norm(ours.stdout) || theirs.stderr !== ours.stderr || theirs.code !== ours.exitCode) {
        diffs.push(`kubectl ${s.cmd}\n  real (${theirs.code}):\n${theirs.stdout}${theirs.stderr}\n  ours (${ours.exitCode}):\n${ours.stdout}${ours.stderr}`);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(40);
    expect(diffs.join("\n")).toBe("");
  });
});
