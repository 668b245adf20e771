// Unit tests of the web client's pure logic, in Node: command-line parsing and pipes, kubectl
// routing, attach streams and `run -it` against a fake API and WebSocket, completion, the line editor, kubectl-style tables, field paths to YAML ranges, resource
// arithmetic, status tones, trace splitting, the lessons' manifests, and the watch feed's resume
// and re-list behavior against a fake API.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadWeb } from "./load-web.mjs";

let W;
before(async () => { W = await loadWeb(); });

describe("terminal command lines", () => {
  test("quotes, pipes, redirections and heredocs are split like a shell", () => {
    const l = W.parseLine(`kubectl get po always -o jsonpath='{.status.phase}' | grep -i "run ning"`);
    assert.deepEqual(l.stages.map((s) => s.words), [["kubectl", "get", "po", "always", "-o", "jsonpath={.status.phase}"], ["grep", "-i", "run ning"]]);
    assert.deepEqual(W.parseLine("kubectl apply -f - <<EOF").heredoc, { delimiter: "EOF", stripTabs: false });
    assert.deepEqual(W.parseLine("cat <<-'END' > x.yaml").heredoc, { delimiter: "END", stripTabs: true });
    assert.equal(W.parseLine("cat <<EOF > x.yaml").stages[0].redirect, "x.yaml");
  });

  test("grep -A, head and tail filter output as the tutorial pipes them", () => {
    const text = "Name: x\nEvents:\n  a\n  b\n  c\nEnd\n";
    assert.deepEqual(W.applyFilter(["grep", "-i", "-A2", "events"], text), { text: "Events:\n  a\n  b\n", code: 0 });
    assert.deepEqual(W.applyFilter(["grep", "phase"], text), { text: "", code: 1 });
    assert.deepEqual(W.applyFilter(["tail", "-n", "1"], text), { text: "End\n", code: 0 });
    assert.ok("error" in W.applyFilter(["awk", "{print}"], text));
  });

  test("interactive exec, watches and follows are recognized; logs -f is not a file flag", () => {
    const route = (s) => W.routeOf(W.parseKubectl(s.split(" ")));
    assert.equal(route("exec -it command-args -- ps"), "interactive-exec");
    assert.equal(route("exec command-args -- ps"), "runner");
    assert.equal(route("get pods -w"), "watch");
    assert.equal(route("get pods --watch-only"), "watch");
    assert.equal(route("logs -f test-pod2 -c nginx"), "follow");
    const a = W.parseKubectl("logs -f test-pod2 -c nginx".split(" "));
    assert.deepEqual(a.positionals, ["test-pod2"]);
    assert.equal(W.flag(a, "-c"), "nginx");
    assert.equal(W.flag(W.parseKubectl(["get", "pods", "-owide"]), "-o"), "wide");
  });

  test("attach, and run with -i/-t, go to the interactive sessions unless --attach=false, --dry-run or --help", () => {
    const route = (s) => W.routeOf(W.parseKubectl(s.split(" ")));
    assert.equal(route("attach dbg"), "attach");
    assert.equal(route("attach -it dbg -c main"), "attach");
    assert.equal(route("attach dbg --help"), "runner");
    assert.equal(route("run dbg --image=busybox:1.36 -it --rm --restart=Never -- sh"), "interactive-run");
    assert.equal(route("run dbg --image busybox:1.36 --stdin"), "interactive-run");
    assert.equal(route("run dbg --image=busybox:1.36 -t"), "interactive-run");
    assert.equal(route("run dbg --image=busybox:1.36"), "runner");
    assert.equal(route("run dbg --image=busybox:1.36 -it --attach=false"), "runner");
    assert.equal(route("run dbg --image=busybox:1.36 -i --dry-run=client"), "runner");
    assert.equal(route("run dbg --image=busybox:1.36 -- sh -i"), "runner", "flags after -- belong to the container");
  });

  test("run -it creates its pod with --attach=false and keeps --rm for itself, not touching the container's words", () => {
    assert.deepEqual(W.createWords(["run", "dbg", "--image=busybox:1.36", "-it", "--rm", "--restart=Never", "--", "sh", "--rm"]),
      ["run", "dbg", "--image=busybox:1.36", "-it", "--restart=Never", "--attach=false", "--", "sh", "--rm"]);
    assert.deepEqual(W.createWords(["run", "x", "--image=nginx", "-i"]), ["run", "x", "--image=nginx", "-i", "--attach=false"]);
    assert.equal(W.durationMs("1m0s"), 60_000);
    assert.equal(W.durationMs("2m30s"), 150_000);
    assert.equal(W.durationMs(undefined), 60_000);
  });

  test("attach asks for kubectl's streams: the container's TTY decides, raw only with stdin", () => {
    const q = (p) => Object.fromEntries(p.query);
    const hint = "If you don't see a command prompt, try pressing enter.";
    const it = W.attachPlan({ stdin: true, tty: true, quiet: false }, { name: "dbg", tty: true });
    assert.deepEqual(q(it), { container: "dbg", stdin: "true", stdout: "true", tty: "true" });
    assert.equal(it.raw, true);
    assert.deepEqual(it.notes, [hint]);
    const noTty = W.attachPlan({ stdin: true, tty: true, quiet: false }, { name: "web" });
    assert.deepEqual(q(noTty), { container: "web", stdin: "true", stdout: "true", stderr: "true" });
    assert.deepEqual(noTty.notes, ["error: Unable to use a TTY - container web did not allocate one", hint]);
    assert.equal(W.attachPlan({ stdin: true, tty: false, quiet: false }, { name: "dbg", tty: true }).raw, true, "a TTY container forces the TTY");
    const watchOnly = W.attachPlan({ stdin: false, tty: false, quiet: false }, { name: "dbg", tty: true });
    assert.deepEqual(q(watchOnly), { container: "dbg", stdout: "true", stderr: "true" });
    assert.deepEqual(watchOnly.notes, [hint], "kubectl prints the hint unless --quiet");
    assert.deepEqual(W.attachPlan({ stdin: true, tty: true, quiet: true }, { name: "web" }).notes, []);
  });

  test("a failed run container reports run-attach's message and its exit code", () => {
    const pod = (phase, terminated) => ({ metadata: { namespace: "default", name: "dbg" }, status: { phase, containerStatuses: terminated ? [{ state: { terminated } }] : [] } });
    assert.equal(W.exitOf(pod("Succeeded")), undefined);
    assert.deepEqual(W.exitOf(pod("Failed", { exitCode: 4, reason: "Error" })), { code: 4, message: "pod default/dbg terminated (Error)\n" });
    assert.deepEqual(W.exitOf(pod("Failed")), { code: 1, message: "error: pod default/dbg failed with unknown exit code\n" });
  });

  test("run -it --rm steps a paused clock until Running, attaches raw, then deletes the pod and exits with the container's code", async () => {
    const calls = [];
    let gets = 0;
    const podAt = (phase) => ({ metadata: { namespace: "default", name: "dbg" },
      spec: { restartPolicy: "Never", containers: [{ name: "dbg", tty: true, stdin: true }] },
      status: { phase, conditions: phase === "Running" ? [{ type: "Ready", status: "True" }] : [],
        containerStatuses: phase === "Failed" ? [{ state: { terminated: { exitCode: 4, reason: "Error" } } }] : [] } });
    const phases = ["Pending", "Pending", "Running", "Running", "Failed"];
    const api = {
      kubectl: async (command) => { calls.push(command); return { stdout: command.includes("delete") ? 'pod "dbg" deleted\n' : "pod/dbg created\n", stderr: "", exitCode: 0 }; },
      clock: async () => ({ speed: 0 }),
      advance: async (d) => { calls.push(`advance ${d}`); },
      fetch: async () => new Response(JSON.stringify(podAt(phases[Math.min(gets++, phases.length - 1)])), { status: 200 }),
      wsUrl: (path) => `ws://x${path}`,
    };
    const sent = [];
    class FakeSocket {
      static CONNECTING = 0;
      static OPEN = 1;
      constructor(url, protocols) {
        calls.push(`ws ${url} ${protocols}`);
        this.readyState = 0;
        setTimeout(() => { this.readyState = 1; this.onopen?.(); }, 10);
      }
      send(bytes) {
        sent.push(bytes);
        if (bytes[0] === 0) setTimeout(() => { this.onmessage?.({ data: new Uint8Array([1, ...new TextEncoder().encode("exit 4\r\n")]).buffer }); this.close(); }, 0);
      }
      close() { this.readyState = 3; setTimeout(() => this.onclose?.(), 0); }
    }
    const saved = globalThis.WebSocket;
    globalThis.WebSocket = FakeSocket;
    let out = "";
    let keys;
    const io = { out: (t) => { out += t; }, raw: (d) => { out += typeof d === "string" ? d : new TextDecoder().decode(d); },
      cols: () => 80, rows: () => 24, grab: (fn) => { keys = fn; return () => { keys = undefined; }; }, onResize: () => () => {} };
    const ctx = { api, io, files: {}, signal: new AbortController().signal, history: () => [], changed: () => {} };
    const words = "run dbg --image=busybox:1.36 -it --rm --restart=Never -- sh".split(" ");
    try {
      const done = W.runSession(ctx, W.parseKubectl(words), words);
      for (let i = 0; i < 100 && !keys; i++) await new Promise((r) => setTimeout(r, 5));
      keys("exit 4\r");
      assert.equal(await done, 4);
    } finally {
      globalThis.WebSocket = saved;
    }
    assert.deepEqual(calls, [
      "kubectl run dbg --image=busybox:1.36 -it --restart=Never --attach=false -- sh",
      "advance 1s", "advance 1s",
      "ws ws://x/api/v1/namespaces/default/pods/dbg/attach?container=dbg&stdin=true&stdout=true&tty=true v5.channel.k8s.io",
      "advance 1s", // still Running when the stream ended: the clock steps until the pod has Failed
      "kubectl delete pod dbg -n default --wait=false",
    ]);
    assert.deepEqual(sent.map((b) => b[0]), [4, 0], "a resize, then the keys typed while connecting, on stdin");
    assert.equal(new TextDecoder().decode(sent[1].subarray(1)), "exit 4\r");
    assert.equal(out, "If you don't see a command prompt, try pressing enter.\nexit 4\r\npod \"dbg\" deleted\npod default/dbg terminated (Error)\n");
  });

  test("-f of an editor example becomes stdin; several files are joined as documents", () => {
    const files = { "7.restartPolicy.yaml": "a: 1\n", "6.restartPolicy.yaml": "b: 2" };
    const r = W.inlineFiles(["apply", "-f", "7.restartPolicy.yaml", "-f", "6.restartPolicy.yaml"], (n) => files[n]);
    assert.deepEqual(r, { words: ["apply", "-f", "-"], stdin: "a: 1\n---\nb: 2\n" });
    assert.deepEqual(W.inlineFiles(["apply", "-f", "missing.yaml"], () => undefined), { words: ["apply", "-f", "missing.yaml"] });
  });

  test("completion offers commands, types, live names, flags, values and files", () => {
    const src = { names: (type) => ({ pods: ["test-pod2", "test-probe"], nodes: ["node01"], namespaces: ["default"] })[type] ?? [],
      containers: () => ["nginx", "redis"], files: () => ["2.pod.yaml", "1.probe.yaml"] };
    const c = (s) => W.complete(s, src).candidates;
    assert.deepEqual(c("kub"), ["kubectl"]);
    assert.ok(c("kubectl de").includes("describe") && c("kubectl de").includes("delete"));
    assert.deepEqual(c("kubectl get po"), ["po", "pod", "pods"]);
    assert.deepEqual(c("kubectl describe pod test-p"), ["test-pod2", "test-probe"]);
    assert.deepEqual(c("kubectl logs test-pod2 -c "), ["nginx", "redis"]);
    assert.deepEqual(c("kubectl apply -f 2"), ["2.pod.yaml"]);
    assert.deepEqual(c("kubectl run x --image-pull-policy=N"), ["--image-pull-policy=Never"]);
    assert.ok(c("kubectl get pods --wa").includes("--watch"));
    assert.equal(W.commonPrefix(["test-pod2", "test-probe"]), "test-p");
  });

  test("the line editor redraws wrapped input and keeps the cursor", () => {
    const l = new W.LineEditor("$ ", 2);
    l.insert("kubectl get pods");
    l.move(-5);
    l.killWord();
    assert.equal(l.text, "kubectl  pods");
    assert.equal(l.beforeCursor, "kubectl ");
    assert.equal(W.textWidth("中文ab"), 6);
    const seq = l.render(10);
    assert.match(seq, /^\r\x1b\[J\$ kubectl  pods/);
    assert.ok(seq.endsWith("\r")); // cursor at column 0 of row 1: "$ kubectl " is exactly 10 cells
  });

  test("keys split pastes, arrows and control characters", () => {
    assert.deepEqual(W.keys("ab\x1b[Acd\r\n\x03").map((k) => k.kind), ["text", "up", "text", "enter", "interrupt"]);
    assert.deepEqual(W.keys("\x1b").map((k) => k.kind), ["escape"]);
  });

  test("watch rows are printed in kubectl's columns", () => {
    const cols = [{ name: "Name", priority: 0 }, { name: "Ready", priority: 0 }, { name: "IP", priority: 1 }];
    const l = W.layout(cols, [["test-pod2", "2/2", "172.16.0.9"]], { wide: false, namespace: false });
    assert.equal(W.headerLine(l), "NAME        READY");
    assert.equal(W.rowLine(l, ["test-pod2", "0/2", "x"]), "test-pod2   0/2");
    const w = W.layout(cols, [], { wide: true, namespace: true });
    assert.equal(W.headerLine(w), "NAMESPACE   NAME   READY   IP");
  });
});

describe("editor diagnostics", () => {
  const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: nginx\n    image: \"\"\n    resources:\n      requests:\n        cpu: lots\n";

  test("field paths split into keys and indexes", () => {
    assert.deepEqual(W.splitFieldPath("spec.containers[0].resources.requests[cpu]"), ["spec", "containers", 0, "resources", "requests", "cpu"]);
    assert.deepEqual(W.splitFieldPath("metadata.labels['app']"), ["metadata", "labels", "app"]);
  });

  test("a cause's field lands on that field, or on its deepest existing ancestor", () => {
    const { docs } = W.parseManifests(text);
    const at = (f) => { const r = W.fieldRange(docs[0].doc, f); return { text: text.slice(r.from, r.to), exact: r.exact }; };
    assert.deepEqual(at("spec.containers[0].image"), { text: "image: \"\"", exact: true });
    assert.deepEqual(at("spec.containers[0].resources.requests[cpu]"), { text: "cpu: lots", exact: true });
    assert.equal(at("spec.containers[0].ports[0].containerPort").exact, false);
    assert.match(at("spec.containers[0].ports[0].containerPort").text, /^name: nginx/);
  });

  test("YAML syntax errors carry positions; documents carry kind and name", () => {
    const bad = W.parseManifests("kind: Pod\nmetadata:\n  name: [x\n");
    assert.ok(bad.problems.length > 0 && bad.problems[0].from > 0);
    const two = W.parseManifests("---\nkind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: b, namespace: x}\n");
    assert.deepEqual(two.docs.map((d) => [d.kind, d.name, d.namespace]), [["Pod", "a", undefined], ["Pod", "b", "x"]]);
    assert.equal(W.objectPath(two.docs[1]), "/api/v1/namespaces/x/pods/b");
  });

  test("every lesson manifest is valid YAML naming a Pod", () => {
    for (const l of W.LESSONS) for (const e of l.examples) {
      const { docs, problems } = W.parseManifests(e.yaml);
      assert.deepEqual(problems, [], `${e.file}`);
      assert.ok(docs.length === 1 && docs[0].kind === "Pod" && docs[0].name, `${e.file} names a Pod`);
      assert.notEqual(docs[0].value.spec?.restartPolicy?.includes?.("#"), true, `${e.file}: restartPolicy without a comment in it`);
    }
  });
});

describe("live view logic", () => {
  test("quantities, pod requests and node allocation count like kubectl describe node", () => {
    assert.equal(W.parseQuantity("250m"), 0.25);
    assert.equal(W.parseQuantity("4194304Ki"), 4 * 2 ** 30);
    assert.equal(W.parseQuantity("1e3"), 1000);
    const pod = (node, cpu, phase = "Running") => ({ spec: { nodeName: node, containers: [{ resources: { requests: { cpu, memory: "1Gi" } } }] }, status: { phase } });
    const a = W.allocated("node01", [pod("node01", "1"), pod("node01", "350m"), pod("node01", "1", "Succeeded"), pod("node02", "1")]);
    assert.equal(W.formatCpu(a.cpu), "1350m");
    assert.equal(W.formatMemory(a.memory), "2Gi");
    const init = { spec: { initContainers: [{ resources: { requests: { cpu: "2" } } }], containers: [{ resources: { requests: { cpu: "1" } } }] } };
    assert.equal(W.podRequests(init).cpu, 2);
  });

  test("card tones follow kubectl's STATUS and READY", () => {
    assert.equal(W.statusTone("Running", "2/2"), "ok");
    assert.equal(W.statusTone("Running", "1/2"), "warn");
    assert.equal(W.statusTone("CrashLoopBackOff", "0/1"), "error");
    assert.equal(W.statusTone("Init:0/2", "0/1"), "progress");
    assert.equal(W.statusTone("Completed", "0/1"), "done");
    assert.equal(W.statusTone("Terminating", "1/1"), "gone");
  });

  test("a trace splits into creation and deletion at the deletion", () => {
    const s = (action) => ({ t: 0, time: "", from: "kubelet", to: "API Server", action });
    const r = W.splitTrace([s("watch: pod bound to this node"), s("update pod status"), s("watch: pod has deletionTimestamp (Terminating)"), s("StopContainer x")]);
    assert.equal(r.creation.length, 2);
    assert.equal(r.deletion.length, 2);
  });
});

describe("watch feed", () => {
  const stream = (lines, { end = true } = {}) => new Response(new ReadableStream({
    start(c) { for (const l of lines) c.enqueue(new TextEncoder().encode(`${JSON.stringify(l)}\n`)); if (end) c.close(); },
  }));
  const pod = (name, rv) => ({ metadata: { name, namespace: "default", resourceVersion: String(rv) } });

  test("after a dropped stream it watches again from the last resourceVersion; on 410 it lists again", async () => {
    const calls = [];
    let lists = 0;
    const watches = [
      () => stream([{ type: "ADDED", object: pod("a", 11) }, { type: "MODIFIED", object: pod("a", 12) }]),
      () => stream([{ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } }]),
      () => stream([{ type: "ADDED", object: pod("b", 31) }], { end: false }),
    ];
    const api = {
      get: async () => { lists++; return { metadata: { resourceVersion: String(lists === 1 ? 10 : 30) }, items: [] }; },
      fetch: async (path) => { calls.push(new URL(`http://x${path}`).searchParams.get("resourceVersion")); return watches[calls.length - 1](); },
    };
    const seen = [];
    const feed = new W.WatchFeed(api, "/api/v1/pods", false, { sync: (items) => seen.push(`sync:${items.length}`), event: (t, i) => seen.push(`${t}:${i.object.metadata.name}`) });
    feed.start();
    for (let i = 0; i < 100 && calls.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    feed.close();
    assert.deepEqual(calls, ["10", "12", "30"]);
    assert.equal(lists, 2);
    assert.deepEqual(seen, ["sync:0", "ADDED:a", "MODIFIED:a", "sync:0", "ADDED:b"]);
    assert.equal(feed.resourceVersion, "31");
  });
});
