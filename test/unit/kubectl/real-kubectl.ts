// A node:http front for an in-process simulated cluster so the real kubectl on PATH can talk to
// it: bodies come from cluster.handle, watch and followed-log responses stay open until the test
// ends them (after advancing the clock), exec upgrades to v5.channel.k8s.io over `ws`. The test
// runs the real kubectl and runKubectl against the same (or an identical) cluster and compares.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocketServer, type WebSocket } from "ws";
import type { Cluster } from "../../../durable/sim/cluster";
import type { ApiRequest } from "../../../durable/sim/api/request";
import { sandboxRuntime } from "../../../durable/sim/sandbox";

/** Path prefix kept in every request, as in podlab's /clusters/<id>. */
export const PREFIX = "/clusters/demo";

interface Stream { pump(): void; end(): void }

/** A running server bound to a cluster. */
export interface RealKubectl {
  url: string;
  /** Server URL as kubectl sees it (with the prefix). */
  server: string;
  cluster: Cluster;
  /** Requests seen (method and path with query). */
  requests: string[];
  /** Working directory of kubectl (write manifests here to use `-f name`). */
  dir: string;
  /** Runs the real kubectl. */
  kubectl(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Pushes pending watch/log data to clients. */
  pump(): void;
  /** Ends every open stream (kubectl get -w / logs -f then exit 0). */
  endStreams(): void;
  /** Number of open streams. */
  openStreams(): number;
  close(): Promise<void>;
}

function toApiRequest(req: IncomingMessage, body: Buffer): ApiRequest {
  const url = new URL(req.url ?? "/", "http://x");
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k.toLowerCase()] = v;
  const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) || "/" : url.pathname;
  return { method: req.method ?? "GET", path, query: url.searchParams, headers, body: body.length ? new Uint8Array(body) : undefined };
}

/** Starts a server for `cluster` on a free loopback port. */
export async function startRealKubectl(cluster: Cluster): Promise<RealKubectl> {
  const requests: string[] = [];
  const streams = new Set<Stream>();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has("v5.channel.k8s.io") ? "v5.channel.k8s.io" : false) });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      requests.push(`${req.method} ${req.url}`);
      const r = cluster.handle(toApiRequest(req, Buffer.concat(chunks))).response;
      if (r.type === "body") {
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      } else if (r.type === "watch") {
        res.writeHead(200, { "content-type": r.headers["content-type"] });
        res.flushHeaders();
        const cursor = cluster.openWatch(r.watch);
        const s: Stream = { pump: () => { for (const l of cluster.drainWatch(cursor)) res.write(l); }, end: () => res.end() };
        streams.add(s);
        s.pump();
        let closed = false;
        res.on("close", () => { closed = true; streams.delete(s); });
        // kubectl delete's wait (an informer watch with bookmarks) needs the clock to move on its own.
        if (new URL(req.url ?? "/", "http://x").searchParams.get("allowWatchBookmarks") === "true") {
          let spent = 0;
          const tick = () => {
            if (closed || spent > 600_000) return;
            const next = cluster.nextDue();
            const step = next !== undefined && next > cluster.now ? Math.min(next - cluster.now, 1000) : 1;
            cluster.advanceTo(cluster.now + step);
            spent += step;
            s.pump();
            setTimeout(tick, 1);
          };
          setTimeout(tick, 1);
        }
      } else if (r.type === "log") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.flushHeaders();
        res.write(r.text);
        if (!r.follow) { res.end(); return; }
        let cursor = r.follow.cursor;
        const f = r.follow;
        const s: Stream = {
          pump: () => {
            const x = sandboxRuntime(cluster).logsAfter(f.containerId, cursor, { timestamps: f.timestamps });
            cursor = x.cursor;
            if (x.text) res.write(x.text);
            if (x.ended) { streams.delete(s); res.end(); }
          },
          end: () => res.end(),
        };
        streams.add(s);
        res.on("close", () => streams.delete(s));
      } else {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "upgrade required", reason: "BadRequest", code: 400 }));
      }
    });
  });
  server.on("upgrade", (req, socket, head) => {
    requests.push(`UPGRADE ${req.url}`);
    const r = cluster.handle(toApiRequest(req, Buffer.alloc(0))).response;
    if (r.type !== "exec") {
      const body = r.type === "body" ? r.body : "";
      socket.end(`HTTP/1.1 ${r.type === "body" ? r.status : 400} Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => bridge(cluster, ws, r, new URL(req.url ?? "/", "http://x").searchParams.getAll("command")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "podlab-kubectl-"));
  const kubeconfig = join(dir, "config");
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${url}${PREFIX}\n  name: demo\ncontexts:\n- context:\n    cluster: demo\n    user: demo\n  name: demo\ncurrent-context: demo\nusers:\n- name: demo\n  user:\n    token: sekret\n`);
  return {
    url, server: `${url}${PREFIX}`, cluster, requests, dir,
    kubectl: (args, stdin) => new Promise((resolve) => {
      const child = execFile("kubectl", args, { cwd: dir, timeout: 60_000, env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: mkdtempSync(join(dir, "cache-")), NO_COLOR: "1" } },
        (err, stdout, stderr) => resolve({ code: err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 124) : 0, stdout, stderr }));
      child.stdin?.end(stdin ?? "");
    }),
    pump: () => { for (const s of [...streams]) s.pump(); },
    endStreams: () => { for (const s of [...streams]) { s.pump(); s.end(); } streams.clear(); },
    openStreams: () => streams.size,
    close: () => new Promise((resolve) => { wss.close(); server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

function exitStatus(code: number): unknown {
  if (code === 0) return { metadata: {}, status: "Success" };
  return { metadata: {}, status: "Failure", message: `command terminated with non-zero exit code: exit code ${code}`, reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(code) }] } };
}

function bridge(cluster: Cluster, ws: WebSocket, r: { sessionId: string; startError?: string; tty: boolean }, _argv: string[]): void {
  const rt = sandboxRuntime(cluster);
  const frame = (ch: number, data: Uint8Array | string) => ws.send(Buffer.concat([Buffer.from([ch]), Buffer.from(data)]));
  if (r.startError) {
    const message = `Internal error occurred: error executing command in container: ${r.startError}`;
    frame(3, JSON.stringify({ metadata: {}, status: "Failure", message, reason: "InternalError", details: { causes: [{ message }] }, code: 500 }));
    ws.close(1000);
    return;
  }
  ws.on("message", (data: Buffer) => {
    if (!data.length) return;
    if (data[0] === 0) rt.execWrite(r.sessionId, new Uint8Array(data.subarray(1)));
    else if (data[0] === 255 && data[1] === 0) rt.execCloseStdin(r.sessionId);
  });
  let spent = 0;
  const tick = () => {
    const x = rt.execRead(r.sessionId);
    if (x.stdout.length) frame(1, x.stdout);
    if (x.stderr.length) frame(r.tty ? 1 : 2, x.stderr);
    if (x.exitCode !== undefined) {
      frame(3, JSON.stringify(exitStatus(x.exitCode)));
      ws.close(1000);
      return;
    }
    if (spent < 120_000) {
      const next = cluster.nextDue();
      const step = next !== undefined && next > cluster.now ? Math.min(next - cluster.now, 1000) : 1;
      cluster.advanceTo(cluster.now + step);
      spent += step;
    }
    setTimeout(tick, 5);
  };
  setTimeout(tick, 20);
}
