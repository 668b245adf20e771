// The sandbox controls: its name, "download kubeconfig", a copyable kubectl one-liner, reset
// (after confirmation) and the language switch.
import { announce, h } from "../dom";
import { currentLang, setLang, t } from "../i18n/i18n";
import { kubectlOneLiner, type SandboxInfo } from "../api/sandbox-store";
import { LANGS, type Lang } from "../states";

/** What the bar does on reset. */
export interface SandboxBarDeps { reset: () => Promise<void> }

const LANG_NAMES: Record<Lang, string> = { "zh-CN": "中文", en: "English" };

/** The language switch (a labelled select). */
export function langSwitch(): HTMLElement {
  const sel = h("select", { id: "lang-select", "data-testid": "lang-select", on: { change: () => setLang(sel.value as Lang) } },
    ...LANGS.map((l) => h("option", { value: l, lang: l }, LANG_NAMES[l])));
  sel.value = currentLang();
  return h("span", { class: "lang" }, h("label", { for: "lang-select", class: "inline-label", i18n: "language" }), sel);
}

/** The sandbox bar. */
export function sandboxBar(sb: SandboxInfo, deps: SandboxBarDeps, full: boolean): HTMLElement {
  const live = h("span", { class: "sr-status", role: "status", "aria-live": "polite", "data-testid": "sandbox-status" });
  const oneLiner = kubectlOneLiner(sb);
  const download = h("a", {
    class: "button", download: `${sb.name}.kubeconfig`, "data-testid": "download-kubeconfig", i18n: "downloadKubeconfig",
    href: URL.createObjectURL(new Blob([sb.kubeconfig], { type: "application/yaml" })),
  });
  const input = h("input", { id: "kubectl-one-liner", class: "one-liner", readonly: true, value: oneLiner, "data-testid": "one-liner", spellcheck: "false" });
  const copy = h("button", { type: "button", "data-testid": "copy-kubectl", i18n: "copyKubectl", on: { click: async () => {
    try { await navigator.clipboard.writeText(oneLiner); } catch { input.select(); document.execCommand("copy"); }
    announce(live, t("copied"));
  } } });
  const reset = h("button", { type: "button", class: "danger", "data-testid": "reset", i18n: "reset", on: { click: async () => {
    if (!confirm(t("resetConfirm"))) return;
    await deps.reset();
    announce(live, t("resetDone"));
  } } });
  return h("div", { class: "sandbox-bar" },
    h("span", { class: "sandbox-name" }, h("span", { i18n: "sandbox" }), " ", h("code", { "data-testid": "sandbox-name", "data-id": sb.id }, sb.name)),
    download,
    full ? h("span", { class: "one-liner-wrap" }, h("label", { for: "kubectl-one-liner", class: "inline-label", i18n: "kubectlOneLiner" }), input, copy) : copy,
    reset, live);
}
