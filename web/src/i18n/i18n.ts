// The interface language: t(key) looks a message up, setLang switches and re-labels every
// element that carries data-i18n (text) or data-i18n-<attr> (attributes), then tells listeners
// so dynamic panes re-render. The choice is remembered in localStorage.
import { MESSAGES, type MessageKey } from "./messages";
import { LANGS, type Lang } from "../states";

let lang: Lang = "zh-CN";
const listeners = new Set<() => void>();
const STORE = "podlab.lang";

/** The current language. */
export function currentLang(): Lang {
  return lang;
}

/** Picks the starting language: explicit choice, remembered choice, then the browser's. */
export function initialLang(explicit?: string | null): Lang {
  const pick = (v?: string | null): Lang | undefined => {
    if (!v) return undefined;
    if (v.toLowerCase().startsWith("zh")) return "zh-CN";
    if (v.toLowerCase().startsWith("en")) return "en";
    return undefined;
  };
  let saved: string | null = null;
  try { saved = localStorage.getItem(STORE); } catch { /* blocked */ }
  return pick(explicit) ?? pick(saved) ?? pick(navigator.language) ?? "en";
}

/** A message in the current language with `{name}` parameters filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const m = MESSAGES[key];
  const text: string = lang === "en" ? m.en : m.zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Re-labels every element under root that carries i18n data attributes. */
export function relabel(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n as MessageKey, params(el));
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-attrs]")) {
    for (const pair of el.dataset.i18nAttrs!.split(",")) {
      const [attr, key] = pair.split("=");
      el.setAttribute(attr, t(key as MessageKey, params(el)));
    }
  }
}

function params(el: HTMLElement): Record<string, string> {
  return el.dataset.i18nParams ? (JSON.parse(el.dataset.i18nParams) as Record<string, string>) : {};
}

/** Switches the language, re-labels the page and notifies listeners. */
export function setLang(next: Lang, remember = true): void {
  if (!LANGS.includes(next)) return;
  lang = next;
  document.documentElement.lang = next;
  if (remember) {
    try { localStorage.setItem(STORE, next); } catch { /* blocked */ }
  }
  relabel();
  for (const l of listeners) l();
}

/** Calls fn after every language switch; returns an unsubscribe function. */
export function onLangChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
