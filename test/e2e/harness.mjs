// End-to-end harness: starts podlab exactly as `npm start` does (scripts/start.mjs) on a free
// port with a throwaway state folder, creates sandboxes over HTTP and runs the real kubectl
// against them with a fresh KUBECACHEDIR. Used by every test/e2e/*.test.mjs file.
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Starts podlab; resolves when /healthz answers. */
export async function startPodlab(extraEnv = {}) {
  const port = await freePort();
  const inspector = await freePort();
  const state = mkdtempSync(join(tmpdir(), "podlab-e2e-"));
  const child = spawn(process.execPath, [join(root, "scripts", "start.mjs")], {
    cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), PODLAB_STATE: state, INSPECTOR_PORT: String(inspector), NO_COLOR: "1",
      PODLAB_SKIP_WEB_BUILD: "1", ...extraEnv },
  });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`podlab exited early:\n${log}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`podlab did not start in 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
    await new Promise((r) => setTimeout(r, 300));
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
    rmSync(state, { recursive: true, force: true });
  };
  return { url, port, stop, log: () => log, sandbox: (opts) => createSandbox(url, opts) };
}

/** Creates a sandbox and returns helpers bound to it. */
export async function createSandbox(url, opts = {}) {
  const r = await fetch(`${url}/api/sandboxes`, { method: "POST", headers: { "content-type": "application/json", ...(opts.headers ?? {}) },
    body: JSON.stringify(opts.body ?? {}) });
  if (r.status !== 201) throw new Error(`create sandbox: ${r.status} ${await r.text()}`);
  const sb = await r.json();
  const dir = mkdtempSync(join(tmpdir(), "podlab-kube-"));
  const kubeconfigPath = join(dir, "config");
  writeFileSync(kubeconfigPath, sb.kubeconfig);
  const api = (path, init = {}) => fetch(`${sb.server}${path}`, init);
  return {
    ...sb,
    dir,
    kubeconfigPath,
    api,
    /** Runs the real kubectl; resolves {code, stdout, stderr}. */
    kubectl: (args, o = {}) => kubectl(args, { ...o, kubeconfig: kubeconfigPath, cacheDir: o.cacheDir ?? mkdtempSync(join(dir, "cache-")) }),
    /** Advances the virtual clock. */
    advance: async (d) => {
      const res = await api("/-/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advance: d }) });
      if (!res.ok) throw new Error(`advance ${d}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    speed: async (s) => (await api("/-/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ speed: s }) })).json(),
    json: async (path) => (await api(path)).json(),
  };
}

/** Runs kubectl with a kubeconfig and cache dir. */
export function kubectl(args, { kubeconfig, cacheDir, stdin, timeoutMs = 60_000, env = {}, cwd, manifestsDir }) {
  return new Promise((resolve) => {
    const child = execFile("kubectl", args, {
      timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, cwd: manifestsDir ?? cwd,
      env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: cacheDir, NO_COLOR: "1", ...env },
    }, (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 124) : 0, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

/** Replaces ages and other run-dependent columns so transcripts can be compared. */
export function normalizeAges(text) {
  return text.replace(/\b\d+(?:[smhd]\d*[smhd]?)?\b(?=\s|$)/g, (m) => m);
}

/** Waits until `fn` returns truthy (polling real time; used only for streams). */
export async function until(fn, timeoutMs = 10_000, stepMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export { root };
