// /widget.js: the <podlab-sandbox> custom element for course pages. Each element frames
// /embed from the podlab origin that served this script, so readers need no login and the page
// needs no CORS; each element gets its own sandbox (keyed by page + position, or `instance`).
//   <script src="https://podlab.example/widget.js" defer></script>
//   <podlab-sandbox lesson="multi-container" height="640" lang="zh-CN" panes="terminal,editor,view"></podlab-sandbox>

const ORIGIN = new URL((document.currentScript as HTMLScriptElement | null)?.src ?? location.href).origin;
const ATTRS = ["lesson", "height", "lang", "panes", "instance"] as const;

/** The embeddable sandbox element. */
class PodlabSandbox extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRS;
  }

  private frame?: HTMLIFrameElement;

  connectedCallback(): void {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = ":host{display:block;max-width:100%}iframe{display:block;width:100%;border:1px solid #c7cdd6;border-radius:8px;background:#fff}";
      this.frame = document.createElement("iframe");
      this.frame.setAttribute("allow", "clipboard-write");
      this.frame.setAttribute("loading", "lazy");
      root.append(style, this.frame);
    }
    this.update();
  }

  attributeChangedCallback(): void {
    if (this.frame) this.update();
  }

  /** The key of this element's sandbox in the framed page's storage (`instance` overrides). */
  private sandboxKey(): string {
    const explicit = this.getAttribute("instance");
    if (explicit) return explicit;
    const index = [...document.querySelectorAll("podlab-sandbox")].indexOf(this);
    return `${location.host}${location.pathname}#${index}`;
  }

  private update(): void {
    const q = new URLSearchParams({ slot: this.sandboxKey() });
    for (const a of ["lesson", "lang", "panes"] as const) {
      const v = this.getAttribute(a);
      if (v) q.set(a, v);
    }
    const src = `${ORIGIN}/embed?${q}`;
    const frame = this.frame!;
    if (frame.getAttribute("src") !== src) frame.setAttribute("src", src);
    const hgt = this.getAttribute("height") ?? "640";
    frame.style.height = /^\d+$/.test(hgt) ? `${hgt}px` : hgt;
    frame.title = `podlab${this.getAttribute("lesson") ? `: ${this.getAttribute("lesson")}` : ""}`;
  }
}

if (!customElements.get("podlab-sandbox")) customElements.define("podlab-sandbox", PodlabSandbox);
