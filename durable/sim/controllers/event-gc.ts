// Expires Events after the apiserver's one-hour TTL, checking every five minutes of virtual
// time (coalesced when the clock jumps far ahead).
import type { Component, SimContext } from "../context";
import type { Timer } from "../core/timers";

const PERIOD_MS = 5 * 60_000;

/** Event TTL enforcement. */
export class EventGc implements Component {
  constructor(private readonly ctx: SimContext) {
    if (!ctx.timers.get("ctrl.eventgc")) ctx.timers.schedule("ctrl.eventgc", ctx.now() + PERIOD_MS, "ctrl.eventgc", { coalesce: PERIOD_MS });
  }

  /** Deletes expired events and re-arms. */
  onTimer(_t: Timer): void {
    this.ctx.events.expire();
    this.ctx.timers.schedule("ctrl.eventgc", this.ctx.now() + PERIOD_MS, "ctrl.eventgc", { coalesce: PERIOD_MS });
  }
}
