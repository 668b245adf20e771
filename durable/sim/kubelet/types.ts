// The kubelet's per-pod and per-container records (plain, serializable data) and the reason
// strings it reports. One writer: the pod worker of the node that runs the pod.

/** Waiting reasons the kubelet reports. */
export const WAITING = {
  ContainerCreating: "ContainerCreating",
  PodInitializing: "PodInitializing",
  ErrImagePull: "ErrImagePull",
  ImagePullBackOff: "ImagePullBackOff",
  ErrImageNeverPull: "ErrImageNeverPull",
  InvalidImageName: "InvalidImageName",
  CrashLoopBackOff: "CrashLoopBackOff",
  CreateContainerConfigError: "CreateContainerConfigError",
  CreateContainerError: "CreateContainerError",
  RunContainerError: "RunContainerError",
  PostStartHookError: "PostStartHookError",
} as const;

/** A waiting reason. */
export type WaitingReason = (typeof WAITING)[keyof typeof WAITING];

/** A terminated state (current or last). */
export interface TerminatedRecord {
  exitCode: number;
  reason: string;
  message?: string;
  signal?: number;
  startedAt: number;
  finishedAt: number;
  containerId: string;
}

/** Why the kubelet is killing a container. */
export type KillReason = "delete" | "liveness" | "startup" | "spec-change" | "poststart" | "pod-failed";

/** Probe bookkeeping for one probe of one container instance. */
export interface ProbeRecord {
  /** Current result: undefined = not probed yet. */
  result?: "success" | "failure";
  successes: number;
  failures: number;
  /** Phase of the ticker: ticks happen at phase + k × period. */
  phase: number;
  /** An exec probe in flight: session id and when it started. */
  inflight?: { sessionId: string; startedAt: number };
  /** Identical consecutive outcomes (for bulk fast-forward). */
  streak: number;
}

/** One container (init, sidecar or app) of a pod on this node. */
export interface ContainerRecord {
  name: string;
  init: boolean;
  sidecar: boolean;
  /** restartCount of the current/next instance. */
  attempt: number;
  containerId?: string;
  prevContainerId?: string;
  state: "waiting" | "running" | "terminated";
  waiting?: { reason: WaitingReason; message?: string };
  startedAt?: number;
  terminated?: TerminatedRecord;
  lastTerminated?: TerminatedRecord;
  /** Startup probe passed (or none) for the running instance. */
  started: boolean;
  ready: boolean;
  /** Image as reported once created (normalized) and its ID. */
  imageRef?: string;
  imageID?: string;
  /** CrashLoopBackOff bookkeeping (client-go flowcontrol.Backoff entry). */
  backoff?: { delayMs: number; lastUpdate: number };
  /** A kill in progress. */
  killing?: { reason: KillReason; since: number; deadline: number; preStopSession?: string; signalled: boolean };
  /** Spec hash of the running instance (image changes restart it). */
  specImage?: string;
  probes?: Record<string, ProbeRecord>;
  /** postStart hook in flight (exec session) — the start is not complete until it returns. */
  postStart?: { sessionId?: string; until?: number };
}

/** One pod on this node. */
export interface PodRecord {
  uid: string;
  namespace: string;
  name: string;
  sandboxId?: string;
  podIP?: string;
  sandboxReady: boolean;
  startTime?: number;
  containers: ContainerRecord[];
  /** Graceful termination in progress. */
  terminating?: { since: number; graceMs: number };
  /** Terminal phase the kubelet decided (never changes once set). */
  terminalPhase?: "Succeeded" | "Failed";
  /** Pod object no longer exists in the API (force-deleted): clean up and forget. */
  orphaned?: boolean;
  /** Final DELETE issued. */
  finalDeleteSent?: boolean;
  /** Something the PLEG would report happened (sandbox created, container started). */
  plegPending?: boolean;
  /** The worker is running a plan; triggers set needsSync. */
  busy?: boolean;
  needsSync?: boolean;
  /** Queued plan steps (data) still to apply. */
  plan?: PlanStep[];
  /** Image pull back-off per image (key = image). */
  pullBackoff?: Record<string, { delayMs: number; failedAt: number }>;
  /** Condition transition times, by condition type, with the status they belong to. */
  conditionTimes: Record<string, { status: string; time: number }>;
  /** Finished pulls waiting to be consumed by the start step, by container. */
  pulled?: Record<string, { image: string; enqueuedAt: number; startedAt?: number; doneAt?: number }>;
  /** Pod-level reason/message for rejected pods (e.g. OutOfcpu). */
  rejected?: { reason: string; message: string };
}

/** A step of a pod worker's plan. */
export type PlanStep =
  | { kind: "createSandbox" }
  | { kind: "startContainer"; name: string; phase?: "image" | "pulling" | "create" | "start" | "poststart" }
  | { kind: "killContainer"; name: string; reason: KillReason }
  | { kind: "crashLoop"; name: string; delayMs: number };
