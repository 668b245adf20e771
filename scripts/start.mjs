// `npm start`: builds the web client, applies the D1 migrations to the local database and runs
// `wrangler dev` on 127.0.0.1:$PORT (default 8787). State persists in .wrangler/state.
import { spawnSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "8787";
const persist = process.env.PODLAB_STATE ?? join(root, ".wrangler", "state");
const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_ERROR_REPORTS: "false" };
const wrangler = join(root, "node_modules", ".bin", "wrangler");

const run = (args) => {
  const r = spawnSync(args[0], args.slice(1), { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// PODLAB_SKIP_WEB_BUILD=1 serves whatever web/dist holds (API-only test runs build it once up front).
if (process.env.PODLAB_SKIP_WEB_BUILD === "1") mkdirSync(join(root, "web", "dist"), { recursive: true });
else run([process.execPath, join(root, "scripts", "build-web.mjs")]);
run([wrangler, "d1", "migrations", "apply", "podlab", "--local", "--persist-to", persist]);
const child = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", port, "--persist-to", persist,
  "--show-interactive-dev-session=false", "--inspector-port", process.env.INSPECTOR_PORT ?? "0"], { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
