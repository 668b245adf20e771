// `kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME | -l selector`: fetches each object as the
// builder does, re-reads it like the typed describers, searches its events with kubectl's
// involvedObject field selector, and prints the describer's text ("\n\n" between objects;
// name-prefix matching when the exact name is not found).
import { fileTargets } from "../manifests";
import { ApiStatusError, PROTOBUF_ACCEPT } from "../client";
import type { Command, Ctx } from "../context";
import { resourcePath, type Mapping } from "../discovery";
import { statusErrorText } from "../errors";
import type { Flags } from "../flags";
import { KubectlError, usageError } from "../io";
import { describeConfigMap, describeEndpoints, describeEndpointSlice, describeGeneric, describeNamespace, describeSecret, describeService, describeServiceAccount } from "../describe/misc";
import { describeNode } from "../describe/node";
import { describePod } from "../describe/pod";
import { PrefixWriter } from "../describe/writer";
import { parseTargets } from "../targets";
import { requestNamespace } from "./get";

function searchEvents(ctx: Ctx, obj: any, kind: string | undefined, uid: string | undefined): any[] {
  const ns = obj.metadata.namespace as string | undefined;
  const sel: string[] = [];
  if (kind) sel.push(`involvedObject.kind=${kind}`);
  sel.push(`involvedObject.name=${obj.metadata.name}`, `involvedObject.namespace=${ns ?? ""}`);
  if (uid) sel.push(`involvedObject.uid=${uid}`);
  const path = ns ? `/api/v1/namespaces/${ns}/events` : "/api/v1/events";
  return ctx.client.get<any>(path, { accept: PROTOBUF_ACCEPT, query: { fieldSelector: sel.join(","), limit: "500" } }).items ?? [];
}

/** Runs the describer of one object; returns its text. */
function describeOne(ctx: Ctx, f: Flags, m: Mapping, namespace: string | undefined, name: string): string {
  const now = ctx.host.cluster.now;
  const w = new PrefixWriter();
  const obj = ctx.client.get<any>(resourcePath(m, namespace, name), { accept: m.group ? "application/json" : PROTOBUF_ACCEPT });
  const showEvents = f.bool("show-events");
  const events = (kind?: string) => (showEvents ? searchEvents(ctx, obj, kind, obj.metadata.uid) : undefined);
  const key = `${m.group}/${m.kind}`;
  switch (key) {
    case "/Pod": describePod(w, obj, events(), now); break;
    case "/Node": {
      const pods = ctx.client.get<any>("/api/v1/pods", { accept: PROTOBUF_ACCEPT, query: { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`, limit: "500" } }).items ?? [];
      let evs: any[] | undefined;
      if (showEvents) {
        evs = [...searchEvents(ctx, obj, "Node", obj.metadata.uid), ...searchEvents(ctx, obj, "Node", name)];
      }
      let lease: any;
      try {
        lease = ctx.client.get(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`, { accept: PROTOBUF_ACCEPT });
      } catch (e) {
        lease = e instanceof ApiStatusError ? e.message : String(e);
      }
      describeNode(w, obj, pods, evs, lease, now);
      break;
    }
    case "/Namespace": describeNamespace(w, obj); break;
    case "/Service": {
      let slices: any[] = [];
      try {
        slices = ctx.client.get<any>(`/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`, { accept: PROTOBUF_ACCEPT, query: { labelSelector: `kubernetes.io/service-name=${name}` } }).items ?? [];
      } catch { /* kubectl ignores this error */ }
      describeService(w, obj, slices, events("Service"), now);
      break;
    }
    case "/Endpoints": describeEndpoints(w, obj, events("Endpoints"), now); break;
    case "discovery.k8s.io/EndpointSlice": describeEndpointSlice(w, obj, events("EndpointSlice"), now); break;
    case "/ConfigMap": describeConfigMap(w, obj, events("ConfigMap"), now); break;
    case "/Secret": describeSecret(w, obj); break;
    case "/ServiceAccount": describeServiceAccount(w, obj, events("ServiceAccount"), now); break;
    default: describeGeneric(w, obj, events(m.kind), now);
  }
  return w.text();
}

/** kubectl describe */
export const describeCommand: Command = {
  path: "describe",
  flags: [
    { name: "selector", short: "l", type: "string" },
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "show-events", type: "bool", def: true },
    { name: "chunk-size", type: "int", def: 500 },
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "recursive", short: "R", type: "bool" },
    { name: "kustomize", short: "k", type: "string" },
  ],
  run(ctx, f) {
    const files = f.list("filename");
    if (!f.args.length && !files.length) {
      ctx.out.err(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n`);
      throw usageError("kubectl describe", "Required resource not specified.");
    }
    const targets = files.length ? fileTargets(ctx, files) : parseTargets(ctx.disco, f.args);
    const allNs = f.bool("all-namespaces");
    const infos: { m: Mapping; ns?: string; name: string }[] = [];
    const errors: string[] = [];
    for (const t of targets) {
      if (!t.names.length) {
        const ns = requestNamespace(ctx, t.mapping, allNs);
        const list = ctx.client.get<any>(resourcePath(t.mapping, ns), { accept: "application/json", query: { labelSelector: f.str("selector") || undefined, limit: "500" } });
        for (const it of list.items ?? []) infos.push({ m: t.mapping, ns: it.metadata.namespace, name: it.metadata.name });
        continue;
      }
      for (const name of t.names) {
        const ns = requestNamespace(ctx, t.mapping, false, t.namespace);
        try {
          ctx.client.get(resourcePath(t.mapping, ns, name), { accept: "application/json" });
          infos.push({ m: t.mapping, ns, name });
        } catch (e) {
          if (!(e instanceof ApiStatusError)) throw e;
          if (e.code === 404 && f.args.length === 2 && !f.args[0].includes("/")) {
            const list = ctx.client.get<any>(resourcePath(t.mapping, ns), { accept: "application/json", query: { limit: "500" } });
            const matches = (list.items ?? []).filter((it: any) => it.metadata.name.startsWith(name));
            if (!matches.length) throw e;
            for (const it of matches) ctx.out.out(`${describeOne(ctx, f, t.mapping, it.metadata.namespace, it.metadata.name)}\n`);
            return;
          }
          errors.push(statusErrorText(e));
        }
      }
    }
    let first = true;
    for (const i of infos) {
      const s = describeOne(ctx, f, i.m, i.ns, i.name);
      ctx.out.out(first ? s : `\n\n${s}`);
      first = false;
    }
    if (!infos.length && !errors.length) {
      ctx.out.err(allNs ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`);
    }
    if (errors.length) throw new KubectlError(errors.join("\n"));
  },
};
