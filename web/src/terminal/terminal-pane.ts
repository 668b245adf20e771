// The terminal pane: an xterm.js terminal with a readline-style prompt (history, completion,
// heredocs, Ctrl-C), running each line through the command runner. While a command runs, keys
// are queued (Ctrl-C cancels it) unless the command grabbed input (interactive exec).
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { h } from "../dom";
import { t } from "../i18n/i18n";
import type { SandboxApi } from "../api/sandbox-api";
import { commonPrefix, complete, type CompletionSource } from "./completion";
import { heredocOf, runLine } from "./command-runner";
import { History } from "./history";
import { LineEditor } from "./line-editor";
import { keys, KEY } from "./keys";
import type { TermIO, VirtualFiles } from "./term-io";

const PROMPT = "\x1b[1;32m$\x1b[0m ";
const CONT = "> ";

/** What the pane needs from the app. */
export interface TerminalDeps { api: () => SandboxApi; files: VirtualFiles; names: CompletionSource; changed: () => void }

/** The terminal pane. */
export class TerminalPane {
  readonly el: HTMLElement;
  private term: Terminal;
  private fit = new FitAddon();
  private line = new LineEditor(PROMPT, 2);
  private history = new History();
  private busy?: AbortController;
  private grabbed?: (data: string) => void;
  private queue: string[] = [];
  private heredoc?: { line: string; delimiter: string; stripTabs: boolean; body: string[] };
  private escArmed = false;
  private atLineStart = true;
  private lastTab = false;
  private resizeFns = new Set<(c: number, r: number) => void>();

  constructor(private readonly deps: TerminalDeps) {
    const host = h("div", { class: "term-host", "data-testid": "terminal" });
    this.el = h("section", { class: "pane pane-terminal", "aria-labelledby": "term-title" },
      h("h2", { id: "term-title", class: "pane-title", i18n: "terminal" }), host);
    this.term = new Terminal({
      convertEol: false, cursorBlink: true, fontSize: 13, scrollback: 5000, screenReaderMode: false,
      fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
      theme: { background: "#0b1020", foreground: "#e6edf3", cursor: "#e6edf3", selectionBackground: "#33507a" },
    });
    this.term.loadAddon(this.fit);
    this.term.attachCustomKeyEventHandler((ev) => {
      if (ev.type === "keydown" && ev.key === "Tab" && this.escArmed) { this.escArmed = false; return false; }
      return true;
    });
    this.term.onData((d) => this.input(d));
    this.term.onResize(({ cols, rows }) => this.resizeFns.forEach((f) => f(cols, rows)));
    requestAnimationFrame(() => this.open(host));
  }

  private open(host: HTMLElement): void {
    this.term.open(host);
    this.term.textarea?.setAttribute("aria-label", t("terminalLabel"));
    this.term.textarea?.setAttribute("data-i18n-attrs", "aria-label=terminalLabel");
    this.refit();
    new ResizeObserver(() => this.refit()).observe(host);
    this.term.write(`\x1b[2m${t("welcome")}\x1b[0m\r\n`);
    this.prompt();
  }

  private refit(): void {
    try { this.fit.fit(); } catch { /* not visible yet */ }
  }

  /** The whole terminal buffer as text (scrollback included; for tests and copy). */
  bufferText(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) {
      const line = b.getLine(i);
      const text = line?.translateToString(false) ?? "";
      // Soft-wrapped rows continue the previous line.
      if (i > 0 && line?.isWrapped) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return `${lines.map((l) => l.trimEnd()).join("\n").replace(/\n+$/, "")}\n`;
  }

  /** Focuses the terminal. */
  focus(): void {
    this.term.focus();
  }

  /** Types a command as if the reader did, then runs it. */
  type(command: string): void {
    this.focus();
    this.input(`${command}\r`);
  }

  /** Prints text above the prompt (editor results), keeping the current input. */
  print(text: string): void {
    if (this.busy) { this.term.write(text.replace(/\r?\n/g, "\r\n")); return; }
    this.term.write(this.line.erase() + text.replace(/\r?\n/g, "\r\n"));
    this.term.write(this.line.render(this.term.cols));
  }

  private write(data: string | Uint8Array): void {
    if (data.length) this.atLineStart = typeof data === "string" ? /\n$/.test(data) : data[data.length - 1] === 10;
    this.term.write(data);
  }

  private io(): TermIO {
    return {
      out: (text) => this.write(text.replace(/\r?\n/g, "\r\n")),
      raw: (data) => this.write(data),
      cols: () => this.term.cols,
      rows: () => this.term.rows,
      grab: (fn) => { this.grabbed = fn; return () => { if (this.grabbed === fn) this.grabbed = undefined; }; },
      onResize: (fn) => { this.resizeFns.add(fn); return () => this.resizeFns.delete(fn); },
    };
  }

