// Loads the web client's pure modules (TypeScript under web/src) into Node for unit tests:
// esbuild bundles a small entry that re-exports them into a temporary ESM file.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../harness.mjs";

const MODULES = ["terminal/shell-words", "terminal/text-filters", "terminal/kubectl-args", "terminal/completion", "terminal/line-editor",
  "terminal/keys", "terminal/table-format", "terminal/command-runner", "terminal/attach-session", "terminal/run-session", "editor/field-range", "editor/apply", "view/resources",
  "view/status-tone", "view/sequence-diagram", "api/watch-feed", "lessons/lessons"];

/** The pure modules of web/src, re-exported as one namespace. */
export async function loadWeb() {
  const dir = mkdtempSync(join(tmpdir(), "podlab-web-unit-"));
  const outfile = join(dir, "web.mjs");
  await build({
    stdin: { contents: MODULES.map((m) => `export * from "./${m}";`).join("\n"), resolveDir: join(root, "web", "src"), loader: "ts" },
    bundle: true, format: "esm", platform: "neutral", outfile, loader: { ".yaml": "text" }, logLevel: "error",
    mainFields: ["module", "main"],
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
