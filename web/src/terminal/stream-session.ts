// One streaming session over the WebSocket protocol kubectl speaks for exec and attach
// (v5.channel.k8s.io): keystrokes go out on channel 0, stdout/stderr come back on 1/2, the final
// Status arrives on 3, terminal resizes go out on 4 and 255 closes stdin. Used by exec-session.ts
// and attach-session.ts, which build the URL and print kubectl's messages around it.
import type { RunContext } from "./term-io";

/** Channel numbers of the Kubernetes streaming protocol. */
export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

/** The subprotocol podlab's API server speaks (as kubectl v1.32 does). */
export const STREAM_PROTOCOL = "v5.channel.k8s.io";

const enc = new TextEncoder();

/** One frame: channel byte then payload. */
export function frame(channel: number, payload: Uint8Array | string): Uint8Array<ArrayBuffer> {
  const data = typeof payload === "string" ? enc.encode(payload) : payload;
  const out = new Uint8Array(data.length + 1);
  out[0] = channel;
  out.set(data, 1);
  return out;
}

/** The exit code and message a final Status carries (kubectl's wording). */
export function statusOutcome(status: { status?: string; reason?: string; message?: string; details?: { causes?: { reason?: string; message?: string }[] } }): { code: number; message?: string } {
  if (status.status === "Success") return { code: 0 };
  if (status.reason === "NonZeroExitCode") {
    const code = Number(status.details?.causes?.find((c) => c.reason === "ExitCode")?.message ?? "1");
    return { code, message: `command terminated with exit code ${code}` };
  }
  return { code: 1, message: `error: ${status.message ?? "exec failed"}` };
}

/** How a session ended: was the upgrade accepted, and what the final Status said. */
export interface StreamEnd { opened: boolean; outcome?: { code: number; message?: string } }

/** What to do with the keyboard: send it (stdin), and whether a remote TTY echoes and handles ^C. */
export interface StreamMode { stdin: boolean; tty: boolean }

/**
 * Streams until the server closes (or the command is cancelled). With a TTY every key goes to the
 * container, ^C included; without one, keys are echoed locally, ^D closes stdin and ^C ends the
 * session, as kubectl in a cooked local terminal.
 */
export function streamSession(ctx: RunContext, url: string, mode: StreamMode): Promise<StreamEnd> {
  const { stdin, tty } = mode;
  const dec = new TextDecoder();
  return new Promise<StreamEnd>((resolve) => {
    const ws = new WebSocket(url, [STREAM_PROTOCOL]);
    ws.binaryType = "arraybuffer";
    let outcome: StreamEnd["outcome"];
    let opened = false;
    const cleanups: (() => void)[] = [];
    // Keys typed while the socket connects are kept and sent after the first resize.
    const early: Uint8Array<ArrayBuffer>[] = [];
    const send = (bytes: Uint8Array<ArrayBuffer>) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(bytes);
      else if (ws.readyState === WebSocket.CONNECTING) early.push(bytes);
    };
    const resize = (cols: number, rows: number) => send(frame(CHANNEL.resize, JSON.stringify({ Width: cols, Height: rows })));
    ws.onopen = () => {
      opened = true;
      if (tty) resize(ctx.io.cols(), ctx.io.rows());
      for (const b of early.splice(0)) ws.send(b);
    };
    ws.onmessage = (ev) => {
      const bytes = new Uint8Array(ev.data as ArrayBuffer);
      if (!bytes.length) return;
      const payload = bytes.subarray(1);
      if (bytes[0] === CHANNEL.stdout || bytes[0] === CHANNEL.stderr) {
        if (tty) ctx.io.raw(payload.slice());
        else ctx.io.out(dec.decode(payload, { stream: true }));
      } else if (bytes[0] === CHANNEL.status) {
        try { outcome = statusOutcome(JSON.parse(dec.decode(payload))); } catch { outcome = { code: 1 }; }
      }
    };
    ws.onclose = () => {
      cleanups.forEach((f) => f());
      cleanups.length = 0;
      resolve({ opened, outcome });
    };
    let stdinOpen = stdin;
    cleanups.push(ctx.io.grab((data) => {
      if (tty) {
        if (stdin) send(frame(CHANNEL.stdin, data));
      } else if (data === "\x03") ws.close();
      else if (data === "\x04" && stdinOpen) {
        // End of input: the close frame names the stream it closes (stdin).
        stdinOpen = false;
        send(frame(CHANNEL.close, new Uint8Array([CHANNEL.stdin])));
      } else if (stdinOpen) {
        // Without a TTY nothing remote echoes: echo locally, as a cooked local terminal would.
        ctx.io.raw(data === "\r" ? "\r\n" : data);
        send(frame(CHANNEL.stdin, data === "\r" ? "\n" : data));
      }
    }));
    if (tty) cleanups.push(ctx.io.onResize(resize));
    const abort = () => ws.close();
    ctx.signal.addEventListener("abort", abort, { once: true });
    cleanups.push(() => ctx.signal.removeEventListener("abort", abort));
  });
}
