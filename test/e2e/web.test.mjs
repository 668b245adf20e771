// End-to-end tests of the web client in Debian's Chromium (playwright-core): a sandbox on first
// visit, the tutorial's multi-container pod applied from the editor turning 2/2 Running on the
// live view, kubectl in the terminal, an exec shell, a CrashLoopBackOff pod's restarts, inline
// validation errors, the language switch, reconnecting watches, two widgets on one page, 360 px.
// Screenshots of each state go to test-artifacts/web/. PODLAB_URL reuses a running podlab.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import { freePort, root, startPodlab } from "./harness.mjs";
import { haveChromium, launch, newPage, shot, terminalText, typeLine, waitForCard, waitForTerminal } from "./web/browser.mjs";

const skip = haveChromium() ? false : "Chromium is not installed (apt-get install chromium)";

describe("web client", { skip }, () => {
  let podlab, browser, page, sandboxId;
  const base = () => podlab.url;

  before(async () => {
    podlab = process.env.PODLAB_URL ? { url: process.env.PODLAB_URL, stop: async () => {} } : await startPodlab();
    browser = await launch();
    page = await newPage(browser.context);
  });
  after(async () => {
    await browser?.close();
    await podlab?.stop();
  });

  const apply = async (example) => {
    await page.selectOption("[data-testid=example-select]", example);
    await page.click("[data-testid=apply]");
    await page.waitForFunction(() => !document.querySelector(".pane-editor")?.hasAttribute("aria-busy"));
  };
  const advance = async (d) => {
    await page.click(`[data-advance="${d}"]`);
    await page.waitForTimeout(400);
  };
  const restartsOf = async (key) => Number((await page.getAttribute(`[data-pod="${key}"]`, "data-restarts")).split(" ")[0]);

  test("the web sources typecheck", () => {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "web", "tsconfig.json")], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test("a first visit creates a sandbox, remembers it and offers its kubeconfig", async () => {
    await page.goto(`${base()}/`);
    const name = await page.waitForSelector("[data-testid=sandbox-name]");
    sandboxId = await name.getAttribute("data-id");
    assert.match(sandboxId, /^[a-z0-9]{20,}$/);
    await page.reload();
    await page.waitForSelector("[data-testid=sandbox-name]");
    assert.equal(await page.getAttribute("[data-testid=sandbox-name]", "data-id"), sandboxId, "the sandbox is remembered across reloads");
    const kubeconfig = await page.evaluate(async () => (await fetch(document.querySelector("[data-testid=download-kubeconfig]").href)).text());
    assert.match(kubeconfig, new RegExp(`server: http://127\\.0\\.0\\.1:\\d+/clusters/${sandboxId}`));
    assert.match(await page.inputValue("[data-testid=one-liner]"), new RegExp(`kubectl .*--server=\\S+/clusters/${sandboxId}`));
    await page.waitForSelector('[data-testid=conn][data-state="live"]');
    await page.waitForSelector('[data-node="node01"]');
    await page.click('[data-speed="0"]');
    await page.waitForSelector('[data-speed="0"][aria-pressed="true"]');
    await shot(page, "01-sandbox");
  });

  test("the multi-container pod applied from the editor turns 2/2 Running after the clock advances", async () => {
    await apply("2.pod.yaml|");
    await waitForCard(page, "default/test-pod2");
    await shot(page, "02-applied");
    await advance("1m");
    await waitForCard(page, "default/test-pod2", { status: "Running", ready: "2/2" });
    assert.match(await page.textContent("[data-testid=editor-output]"), /pod\/test-pod2 (created|serverside-applied)/);
    await shot(page, "03-running");
  });

  test("kubectl get pods -o wide in the terminal prints kubectl's table", async () => {
    await typeLine(page, page, "kubectl get pods -o wide");
    const text = await waitForTerminal(page, /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\s*\ntest-pod2\s+2\/2\s+Running\s+0\s+\S+\s+172\.16\.\d+\.\d+\s+node0[12]/);
    assert.doesNotMatch(text, /kubectl runner is not available/);
    await shot(page, "04-get-pods-wide");
  });

  test("an exec shell runs ps in the container", async () => {
    await apply("3.pod_command_args.yaml|");
    await advance("1m");
    await waitForCard(page, "default/command-args", { status: "Running" });
    await typeLine(page, page, "kubectl exec -it command-args -- sh");
    await waitForTerminal(page, /exec -it command-args -- sh\s*\n.*#$/m);
    await typeLine(page, page, "ps");
    await waitForTerminal(page, /PID\s+USER\s+TIME\s+COMMAND[\s\S]*tail -f \/dev\/null[\s\S]*\bps\b/);
    await shot(page, "05-exec-ps");
    await typeLine(page, page, "exit");
    await waitForTerminal(page, /# exit\s*\n\$$/m);
  });

  test("kubectl run -it --rm attaches a shell; exit 4 ends it, deletes the pod and reports the failed container", async () => {
    await typeLine(page, page, "kubectl run dbg --image=busybox:1.36 -it --rm --restart=Never -- sh");
    // The paused clock is stepped until the pod runs; then kubectl's hint, and the shell is ours.
    await waitForTerminal(page, /-- sh\s*\nIf you don't see a command prompt, try pressing enter\.\s*\n/, 30_000);
    await typeLine(page, page, "echo hi-from-attach");
    await waitForTerminal(page, /echo hi-from-attach\s*\nhi-from-attach\s*\n/);
    await shot(page, "05b-run-it-attach");
    await typeLine(page, page, "exit 4");
    const text = await waitForTerminal(page, /exit 4\s*\npod "dbg" deleted\s*\npod default\/dbg terminated \(Error\)\s*\n\$$/m, 30_000);
    assert.doesNotMatch(text, /pod\/dbg created|Session ended/, "as kubectl: no created line, no resume hint for a Never pod");
  });

  test("the terminal applies a heredoc, completes names, pipes into grep and streams -w", async () => {
    await typeLine(page, page, "kubectl apply -f - <<EOF");
    for (const l of ["apiVersion: v1", "kind: Pod", "metadata:", "  name: heredoc-pod", "spec:", "  containers:",
      "  - name: main", "    image: busybox:1.36", "    command: [\"sleep\", \"3600\"]", "EOF"]) await page.keyboard.type(`${l}\n`, { delay: 1 });
    await waitForTerminal(page, /pod\/heredoc-pod created/);
    await page.keyboard.type("kubectl describe pod test-p\t", { delay: 5 });
    await page.keyboard.type(" | grep -A2 ^Name:\n");
    await waitForTerminal(page, /describe pod test-pod2\s+\| grep -A2 \^Name:\s*\nName:\s+test-pod2\s*\nNamespace:\s+default/);
    await typeLine(page, page, "kubectl get pods heredoc-pod -w");
    await waitForTerminal(page, /get pods heredoc-pod -w\s*\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*\nheredoc-pod\s+0\/1\s+Pending/);
    await advance("1m");
    await waitForTerminal(page, /heredoc-pod\s+1\/1\s+Running\s+0/);
    await page.click(".xterm");
    await page.keyboard.press("Control+c");
    await waitForTerminal(page, /\^C\s*\n\$$/m);
    await shot(page, "06-terminal-heredoc-watch");
  });

  test("a CrashLoopBackOff pod's restarts climb", async () => {
    await apply("3.restartPolicy.yaml|Always");
    await advance("1m");
    await waitForCard(page, "default/test-restartpolicy1", { status: "CrashLoopBackOff" });
    const first = await restartsOf("default/test-restartpolicy1");
    await advance("5m");
    await page.waitForFunction((n) => Number(document.querySelector('[data-pod="default/test-restartpolicy1"]').dataset.restarts.split(" ")[0]) > n, first, { timeout: 15_000 });
    assert.ok((await restartsOf("default/test-restartpolicy1")) > first);
    assert.equal(await page.getAttribute('[data-pod="default/test-restartpolicy1"]', "class"), "pod-card tone-error");
    await shot(page, "07-crashloop");
    await page.click('[data-pod="default/test-restartpolicy1"]');
    await page.waitForSelector("[data-testid=timeline] .event.warning");
    await page.waitForSelector("[data-testid=diagrams] svg.seq");
    assert.match(await page.textContent("[data-testid=timeline]"), /BackOff/);
    await shot(page, "08-pod-detail");
  });

  test("deleting from the editor shows Terminating, then the deletion sequence", async () => {
    await page.click('[data-pod="default/test-pod2"]');
    await page.selectOption("[data-testid=example-select]", "2.pod.yaml|");
    await page.click("[data-testid=delete]");
    await waitForCard(page, "default/test-pod2", { status: "Terminating" });
    await advance("1m");
    await page.waitForSelector('[data-pod="default/test-pod2"]', { state: "detached", timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=diagrams] figure").length === 2, null, { timeout: 10_000 });
    await shot(page, "09-deletion-sequence");
  });

  test("a bad manifest shows the server's message at the offending field", async () => {
    await page.evaluate(() => window.podlab.editor.setText("apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad-pod\nspec:\n  containers:\n  - name: nginx\n    ports:\n    - containerPort: 80\n"));
    await page.click("[data-testid=apply]");
    const item = await page.waitForSelector('[data-testid=problems] li[data-field="spec.containers[0].image"]');
    assert.match(await item.textContent(), /line 7: spec\.containers\[0\]\.image: Required value/);
    const marked = await page.$$eval(".cm-lintRange-error", (els) => els.map((e) => e.textContent).join(""));
    assert.match(marked, /name: nginx/);
    await shot(page, "10-invalid-manifest");
  });

  test("switching language relabels the interface and leaves kubectl output as printed", async () => {
    const before = await terminalText(page);
    await page.selectOption("[data-testid=lang-select]", "zh-CN");
    assert.equal(await page.textContent("[data-testid=apply]"), "应用 (apply)");
    assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
    assert.match(await page.textContent(".pane-view .pane-title"), /集群/);
    assert.equal(await terminalText(page), before);
    await shot(page, "11-zh-CN");
    await page.selectOption("[data-testid=lang-select]", "en");
    assert.equal(await page.textContent("[data-testid=apply]"), "Apply");
  });

  test("a dropped connection reconnects and resumes watching from its resourceVersion", async () => {
    const watches = [];
    page.on("request", (r) => { if (r.url().includes("/api/v1/pods?") && r.url().includes("watch=true")) watches.push(new URL(r.url()).searchParams.get("resourceVersion")); });
    await page.context().setOffline(true);
    await page.evaluate(() => window.podlab.state.drop());
    await page.waitForSelector('[data-testid=conn][data-state="reconnecting"]', { timeout: 5_000 });
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "while-offline" }, spec: { containers: [{ name: "c", image: "busybox:1.36", command: ["sleep", "3600"] }] } };
    const res = await fetch(`${base()}/clusters/${sandboxId}/api/v1/namespaces/default/pods`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(pod) });
    assert.equal(res.status, 201);
    await page.context().setOffline(false);
    await waitForCard(page, "default/while-offline");
    await page.waitForSelector('[data-testid=conn][data-state="live"]');
    assert.ok(watches.length > 0 && watches.every((rv) => /^\d+$/.test(rv) && rv !== "0"), `watches resumed from a resourceVersion: ${watches}`);
    assert.ok(Number(await page.getAttribute("[data-testid=conn]", "data-reconnects")) > 0);
    await shot(page, "12-reconnected");
  });

  test("Esc then Tab leaves the terminal; the editor's buttons are reachable by keyboard", async () => {
    await page.click(".xterm");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    assert.notEqual(await page.evaluate(() => document.activeElement?.className), "xterm-helper-textarea");
    await page.focus("[data-testid=example-select]");
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      // Tab indents inside the editor; Esc then Tab moves on (CodeMirror's escape hatch).
      if (await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))) await page.keyboard.press("Escape");
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.dataset.testid === "apply");
    }
    assert.ok(reached, "Tab reaches Apply from the example picker (Esc then Tab leaves the editor)");
  });

  test("two widgets on one page get two sandboxes", async () => {
    const embed = await fetch(`${base()}/embed?lesson=multi-container`);
    assert.match(embed.headers.get("content-type") ?? "", /text\/html/, "GET /embed serves the client: mount worker/web.ts with app.route(\"/embed\", webRoutes) in worker/index.ts");
    const port = await freePort();
    const html = `<!doctype html><meta charset="utf-8"><title>course page</title><h1>Course page</h1>
<script src="${base()}/widget.js" defer></script>
<podlab-sandbox lesson="multi-container" height="620" lang="en" panes="terminal,editor,view"></podlab-sandbox>
<podlab-sandbox lesson="probes" height="620" lang="zh-CN" panes="editor,view"></podlab-sandbox>`;
    const server = createServer((_, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(html); });
    await new Promise((r) => server.listen(port, "127.0.0.1", r));
    try {
      const course = await newPage(browser.context);
      await course.setViewportSize({ width: 1200, height: 1400 });
      await course.goto(`http://127.0.0.1:${port}/`);
      await course.waitForFunction(() => document.querySelectorAll("podlab-sandbox").length === 2 && customElements.get("podlab-sandbox"));
      const frames = async () => course.frames().filter((f) => f.url().includes("/embed?"));
      let embeds = [];
      for (let i = 0; i < 100 && embeds.length < 2; i++) { embeds = await frames(); await course.waitForTimeout(100); }
      assert.equal(embeds.length, 2);
      const ids = [];
      for (const f of embeds) ids.push(await (await f.waitForSelector("[data-testid=sandbox-name]", { timeout: 30_000 })).getAttribute("data-id"));
      assert.notEqual(ids[0], ids[1], "each widget has its own sandbox");
      assert.ok(!ids.includes(sandboxId), "widgets do not reuse the full app's sandbox");
      const multi = embeds.find((f) => f.url().includes("lesson=multi-container"));
      assert.ok(await multi.$(".xterm"), "the first widget shows a terminal");
      assert.equal(await embeds.find((f) => f.url().includes("lesson=probes")).$(".xterm"), null, "the second widget has no terminal pane");
      assert.equal(await multi.inputValue("[data-testid=example-select]"), "2.pod.yaml|");
      await course.waitForTimeout(800);
      await shot(course, "13-two-widgets");
      await course.close();
    } finally {
      server.close();
    }
  });

  test("the page is usable 360 px wide", async () => {
    const narrow = await newPage(browser.context);
    await narrow.setViewportSize({ width: 360, height: 780 });
    await narrow.goto(`${base()}/`);
    await narrow.waitForSelector('[data-node="node01"]');
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
    await shot(narrow, "14-narrow-360");
    assert.deepEqual(narrow.errors, []);
    await narrow.close();
    assert.deepEqual(page.errors, []);
  });
});
