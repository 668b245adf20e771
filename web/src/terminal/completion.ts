// Tab completion for the web terminal: builtins, kubectl commands, resource types, names of live
// objects (from the cluster view's feeds), flags per command, flag values and example file names.
// Pure: the context supplies the names; tested in Node.
import { parseKubectl, flag } from "./kubectl-args";
import { COMMANDS, COMMAND_FLAGS, FLAG_VALUES, GLOBAL_FLAGS, RESOURCE_TYPES, resourceType } from "./kubectl-vocab";

/** Where completion gets live names from. */
export interface CompletionSource {
  /** Object names of a resource type (plural name) in a namespace (ignored for cluster-scoped types). */
  names(type: string, namespace: string): string[];
  /** Container names of a pod. */
  containers(pod: string, namespace: string): string[];
  /** File names the terminal can read (the editor's examples). */
  files(): string[];
}

/** Completion candidates for the word under the cursor, which starts at `start`. */
export interface Completion { start: number; word: string; candidates: string[] }

/** Words the terminal understands by itself. */
export const BUILTINS = ["kubectl", "k", "help", "clear", "ls", "cat", "history"];

const EXPLAIN = ["pod", "pod.spec", "pod.spec.containers", "pod.spec.containers.env", "pod.spec.containers.resources",
  "pod.spec.containers.livenessProbe", "pod.spec.containers.readinessProbe", "pod.spec.containers.startupProbe",
  "pod.spec.containers.lifecycle", "pod.spec.initContainers", "pod.spec.restartPolicy", "pod.status", "pod.status.conditions"];
const NAME_VERBS = new Set(["get", "describe", "delete", "edit", "label", "annotate", "patch", "wait"]);
const POD_VERBS = new Set(["logs", "exec", "attach", "port-forward", "cp", "debug"]);
const NODE_VERBS = new Set(["cordon", "uncordon", "drain", "taint"]);

const uniq = (xs: string[]) => [...new Set(xs)];

/** Candidates for the text before the cursor. */
export function complete(before: string, src: CompletionSource): Completion {
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  const done = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const pick = (xs: string[]) => ({ start, word, candidates: uniq(xs).filter((x) => x.startsWith(word)).sort() });
  if (done.length === 0) return pick(BUILTINS);
  if (done[0] === "cat") return pick(src.files());
  if (done[0] !== "kubectl" && done[0] !== "k") return pick([]);
  const args = parseKubectl(done.slice(1));
  const ns = flag(args, "-n", "--namespace") ?? "default";
  const prev = done[done.length - 1];
  if (FLAG_VALUES[prev]) return pick(FLAG_VALUES[prev]);
  if (prev === "-n" || prev === "--namespace") return pick(src.names("namespaces", ""));
  if ((prev === "-f" || prev === "--filename") && args.verb !== "logs") return pick(src.files());
  if (prev === "-c" || prev === "--container") return pick(args.positionals[0] ? src.containers(args.positionals[0], ns) : []);
  const eq = word.indexOf("=");
  if (word.startsWith("--") && eq > 0 && FLAG_VALUES[word.slice(0, eq)]) {
    return pick(FLAG_VALUES[word.slice(0, eq)].map((v) => `${word.slice(0, eq)}=${v}`));
  }
  if (word.startsWith("-")) return pick([...(COMMAND_FLAGS[args.verb] ?? []), ...GLOBAL_FLAGS]);
  if (!args.verb) return pick(COMMANDS);
  if (args.after.length || done.includes("--")) return pick([]);
  if (args.verb === "explain") return pick([...EXPLAIN, ...RESOURCE_TYPES.map((r) => r.name)]);
  if (POD_VERBS.has(args.verb)) return pick(args.positionals.length ? [] : src.names("pods", ns));
  if (NODE_VERBS.has(args.verb)) return pick(src.names("nodes", ""));
  if (NAME_VERBS.has(args.verb)) {
    if (word.includes("/")) {
      const [typeWord] = word.split("/");
      const type = resourceType(typeWord);
      return pick(type ? src.names(type.name, ns).map((n) => `${typeWord}/${n}`) : []);
    }
    const typed = args.positionals[0];
    if (!typed) return pick(RESOURCE_TYPES.flatMap((r) => [r.name, ...r.aliases]));
    const type = resourceType(typed);
    return pick(type ? src.names(type.name, ns) : []);
  }
  return pick([]);
}

/** The longest common prefix of candidates. */
export function commonPrefix(xs: string[]): string {
  if (!xs.length) return "";
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}
