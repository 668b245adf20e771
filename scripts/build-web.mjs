// Builds the static web client into web/dist (served by the Worker's assets binding) with
// esbuild: web/src/main.ts → assets/app-<hash>.js + .css (xterm.js, CodeMirror and the app in
// one first-load bundle), web/src/widget.ts → widget.js (the <podlab-sandbox> element, a stable
// URL), web/index.html with the hashed names filled in, and web/public copied as is.
// `--check` also typechecks web/ with tsc. Returns the output files for bench/web-size.mjs.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "web");
const final = join(web, "dist");
// Built next door and swapped in at the end, so a running `wrangler dev` never serves half a build.
const dist = join(web, "dist.next");

/** Builds web/dist; returns {html, js, css, widget} paths of the first load. */
export async function buildWeb({ check = false, quiet = false } = {}) {
  if (check) {
    const tsc = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(web, "tsconfig.json")], { stdio: "inherit" });
    if (tsc.status !== 0) throw new Error("web: typecheck failed");
  }
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, "assets"), { recursive: true });
  if (existsSync(join(web, "public"))) cpSync(join(web, "public"), dist, { recursive: true });
  const common = { bundle: true, minify: true, target: "es2020", legalComments: "none", logLevel: "warning", loader: { ".yaml": "text" } };
  const app = await build({
    ...common, entryPoints: { app: join(web, "src", "main.ts") }, format: "esm", outdir: join(dist, "assets"),
    entryNames: "[name]-[hash]", sourcemap: "linked", metafile: true,
  });
  await build({ ...common, entryPoints: [join(web, "src", "widget.ts")], format: "iife", outfile: join(dist, "widget.js") });
  const outs = Object.keys(app.metafile.outputs).map((p) => join(root, p));
  const js = outs.find((p) => p.endsWith(".js"));
  const css = outs.find((p) => p.endsWith(".css"));
  const href = (p) => `/${relative(dist, p).split("\\").join("/")}`;
  const html = readFileSync(join(web, "index.html"), "utf8")
    .replace("<!-- podlab:css -->", css ? `<link rel="stylesheet" href="${href(css)}">` : "")
    .replace("<!-- podlab:js -->", `<script type="module" src="${href(js)}"></script>`);
  writeFileSync(join(dist, "index.html"), html);
  rmSync(final, { recursive: true, force: true });
  renameSync(dist, final);
  const moved = (p) => (p ? join(final, relative(dist, p)) : p);
  if (!quiet) console.log(`web: built web/dist (${basename(js)}${css ? `, ${basename(css)}` : ""}, widget.js)`);
  return { html: join(final, "index.html"), js: moved(js), css: moved(css), widget: join(final, "widget.js") };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWeb({ check: process.argv.includes("--check") }).catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
