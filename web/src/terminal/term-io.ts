// What a running terminal command may do with the terminal: print text (newlines become CRLF),
// write raw bytes, learn its size, take over keyboard input (interactive exec) and be cancelled
// (Ctrl-C aborts its signal). Shared by the command runner, streams and exec sessions.
import type { SandboxApi } from "../api/sandbox-api";

/** The terminal as a command sees it. */
export interface TermIO {
  /** Prints text; "\n" becomes "\r\n". */
  out(text: string): void;
  /** Writes raw data (already terminal-ready). */
  raw(data: string | Uint8Array): void;
  cols(): number;
  rows(): number;
  /** Routes every keystroke to fn until release() is called (Ctrl-C included). */
  grab(fn: (data: string) => void): () => void;
  /** Calls fn on every resize until the returned function is called. */
  onResize(fn: (cols: number, rows: number) => void): () => void;
}

/** Files the terminal can read and write (the editor's examples and files made with cat >). */
export interface VirtualFiles {
  list(): string[];
  read(name: string): string | undefined;
  write(name: string, text: string): void;
}

/** Everything one command runs with. */
export interface RunContext {
  api: SandboxApi;
  io: TermIO;
  files: VirtualFiles;
  signal: AbortSignal;
  history: () => string[];
  /** Called after a command that may have changed the cluster. */
  changed: () => void;
}

/** kubectl's way of printing an API error. */
export function serverError(status: { reason?: string; message?: string; code?: number }): string {
  return `Error from server (${status.reason || "Unknown"}): ${status.message ?? `HTTP ${status.code}`}\n`;
}

/** Reads a non-2xx response as a Kubernetes Status. */
export async function statusOf(res: Response): Promise<{ reason?: string; message?: string; code?: number }> {
  const text = await res.text();
  try { return JSON.parse(text); } catch { return { code: res.status, message: text.trim() || `HTTP ${res.status}` }; }
}
