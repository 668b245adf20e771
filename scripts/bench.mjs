// `npm run bench`: runs every benchmark in bench/ in turn; each prints its figures and compares
// them with its target. Exits non-zero if any target was missed.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv[2];
const benches = readdirSync(join(root, "bench")).filter((f) => f.endsWith(".mjs") && (!only || f.startsWith(only))).sort();
let failed = [];
for (const b of benches) {
  console.log(`\n=== bench/${b}`);
  const r = spawnSync(process.execPath, [join(root, "bench", b)], { cwd: root, stdio: "inherit", env: { ...process.env, NO_COLOR: "1" } });
  if (r.status !== 0) failed.push(b);
}
console.log(failed.length ? `\nbench: targets missed in ${failed.join(", ")}` : "\nbench: all targets met");
process.exit(failed.length ? 1 : 0);
