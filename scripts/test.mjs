// `npm test`: every check and test suite in order — typecheck, the purity check of the core,
// vitest (pure core in Node, Worker/DO glue in workerd) and the end-to-end suite (real
// wrangler dev + real kubectl + the Python client + Chromium where installed).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (n) => join(root, "node_modules", ".bin", n);
const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" };
const only = process.argv[2];

const steps = [
  ["typecheck", [bin("tsc"), "-p", "."]],
  ["typecheck core", [bin("tsc"), "-p", "durable/sim"]],
  ["purity", [process.execPath, join(root, "scripts", "check-purity.mjs")]],
  ["build web", [process.execPath, join(root, "scripts", "build-web.mjs")]],
  ["vitest", [bin("vitest"), "run"]],
  ["e2e", [process.execPath, "--test", "--test-concurrency=1", "--test-reporter=spec", "test/e2e/"]],
];

let failed = false;
for (const [name, cmd] of steps) {
  if (only && name !== only) continue;
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd.slice(1).join(" ")}`);
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, env, stdio: "inherit" });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : `FAILED (${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
