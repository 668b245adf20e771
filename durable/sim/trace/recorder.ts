// The live trace of what happened to each pod: API requests and actor steps (API server, etcd,
// scheduler, kubelet, runtime, endpoints controller) with virtual timestamps, so the web client
// can draw the tutorial's creation and deletion sequence diagrams from real events.

/** Actors of the sequence diagrams. */
export type Actor = "User" | "API Server" | "etcd" | "Scheduler" | "kubelet" | "Runtime" | "Endpoints" | "Controller";

/** One arrow in a sequence diagram. */
export interface TraceStep {
  t: number;
  from: Actor;
  to: Actor;
  action: string;
  namespace?: string;
  pod?: string;
  node?: string;
}

/** Serializable trace: the last steps per pod, bounded. */
export interface TraceState { steps: TraceStep[] }

/** Records steps; keeps the last `limit` of them. */
export class TraceRecorder {
  private steps: TraceStep[];

  constructor(private readonly now: () => number, state?: TraceState, private readonly limit = 3000) {
    this.steps = state ? [...state.steps] : [];
  }

  /** Serializable state. */
  save(): TraceState {
    return { steps: [...this.steps] };
  }

  /** Adds a step at the current virtual time. */
  step(from: Actor, to: Actor, action: string, pod?: { namespace?: string; name?: string }, node?: string): void {
    const s: TraceStep = { t: this.now(), from, to, action };
    if (pod?.name) { s.pod = pod.name; s.namespace = pod.namespace; }
    if (node) s.node = node;
    this.steps.push(s);
    if (this.steps.length > 2 * this.limit) this.steps.splice(0, this.steps.length - this.limit);
  }

  /** Steps about one pod (and cluster-wide steps without a pod when `all`). */
  forPod(namespace: string, name: string): TraceStep[] {
    return this.steps.filter((s) => s.pod === name && (s.namespace ?? "default") === namespace);
  }
}
