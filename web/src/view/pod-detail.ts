// The selected pod: its containers (state, readiness, restarts, last termination), a timeline of
// its events, and its creation and deletion sequence diagrams drawn from /-/trace, refreshed as
// the pod changes. Stays on a pod after it is deleted so the deletion sequence can be read.
import { h, replace } from "../dom";
import { onLangChange, t } from "../i18n/i18n";
import type { SandboxApi, TraceStep } from "../api/sandbox-api";
import type { ClusterState } from "./cluster-state";
import { sequenceDiagram, splitTrace } from "./sequence-diagram";
import { containerTone } from "./status-tone";

type Json = Record<string, any>;

/** The pod detail pane. */
export class PodDetail {
  readonly el: HTMLElement;
  private body = h("div", { class: "detail-body", "data-testid": "pod-detail" });
  private key?: string;
  private trace: TraceStep[] = [];
  private traceFor = "";
  private lastRv = "";
  private lastSig = "";
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly state: ClusterState, private readonly api: () => SandboxApi, private readonly onClose: () => void) {
    this.el = h("section", { class: "pane pane-detail", "aria-labelledby": "detail-title" },
      h("h2", { id: "detail-title", class: "pane-title", i18n: "podDetail" }), this.body);
    state.subscribe(() => this.render());
    onLangChange(() => this.render());
    this.render();
  }

  /** Shows a pod ("namespace/name"), or nothing. */
  show(key: string | undefined): void {
    this.key = key;
    this.trace = [];
    this.traceFor = "";
    this.lastRv = "";
    this.lastSig = "";
    this.render();
    this.el.querySelector<HTMLElement>("h3")?.focus();
  }

  private fetchTrace(): void {
    if (!this.key || this.timer) return;
    const key = this.key;
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      const [ns, name] = key.split("/");
      try {
        const steps = await this.api().trace(ns, name);
        if (this.key !== key) return;
        this.trace = steps;
        this.traceFor = key;
        this.render(false);
      } catch { /* keep the last trace */ }
    }, 150);
  }

  private render(refetch = true): void {
    if (!this.key) {
      replace(this.body, h("p", { class: "hint", i18n: "selectPod" }));
      return;
    }
    const [ns, name] = this.key.split("/");
    const row = this.state.pods.get(this.key);
    const pod = row?.object;
    const rv = pod?.metadata?.resourceVersion ?? "gone";
    if (refetch && rv !== this.lastRv) { this.lastRv = rv; this.fetchTrace(); }
    const status = row ? this.state.podCell(row, "Status") : "";
    const sig = [this.key, rv, this.state.eventsFor(ns, name).map((e) => e.metadata?.resourceVersion).join(","), this.traceFor, this.trace.length, document.documentElement.lang].join("|");
    if (sig === this.lastSig) return;
    this.lastSig = sig;
    const split = splitTrace(this.traceFor === this.key ? this.trace : []);
    replace(this.body,
      h("div", { class: "detail-head" },
        h("h3", { tabindex: "-1" }, name, " ", h("span", { class: "muted" }, ns)),
        h("button", { type: "button", class: "linkish", i18n: "close", on: { click: () => this.onClose() } })),
      pod ? h("p", { class: "detail-meta" }, `${status} · ${pod.status?.phase ?? ""} · ${pod.spec?.nodeName ?? "-"} · ${pod.status?.podIP ?? "-"}`) : null,
      pod ? this.containers(pod) : null,
      h("h4", { i18n: "events" }), this.timeline(ns, name),
      h("div", { class: "diagrams", "data-testid": "diagrams" },
        split.creation.length ? sequenceDiagram(split.creation, t("creation")) : h("p", { class: "muted" }, `${t("creation")}: ${t("noTrace")}`),
        split.deletion.length ? sequenceDiagram(split.deletion, t("deletion")) : null));
  }

  private containers(pod: Json): HTMLElement {
    const statuses: Json[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const specs: Json[] = [...(pod.spec?.initContainers ?? []).map((c: Json) => ({ ...c, init: true })), ...(pod.spec?.containers ?? [])];
    return h("div", {}, h("h4", { i18n: "containers" }), h("ul", { class: "containers", "data-testid": "containers" }, ...specs.map((c) => {
      const cs = statuses.find((s) => s.name === c.name);
      const st = cs?.state ?? {};
      let state = t("stateWaiting");
      if (st.running) state = t("stateRunning");
      else if (st.terminated) state = `${t("stateTerminated")} · ${st.terminated.reason ?? ""} · ${t("exitCode", { code: st.terminated.exitCode })}`;
      else if (st.waiting?.reason) state = `${t("stateWaiting")} · ${st.waiting.reason}`;
      const last = cs?.lastState?.terminated;
      return h("li", { class: `container tone-${containerTone(cs)}`, "data-container": c.name },
        h("strong", {}, c.init ? `init: ${c.name}` : c.name), " ", h("span", {}, state),
        " · ", h("span", {}, cs?.ready ? t("ready") : t("notReady")),
        " · ", h("span", {}, `${t("restarts")} ${cs?.restartCount ?? 0}`),
        last ? h("div", { class: "muted" }, `last: ${last.reason ?? ""} (${t("exitCode", { code: last.exitCode })}) ${last.finishedAt ?? ""}`) : null);
    })));
  }

  private timeline(ns: string, name: string): HTMLElement {
    const events = this.state.eventsFor(ns, name);
    if (!events.length) return h("p", { class: "muted", i18n: "noEvents" });
    return h("ol", { class: "timeline", "data-testid": "timeline" }, ...events.map((e) => {
      const at = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? "";
      return h("li", { class: `event ${e.type === "Warning" ? "warning" : "normal"}` },
        h("time", { datetime: at }, at ? new Date(at).toLocaleTimeString() : ""), " ",
        h("strong", {}, e.reason ?? ""), (e.count ?? 1) > 1 ? ` ×${e.count}` : "", " ",
        h("span", { class: "muted" }, e.source?.component ?? e.reportingComponent ?? ""), h("div", {}, e.message ?? ""));
    }));
  }
}
