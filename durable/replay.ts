// Applying journal entries to a cluster (restore after eviction, and rebuilding a sandbox from an
// exported journal): each entry goes through the same core calls as the live request did.
import type { Cluster } from "./sim/cluster";
import type { ApiRequest, AuditRecord } from "./sim/api/request";
import { sandboxKubelets } from "./sim/sandbox";
import { applyExecFrame, killSession } from "./exec-bridge";
import { fromB64, toB64, type JournalEntry } from "./journal";
import { clusterHost, runKubectl, type KubectlHost } from "./sim/kubectl/index";

/** The kubectl runner's host: advances the cluster directly (the command itself is journaled). */
export function kubectlHost(c: Cluster, server: string): KubectlHost {
  return clusterHost(c, { server });
}

/** Headers that influence how the core handles a request (and so must be journaled). */
const KEPT_HEADERS = ["accept", "content-type", "user-agent", "upgrade", "sec-websocket-protocol"];

/** The journal entry of a request, or undefined for reads that change nothing. */
export function requestEntry(req: ApiRequest, t: number): JournalEntry | undefined {
  const exec = req.path.endsWith("/exec") || req.path.endsWith("/attach");
  if (req.method === "GET" && !exec) return undefined;
  const h: Record<string, string> = {};
  for (const k of KEPT_HEADERS) if (req.headers[k] !== undefined) h[k] = req.headers[k];
  return { k: "req", t, m: req.method, p: req.path, q: req.query.toString(), h, ...(req.body ? { b: toB64(req.body) } : {}) };
}

/** How entries are applied: `wrap` gives the kubectl runner its (quota-gated) view of the cluster; `onAudit` receives accepted mutations. */
export interface ApplyOptions {
  wrap?: (c: Cluster) => Cluster;
  onAudit?: (a: AuditRecord) => void;
}

/** Applies one entry. */
export function applyEntry(c: Cluster, e: JournalEntry, opts: ApplyOptions = {}): void {
  if (e.t > c.now) c.advanceTo(e.t);
  switch (e.k) {
    case "adv":
      return;
    case "req": {
      const r = c.handle({ method: e.m, path: e.p, query: new URLSearchParams(e.q), headers: e.h, body: e.b ? fromB64(e.b) : undefined });
      if (r.audit) opts.onAudit?.(r.audit);
      return;
    }
    case "ws":
      applyExecFrame(c, e.s, fromB64(e.d));
      c.advanceTo(c.now);
      return;
    case "wsgone":
      killSession(c, e.s);
      c.advanceTo(c.now);
      return;
    case "node": {
      const k = sandboxKubelets(c).get(e.n);
      if (e.op === "stop") k?.stop();
      else k?.start();
      c.dispatch();
      return;
    }
    case "kubectl":
      runKubectl(kubectlHost(opts.wrap ? opts.wrap(c) : c, ""), e.c, e.i ?? "");
      return;
  }
}
