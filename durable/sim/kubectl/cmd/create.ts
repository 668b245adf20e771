// `kubectl create -f` (POST with fieldManager=kubectl-create and strict validation) and the
// generators the tutorial needs: create namespace, configmap and secret generic (--from-literal),
// serviceaccount, service clusterip|nodeport (--tcp). Prints `pod/web created`, errors as `error when creating "<source>"`.
import { goJson } from "../../api/patch/json-value";
import { modifiedConfiguration } from "../../api/patch/kubectl-apply";
import { ApiStatusError, warningLines } from "../client";
import type { Command, Ctx } from "../context";
import { resourcePath } from "../discovery";
import { withSource } from "../errors";
import type { Flags, FlagSpec } from "../flags";
import { KubectlError, usageError } from "../io";
import { applyNamespace, readManifests } from "../manifests";
import { forEachObject, printResult } from "./apply";
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, fieldValidationOf, VALIDATE_FLAG, type DryRun } from "./write-flags";

const COMMON: FlagSpec[] = [
  { name: "output", short: "o", type: "string" },
  { name: "save-config", type: "bool" },
  { name: "field-manager", type: "string", def: "kubectl-create" },
  { name: "show-managed-fields", type: "bool" },
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
];

/**
 * POSTs one object and prints the result. `wrap` is the prefix a generator puts before a failed
 * create's message (`failed to create configmap: `), which turns it into a plain `error: `.
 */
function createObject(ctx: Ctx, f: Flags, obj: Record<string, any>, source: string | undefined, dry: DryRun, wrap?: string): void {
  const mapping = ctx.disco.forKind(obj.apiVersion, obj.kind)!;
  const m = { obj, source: source ?? "", mapping };
  const ns = applyNamespace(ctx, m);
  const body = f.bool("save-config") ? modifiedConfiguration(obj as any).modified : obj;
  const name = obj.metadata?.name ?? "";
  if (dry === "client") return printResult(ctx, f, m, name, "created", body, dry);
  try {
    const r = ctx.client.call("POST", resourcePath(mapping, ns), {
      query: { fieldManager: f.str("field-manager"), fieldValidation: fieldValidationOf(f), ...dryRunQuery(dry) },
      contentType: "application/json", body: goJson(body),
    });
    for (const w of warningLines(r.headers)) ctx.out.err(`${w}\n`);
    printResult(ctx, f, m, (r.body as any)?.metadata?.name ?? name, "created", r.body, dry);
  } catch (e) {
    if (wrap !== undefined && e instanceof ApiStatusError) throw new KubectlError(`error: ${wrap}${e.message}`);
    throw source ? withSource(e, "creating", source) : e;
  }
}

/** kubectl create -f */
export const createCommand: Command = {
  path: "create",
  flags: [...COMMON, { name: "filename", short: "f", type: "stringSlice" }, { name: "recursive", short: "R", type: "bool" },
    { name: "kustomize", short: "k", type: "string" }, { name: "selector", short: "l", type: "string" }, { name: "edit", type: "bool" },
    { name: "raw", type: "string" }, { name: "windows-line-endings", type: "bool" }],
  run(ctx, f) {
    const dry = dryRunOf(f);
    if (f.args.length) throw new KubectlError(`Error: unknown command "${f.args[0]}" for "kubectl create"\nRun 'kubectl create --help' for usage.`);
    if (!f.list("filename").length) throw usageError("kubectl create", "must specify one of -f and -k");
    const objs = readManifests(ctx, f.list("filename"));
    forEachObject(ctx, objs, (m) => createObject(ctx, f, m.obj, m.source, dry));
  },
};

function nameArg(f: Flags, cmd: string): string {
  if (!f.args.length) throw usageError(`kubectl create ${cmd}`, "exactly one NAME is required, got 0");
  if (f.args.length > 1) throw usageError(`kubectl create ${cmd}`, `exactly one NAME is required, got ${f.args.length}`);
  return f.args[0];
}

function literals(f: Flags): Record<string, string> {
  const data: Record<string, string> = {};
  for (const l of f.list("from-literal")) {
    const i = l.indexOf("=");
    if (i <= 0) throw new KubectlError(`error: invalid literal source ${l}, expected key=value`);
    const k = l.slice(0, i);
    if (k in data) throw new KubectlError(`error: cannot add key ${k}, another key by that name already exists in Data for ConfigMap "${f.args[0]}"`);
    data[k] = l.slice(i + 1);
  }
  return data;
}

/** kubectl create namespace NAME */
export const createNamespaceCommand: Command = {
  path: "create namespace",
  aliases: ["create ns"],
  flags: COMMON,
  run(ctx, f) {
    const name = nameArg(f, "namespace");
    createObject(ctx, f, { kind: "Namespace", apiVersion: "v1", metadata: { name }, spec: {}, status: {} }, undefined, dryRunOf(f));
  },
};

