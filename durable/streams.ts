// Open HTTP streams held by the Durable Object: watch streams and followed logs. After every
// request, alarm or socket message the object pumps them (pulling lines from the core); the
// stream's cancel() and failed enqueues remove them; server-side timeouts end them cleanly.
import type { Cluster } from "./sim/cluster";
import type { WatchCursor } from "./sim/api/watch";
import { sandboxRuntime } from "./sim/sandbox";
import { shiftJsonTimes, shiftLogTimes } from "./time-shift";

const enc = new TextEncoder();

/** One open stream. */
interface OpenStream {
  pump(): void;
  close(): void;
  closed: boolean;
}

/** The set of open streams of one sandbox. */
export class StreamHub {
  private streams = new Set<OpenStream>();

  constructor(private readonly cluster: () => Cluster | undefined, private readonly offset: () => number = () => 0) {}

  /** Number of open streams (the alarm is armed only when there are some). */
  get size(): number {
    return this.streams.size;
  }

  /** Opens a watch stream for a cursor. */
  watch(cursor: WatchCursor, headers: Record<string, string>): Response {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hub = this;
    const s: OpenStream = {
      closed: false,
      pump() {},
      close() {},
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        s.pump = () => {
          if (s.closed) return;
          const c = hub.cluster();
          if (!c) return s.close();
          const lines = c.drainWatch(cursor);
          if (lines.length) {
            try {
              controller.enqueue(enc.encode(shiftJsonTimes(lines.join(""), hub.offset())));
            } catch {
              s.close();
              return;
            }
          }
          if (cursor.closed) s.close();
        };
        s.close = () => {
          if (s.closed) return;
          s.closed = true;
          hub.streams.delete(s);
          if (timer) clearTimeout(timer);
          try { controller.close(); } catch { /* already closed */ }
        };
        hub.streams.add(s);
        if (cursor.spec.timeoutMs) timer = setTimeout(() => s.close(), cursor.spec.timeoutMs);
        s.pump();
      },
      cancel() {
        s.closed = true;
        hub.streams.delete(s);
        if (timer) clearTimeout(timer);
      },
    });
    return new Response(body, { status: 200, headers: { ...headers, "content-encoding": "identity", "cache-control": "no-cache, private" } });
  }

  /** Opens a followed log stream. */
  logs(initial: string, follow: { containerId: string; cursor: number; timestamps: boolean }, headers: Record<string, string>): Response {
    const hub = this;
    let cursor = follow.cursor;
    const s: OpenStream = { closed: false, pump() {}, close() {} };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (initial) controller.enqueue(enc.encode(initial));
        s.pump = () => {
          if (s.closed) return;
          const c = hub.cluster();
          if (!c) return s.close();
          const r = sandboxRuntime(c).logsAfter(follow.containerId, cursor, { timestamps: follow.timestamps });
          cursor = r.cursor;
          if (r.text) {
            const text = follow.timestamps ? shiftLogTimes(r.text, hub.offset()) : r.text;
            try { controller.enqueue(enc.encode(text)); } catch { s.close(); return; }
          }
          if (r.ended) s.close();
        };
        s.close = () => {
          if (s.closed) return;
          s.closed = true;
          hub.streams.delete(s);
          try { controller.close(); } catch { /* already closed */ }
        };
        hub.streams.add(s);
        s.pump();
      },
      cancel() {
        s.closed = true;
        hub.streams.delete(s);
      },
    });
    return new Response(body, { status: 200, headers: { ...headers, "content-encoding": "identity", "cache-control": "no-cache, private" } });
  }

  /** Pushes pending data to every open stream. */
  pumpAll(): void {
    for (const s of [...this.streams]) s.pump();
  }

  /** Closes every stream (reset, eviction of the cluster). */
  closeAll(): void {
    for (const s of [...this.streams]) s.close();
  }
}
