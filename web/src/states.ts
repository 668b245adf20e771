// Named states and choices of the client, as constants: connection states of the live feeds,
// clock speeds and advances, pane names, and the STATUS color categories of pod cards.

/** Connection state of a live feed. */
export const CONN = { connecting: "connecting", live: "live", reconnecting: "reconnecting", stopped: "stopped" } as const;
/** A connection state. */
export type ConnState = (typeof CONN)[keyof typeof CONN];

/** Clock speeds the server accepts (0 = paused). */
export const SPEEDS = [0, 1, 10, 60] as const;
/** Clock advances offered as buttons (Go durations). */
export const ADVANCES = ["10s", "1m", "5m"] as const;

/** Panes an embed can show. */
export const PANES = ["terminal", "editor", "view"] as const;
/** One pane. */
export type Pane = (typeof PANES)[number];

/** Color categories of a pod card, from its STATUS cell. */
export const TONE = { ok: "ok", done: "done", progress: "progress", warn: "warn", error: "error", gone: "gone" } as const;
/** A color category. */
export type Tone = (typeof TONE)[keyof typeof TONE];

/** Watch event types of the Kubernetes API. */
export const WATCH = { added: "ADDED", modified: "MODIFIED", deleted: "DELETED", bookmark: "BOOKMARK", error: "ERROR" } as const;

/** Languages of the interface. */
export const LANGS = ["zh-CN", "en"] as const;
/** One language. */
export type Lang = (typeof LANGS)[number];
