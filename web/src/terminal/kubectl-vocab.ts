// What the terminal knows of kubectl's vocabulary for completion and for routing: commands,
// resource types with their short names and API paths, and flags per command. Data only.

/** kubectl commands offered by completion. */
export const COMMANDS = ["get", "describe", "apply", "create", "delete", "replace", "edit", "logs", "exec", "run", "explain", "events",
  "label", "annotate", "patch", "wait", "top", "cordon", "uncordon", "drain", "taint", "api-resources", "api-versions", "cluster-info",
  "version", "config", "expose", "set", "rollout", "scale", "auth", "debug", "cp", "attach", "port-forward", "diff"];

/** A resource type: its names and where its collection lives. */
export interface ResourceType { name: string; aliases: string[]; namespaced: boolean; path: string }

/** Resource types the terminal can watch itself (get -w) and complete names for. */
export const RESOURCE_TYPES: ResourceType[] = [
  { name: "pods", aliases: ["pod", "po"], namespaced: true, path: "/api/v1" },
  { name: "nodes", aliases: ["node", "no"], namespaced: false, path: "/api/v1" },
  { name: "namespaces", aliases: ["namespace", "ns"], namespaced: false, path: "/api/v1" },
  { name: "events", aliases: ["event", "ev"], namespaced: true, path: "/api/v1" },
  { name: "services", aliases: ["service", "svc"], namespaced: true, path: "/api/v1" },
  { name: "endpoints", aliases: ["endpoint", "ep"], namespaced: true, path: "/api/v1" },
  { name: "configmaps", aliases: ["configmap", "cm"], namespaced: true, path: "/api/v1" },
  { name: "secrets", aliases: ["secret"], namespaced: true, path: "/api/v1" },
  { name: "serviceaccounts", aliases: ["serviceaccount", "sa"], namespaced: true, path: "/api/v1" },
  { name: "deployments", aliases: ["deployment", "deploy"], namespaced: true, path: "/apis/apps/v1" },
  { name: "replicasets", aliases: ["replicaset", "rs"], namespaced: true, path: "/apis/apps/v1" },
];

/** The resource type a user typed (any alias, case-insensitive), if known. */
export function resourceType(word: string): ResourceType | undefined {
  const w = word.toLowerCase().split(".")[0];
  return RESOURCE_TYPES.find((r) => r.name === w || r.aliases.includes(w));
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS = ["--namespace", "-n", "--all-namespaces", "-A", "--help", "-h", "--request-timeout", "--selector", "-l"];

/** Flags per command (beyond the global ones). */
export const COMMAND_FLAGS: Record<string, string[]> = {
  get: ["-o", "--output", "-w", "--watch", "--watch-only", "--show-labels", "--no-headers", "--field-selector", "--sort-by", "-L", "--label-columns"],
  describe: ["--show-events"],
  apply: ["-f", "--filename", "--dry-run", "--server-side", "--force", "-o"],
  create: ["-f", "--filename", "--dry-run", "-o", "--image"],
  delete: ["-f", "--filename", "--force", "--grace-period", "--now", "--wait", "--all", "--ignore-not-found"],
  replace: ["-f", "--filename", "--force", "--grace-period"],
  logs: ["-f", "--follow", "-c", "--container", "-p", "--previous", "--tail", "--timestamps", "--since", "--all-containers"],
  exec: ["-i", "--stdin", "-t", "--tty", "-it", "-c", "--container"],
  attach: ["-i", "--stdin", "-t", "--tty", "-it", "-c", "--container", "-q", "--quiet", "--pod-running-timeout"],
  run: ["--image", "--image-pull-policy", "--restart", "--command", "--env", "--port", "--labels", "--dry-run", "-o", "--rm", "-i", "-t", "-it",
    "--stdin", "--tty", "--attach", "--quiet", "--leave-stdin-open", "--pod-running-timeout", "--", "--overrides"],
  explain: ["--recursive", "--api-version"],
  events: ["--for", "-w", "--watch", "--types"],
  label: ["--overwrite", "--all"],
  annotate: ["--overwrite", "--all"],
  wait: ["--for", "--timeout"],
  drain: ["--ignore-daemonsets", "--delete-emptydir-data", "--force"],
};

/** Values some flags take. */
export const FLAG_VALUES: Record<string, string[]> = {
  "-o": ["wide", "yaml", "json", "name", "jsonpath=", "custom-columns="],
  "--output": ["wide", "yaml", "json", "name", "jsonpath=", "custom-columns="],
  "--image-pull-policy": ["Always", "IfNotPresent", "Never"],
  "--restart": ["Always", "OnFailure", "Never"],
  "--dry-run": ["none", "client", "server"],
};

/** Flags whose value is the next word (so completion and parsing can skip it). */
export const VALUE_FLAGS = new Set(["-n", "--namespace", "-o", "--output", "-f", "--filename", "-c", "--container", "-l", "--selector",
  "--field-selector", "--tail", "--since", "--image", "--image-pull-policy", "--restart", "--grace-period", "--for", "--timeout",
  "--request-timeout", "--sort-by", "-L", "--label-columns", "--env", "--port", "--labels", "--dry-run", "--context", "-s", "--server",
  "--kubeconfig", "--types", "--overrides", "--pod-running-timeout"]);
