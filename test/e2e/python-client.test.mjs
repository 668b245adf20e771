// The official Python client (Debian's python3-kubernetes, run with Debian's /usr/bin/python3)
// lists, creates, watches, reads logs, execs, patches and deletes pods through the kubeconfig.
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { root, startPodlab } from "./harness.mjs";

let podlab;
before(async () => { podlab = await startPodlab(); });
after(async () => podlab?.stop());

it("the Python client manages pods in a sandbox", async () => {
  const sb = await podlab.sandbox();
  const r = await new Promise((resolve) => execFile("/usr/bin/python3", [join(root, "test", "e2e", "python", "client_smoke.py"), sb.kubeconfigPath],
    { timeout: 120_000 }, (err, stdout, stderr) => resolve({ code: err ? err.code ?? 1 : 0, stdout, stderr })));
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(r.stdout.trim(), "OK");
});
