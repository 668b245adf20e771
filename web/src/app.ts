// Builds the client: obtains the sandbox, then lays out the header (sandbox and language), the
// clock, and the panes (editor, terminal, live view, pod detail) and wires them together. The
// same app serves the full page (/) and the embed (/embed?lesson=&lang=&panes=&slot=).
import { h, replace } from "./dom";
import { currentLang, initialLang, onLangChange, setLang, t } from "./i18n/i18n";
import { SandboxApi } from "./api/sandbox-api";
import { obtainSandbox, storageKey, type SandboxInfo } from "./api/sandbox-store";
import { ClockBar } from "./chrome/clock-bar";
import { langSwitch, sandboxBar } from "./chrome/sandbox-bar";
import { EditorPane } from "./editor/editor-pane";
import { LESSONS, lessonById, type Lesson } from "./lessons/lessons";
import { PANES, type Pane } from "./states";
import { TerminalPane } from "./terminal/terminal-pane";
import { ClusterState } from "./view/cluster-state";
import { ClusterView } from "./view/cluster-view";
import { PodDetail } from "./view/pod-detail";

/** How the page was opened. */
export interface BootOptions { embed: boolean; lesson?: Lesson; panes: Pane[]; slot?: string }

/** Reads the boot options from the URL. */
export function bootOptions(loc: Location): BootOptions {
  const q = new URLSearchParams(loc.search);
  const embed = loc.pathname.replace(/\/+$/, "") === "/embed";
  const panes = (q.get("panes") ?? PANES.join(",")).split(",").map((p) => p.trim()).filter((p): p is Pane => (PANES as readonly string[]).includes(p));
  const lesson = lessonById(q.get("lesson"));
  return { embed, lesson, panes: panes.length ? panes : [...PANES], slot: embed ? (q.get("slot") ?? `lesson:${lesson?.id ?? "all"}`) : undefined };
}

/** Starts the app in #app. */
export async function boot(root: HTMLElement): Promise<void> {
  const opts = bootOptions(location);
  const q = new URLSearchParams(location.search);
  setLang(initialLang(q.get("lang")), !q.get("lang"));
  document.body.classList.toggle("embed", opts.embed);
  let sb: SandboxInfo;
  for (;;) {
    replace(root, h("p", { class: "boot", role: "status", i18n: "creating" }));
    try {
      sb = await obtainSandbox(storageKey(opts.slot));
      break;
    } catch (e) {
      await new Promise<void>((resolve) => replace(root, h("div", { class: "boot", role: "alert" },
        h("p", {}, t("createFailed", { error: (e as Error).message })),
        h("button", { type: "button", i18n: "retry", on: { click: () => resolve() } }))));
    }
  }
  mount(root, sb, opts);
}

function mount(root: HTMLElement, sb: SandboxInfo, opts: BootOptions): void {
  const api = new SandboxApi(sb.server);
  const state = new ClusterState(api, !opts.embed);
  const show = (p: Pane) => opts.panes.includes(p);
  let terminal: TerminalPane | undefined;
  const changed = () => { state.poke(); void clock.refresh(); };
  const clock = new ClockBar(() => api, changed);
  // An embed offers its lesson's examples only; the full app offers all and opens on the lesson's.
  const lessons = opts.lesson && opts.embed ? [opts.lesson] : LESSONS;
  const editor = new EditorPane({ api: () => api, lessons, transcript: (text) => terminal?.print(text), changed });
  const first = opts.lesson?.examples[0];
  if (first) editor.choose(`${first.file}|${first.variant ?? ""}`);
  if (show("terminal")) terminal = new TerminalPane({ api: () => api, files: editor, changed, names: {
    names: (type, ns) => {
      if (type === "pods") return [...state.pods.values()].filter((p) => p.object.metadata?.namespace === ns).map((p) => String(p.object.metadata?.name));
      if (type === "nodes") return [...state.nodes.values()].map((n) => String(n.object.metadata?.name));
      if (type === "namespaces") return [...new Set([...state.pods.values()].map((p) => String(p.object.metadata?.namespace)).concat("default"))];
      return [];
    },
    containers: (pod, ns) => (state.pods.get(`${ns}/${pod}`)?.object.spec?.containers ?? []).map((c: { name: string }) => c.name),
    files: () => editor.list(),
  } });
  let detail: PodDetail | undefined;
  let view: ClusterView | undefined;
  if (show("view")) {
    detail = new PodDetail(state, () => api, () => select(undefined));
    view = new ClusterView(state, (key) => select(view?.selected === key ? undefined : key));
  }
  const select = (key: string | undefined) => {
    if (!view || !detail) return;
    view.selected = key;
    view.render();
    detail.show(key);
  };
  const reset = async () => {
    await api.reset();
    select(undefined);
    state.refresh();
    void clock.refresh();
  };
  const header = h("header", { class: "top" },
    h("a", { class: "skip", href: "#term-title", i18n: "skipToTerminal" }),
    h("h1", { class: "brand" }, h("span", {}, "podlab"), " ", h("small", { i18n: "tagline" })),
    opts.lesson ? h("span", { class: "lesson-name" }, `${opts.lesson.section} `, h("span", { "data-lesson": opts.lesson.id }, t("lesson"))) : null,
    sandboxBar(sb, { reset }, !opts.embed), langSwitch(),
    opts.embed ? h("a", { href: `/?lesson=${opts.lesson?.id ?? ""}`, target: "_blank", rel: "noopener", class: "open-full", i18n: "openFull" }) : null);
  const suggestions = opts.lesson && terminal ? h("div", { class: "suggest" }, h("span", { class: "inline-label", i18n: "tryCommands" }),
    h("ul", {}, ...opts.lesson.commands.map((cmd) => h("li", {}, h("button", {
      type: "button", class: "chip", i18nAttrs: { title: "runCommand" }, i18nParams: { cmd }, on: { click: () => terminal?.type(cmd) } }, cmd))))) : null;
  const left = h("div", { class: "col col-left" }, show("editor") ? editor.el : null, suggestions, terminal?.el);
  const right = view && detail ? h("div", { class: "col col-right" }, view.el, detail.el) : null;
  replace(root, header, clock.el, h("main", { class: `grid panes-${opts.panes.length}` }, left.childElementCount ? left : null, right));
  root.removeAttribute("aria-busy");
  state.start();
  void clock.refresh();
  const lesson = opts.lesson;
  const title = root.querySelector<HTMLElement>("[data-lesson]");
  if (lesson && title) {
    const label = () => { title.textContent = currentLang() === "en" ? lesson.title.en : lesson.title.zh; };
    label();
    onLangChange(label);
  }
  (window as unknown as { podlab: unknown }).podlab = { sandbox: sb, state, editor, terminal, clock };
}
