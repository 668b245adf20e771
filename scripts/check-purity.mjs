// Fails when the simulation core (durable/sim) or the shared schemas reach for I/O, the wall
// clock, unseeded randomness or platform modules. Part of `npm test`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const FORBIDDEN = [
  [/\bDate\.now\s*\(/, "reads the wall clock (Date.now)"],
  [/\bnew Date\s*\(\s*\)/, "reads the wall clock (new Date())"],
  [/\bMath\.random\s*\(/, "uses unseeded randomness (Math.random)"],
  [/\bsetTimeout\s*\(|\bsetInterval\s*\(|\bsetImmediate\s*\(/, "uses real timers"],
  [/\bperformance\.now\s*\(/, "reads the wall clock (performance.now)"],
  [/\bcrypto\.getRandomValues\s*\(/, "uses unseeded randomness (crypto)"],
  [/from\s+["'](cloudflare:[^"']*|hono[^"']*|drizzle-orm[^"']*|node:[^"']*)["']/, "imports a platform or I/O module"],
  [/\bfetch\s*\(/, "does network I/O (fetch)"],
  [/\bawait\b|\basync\s+function\b|\basync\s*\(/, "is asynchronous (the core is synchronous)"],
];
const dirs = ["durable/sim", "schema/k8s", "schema/validation", "schema/defaults", "schema/admission"];
const files = ["schema/quantity.ts", "schema/qos.ts", "schema/wire.ts", "schema/checks.ts"];

function walk(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".d.ts")) out.push(p);
  }
}

const targets = [];
for (const d of dirs) walk(join(root, d), targets);
for (const f of files) targets.push(join(root, f));
const problems = [];
for (const f of targets) {
  let text;
  try { text = readFileSync(f, "utf8"); } catch { continue; }
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, "");
    for (const [re, why] of FORBIDDEN) if (re.test(code)) problems.push(`${relative(root, f)}:${i + 1}: ${why}: ${line.trim()}`);
  });
}
if (problems.length) {
  console.error(`purity check failed: the simulation core must stay pure and deterministic\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`purity check: ${targets.length} core files clean`);
