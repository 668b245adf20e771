// Loads a TypeScript module of the pure core in Node for the benchmarks: bundles it with esbuild
// (a dependency of wrangler) into a temporary ESM file, imports it and removes the file.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The module at `path` (relative to the repository root), bundled for Node 20. */
export async function importCore(path) {
  const dir = mkdtempSync(join(tmpdir(), "podlab-bench-"));
  try {
    const out = join(dir, "bundle.mjs");
    await build({ entryPoints: [join(root, path)], bundle: true, format: "esm", platform: "node", outfile: out, logLevel: "error",
      target: "node20",
      // Bundled CommonJS dependencies (yaml) call require(); give the ESM bundle one.
      banner: { js: 'import { createRequire as __podlabRequire } from "node:module"; const require = __podlabRequire(import.meta.url);' } });
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