/** kubectl create configmap NAME --from-literal=k=v */
export const createConfigMapCommand: Command = {
  path: "create configmap",
  aliases: ["create cm"],
  flags: [...COMMON, { name: "from-literal", type: "stringArray" }, { name: "from-file", type: "stringSlice" },
    { name: "from-env-file", type: "stringSlice" }, { name: "append-hash", type: "bool" }],
  run(ctx, f) {
    const name = nameArg(f, "configmap");
    const data = literals(f);
    createObject(ctx, f, { kind: "ConfigMap", apiVersion: "v1", metadata: { name }, ...(Object.keys(data).length ? { data } : {}) }, undefined, dryRunOf(f),
      "failed to create configmap: ");
  },
};

/** kubectl create secret generic NAME --from-literal=k=v */
export const createSecretCommand: Command = {
  path: "create secret generic",
  flags: [...COMMON, { name: "from-literal", type: "stringArray" }, { name: "from-file", type: "stringSlice" },
    { name: "from-env-file", type: "stringSlice" }, { name: "type", type: "string" }, { name: "append-hash", type: "bool" }],
  run(ctx, f) {
    const name = nameArg(f, "secret generic");
    const lit = literals(f);
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(lit)) data[k] = base64(v);
    createObject(ctx, f, { kind: "Secret", apiVersion: "v1", metadata: { name }, ...(Object.keys(data).length ? { data } : {}),
      ...(f.str("type") ? { type: f.str("type") } : {}) }, undefined, dryRunOf(f), "failed to create secret ");
  },
};

/** kubectl create serviceaccount NAME */
export const createServiceAccountCommand: Command = {
  path: "create serviceaccount",
  aliases: ["create sa"],
  flags: COMMON,
  run(ctx, f) {
    const name = nameArg(f, "serviceaccount");
    createObject(ctx, f, { kind: "ServiceAccount", apiVersion: "v1", metadata: { name } }, undefined, dryRunOf(f), "failed to create serviceaccount: ");
  },
};

/** validation.IsValidPortName's messages, joined as kubectl joins them. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(name)) errs.push("must contain at least one letter (a-z)");
  if (name.includes("--")) errs.push("must not contain consecutive hyphens");
  if (name.length > 0 && (name.startsWith("-") || name.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** utilsnet.ParsePort(s, true): strconv.ParseUint(s, 10, 16) and its errors. */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** `port[:targetPort]` of --tcp, as kubectl's parsePorts reads it. */
function tcpPort(spec: string): { port: number; targetPort: number | string } {
  const [p, t] = spec.split(":");
  const port = parsePort(p);
  if (t === undefined) return { port, targetPort: port };
  if (!/^[+-]?\d+$/.test(t)) {
    const errs = portNameErrors(t);
    if (errs.length) throw new KubectlError(`error: ${errs.join(",")}`);
    return { port, targetPort: t };
  }
  const n = Number(t);
  if (n < 1 || n > 65535) throw new KubectlError("error: must be between 1 and 65535, inclusive");
  return { port, targetPort: n };
}

function serviceGenerator(type: "ClusterIP" | "NodePort"): Command {
  const sub = type.toLowerCase();
  return {
    path: `create service ${sub}`,
    aliases: [`create svc ${sub}`],
    flags: [...COMMON, { name: "tcp", type: "stringSlice" }, { name: "clusterip", type: "string" },
      ...(type === "NodePort" ? [{ name: "node-port", type: "int" } as FlagSpec] : [])],
    run(ctx, f) {
      const name = nameArg(f, `service ${sub}`);
      const tcp = f.list("tcp");
      const clusterIP = f.str("clusterip");
      if (!tcp.length && !(type === "ClusterIP" && clusterIP === "None")) {
        throw new KubectlError("error: at least one tcp port specifier must be provided");
      }
      const nodePort = type === "NodePort" ? f.int("node-port") : 0;
      const ports = tcp.map((t) => ({ name: t.replaceAll(":", "-"), protocol: "TCP", ...tcpPort(t), ...(nodePort ? { nodePort } : {}) }));
      const spec: Record<string, unknown> = { ...(ports.length ? { ports } : {}), selector: { app: name }, type };
      if (clusterIP) spec.clusterIP = clusterIP;
      createObject(ctx, f, { kind: "Service", apiVersion: "v1", metadata: { name, labels: { app: name } }, spec }, undefined, dryRunOf(f),
        `failed to create ${type} service: `);
    },
  };
}

/** kubectl create service clusterip NAME --tcp=port:target */
export const createServiceClusterIPCommand = serviceGenerator("ClusterIP");
/** kubectl create service nodeport NAME --tcp=port:target */
export const createServiceNodePortCommand = serviceGenerator("NodePort");

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + (i + 1 < bytes.length ? chars[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? chars[n & 63] : "=");
  }
  return out;
}
