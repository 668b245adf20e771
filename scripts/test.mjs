// `npm test`: every check and test suite — typecheck (whole repo, and the core alone without
// platform types), the purity check of the core, the web build, vitest (pure core in Node,
// Worker/DO glue in workerd) and the end-to-end suite (real wrangler dev + real kubectl + the
// Python client + Chromium where installed). The static checks run side by side (they are
// independent and CPU-bound); the suites run one after the other. `npm test -- vitest` runs one step.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (n) => join(root, "node_modules", ".bin", n);
const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" };
const only = process.argv[2];

/** Groups run in order; the steps of a group run concurrently (their output is printed whole). */
const groups = [
  [
    ["typecheck", [bin("tsc"), "-p", "."]],
    ["typecheck core", [bin("tsc"), "-p", "durable/sim"]],
    ["purity", [process.execPath, join(root, "scripts", "check-purity.mjs")]],
    ["build web", [process.execPath, join(root, "scripts", "build-web.mjs")]],
  ],
  [["vitest", [bin("vitest"), "run"]]],
  [["e2e", [process.execPath, "--test", "--test-concurrency=1", "--test-reporter=spec", "test/e2e/"]]],
];

function run([name, cmd], buffered) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const head = `\n=== ${name}: ${cmd.slice(1).join(" ")}`;
    if (!buffered) console.log(head);
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, env, stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit" });
    const out = [];
    child.stdout?.on("data", (d) => out.push(d));
    child.stderr?.on("data", (d) => out.push(d));
    child.on("close", (code) => {
      const tail = `=== ${name}: ${code === 0 ? "ok" : `FAILED (${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s`;
      if (buffered) process.stdout.write(`${head}\n${Buffer.concat(out).toString()}`);
      console.log(tail);
      resolve(code === 0);
    });
  });
}

let failed = false;
for (const group of groups) {
  const steps = group.filter(([name]) => !only || name === only);
  const results = await Promise.all(steps.map((s) => run(s, steps.length > 1)));
  if (results.includes(false)) failed = true;
}
process.exit(failed ? 1 : 0);
