// Named states, reasons, signals and limits of the simulated runtime, in one place. Used by every
// runtime, shell and program module; no other module defines these strings or numbers.

/** Why a container terminated (containerStatus.reason). */
export type ExitReason = "Completed" | "Error" | "OOMKilled";

/** Process states as ps shows them. */
export type ProcStateName = "R" | "S" | "Z";

/** Linux signal numbers (x86_64). */
export const SIG = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11,
  USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20,
  TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
} as const;

/** Signal names by number. */
export const SIG_NAME: Record<number, string> = Object.fromEntries(Object.entries(SIG).map(([k, v]) => [v, k]));

/** Signals whose default action is to do nothing. */
export const SIG_DEFAULT_IGNORE: readonly number[] = [SIG.CHLD, SIG.URG, SIG.WINCH, SIG.CONT];

/** Parses "TERM", "SIGTERM", "15" or "sigterm" into a number; undefined when unknown. */
export function parseSignal(s: string): number | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 0 && n <= 64 ? n : undefined;
  }
  const name = s.toUpperCase().replace(/^SIG/, "");
  return (SIG as Record<string, number>)[name];
}

/** Limits that keep the simulation bounded. */
export const LIMITS = {
  /** Processes per container (a fork beyond this fails like EAGAIN). */
  pids: 1024,
  /** Interpreter/program steps per container per wake-up. */
  stepsPerWake: 20000,
  /** Steps granted per virtual second while a container stays CPU-bound. */
  stepsPerSecond: 4000,
  /** Log bytes kept in memory per container (oldest lines are dropped first). */
  logBytes: 1024 * 1024,
  /** Pipe capacity before writers block. */
  pipeBytes: 65536,
  /** Command-substitution capture cap. */
  captureBytes: 4 * 1024 * 1024,
  /** Longest line kept in a log entry before it is split (containerd splits at 16 KiB). */
  logLineBytes: 16384,
  /** Exec session output buffered before the oldest bytes are dropped. */
  sessionBytes: 1024 * 1024,
  /** Maximum back-off between slices of a continuously busy container (virtual ms). */
  busyBackoffMaxMs: 10000,
  /** First slice interval of a busy container (virtual ms). */
  busySliceMs: 100,
  /** The kernel's pid_max: pid numbers wrap past it. */
  pidMax: 4194304,
} as const;

/** Default node facts when the cluster does not configure a node. */
export const DEFAULT_NODE = { cpus: 2, memoryBytes: 4 * 1024 * 1024 * 1024, kernelVersion: "5.15.0-130-generic" } as const;

/** Timer key prefix of everything the runtime schedules. */
export const TIMER_PREFIX = "rt/";

/** The runtime's first pid after PID 1 (runc's helper processes take 2..6 in practice). */
export const FIRST_CHILD_PID = 7;

/** Default terminationMessagePath. */
export const TERMINATION_LOG = "/dev/termination-log";

/** Errno names used by the simulated file system and network, with their strerror texts. */
export const ERRNO = {
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EEXIST: "File exists",
  EROFS: "Read-only file system",
  EACCES: "Permission denied",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
  ECONNREFUSED: "Connection refused",
  ETIMEDOUT: "Connection timed out",
  EHOSTUNREACH: "No route to host",
  EAGAIN: "Resource temporarily unavailable",
  ESRCH: "No such process",
  EPERM: "Operation not permitted",
  EBADF: "Bad file descriptor",
  ENOEXEC: "Exec format error",
  EADDRINUSE: "Address in use",
  ECHILD: "No child processes",
  ENXIO: "No such device or address",
  EPIPE: "Broken pipe",
} as const;

/** An errno name. */
export type Errno = keyof typeof ERRNO;
