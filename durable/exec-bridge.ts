// Bridges kubectl's exec WebSockets (v5.channel.k8s.io / v4) to runtime exec sessions: channel
// 0 stdin, 1 stdout, 2 stderr, 3 the final Status, 4 resize, 255 close-stdin (v5); ends with the
// Status frame and a normal 1000 close so kubectl reads EOF and exits with the remote code.
import type { Cluster } from "./sim/cluster";
import type { ExecResponse } from "./sim/api/request";
import { sandboxRuntime } from "./sim/sandbox";

/** What a socket remembers across hibernation. */
export interface ExecAttachment { sessionId: string; argv: string[]; tty: boolean; done?: boolean }

const enc = new TextEncoder();
const dec = new TextDecoder();

function frame(ch: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 1);
  out[0] = ch;
  out.set(data, 1);
  return out;
}

/** The channel-3 Status for an exit code. */
export function exitStatus(argv: string[], code: number): Record<string, unknown> {
  if (code === 0) return { metadata: {}, status: "Success" };
  return { metadata: {}, status: "Failure", message: `command terminated with non-zero exit code: error executing command [${argv.join(" ")}], exit code ${code}`,
    reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: String(code) }] } };
}

/** Accepts the upgrade: returns the 101 response (frames may already be queued on it). */
export function acceptExec(state: DurableObjectState, cluster: Cluster, r: ExecResponse, argv: string[]): Response {
  const pair = new WebSocketPair();
  const [client, server] = Object.values(pair) as [WebSocket, WebSocket];
  state.acceptWebSocket(server, ["exec"]);
  if (r.startError) {
    const message = `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${cluster.ctx.rng.hex(64)}": ${r.startError}`;
    const status = { metadata: {}, status: "Failure", message, reason: "InternalError", details: { causes: [{ message }] }, code: 500 };
    server.send(frame(3, enc.encode(JSON.stringify(status))));
    server.close(1000, "");
  } else {
    server.serializeAttachment({ sessionId: r.sessionId, argv, tty: r.tty } satisfies ExecAttachment);
    pumpSocket(cluster, server);
  }
  return new Response(null, { status: 101, webSocket: client, headers: { "Sec-WebSocket-Protocol": r.protocol } });
}

/** Applies one client frame to the session. Returns true if the runtime state changed. */
export function onClientFrame(cluster: Cluster, ws: WebSocket, message: ArrayBuffer | string): boolean {
  const a = ws.deserializeAttachment() as ExecAttachment | null;
  if (!a || a.done) return false;
  const bytes = typeof message === "string" ? enc.encode(message) : new Uint8Array(message);
  if (!bytes.length) return false;
  const rt = sandboxRuntime(cluster);
  const ch = bytes[0];
  const payload = bytes.subarray(1);
  if (ch === 0) rt.execWrite(a.sessionId, payload);
  else if (ch === 4) {
    try {
      const size = JSON.parse(dec.decode(payload)) as { Width?: number; Height?: number };
      rt.execResize(a.sessionId, size.Width ?? 80, size.Height ?? 24);
    } catch { /* ignore bad resize */ }
  } else if (ch === 255 && payload[0] === 0) rt.execCloseStdin(a.sessionId);
  else return false;
  return true;
}

/** Sends pending output of one socket's session; finishes it when the process exited. */
export function pumpSocket(cluster: Cluster, ws: WebSocket): void {
  const a = ws.deserializeAttachment() as ExecAttachment | null;
  if (!a || a.done) return;
  const rt = sandboxRuntime(cluster);
  let r;
  try {
    r = rt.execRead(a.sessionId);
  } catch {
    r = { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: 137 };
  }
  try {
    if (r.stdout.length) ws.send(frame(1, r.stdout));
    if (r.stderr.length) ws.send(frame(a.tty ? 1 : 2, r.stderr));
    if (r.exitCode !== undefined) {
      ws.send(frame(3, enc.encode(JSON.stringify(exitStatus(a.argv, r.exitCode)))));
      ws.serializeAttachment({ ...a, done: true });
      ws.close(1000, "");
    }
  } catch {
    rt.execKill(a.sessionId);
  }
}

/** The client went away: kill its process. */
export function onSocketGone(cluster: Cluster | undefined, ws: WebSocket): void {
  const a = ws.deserializeAttachment() as ExecAttachment | null;
  if (!a || a.done || !cluster) return;
  try { sandboxRuntime(cluster).execKill(a.sessionId); } catch { /* session already gone */ }
}
