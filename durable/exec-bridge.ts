// Bridges kubectl's exec and attach WebSockets (v5.channel.k8s.io / v4) to runtime sessions (an
// attach session is driven through the same exec* calls): channel 0 stdin, 1 stdout, 2 stderr,
// 3 the final Status, 4 resize, 255 close-stdin (v5); ends with the Status frame and a normal
// 1000 close so kubectl reads EOF and exits with the remote code.
import type { Cluster } from "./sim/cluster";
import type { ExecResponse } from "./sim/api/request";
import { sandboxRuntime } from "./sim/sandbox";

/** What a socket remembers across hibernation. */
export interface ExecAttachment { sessionId: string; argv: string[]; tty: boolean; done?: boolean }

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A display-only random id (not the simulation's seeded generator: replay must not depend on it). */
function randomHex(n: number): string {
  return [...crypto.getRandomValues(new Uint8Array(n / 2))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

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
    const message = `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${randomHex(64)}": ${r.startError}`;
    const status = { metadata: {}, status: "Failure", message, reason: "InternalError", details: { causes: [{ message }] }, code: 500 };
    server.send(frame(3, enc.encode(JSON.stringify(status))));
    server.close(1000, "");
  } else {
    server.serializeAttachment({ sessionId: r.sessionId, argv, tty: r.tty } satisfies ExecAttachment);
    pumpSocket(cluster, server);
  }
  return new Response(null, { status: 101, webSocket: client, headers: { "Sec-WebSocket-Protocol": r.protocol } });
}

/** The session and frame of a client message, when it is one the runtime must see. */
export function clientFrame(ws: WebSocket, message: ArrayBuffer | string): { sessionId: string; bytes: Uint8Array } | undefined {
  const a = ws.deserializeAttachment() as ExecAttachment | null;
  if (!a || a.done) return undefined;
  const bytes = typeof message === "string" ? enc.encode(message) : new Uint8Array(message);
  if (!bytes.length || ![0, 4, 255].includes(bytes[0])) return undefined;
  return { sessionId: a.sessionId, bytes };
}

/** Applies one client frame to a session (live and during journal replay). */
export function applyExecFrame(cluster: Cluster, sessionId: string, bytes: Uint8Array): void {
  const rt = sandboxRuntime(cluster);
  const ch = bytes[0];
  const payload = bytes.subarray(1);
  try {
    if (ch === 0) rt.execWrite(sessionId, payload);
    else if (ch === 4) {
      const size = JSON.parse(dec.decode(payload)) as { Width?: number; Height?: number };
      rt.execResize(sessionId, size.Width ?? 80, size.Height ?? 24);
    } else if (ch === 255 && payload[0] === 0) rt.execCloseStdin(sessionId);
  } catch { /* a finished session or a bad resize: nothing to apply */ }
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

/** The session of a socket whose client went away (undefined when already finished). */
export function goneSession(ws: WebSocket): string | undefined {
  const a = ws.deserializeAttachment() as ExecAttachment | null;
  return a && !a.done ? a.sessionId : undefined;
}

/** Kills the process of a session whose client went away. */
export function killSession(cluster: Cluster, sessionId: string): void {
  try { sandboxRuntime(cluster).execKill(sessionId); } catch { /* session already gone */ }
}
