// `kubectl exec [-i] [-t] POD [-c C] -- CMD...` over the same WebSocket kubectl uses
// (v5.channel.k8s.io): keystrokes go out on channel 0, stdout/stderr come back on 1/2, the final
// Status arrives on 3 and terminal resizes go out on 4. Resolves with the remote exit code.
import { flag, isSet, type KubectlArgs } from "./kubectl-args";
import { podTarget } from "./pod-target";
import type { RunContext } from "./term-io";

/** Channel numbers of the Kubernetes streaming protocol. */
export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

/** The subprotocol podlab's API server speaks (as kubectl v1.32 does). */
export const EXEC_PROTOCOL = "v5.channel.k8s.io";

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

/** Runs an exec session in the terminal. */
export async function execSession(ctx: RunContext, a: KubectlArgs): Promise<number> {
  const ns = flag(a, "-n", "--namespace") ?? "default";
  const stdin = isSet(a, "-i", "--stdin");
  const tty = isSet(a, "-t", "--tty");
  if (!a.after.length) {
    ctx.io.out("error: you must specify at least one command for the container\n");
    return 1;
  }
  const target = await podTarget(ctx, ns, a.positionals[0], flag(a, "-c", "--container"), "exec");
  if (!target) return 1;
  const q = new URLSearchParams();
  for (const c of a.after) q.append("command", c);
  q.set("container", target.container);
  if (stdin) q.set("stdin", "true");
  q.set("stdout", "true");
  if (!tty) q.set("stderr", "true");
  if (tty) q.set("tty", "true");
  const url = ctx.api.wsUrl(`/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(target.pod)}/exec?${q}`);
  const dec = new TextDecoder();
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(url, [EXEC_PROTOCOL]);
    ws.binaryType = "arraybuffer";
    let outcome: { code: number; message?: string } | undefined;
    let opened = false;
    const cleanups: (() => void)[] = [];
    const finish = (code: number) => {
      cleanups.forEach((f) => f());
      cleanups.length = 0;
      resolve(code);
    };
    const send = (bytes: Uint8Array<ArrayBuffer>) => { if (ws.readyState === WebSocket.OPEN) ws.send(bytes); };
    const resize = (cols: number, rows: number) => send(frame(CHANNEL.resize, JSON.stringify({ Width: cols, Height: rows })));
    ws.onopen = () => {
      opened = true;
      if (tty) resize(ctx.io.cols(), ctx.io.rows());
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
      if (!opened) ctx.io.out("error: unable to upgrade connection: the exec WebSocket was refused\n");
      else if (outcome?.message) ctx.io.out(`${tty ? "\r\n" : ""}${outcome.message}\n`);
      finish(opened ? (outcome?.code ?? 0) : 1);
    };
    cleanups.push(ctx.io.grab((data) => {
      if (tty) {
        if (stdin) send(frame(CHANNEL.stdin, data));
      } else if (data === "\x03") ws.close();
      else if (stdin) {
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
