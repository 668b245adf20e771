// Clock controls: the sandbox's virtual time (extrapolated between server reads at the current
// speed), pause / ×1 / ×10 / ×60 as a pressed-button group, and advance 10s / 1m / 5m.
import { h, replace } from "../dom";
import { onLangChange, t } from "../i18n/i18n";
import type { ClockView, SandboxApi } from "../api/sandbox-api";
import { ADVANCES, SPEEDS } from "../states";

/** The clock bar. */
export class ClockBar {
  readonly el: HTMLElement;
  private timeEl = h("output", { class: "clock-time", "data-testid": "clock-time", "aria-live": "off" });
  private speedBtns: HTMLButtonElement[];
  private view?: ClockView;
  private readAt = 0;

  constructor(private readonly api: () => SandboxApi, private readonly changed: () => void) {
    this.speedBtns = SPEEDS.map((s) => h("button", {
      type: "button", class: "seg", "data-speed": String(s), "aria-pressed": "false",
      ...(s === 0 ? { i18n: "pause" } : { i18nAttrs: { title: "speedN" }, i18nParams: { n: s } }),
      on: { click: () => void this.set(() => this.api().speed(s)) },
    }, s === 0 ? null : `×${s}`));
    const advances = ADVANCES.map((d) => h("button", {
      type: "button", class: "seg", "data-advance": d, i18nAttrs: { "aria-label": "advanceBy" }, i18nParams: { d },
      on: { click: () => void this.set(() => this.api().advance(d)) },
    }, `+${d}`));
    this.el = h("div", { class: "clock", role: "group", i18nAttrs: { "aria-label": "clock" } },
      h("span", { class: "clock-label", i18n: "clockNow" }), this.timeEl,
      h("div", { class: "segs", role: "group", i18nAttrs: { "aria-label": "speed" } }, ...this.speedBtns),
      h("div", { class: "segs", role: "group", i18nAttrs: { "aria-label": "advance" } }, ...advances));
    setInterval(() => this.tick(), 250);
    setInterval(() => void this.refresh(), 10_000);
    onLangChange(() => this.tick());
  }

  /** Reads the clock from the server. */
  async refresh(): Promise<void> {
    try { this.show(await this.api().clock()); } catch { /* next time */ }
  }

  private async set(call: () => Promise<ClockView>): Promise<void> {
    try {
      this.show(await call());
      this.changed();
    } catch { /* the clock stays as it was */ }
  }

  private show(v: ClockView): void {
    this.view = v;
    this.readAt = Date.now();
    for (const b of this.speedBtns) b.setAttribute("aria-pressed", String(Number(b.dataset.speed) === v.speed));
    this.el.dataset.speed = String(v.speed);
    this.tick();
  }

  /** The extrapolated virtual time in ms. */
  now(): number | undefined {
    return this.view ? this.view.nowMs + (Date.now() - this.readAt) * this.view.speed : undefined;
  }

  private tick(): void {
    const now = this.now();
    if (now === undefined) return;
    const d = new Date(now);
    const text = `${d.toLocaleDateString()} ${d.toLocaleTimeString()}${this.view?.speed === 0 ? ` (${t("paused")})` : this.view?.speed !== 1 ? ` ×${this.view?.speed}` : ""}`;
    if (this.timeEl.textContent !== text) replace(this.timeEl, text);
    this.timeEl.dataset.ms = String(Math.floor(now));
  }
}
