// The live cluster view: one column per node with its capacity and allocated requests as bars,
// the node's pods as cards colored by kubectl's STATUS (container states as dots, restarts,
// readiness), a column for pods not yet scheduled, a namespace filter and the feed's state.
import { h, replace } from "../dom";
import { onLangChange, t } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { allocatable, allocated, formatCpu, formatMemory } from "./resources";
import { containerTone, statusTone } from "./status-tone";
import type { ClusterState, Row } from "./cluster-state";

const ALL = "*";

/** The cluster view pane. */
export class ClusterView {
  readonly el: HTMLElement;
  private board = h("div", { class: "nodes", "data-testid": "nodes" });
  private conn = h("span", { class: "conn", role: "status", "data-testid": "conn" });
  private nsSelect: HTMLSelectElement;
  private namespace = "default";
  selected?: string;

  constructor(private readonly state: ClusterState, private readonly onSelect: (key: string) => void) {
    this.nsSelect = h("select", { id: "ns-select", "data-testid": "ns-select", on: { change: () => { this.namespace = this.nsSelect.value; this.render(); } } });
    this.el = h("section", { class: "pane pane-view", "aria-labelledby": "view-title" },
      h("div", { class: "pane-head" },
        h("h2", { id: "view-title", class: "pane-title", i18n: "cluster" }),
        h("label", { for: "ns-select", class: "inline-label", i18n: "namespace" }), this.nsSelect, this.conn),
      h("div", { class: "board-wrap", role: "region", tabindex: "0", i18nAttrs: { "aria-label": "nodesLabel" } }, this.board));
    state.subscribe(() => this.render());
    onLangChange(() => this.render());
    this.render();
  }

  private pods(): Row[] {
    return [...this.state.pods.values()]
      .filter((p) => this.namespace === ALL || p.object.metadata?.namespace === this.namespace)
      .sort((a, b) => `${a.object.metadata?.namespace}/${a.object.metadata?.name}`.localeCompare(`${b.object.metadata?.namespace}/${b.object.metadata?.name}`));
  }

  /** Re-renders from the state (keeps keyboard focus on the same card). */
  render(): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.pod;
    this.fillNamespaces();
    const overall = this.state.overall();
    this.conn.dataset.state = overall;
    this.conn.dataset.reconnects = String(this.state.reconnects);
    this.conn.textContent = t(`conn${overall}` as MessageKey);
    const all = [...this.state.pods.values()].map((r) => r.object);
    const shown = this.pods();
    const nodes = [...this.state.nodes.values()].sort((a, b) => String(a.object.metadata?.name).localeCompare(String(b.object.metadata?.name)));
    const columns = nodes.map((n) => this.nodeColumn(n, all, shown.filter((p) => p.object.spec?.nodeName === n.object.metadata?.name)));
    const pending = shown.filter((p) => !p.object.spec?.nodeName);
    if (pending.length) columns.unshift(h("section", { class: "node unscheduled", "data-node": "" },
      h("h3", { class: "node-name", i18n: "unscheduled" }), h("ul", { class: "cards" }, ...pending.map((p) => this.card(p)))));
    replace(this.board, ...columns);
    if (focused) this.board.querySelector<HTMLElement>(`[data-pod="${CSS.escape(focused)}"]`)?.focus();
  }

  private fillNamespaces(): void {
    const names = [...new Set([...this.state.pods.values()].map((p) => String(p.object.metadata?.namespace)).concat("default"))].sort();
    const want = [ALL, ...names].join("|");
    if (this.nsSelect.dataset.options === want && this.nsSelect.dataset.lang === document.documentElement.lang) return;
    replace(this.nsSelect, h("option", { value: ALL }, t("allNamespaces")), ...names.map((n) => h("option", { value: n }, n)));
    this.nsSelect.dataset.options = want;
    this.nsSelect.dataset.lang = document.documentElement.lang;
    this.nsSelect.value = this.namespace;
  }

  private nodeColumn(n: Row, allPods: Record<string, any>[], pods: Row[]): HTMLElement {
    const name = String(n.object.metadata?.name);
    const cap = allocatable(n.object);
    const used = allocated(name, allPods);
    const status = this.state.nodeCell(n, "Status");
    const roles = this.state.nodeCell(n, "Roles");
    return h("section", { class: "node", "data-node": name, "aria-labelledby": `node-${name}` },
      h("h3", { class: "node-name", id: `node-${name}` }, name, " ", h("span", { class: `node-status ${status.startsWith("Ready") ? "ready" : "not-ready"}` }, status)),
      h("p", { class: "node-meta" }, roles && roles !== "<none>" ? roles : "", " ", this.state.nodeCell(n, "Internal-IP")),
      bar("cpuRequests", used.cpu, cap.cpu, `${formatCpu(used.cpu)} / ${formatCpu(cap.cpu)}`),
      bar("memRequests", used.memory, cap.memory, `${formatMemory(used.memory)} / ${formatMemory(cap.memory)}`),
      pods.length ? h("ul", { class: "cards" }, ...pods.map((p) => this.card(p))) : h("p", { class: "empty", i18n: "noPods" }));
  }

  private card(p: Row): HTMLElement {
    const o = p.object;
    const key = `${o.metadata?.namespace}/${o.metadata?.name}`;
    const status = this.state.podCell(p, "Status");
    const ready = this.state.podCell(p, "Ready");
    const restarts = this.state.podCell(p, "Restarts");
    const statuses: Record<string, any>[] = [...(o.status?.initContainerStatuses ?? []), ...(o.status?.containerStatuses ?? [])];
    const specs: { name: string }[] = [...(o.spec?.initContainers ?? []), ...(o.spec?.containers ?? [])];
    const dots = specs.map((c) => {
      const cs = statuses.find((s) => s.name === c.name);
      const st = cs?.state ?? {};
      const what = st.running ? t("stateRunning") : st.terminated ? `${t("stateTerminated")} (${st.terminated.reason ?? st.terminated.exitCode})` : `${t("stateWaiting")}${st.waiting?.reason ? ` (${st.waiting.reason})` : ""}`;
      return h("span", { class: `dot tone-${containerTone(cs)}`, title: `${c.name}: ${what}` });
    });
    return h("li", {}, h("button", {
      type: "button", class: `pod-card tone-${statusTone(status, ready)}`, "data-pod": key, "data-status": status, "data-ready": ready,
      "data-restarts": restarts, "aria-pressed": String(this.selected === key),
      "aria-label": t("podCard", { name: String(o.metadata?.name), ready, status, restarts: restarts.split(" ")[0] }),
      on: { click: () => this.onSelect(key) },
    },
    h("span", { class: "pod-name" }, o.metadata?.namespace !== "default" && this.namespace === ALL ? `${o.metadata?.namespace}/` : "", String(o.metadata?.name)),
    h("span", { class: "pod-line" }, h("span", { class: "pod-ready" }, ready), h("span", { class: "pod-status" }, status)),
    h("span", { class: "pod-line" }, h("span", { class: "dots", "aria-hidden": "true" }, ...dots), h("span", { class: "pod-restarts" }, `↻ ${restarts}`))));
  }
}

function bar(label: MessageKey, value: number, max: number, text: string): HTMLElement {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return h("div", { class: "bar" },
    h("span", { class: "bar-label" }, h("span", { i18n: label }), ` ${text} (${pct}%)`),
    h("span", { class: `bar-track${pct >= 90 ? " full" : ""}`, role: "meter", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(pct), i18nAttrs: { "aria-label": label } },
      h("span", { class: "bar-fill", style: `width:${pct}%` })));
}
