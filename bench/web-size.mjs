// Web client size: builds web/dist and prints the gzipped size of the first load (index.html +
// the app's JS and CSS, which include xterm.js, CodeMirror 6 with YAML and the lessons) against
// the 400 KB target, plus /widget.js on its own. Exits non-zero when the target is missed.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb } from "../scripts/build-web.mjs";

const TARGET_KB = 400;
const out = await buildWeb({ quiet: true });
const rows = [out.html, out.js, out.css].filter(Boolean).map((p) => {
  const raw = readFileSync(p);
  return { file: basename(p), raw: raw.length, gz: gzipSync(raw, { level: 6 }).length };
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const r of rows) console.log(`  ${r.file.padEnd(24)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzip`);
const total = rows.reduce((s, r) => s + r.gz, 0);
const widget = readFileSync(out.widget);
console.log(`  ${"widget.js".padEnd(24)} ${kb(widget.length).padStart(10)} raw ${kb(gzipSync(widget).length).padStart(10)} gzip (loaded by course pages)`);
const ok = total <= TARGET_KB * 1024;
console.log(`web first load (HTML + JS + CSS, editor and terminal included): ${kb(total)} gzip — target ≤ ${TARGET_KB} KB: ${ok ? "PASS" : "FAIL"}`);
process.exit(ok ? 0 : 1);
