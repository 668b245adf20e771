// The example notebook (examples/restart-policies.py, the same cells as the .ipynb) runs green with
// Debian's python3-kubernetes against podlab started as `npm start` does: it creates its own
// sandbox over HTTP, advances the clock from code, watches, reads logs, execs and runs checks.
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root, startPodlab } from "./harness.mjs";

const PY = join(root, "examples", "restart-policies.py");
const NB = join(root, "examples", "restart-policies.ipynb");

let podlab;
before(async () => { podlab = await startPodlab(); });
after(async () => podlab?.stop());

/** The code cells of the percent-format script, as the notebook holds them. */
function scriptCells(text) {
  return text.split(/^# %%/m).slice(1).map((chunk) => {
    const nl = chunk.indexOf("\n");
    return { markdown: chunk.slice(0, nl).trim() === "[markdown]", body: chunk.slice(nl + 1).replace(/^\n+|\n+$/g, "") };
  });
}

it("the .ipynb holds exactly the cells of the .py", () => {
  const nb = JSON.parse(readFileSync(NB, "utf8"));
  assert.equal(nb.nbformat, 4);
  const cells = scriptCells(readFileSync(PY, "utf8"));
  assert.equal(nb.cells.length, cells.length);
  nb.cells.forEach((c, i) => {
    assert.equal(c.cell_type, cells[i].markdown ? "markdown" : "code", `cell ${i}`);
    if (c.cell_type === "code") assert.equal(c.source.join(""), cells[i].body, `code cell ${i}`);
  });
});

it("the example notebook's lesson runs green against podlab", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "podlab-nb-"));
  const t0 = Date.now();
  const r = await new Promise((resolve) => execFile("/usr/bin/python3", [PY], { cwd, timeout: 240_000, env: { ...process.env, PODLAB_URL: podlab.url } },
    (err, stdout, stderr) => resolve({ code: err ? err.code ?? 1 : 0, stdout, stderr })));
  rmSync(cwd, { recursive: true, force: true });
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /created sandbox restart-policies at http:\/\/127\.0\.0\.1:\d+\/clusters\/[a-z2-7]{32}/);
  assert.match(r.stdout, /test-restartpolicy1 +0\/1 +CrashLoopBackOff/);
  assert.match(r.stdout, /PASS container test of pod test-restartpolicy1 restarted at least 3 times/);
  assert.doesNotMatch(r.stdout, /^FAIL/m);
  assert.match(r.stdout, /lesson 3\.8 complete\n$/);
  console.log(`notebook ran in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
});
