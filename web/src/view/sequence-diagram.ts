// Draws the tutorial's sequence diagrams (User, API Server, etcd, Scheduler, kubelet, Runtime,
// Endpoints) as SVG from the recorded trace of one pod, with virtual timestamps relative to the
// first step, plus the same steps as an ordered list for screen readers. Splits a trace into its
// creation and deletion parts.
import type { TraceStep } from "../api/sandbox-api";

/** Lifelines in the tutorial's order. */
export const ACTORS = ["User", "API Server", "etcd", "Scheduler", "kubelet", "Runtime", "Endpoints"];

const NS = "http://www.w3.org/2000/svg";
const COL = 112;
const ROW = 30;
const TOP = 34;
const LEFT = 64;

/** Splits steps at the first sign of deletion (the deletionTimestamp or a DELETE). */
export function splitTrace(steps: TraceStep[]): { creation: TraceStep[]; deletion: TraceStep[] } {
  const i = steps.findIndex((s) => /deletionTimestamp|\bdelete\b|DELETE/i.test(s.action) && !/^watch: pod bound/.test(s.action));
  return i < 0 ? { creation: steps, deletion: [] } : { creation: steps.slice(0, i), deletion: steps.slice(i) };
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Seconds since the first step, as "+1.250s". */
export function offset(t: number, t0: number): string {
  return `+${((t - t0) / 1000).toFixed(3)}s`;
}

/** The diagram of some steps (SVG plus a text list). */
export function sequenceDiagram(steps: TraceStep[], title: string): HTMLElement {
  const actors = [...ACTORS, ...new Set(steps.flatMap((s) => [s.from, s.to]).filter((a) => !ACTORS.includes(a)))];
  const width = LEFT + actors.length * COL;
  const height = TOP + steps.length * ROW + 16;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "seq", "aria-hidden": "true" });
  const x = (a: string) => LEFT + actors.indexOf(a) * COL + COL / 2;
  actors.forEach((a) => {
    svg.appendChild(el("rect", { x: x(a) - COL / 2 + 6, y: 4, width: COL - 12, height: 22, rx: 4, class: "seq-actor" }));
    svg.appendChild(el("text", { x: x(a), y: 19, "text-anchor": "middle", class: "seq-actor-text" }, a));
    svg.appendChild(el("line", { x1: x(a), y1: 26, x2: x(a), y2: height, class: "seq-life" }));
  });
  const t0 = steps[0]?.t ?? 0;
  steps.forEach((s, i) => {
    const y = TOP + i * ROW + 18;
    svg.appendChild(el("text", { x: 4, y: y + 4, class: "seq-time" }, offset(s.t, t0)));
    const x1 = x(s.from);
    const x2 = x(s.to);
    const g = el("g", { class: `seq-step from-${s.from.replace(/\W/g, "")}` });
    if (x1 === x2) g.appendChild(el("path", { d: `M${x1} ${y - 6} h24 v12 h-22`, class: "seq-arrow", "marker-end": "url(#seq-head)" }));
    else g.appendChild(el("line", { x1, y1: y, x2: x2 + (x2 > x1 ? -4 : 4), y2: y, class: "seq-arrow", "marker-end": "url(#seq-head)" }));
    const label = s.action.length > 46 ? `${s.action.slice(0, 45)}…` : s.action;
    g.appendChild(el("text", { x: Math.min(x1, x2) + (x1 === x2 ? 30 : 6), y: y - 5, class: "seq-label" }, label));
    g.appendChild(el("title", {}, `${s.time} ${s.from} → ${s.to}: ${s.action}`));
    svg.appendChild(g);
  });
  const defs = el("defs", {});
  const marker = el("marker", { id: "seq-head", viewBox: "0 0 8 8", refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.appendChild(el("path", { d: "M0 0 L8 4 L0 8 z", class: "seq-head" }));
  defs.appendChild(marker);
  svg.prepend(defs);
  const list = document.createElement("ol");
  list.className = "sr-only";
  for (const s of steps) {
    const li = document.createElement("li");
    li.textContent = `${offset(s.t, t0)} ${s.from} → ${s.to}: ${s.action}`;
    list.appendChild(li);
  }
  const fig = document.createElement("figure");
  fig.className = "seq-figure";
  const cap = document.createElement("figcaption");
  cap.textContent = title;
  const scroller = document.createElement("div");
  scroller.className = "seq-scroll";
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", title);
  scroller.append(svg, list);
  fig.append(cap, scroller);
  return fig;
}
