// What every command receives: the host, its output, an API client, discovery, the resolved
// namespace, stdin, and the global flags kubectl accepts everywhere (-n, --request-timeout...).
import { parseDuration } from "../core/time";
import type { ApiClient } from "./client";
import type { Discovery } from "./discovery";
import type { FlagSpec, Flags } from "./flags";
import type { KubectlHost } from "./host";
import { DEFAULT_MAX_WAIT_MS } from "./host";
import { KubectlError, type Output } from "./io";

/** The environment of one command. */
export interface Ctx {
  host: KubectlHost;
  out: Output;
  client: ApiClient;
  disco: Discovery;
  /** Namespace from -n, or "default". */
  namespace: string;
  /** True when -n was given. */
  explicitNamespace: boolean;
  stdin: string;
  /** `kubectl get`, `kubectl create namespace`: the command path for help hints. */
  cmdPath: string;
  /** Virtual ms this command may still run the clock forward. */
  budgetMs: number;
}

/** A kubectl command. */
export interface Command {
  /** Path below `kubectl` (`get`, `create namespace`). */
  path: string;
  aliases?: string[];
  flags: FlagSpec[];
  run(ctx: Ctx, flags: Flags): void;
}

/** Root flags accepted by every command (cobra persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "request-timeout", type: "string", def: "0" },
  { name: "kubeconfig", type: "string" },
  { name: "context", type: "string" },
  { name: "cluster", type: "string" },
  { name: "user", type: "string" },
  { name: "server", short: "s", type: "string" },
  { name: "token", type: "string" },
  { name: "as", type: "string" },
  { name: "as-group", type: "stringArray" },
  { name: "as-uid", type: "string" },
  { name: "cache-dir", type: "string" },
  { name: "certificate-authority", type: "string" },
  { name: "client-certificate", type: "string" },
  { name: "client-key", type: "string" },
  { name: "insecure-skip-tls-verify", type: "bool" },
  { name: "tls-server-name", type: "string" },
  { name: "match-server-version", type: "bool" },
  { name: "disable-compression", type: "bool" },
  { name: "warnings-as-errors", type: "bool" },
  { name: "username", type: "string" },
  { name: "password", type: "string" },
  { name: "v", short: "v", type: "int" },
  { name: "vmodule", type: "string" },
  { name: "log-flush-frequency", type: "string" },
  { name: "profile", type: "string" },
  { name: "profile-output", type: "string" },
];

/** --request-timeout in ms (0 = none); kubectl's error text for a bad value. */
export function requestTimeoutMs(flags: Flags): number {
  const raw = flags.str("request-timeout");
  if (!raw || raw === "0") return 0;
  const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw);
  if (!Number.isFinite(ms)) {
    throw new KubectlError(`error: invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)`);
  }
  return ms;
}

/** The virtual-time budget of a command from its host. */
export function budgetOf(host: KubectlHost): number {
  return host.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
}

/** Runs the clock forward by up to `ms` (bounded by the budget), stopping early when `done()`. */
export function waitFor(ctx: Ctx, ms: number, done: () => boolean, stepMs = 1000): boolean {
  let left = Math.min(ms, ctx.budgetMs);
  while (left > 0) {
    if (done()) return true;
    const next = ctx.host.cluster.nextDue();
    const now = ctx.host.cluster.now;
    let step = next !== undefined && next > now ? Math.min(next - now, stepMs) : stepMs;
    if (next !== undefined && next <= now) step = 1;
    step = Math.max(1, Math.min(step, left));
    ctx.host.advance(step);
    ctx.budgetMs -= step;
    left -= step;
  }
  return done();
}
