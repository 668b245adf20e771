// kubectl checks: "kubectl <command> prints a line matching M". Only read-only commands are
// allowed, and they run on a copy of the cluster with no time to wait, so a check can neither
// change the sandbox nor move its clock (nor draw from its random generator, which would break
// replay). Also classifies commands for the kubectl endpoint's byte quota.
import type { Cluster } from "../cluster";
import type { CheckResult } from "../../../schema/checks";
import { restoreSandbox } from "../sandbox";
import { splitCommandLine } from "../kubectl/argv";
import { GLOBAL_FLAGS } from "../kubectl/context";
import { clusterHost, runKubectl } from "../kubectl/index";
import { clip, compile, firstMatchingLine } from "./pattern";

/** kubectl commands that only read. */
export const READ_ONLY_VERBS = new Set(["get", "describe", "logs", "events", "top", "explain", "version", "api-resources", "api-versions", "cluster-info"]);

/** Flags that would make a read wait for virtual time (watch, follow) or read files. */
const WAITING_FLAGS = /^(-w|--watch|--watch-only|-f|--follow|--filename|-k|--kustomize)(=.*)?$/;

const VALUE_GLOBALS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== "bool").flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** The words of a command line (without a leading `kubectl`), or undefined when it does not parse. */
function words(command: string): string[] | undefined {
  const split = splitCommandLine(command.trim());
  if ("error" in split) return undefined;
  return split.argv[0] === "kubectl" ? split.argv.slice(1) : split.argv;
}

/** The command's verb (`get` in `kubectl -n x get pods`), or "" when there is none. */
export function commandVerb(command: string): string {
  const argv = words(command) ?? [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("-")) {
      if (VALUE_GLOBALS.has(a)) i++;
      continue;
    }
    return a;
  }
  return "";
}

/** Why a command cannot be used in a check, or undefined when it can. */
export function kubectlCheckProblem(command: string): string | undefined {
  const argv = words(command);
  if (!argv) return "does not parse";
  const verb = commandVerb(command);
  if (!READ_ONLY_VERBS.has(verb)) return `runs "${verb || "nothing"}": checks may only run ${[...READ_ONLY_VERBS].join(", ")}`;
  const waiting = argv.find((a) => WAITING_FLAGS.test(a));
  if (waiting) return `uses ${waiting}, which would wait or read files`;
  return undefined;
}

/** A copy of the cluster that a check may use freely. */
export function cloneCluster(c: Cluster): Cluster {
  return restoreSandbox(JSON.parse(JSON.stringify(c.save())));
}

/** A kubectl check as parsed by schema/checks.ts. */
export interface KubectlCheckInput { name?: string; command: string; matches: string; stream?: "stdout" | "stderr" }

/** Evaluates a kubectl check on a copy of the cluster (`copy` gives it, made once per request). */
export function kubectlCheck(copy: () => Cluster, server: string, k: KubectlCheckInput): CheckResult {
  const shown = `kubectl ${words(k.command)?.join(" ") ?? k.command}`;
  const stream = k.stream ?? "stdout";
  const name = k.name ?? `${shown} prints a line matching /${k.matches}/`;
  const problem = kubectlCheckProblem(k.command);
  if (problem) return { name, passed: false, explanation: `${shown} cannot be checked: it ${problem}` };
  const out = runKubectl({ ...clusterHost(copy(), { server }), maxWaitMs: 0 }, k.command, "");
  const text = stream === "stdout" ? out.stdout : out.stderr;
  const line = firstMatchingLine(compile(k.matches), text);
  if (line !== undefined) return { name, passed: true, explanation: `${shown} printed ${JSON.stringify(clip(line))}` };
  const printed = text.trim() ? `; its ${stream} was:\n${clip(text, 1200)}` : ` (its ${stream} was empty)`;
  const err = out.exitCode !== 0 && stream === "stdout" ? `; it failed with exit code ${out.exitCode}: ${clip(out.stderr.trim())}` : "";
  return { name, passed: false, explanation: `no line ${shown} printed matches /${k.matches}/${err}${printed}` };
}
