// The foundation end to end: podlab started as `npm start` does, the real kubectl v1.32 against a
// sandbox, the clock advanced (never slept on) — the list of commands, checked against
// what a real v1.32 cluster prints.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, startPodlab, until } from "./harness.mjs";

const MANIFEST = join(root, "test", "e2e", "manifests", "2.pod.yaml");
let podlab;
let sb;

before(async () => {
  podlab = await startPodlab();
  sb = await podlab.sandbox();
  // Paused: virtual time moves only when a test advances it (or speeds it up to wait for kubectl).
  await sb.speed(0);
});
after(async () => podlab?.stop());

/** Starts `kubectl <args>` in the background, collecting stdout; returns {lines(), stop()}. */
function background(args) {
  const child = spawn("kubectl", args, { env: { ...process.env, KUBECONFIG: sb.kubeconfigPath, KUBECACHEDIR: join(sb.dir, "bgcache") } });
  let out = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { out += d; });
  return { text: () => out, stop: () => child.kill("SIGKILL"), done: new Promise((r) => child.on("exit", r)) };
}

/** A WebSocket upgrade request as kubectl sends it; resolves the refusal {status, body} (or status 101). */
function upgrade(path) {
  return new Promise((resolve, reject) => {
    const req = request(`${sb.server}${path}`, { headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13",
      "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-protocol": "v5.channel.k8s.io" }, timeout: 10_000 });
    req.on("upgrade", (_res, socket) => { socket.destroy(); resolve({ status: 101, body: {} }); });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve({ status: res.statusCode, body: JSON.parse(body) }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer to the upgrade of ${path}`)));
    req.on("error", reject);
    req.end();
  });
}

describe("kubectl against a podlab sandbox", () => {
  it("reports the server version v1.32", async () => {
    const r = await sb.kubectl(["version"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Server Version: v1\.32\.\d+/);
  });

  it("lists API resources from aggregated discovery", async () => {
    const r = await sb.kubectl(["api-resources"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/m);
    assert.match(r.stdout, /^pods\s+po\s+v1\s+true\s+Pod$/m);
    assert.match(r.stdout, /^leases\s+coordination\.k8s\.io\/v1\s+true\s+Lease$/m);
  });

  it("prints cluster-info with the sandbox URL and CoreDNS", async () => {
    const r = await sb.kubectl(["cluster-info"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes(`Kubernetes control plane is running at ${sb.server}`));
    assert.ok(r.stdout.includes(`CoreDNS is running at ${sb.server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`));
  });

  it("shows the tutorial's three nodes", async () => {
    const r = await sb.kubectl(["get", "nodes", "-o", "wide"]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.match(lines[0], /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$/);
    assert.match(lines[1], /^master\s+Ready\s+control-plane\s+\d+d\s+v1\.32\.\d+\s+192\.168\.10\.80\s+<none>/);
    assert.match(lines[2], /^node01\s+Ready\s+<none>\s+\d+d\s+v1\.32\.\d+\s+192\.168\.10\.81/);
    assert.match(lines[3], /^node02\s+Ready\s+<none>/);
  });

  it("applies the multi-container pod and shows 2/2 Running after 5 s", async () => {
    const r = await sb.kubectl(["apply", "-f", MANIFEST]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "pod/test-pod2 created\n");
    await sb.advance("5s");
    const g = await sb.kubectl(["get", "pods"]);
    assert.equal(g.stdout, "NAME        READY   STATUS    RESTARTS   AGE\ntest-pod2   2/2     Running   0          5s\n");
  });

  it("re-applies unchanged and configured", async () => {
    const same = await sb.kubectl(["apply", "-f", MANIFEST]);
    assert.equal(same.stdout, "pod/test-pod2 unchanged\n");
    const changed = readFileSync(MANIFEST, "utf8").replace("redis:v7.0.5", "redis:latest");
    const p = join(sb.dir, "changed.yaml");
    writeFileSync(p, changed);
    const r = await sb.kubectl(["apply", "-f", p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "pod/test-pod2 configured\n");
    await sb.advance("60s");
    const g = await sb.kubectl(["get", "pods"]);
    assert.match(g.stdout, /test-pod2\s+2\/2\s+Running\s+1 \(\d+s ago\)\s+65s\n/);
    const d = await sb.kubectl(["describe", "pod", "test-pod2"]);
    assert.match(d.stdout, /Normal\s+Killing\s+\d+s\s+kubelet\s+Container redis definition changed, will be restarted/);
    assert.match(d.stdout, /Normal\s+Pulling\s+\d+s\s+kubelet\s+Pulling image "crpi-j2guy08w46nav7rf\.cn-hongkong\.personal\.cr\.aliyuncs\.com\/xiao_he\/redis:latest"/);
  });

  it("refuses a forbidden change with the upstream message", async () => {
    const changed = readFileSync(MANIFEST, "utf8").replace("containerPort: 80", "containerPort: 8080");
    const p = join(sb.dir, "forbidden.yaml");
    writeFileSync(p, changed);
    const r = await sb.kubectl(["apply", "-f", p]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^The Pod "test-pod2" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)/);
    assert.match(r.stderr, /core\.PodSpec\{/);
  });

  it("prints wide, labels, selectors, yaml and json", async () => {
    const wide = await sb.kubectl(["get", "pods", "-o", "wide"]);
    assert.match(wide.stdout, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n/);
    assert.match(wide.stdout, /test-pod2\s+2\/2\s+Running\s+\d+ \(\d+s ago\)\s+\d+s\s+172\.16\.\d+\.\d+\s+node0[12]\s+<none>\s+<none>/);
    const labels = await sb.kubectl(["get", "pods", "--show-labels"]);
    assert.match(labels.stdout, /LABELS\n.*run=nginx\n$/);
    assert.match((await sb.kubectl(["get", "pods", "-l", "run=nginx"])).stdout, /test-pod2/);
    const none = await sb.kubectl(["get", "pods", "-l", "run!=nginx"]);
    assert.equal(none.stdout, "");
    assert.equal(none.stderr, "No resources found in default namespace.\n");
    assert.match((await sb.kubectl(["get", "pods", "--field-selector", "status.phase=Running"])).stdout, /test-pod2/);
    const yaml = await sb.kubectl(["get", "pod", "test-pod2", "-o", "yaml"]);
    assert.match(yaml.stdout, /^apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    kubectl\.kubernetes\.io\/last-applied-configuration: \|/);
    assert.match(yaml.stdout, /\n  dnsPolicy: ClusterFirst\n/);
    assert.match(yaml.stdout, /\n  qosClass: BestEffort\n/);
    assert.doesNotMatch(yaml.stdout, /managedFields/);
    const json = JSON.parse((await sb.kubectl(["get", "pods", "-o", "json"])).stdout);
    assert.equal(json.kind, "List");
    assert.equal(json.items[0].status.phase, "Running");
  });

  it("describes the pod and its node", async () => {
    const d = await sb.kubectl(["describe", "pod", "test-pod2"]);
    assert.equal(d.code, 0, d.stderr);
    assert.match(d.stdout, /^Name:             test-pod2\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node0[12]\/192\.168\.10\.8[12]\n/);
    assert.match(d.stdout, /Normal\s+Scheduled\s+\d+s\s+default-scheduler\s+Successfully assigned default\/test-pod2 to node0[12]/);
    assert.match(d.stdout, /Normal\s+Created\s+\d+s\s+kubelet\s+Created container: nginx/);
    const node = d.stdout.match(/Node:\s+(node0[12])/)[1];
    const n = await sb.kubectl(["describe", "node", node]);
    assert.equal(n.code, 0, n.stderr);
    assert.match(n.stdout, /Allocated resources:\n  \(Total limits may be over 100 percent, i\.e\., overcommitted\.\)\n  Resource\s+Requests\s+Limits\n/);
    assert.match(n.stdout, /default\s+test-pod2\s+0 \(0%\)\s+0 \(0%\)\s+0 \(0%\)\s+0 \(0%\)/);
  });

  it("lists events and everything", async () => {
    const ev = await sb.kubectl(["get", "events"]);
    assert.match(ev.stdout, /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    assert.match(ev.stdout, /Normal\s+Scheduled\s+pod\/test-pod2\s+Successfully assigned default\/test-pod2 to node0[12]/);
    const all = await sb.kubectl(["get", "all"]);
    assert.match(all.stdout, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod\/test-pod2\s+2\/2\s+Running/);
    assert.match(all.stdout, /\nNAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+\d+d\n/);
  });

  it("runs a pod with kubectl run and watches it come up", async () => {
    const w = background(["get", "pods", "-w"]);
    await until(() => w.text().includes("test-pod2"));
    const r = await sb.kubectl(["run", "web", "--image=nginx:1.27.5"]);
    assert.equal(r.stdout, "pod/web created\n");
    await sb.advance("20s");
    await until(() => /web\s+1\/1\s+Running/.test(w.text()));
    w.stop();
    assert.match(w.text(), /\nweb\s+0\/1\s+Pending\s+0\s+0s\n/);
  });

  it("watches one pod by name", async () => {
    const w = background(["get", "pod", "web", "-w"]);
    await until(() => /web\s+1\/1\s+Running/.test(w.text()));
    await sb.kubectl(["label", "pod", "web", "tier=frontend"]);
    await until(() => w.text().trim().split("\n").length >= 3);
    w.stop();
  });

  it("deletes a pod and returns once it is gone", async () => {
    await sb.speed(10);
    const r = await sb.kubectl(["delete", "pod", "web"], { timeoutMs: 60_000 });
    await sb.speed(0);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'pod "web" deleted\n');
    const g = await sb.kubectl(["get", "pod", "web"]);
    assert.equal(g.stderr, 'Error from server (NotFound): pods "web" not found\n');
  });

  it("replaces with --force and deletes from a file", async () => {
    await sb.speed(10);
    const rep = await sb.kubectl(["replace", "--force", "-f", MANIFEST], { timeoutMs: 90_000 });
    assert.equal(rep.code, 0, rep.stderr);
    assert.equal(rep.stdout, 'pod "test-pod2" deleted\npod/test-pod2 replaced\n');
    const del = await sb.kubectl(["delete", "-f", MANIFEST], { timeoutMs: 90_000 });
    await sb.speed(0);
    assert.equal(del.stdout, 'pod "test-pod2" deleted\n');
  });

  it("explains pod.spec.containers.env from the served OpenAPI", async () => {
    const r = await sb.kubectl(["explain", "pod.spec.containers.env"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^KIND:       Pod\nVERSION:    v1\n\nFIELD: env <\[\]EnvVar>\n/);
    assert.match(r.stdout, /\n  name\t<string> -required-\n/);
  });

  it("creates a namespace (protobuf body) and works in it", async () => {
    const c = await sb.kubectl(["create", "namespace", "demo"]);
    assert.equal(c.stdout, "namespace/demo created\n");
    const again = await sb.kubectl(["create", "namespace", "demo"]);
    assert.equal(again.stderr, 'Error from server (AlreadyExists): namespaces "demo" already exists\n');
    const empty = await sb.kubectl(["get", "pods", "-n", "demo"]);
    assert.equal(empty.stderr, "No resources found in demo namespace.\n");
    await sb.kubectl(["run", "x", "--image=busybox:1.36", "-n", "demo", "--", "sleep", "3600"]);
    const all = await sb.kubectl(["get", "pods", "-A"]);
    assert.match(all.stdout, /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    assert.match(all.stdout, /\ndemo\s+x\s+0\/1\s+Pending/);
    assert.match(all.stdout, /\nkube-system\s+etcd-master\s+1\/1\s+Running/);
  });

  it("runs kubectl run -i --rm: stdin reaches the shell, the pod is deleted and its exit code returned", async () => {
    await sb.speed(60);
    try {
      const r = await sb.kubectl(["run", "t1", "--image=busybox:1.36", "-i", "--rm", "--restart=Never", "--", "sh"],
        { stdin: "echo hello; exit 3\n", timeoutMs: 30_000 });
      assert.equal(r.stdout, 'hello\npod "t1" deleted\n', r.stderr);
      assert.equal(r.stderr, "If you don't see a command prompt, try pressing enter.\npod default/t1 terminated (Error)\n");
      assert.equal(r.code, 3);
    } finally {
      await sb.speed(0);
    }
    const g = await sb.kubectl(["get", "pod", "t1"]);
    assert.equal(g.stderr, 'Error from server (NotFound): pods "t1" not found\n');
  });

  it("attaches to a running pod and receives only the output written after attaching", async () => {
    const script = "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done";
    const r = await sb.kubectl(["run", "t2", "--image=busybox:1.36", "--", "sh", "-c", script]);
    assert.equal(r.stdout, "pod/t2 created\n");
    await sb.advance("10s");
    const before = (await sb.kubectl(["logs", "t2"])).stdout.trim().split("\n");
    assert.ok(before.length >= 3, before.join("\n"));
    const a = background(["attach", "t2"]);
    try {
      // Virtual time moves only when advanced: keep advancing until the attach has new lines.
      await until(async () => { await sb.advance("1s"); return /tick \d+\ntick \d+\n/.test(a.text()); }, 20_000, 200);
    } finally {
      a.stop();
    }
    const got = [...a.text().matchAll(/^tick (\d+)$/gm)].map((m) => Number(m[1]));
    const last = Number(before.at(-1).split(" ")[1]);
    assert.ok(got[0] > last, `attach replayed old output: first ${got[0]}, logs ended at ${last}`);
    assert.deepEqual(got, got.map((_, i) => got[0] + i));
    await sb.advance("2s");
    const g = await sb.kubectl(["get", "pod", "t2"]);
    assert.match(g.stdout, /t2\s+1\/1\s+Running\s+0\s/, "detaching must not stop the container");
  });

  it("refuses bad attach requests with upstream Status errors", async () => {
    const missing = await upgrade("/api/v1/namespaces/default/pods/nope/attach?stdout=true");
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'pods "nope" not found');
    const container = await upgrade("/api/v1/namespaces/default/pods/t2/attach?container=nope&stdout=true");
    assert.equal(container.status, 400);
    assert.equal(container.body.message, "container nope is not valid for pod t2");
    const streams = await upgrade("/api/v1/namespaces/default/pods/t2/attach?container=t2");
    assert.equal(streams.status, 400);
    assert.equal(streams.body.message, "you must specify at least 1 of stdin, stdout, stderr");
    const cli = await sb.kubectl(["attach", "nope"]);
    assert.equal(cli.code, 1);
    assert.equal(cli.stderr, 'Error from server (NotFound): pods "nope" not found\n');
  });
});
