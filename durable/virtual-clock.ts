// Maps wall time to a sandbox's virtual time: virtual = anchorVirtual + (wall − anchorWall) × speed.
// Pausing, speeding up and advancing re-anchor; the state is persisted with the sandbox.

/** Serializable clock state. */
export interface ClockState { anchorWall: number; anchorVirtual: number; speed: number }

/** Speeds the clock API accepts. */
export const SPEEDS = [0, 1, 10, 60];

/** The mapping for one sandbox. */
export class VirtualClock {
  constructor(private state: ClockState) {}

  /** Starts a clock at a virtual instant. */
  static start(wall: number, virtual: number): VirtualClock {
    return new VirtualClock({ anchorWall: wall, anchorVirtual: virtual, speed: 1 });
  }

  /** Serializable state. */
  save(): ClockState {
    return { ...this.state };
  }

  /** Current speed (0 = paused). */
  get speed(): number {
    return this.state.speed;
  }

  /** Virtual time at a wall instant (never before a virtual time already reached). */
  virtualAt(wall: number): number {
    return Math.floor(this.state.anchorVirtual + Math.max(0, wall - this.state.anchorWall) * this.state.speed);
  }

  /** Wall instant at which a virtual time will be reached, or undefined when paused. */
  wallAt(virtual: number): number | undefined {
    if (this.state.speed === 0) return undefined;
    return this.state.anchorWall + (virtual - this.state.anchorVirtual) / this.state.speed;
  }

  /** Changes speed, keeping the current virtual time continuous. */
  setSpeed(speed: number, wall: number): void {
    const v = this.virtualAt(wall);
    this.state = { anchorWall: wall, anchorVirtual: v, speed };
  }

  /** Jumps virtual time forward by `ms`. */
  advance(ms: number, wall: number): number {
    const v = this.virtualAt(wall) + ms;
    this.state = { anchorWall: wall, anchorVirtual: v, speed: this.state.speed };
    return v;
  }

  /** Re-anchors so that `virtual` is the time now (after the simulation ran ahead of the mapping). */
  syncTo(virtual: number, wall: number): void {
    if (virtual > this.virtualAt(wall)) this.state = { anchorWall: wall, anchorVirtual: virtual, speed: this.state.speed };
  }
}
