// The YAML editor pane: CodeMirror 6 with YAML support, the tutorial's manifests as examples,
// Apply / Delete buttons, and the server's validation errors shown inline at their fields and
// listed below (each item moves the cursor there). Also the terminal's files: `-f FILE` reads here.
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { Compartment, EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { h, replace } from "../dom";
import { currentLang, onLangChange, t } from "../i18n/i18n";
import type { SandboxApi } from "../api/sandbox-api";
import type { Example, Lesson } from "../lessons/lessons";
import type { VirtualFiles } from "../terminal/term-io";
import { ACTION, runAction, type Action, type ActionResult } from "./apply";
import type { Problem } from "./diagnostics";

/** What the editor needs from the app. */
export interface EditorDeps { api: () => SandboxApi; lessons: Lesson[]; transcript: (text: string) => void; changed: () => void }

const keyOf = (e: Example) => `${e.file}|${e.variant ?? ""}`;

/** The editor pane. */
export class EditorPane implements VirtualFiles {
  readonly el: HTMLElement;
  private view: EditorView;
  private label = new Compartment();
  private select: HTMLSelectElement;
  private examples: Example[];
  private current: Example;
  private edits = new Map<string, string>();
  private written = new Map<string, string>();
  private problemsEl = h("ul", { class: "problems", "data-testid": "problems" });
  private outputEl = h("pre", { class: "editor-output", role: "status", "aria-live": "polite", "data-testid": "editor-output" });
  private fileEl = h("code", { class: "file-name", "data-testid": "editor-file" });

  constructor(private readonly deps: EditorDeps) {
    this.examples = deps.lessons.flatMap((l) => l.examples).filter((e, i, all) => all.findIndex((x) => keyOf(x) === keyOf(e)) === i);
    this.current = this.examples[0];
    this.select = h("select", { id: "example-select", "data-testid": "example-select", on: { change: () => this.choose(this.select.value) } });
    this.fillSelect();
    this.view = new EditorView({
      state: EditorState.create({
        doc: this.current?.yaml ?? "",
        extensions: [
          lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }), yaml(), lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]), EditorState.tabSize.of(2),
          this.label.of(EditorView.contentAttributes.of({ "aria-label": t("editorLabel") })),
          EditorView.updateListener.of((u) => { if (u.docChanged) this.onEdit(); }),
        ],
      }),
    });
    this.fileEl.textContent = this.current?.file ?? "";
    const buttons = h("div", { class: "editor-actions" },
      h("button", { type: "button", class: "primary", "data-testid": "apply", i18n: "apply", on: { click: () => void this.act(ACTION.apply) } }),
      h("button", { type: "button", "data-testid": "delete", i18n: "delete", on: { click: () => void this.act(ACTION.delete) } }));
    this.el = h("section", { class: "pane pane-editor", "aria-labelledby": "editor-title" },
      h("div", { class: "pane-head" },
        h("h2", { id: "editor-title", class: "pane-title", i18n: "editor" }),
        h("label", { for: "example-select", class: "inline-label", i18n: "example" }), this.select, this.fileEl),
      h("div", { class: "editor-host", "data-testid": "editor" }, this.view.dom), buttons, this.problemsEl, this.outputEl);
    onLangChange(() => {
      this.view.dispatch({ effects: this.label.reconfigure(EditorView.contentAttributes.of({ "aria-label": t("editorLabel") })) });
      this.fillSelect();
    });
  }

  private fillSelect(): void {
    const zh = currentLang() !== "en";
    const groups = this.deps.lessons.map((l) => h("optgroup", { label: `${l.section} ${zh ? l.title.zh : l.title.en}` },
      ...l.examples.map((e) => h("option", { value: keyOf(e) }, `${e.file}${e.variant ? ` (${e.variant})` : ""}`))));
    replace(this.select, ...(this.deps.lessons.length > 1 ? groups : this.deps.lessons[0]?.examples.map((e) => h("option", { value: keyOf(e) }, `${e.file}${e.variant ? ` (${e.variant})` : ""}`)) ?? []));
    if (this.current) this.select.value = keyOf(this.current);
  }

  /** Shows an example (by key), keeping edits made to the one it replaces. */
  choose(key: string): void {
    const next = this.examples.find((e) => keyOf(e) === key);
    if (!next) return;
    this.edits.set(keyOf(this.current), this.text());
    this.current = next;
    this.select.value = key;
    this.fileEl.textContent = next.file;
    this.setText(this.edits.get(key) ?? next.yaml);
    this.showProblems([]);
  }

  /** The editor's text. */
  text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the editor's text. */
  setText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  list(): string[] {
    return [...new Set([...this.examples.map((e) => e.file), ...this.written.keys()])].sort();
  }

  read(name: string): string | undefined {
    if (this.current?.file === name) return this.text();
    if (this.written.has(name)) return this.written.get(name);
    const e = this.examples.find((x) => x.file === name);
    return e ? (this.edits.get(keyOf(e)) ?? e.yaml) : undefined;
  }

  write(name: string, text: string): void {
    this.written.set(name, text);
  }

  private onEdit(): void {
    if (this.problemsEl.childElementCount) setTimeout(() => this.showProblems([]), 0);
  }

  /** Runs Apply or Delete on the editor's text. */
  async act(verb: Action): Promise<ActionResult | undefined> {
    this.outputEl.textContent = t("working");
    this.el.setAttribute("aria-busy", "true");
    let r: ActionResult | undefined;
    try {
      r = await runAction(this.deps.api(), verb, this.text(), this.current?.file ?? "manifest.yaml");
      this.outputEl.textContent = r.output.trimEnd();
      this.outputEl.dataset.ok = String(r.ok);
      this.deps.transcript(`\x1b[2m$ ${r.command}\x1b[0m\n${r.output}`);
      this.showProblems(r.problems);
      this.deps.changed();
    } catch (e) {
      this.outputEl.textContent = t("networkError", { error: (e as Error).message });
    }
    this.el.removeAttribute("aria-busy");
    return r;
  }

  private showProblems(problems: Problem[]): void {
    const doc = this.view.state.doc;
    const clamp = (n: number) => Math.max(0, Math.min(doc.length, n));
    const diags: Diagnostic[] = problems.map((p) => ({ from: clamp(p.from), to: clamp(Math.max(p.to, p.from)), severity: "error", message: p.message, source: p.field }));
    this.view.dispatch(setDiagnostics(this.view.state, diags));
    replace(this.problemsEl, ...problems.map((p) => {
      const line = doc.lineAt(clamp(p.from)).number;
      return h("li", { "data-field": p.field ?? "" }, h("button", { type: "button", class: "linkish", on: { click: () => this.reveal(p) } },
        t("atLine", { n: line, msg: p.message })));
    }));
  }

  private reveal(p: Problem): void {
    this.view.dispatch({ selection: { anchor: p.from, head: p.to }, scrollIntoView: true });
    this.view.focus();
  }
}
