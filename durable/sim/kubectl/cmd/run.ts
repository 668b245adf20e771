// `kubectl run NAME --image=IMG`: generates the Pod kubectl v1.32 generates (label run=NAME,
// one container named NAME, args or --command, env, port, pull policy, restartPolicy,
// dnsPolicy: ClusterFirst, creationTimestamp: null, status: {}) and POSTs it with
// fieldManager=kubectl-run and no fieldValidation, as kubectl does; -i/--attach/--rm continue
// in run-attach.ts (`--attach=false` creates the -i/-t pod without attaching, as the web terminal
// does before it attaches over the WebSocket itself).
import type { Command } from "../context";
import type { Flags } from "../flags";
import { KubectlError, usageError } from "../io";
import { printResult } from "./apply";
import { attachRun } from "./run-attach";
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery } from "./write-flags";

function parseLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(",")) {
    const i = part.indexOf("=");
    if (i <= 0) throw new KubectlError(`error: invalid label spec: ${part}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** The Pod object `kubectl run` sends. */
export function generatePod(name: string, f: Flags, args: string[], namespace?: string): Record<string, any> {
  const container: Record<string, any> = { name, image: f.str("image") };
  if (args.length) container[f.bool("command") ? "command" : "args"] = args;
  if (f.str("port")) container.ports = [{ containerPort: Number(f.str("port")) }];
  const env = f.list("env").map((e) => {
    const i = e.indexOf("=");
    if (i <= 0) throw new KubectlError(`error: invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  if (env.length) container.env = env;
  container.resources = {};
  if (f.str("image-pull-policy")) container.imagePullPolicy = f.str("image-pull-policy");
  if (f.bool("privileged")) container.securityContext = { privileged: true };
  if (f.bool("stdin")) Object.assign(container, { stdin: true, stdinOnce: !f.bool("leave-stdin-open") });
  if (f.bool("tty")) container.tty = true;
  const metadata: Record<string, any> = { name, creationTimestamp: null, labels: f.str("labels") ? parseLabels(f.str("labels")) : { run: name } };
  if (namespace) metadata.namespace = namespace;
  const annotations = f.list("annotations");
  if (annotations.length) metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]));
  return { kind: "Pod", apiVersion: "v1", metadata,
    spec: { containers: [container], restartPolicy: f.str("restart") || "Always", dnsPolicy: "ClusterFirst" }, status: {} };
}

/** kubectl run */
export const runCommand: Command = {
  path: "run",
  flags: [
    { name: "image", type: "string" },
    { name: "image-pull-policy", type: "string" },
    { name: "restart", type: "string" },
    { name: "command", type: "bool" },
    { name: "env", type: "stringArray" },
    { name: "labels", short: "l", type: "string" },
    { name: "annotations", type: "stringArray" },
    { name: "port", type: "string" },
    { name: "expose", type: "bool" },
    { name: "rm", type: "bool" },
    { name: "leave-stdin-open", type: "bool" },
    { name: "stdin", short: "i", type: "bool" },
    { name: "tty", short: "t", type: "bool" },
    { name: "attach", type: "bool" },
    { name: "quiet", short: "q", type: "bool" },
    { name: "privileged", type: "bool" },
    { name: "overrides", type: "string" },
    { name: "override-type", type: "string", def: "merge" },
    { name: "output", short: "o", type: "string" },
    { name: "field-manager", type: "string", def: "kubectl-run" },
    { name: "pod-running-timeout", type: "string", def: "1m0s" },
    { name: "show-managed-fields", type: "bool" },
    DRY_RUN_FLAG,
  ],
  run(ctx, f) {
    const dry = dryRunOf(f);
    const name = f.args[0];
    if (!name || f.dashAtZero()) throw usageError("kubectl run", "NAME is required for run");
    if (!f.str("image")) throw new KubectlError(`error: required flag(s) "image" not set`);
    const restart = f.str("restart") || "Always";
    if (!["Always", "OnFailure", "Never"].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
    const interactive = f.bool("stdin");
    if (f.bool("tty") && !interactive) throw usageError("kubectl run", "-i/--stdin is required for containers with -t/--tty=true");
    // As kubectl: -i attaches unless --attach was given explicitly (`-it --attach=false` only creates).
    const attach = f.changed("attach") ? f.bool("attach") : interactive;
    if (f.bool("rm") && !attach) throw usageError("kubectl run", "--rm should only be used for attached containers");
    if (attach && dry !== "none") throw usageError("kubectl run", "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const args = f.args.slice(1);
    const pod = generatePod(name, f, args);
    const mapping = ctx.disco.resolve("pods");
    if (dry === "client") return printResult(ctx, f, { mapping }, name, "created", pod, dry);
    const r = ctx.client.call("POST", `/api/v1/namespaces/${ctx.namespace}/pods`, {
      query: { fieldManager: f.str("field-manager"), ...dryRunQuery(dry) }, contentType: "application/json", body: JSON.stringify(pod),
    });
    if (!attach) return printResult(ctx, f, { mapping }, name, "created", r.body, dry);
    if (f.bool("tty") && !f.bool("quiet")) ctx.out.err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
    attachRun(ctx, f, r.body);
  },
};
