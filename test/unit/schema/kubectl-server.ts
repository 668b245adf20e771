// A throwaway node:http API server for the explain tests: /version, aggregated discovery built
// from registry.ts, and podlab's /openapi/v3 documents. Just enough for the real kubectl on PATH.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openapiDocument, openapiRoot } from "../../../durable/sim/api/openapi";
import { RESOURCES } from "../../../durable/sim/api/registry";

const DISCOVERY = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/** The aggregated discovery list of core (`group === ""`) or of every other group. */
function discovery(core: boolean): unknown {
  const groups = new Map<string, typeof RESOURCES[number][]>();
  for (const r of RESOURCES) if ((r.group === "") === core) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  return {
    kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {},
    items: [...groups].map(([group, defs]) => ({
      metadata: { ...(group ? { name: group } : {}), creationTimestamp: null },
      versions: [{ version: defs[0].version, freshness: "Current", resources: defs.map((d) => ({
        resource: d.resource, responseKind: { group: d.group, version: d.version, kind: d.kind },
        scope: d.namespaced ? "Namespaced" : "Cluster", singularResource: d.singular, verbs: d.verbs,
        ...(d.shortNames ? { shortNames: d.shortNames } : {}) })) }],
    })),
  };
}

/** A running test server plus a kubeconfig and a fresh cache dir pointing at it. */
export interface KubectlServer {
  server: Server;
  env: NodeJS.ProcessEnv;
  requests: string[];
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startKubectlServer(): Promise<KubectlServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (code: number, type: string, body: unknown) => {
      res.writeHead(code, { "content-type": type });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    const p = url.pathname;
    if (p === "/version") return send(200, "application/json", { major: "1", minor: "32", gitVersion: "v1.32.0", gitCommit: "0".repeat(40), gitTreeState: "clean", buildDate: "2025-01-01T00:00:00Z", goVersion: "go1.23.4", compiler: "gc", platform: "linux/amd64" });
    if (p === "/api") return send(200, DISCOVERY, discovery(true));
    if (p === "/apis") return send(200, DISCOVERY, discovery(false));
    if (p === "/openapi/v3") return send(200, "application/json", openapiRoot());
    if (p.startsWith("/openapi/v3/")) {
      const doc = openapiDocument(p.slice("/openapi/v3/".length));
      if (doc) return send(200, "application/json", doc.body);
    }
    if (req.method === "POST" && /^\/api\/v1\/namespaces\/[^/]+\/pods$/.test(p)) {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => send(201, "application/json", body));
      return;
    }
    send(404, "application/json", { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the server could not find the requested resource", reason: "NotFound", details: {}, code: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), "podlab-kubectl-"));
  const kubeconfig = join(dir, "config");
  writeFileSync(kubeconfig, `apiVersion: v1
kind: Config
clusters: [{name: t, cluster: {server: "http://127.0.0.1:${port}"}}]
users: [{name: t, user: {}}]
contexts: [{name: t, context: {cluster: t, user: t}}]
current-context: t
`);
  const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, "cache"), HOME: dir };
  return { server, env, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Runs kubectl with the server's environment; resolves with stdout, stderr and exit code.
 * Asynchronous on purpose: execFileSync would block the event loop this server answers on.
 */
export function kubectl(s: KubectlServer, args: string[], stdin?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile("kubectl", args, { env: s.env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : 1) : 0 });
    });
    child.stdin?.end(stdin ?? "");
  });
}
