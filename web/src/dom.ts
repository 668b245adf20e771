// A tiny hyperscript helper for building DOM without a framework: h("button", {...}, children).
// `i18n` sets translated text, `i18nAttrs` translated attributes (re-applied on language switch).
import { t } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages";

/** Properties h() understands besides plain attributes. */
export interface Props {
  class?: string;
  i18n?: MessageKey;
  i18nAttrs?: Record<string, MessageKey>;
  i18nParams?: Record<string, string | number>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
  [attr: string]: unknown;
}

/** A child of h(): a node, text, or nothing. */
export type Child = Node | string | number | false | null | undefined;

/** Creates an element with attributes, translated labels, listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { i18n, i18nAttrs, i18nParams, on, ...attrs } = props;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false || v === null) continue;
    if (k === "class") el.className = String(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  if (i18nParams) el.dataset.i18nParams = JSON.stringify(i18nParams);
  if (i18n) {
    el.dataset.i18n = i18n;
    el.textContent = t(i18n, i18nParams);
  }
  if (i18nAttrs) {
    el.dataset.i18nAttrs = Object.entries(i18nAttrs).map(([a, key]) => `${a}=${key}`).join(",");
    for (const [a, key] of Object.entries(i18nAttrs)) el.setAttribute(a, t(key, i18nParams));
  }
  for (const [ev, fn] of Object.entries(on ?? {})) el.addEventListener(ev, fn as EventListener);
  append(el, children);
  return el;
}

/** Appends children (flattening arrays, skipping empty ones). */
export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Announces a message to screen readers (and shows it) through a live region. */
export function announce(region: HTMLElement, message: string): void {
  region.textContent = "";
  requestAnimationFrame(() => { region.textContent = message; });
}