  private prompt(): void {
    this.line.prompt = this.heredoc ? CONT : PROMPT;
    this.line.set("");
    this.line.detach();
    this.term.write(this.line.render(this.term.cols));
  }

  private input(data: string): void {
    if (this.grabbed) { this.grabbed(data); return; }
    if (this.busy) {
      if (data.includes("\x03")) { this.busy.abort(); this.term.write("^C"); return; }
      this.queue.push(data);
      return;
    }
    for (const k of keys(data)) {
      if (this.busy) { this.queue.push(k.raw); continue; }
      this.key(k.kind, k.raw);
    }
  }

  private key(kind: string, raw: string): void {
    const cols = this.term.cols;
    const l = this.line;
    this.escArmed = kind === KEY.escape;
    if (kind !== KEY.tab) this.lastTab = false;
    switch (kind) {
      case KEY.enter: return this.submit();
      case KEY.text: l.insert(raw); break;
      case KEY.backspace: l.backspace(); break;
      case KEY.del: l.del(); break;
      case KEY.left: l.move(-1); break;
      case KEY.right: l.move(1); break;
      case KEY.home: l.home(); break;
      case KEY.end: l.home(true); break;
      case KEY.up: l.set(this.history.prev(l.text)); break;
      case KEY.down: l.set(this.history.next()); break;
      case KEY.killBefore: l.killBefore(); break;
      case KEY.killAfter: l.killAfter(); break;
      case KEY.killWord: l.killWord(); break;
      case KEY.tab: return this.tab();
      case KEY.clear: this.term.write("\x1b[2J\x1b[3J\x1b[H"); l.detach(); break;
      case KEY.interrupt:
        this.term.write(`${l.leave(cols).replace("\r\n", "^C\r\n")}`);
        this.heredoc = undefined;
        return this.prompt();
      case KEY.eof:
        if (this.heredoc && !l.text) { this.term.write(l.leave(cols)); return this.endHeredoc(); }
        l.del();
        break;
      default: return;
    }
    this.term.write(l.render(cols));
  }

  private tab(): void {
    const r = complete(this.line.beforeCursor, this.deps.names);
    if (!r.candidates.length) return;
    const prefix = commonPrefix(r.candidates);
    if (r.candidates.length === 1) this.line.insert(`${prefix.slice(r.word.length)}${prefix.endsWith("=") || prefix.endsWith("/") ? "" : " "}`);
    else if (prefix.length > r.word.length) this.line.insert(prefix.slice(r.word.length));
    else if (this.lastTab) {
      this.term.write(this.line.leave(this.term.cols) + r.candidates.join("  ") + "\r\n");
      this.line.detach();
    }
    this.lastTab = true;
    this.term.write(this.line.render(this.term.cols));
  }

  private submit(): void {
    const text = this.line.text;
    this.term.write(this.line.leave(this.term.cols));
    if (this.heredoc) {
      const hd = this.heredoc;
      if ((hd.stripTabs ? text.replace(/^\t+/, "") : text) === hd.delimiter) return this.endHeredoc();
      hd.body.push(hd.stripTabs ? text.replace(/^\t+/, "") : text);
      return this.prompt();
    }
    if (!text.trim()) return this.prompt();
    this.history.add(text);
    const hd = heredocOf(text);
    if (hd) { this.heredoc = { line: text, ...hd, body: [] }; return this.prompt(); }
    void this.run(text);
  }

  private endHeredoc(): void {
    const hd = this.heredoc!;
    this.heredoc = undefined;
    void this.run(hd.line, hd.body.length ? `${hd.body.join("\n")}\n` : "");
  }

  private async run(line: string, body?: string): Promise<void> {
    const busy = (this.busy = new AbortController());
    this.atLineStart = true;
    try {
      await runLine({ api: this.deps.api(), io: this.io(), files: this.deps.files, signal: busy.signal,
        history: () => this.history.all(), changed: this.deps.changed }, line, body);
    } catch (e) {
      if (!busy.signal.aborted) this.term.write(`${t("networkError", { error: (e as Error).message })}\r\n`);
    }
    this.grabbed = undefined;
    this.busy = undefined;
    if (busy.signal.aborted) this.term.write("\r\n");
    // Output that did not end its last line gets one, as zsh marks it.
    else if (!this.atLineStart) this.term.write("\x1b[7m%\x1b[0m\r\n");
    this.atLineStart = true;
    this.prompt();
    const queued = this.queue.splice(0).join("");
    if (queued) this.input(queued);
  }
}
