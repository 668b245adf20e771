// `kubectl logs POD [-c C] [-p] [-f] [--tail N] [--timestamps] [--all-containers]`: GET the pod,
// pick the container, GET pods/<name>/log with the same query kubectl sends; -f keeps reading
// the runtime's log through the virtual clock until the container ends or the bound passes.
import type { LogResponse } from "../../api/request";
import { sandboxRuntime } from "../../sandbox";
import { ApiStatusError } from "../client";
import { requestTimeoutMs, waitFor, type Command, type Ctx } from "../context";
import type { Flags } from "../flags";
import { DEFAULT_STREAM_MS } from "../host";
import { KubectlError, usageError } from "../io";
import { getPod, pickContainer } from "./pod-helpers";

function logQuery(f: Flags, container: string): Record<string, string | undefined> {
  return {
    container,
    follow: f.bool("follow") ? "true" : undefined,
    previous: f.bool("previous") ? "true" : undefined,
    timestamps: f.bool("timestamps") ? "true" : undefined,
    tailLines: f.int("tail") >= 0 ? String(f.int("tail")) : undefined,
    limitBytes: f.int("limit-bytes") > 0 ? String(f.int("limit-bytes")) : undefined,
    sinceSeconds: f.str("since") ? String(Math.ceil(parseSince(f.str("since")) / 1000)) : undefined,
    sinceTime: f.str("since-time") || undefined,
  };
}

function parseSince(s: string): number {
  const m = /^(\d+)(s|m|h)?$/.exec(s);
  if (!m) throw new KubectlError(`error: invalid argument "${s}" for "--since" flag: time: invalid duration "${s}"`);
  return Number(m[1]) * (m[2] === "h" ? 3_600_000 : m[2] === "m" ? 60_000 : 1000);
}

function streamLogs(ctx: Ctx, f: Flags, pod: any, container: string, prefix: string): void {
  readLogs(ctx, pod, logQuery(f, container), requestTimeoutMs(f) || DEFAULT_STREAM_MS, prefix);
}

/** GETs pods/<name>/log with `query` and prints it; with follow=true reads on for up to limitMs. */
export function readLogs(ctx: Ctx, pod: any, query: Record<string, string | undefined>, limitMs: number, prefix = ""): void {
  const path = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/log`;
  const r = ctx.client.raw("GET", path, { accept: "application/json, */*", query });
  if (r.type === "body") {
    ctx.client.call("GET", path, { accept: "application/json, */*", query });
    return;
  }
  if (r.type !== "log") throw new KubectlError("error: unexpected response to a log request");
  const emit = (text: string) => {
    if (!text) return;
    if (!prefix) return ctx.out.out(text);
    ctx.out.out(text.split(/(?<=\n)/).map((l) => `${prefix}${l}`).join(""));
  };
  emit(r.text);
  const follow = (r as LogResponse).follow;
  const runtime = sandboxRuntime(ctx.host.cluster);
  if (!follow || !runtime) return;
  let cursor = follow.cursor;
  waitFor(ctx, limitMs, () => {
    const x = runtime.logsAfter(follow.containerId, cursor, { timestamps: follow.timestamps });
    cursor = x.cursor;
    emit(x.text);
    return x.ended;
  });
}

/** kubectl logs */
export const logsCommand: Command = {
  path: "logs",
  flags: [
    { name: "container", short: "c", type: "string" },
    { name: "follow", short: "f", type: "bool" },
    { name: "previous", short: "p", type: "bool" },
    { name: "timestamps", type: "bool" },
    { name: "tail", type: "int", def: -1 },
    { name: "since", type: "string" },
    { name: "since-time", type: "string" },
    { name: "limit-bytes", type: "int" },
    { name: "all-containers", type: "bool" },
    { name: "prefix", type: "bool" },
    { name: "selector", short: "l", type: "string" },
    { name: "max-log-requests", type: "int", def: 5 },
    { name: "ignore-errors", type: "bool" },
    { name: "pod-running-timeout", type: "string", def: "20s" },
    { name: "insecure-skip-tls-verify-backend", type: "bool" },
  ],
  run(ctx, f) {
    if (!f.args.length) {
      throw usageError("kubectl logs", "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    }
    if (f.args.length > 2) throw usageError("kubectl logs", "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    const container = f.str("container") || f.args[1] || "";
    let pod: any;
    try {
      pod = getPod(ctx, f.args[0]);
    } catch (e) {
      if (e instanceof ApiStatusError && e.code === 404) {
        throw new KubectlError(`error: error from server (NotFound): ${e.message} in namespace "${ctx.namespace}"`);
      }
      throw e;
    }
    if (f.bool("all-containers")) {
      const names = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].map((c: any) => c.name);
      for (const n of names) streamLogs(ctx, f, pod, n, f.bool("prefix") ? `[pod/${pod.metadata.name}/${n}] ` : "");
      return;
    }
    const c = pickContainer(ctx, pod, container);
    const known = ["initContainers", "containers", "ephemeralContainers"].some((k) => (pod.spec?.[k] ?? []).some((x: any) => x.name === c));
    if (!known) throw new KubectlError(`error: container ${c} is not valid for pod ${pod.metadata.name}`);
    streamLogs(ctx, f, pod, c, f.bool("prefix") ? `[pod/${pod.metadata.name}/${c}] ` : "");
  },
};
