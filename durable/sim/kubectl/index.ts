// podlab's in-core kubectl: runKubectl(host, "kubectl get pods -o wide", stdin) parses the
// command line like kubectl v1.32 (cobra commands, pflag flags), talks to the simulated API
// server exactly as kubectl's HTTP requests would, and returns kubectl's stdout, stderr and exit
// code. Used by the web terminal and the notebook endpoint POST /clusters/<id>/-/kubectl.
import { splitCommandLine } from "./argv";
import { ApiClient } from "./client";
import { COMMANDS } from "./commands";
import { budgetOf, GLOBAL_FLAGS, type Command, type Ctx } from "./context";
import { Discovery } from "./discovery";
import { errorText } from "./errors";
import { FlagParseError, Flags, parseFlags } from "./flags";
import type { KubectlHost } from "./host";
import { flagError, KubectlError, Output } from "./io";

export type { KubectlHost } from "./host";
export { clusterHost, DEFAULT_MAX_WAIT_MS, DEFAULT_STREAM_MS } from "./host";

/** What one kubectl invocation printed. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const VALUE_GLOBALS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== "bool").flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** Finds the command words (e.g. `create namespace`) skipping global flags and their values. */
function findCommand(argv: string[]): { cmd?: Command; rest: string[]; words: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  let cmd: Command | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (cmd && a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (a.startsWith("-") && a !== "-") {
      rest.push(a);
      if (VALUE_GLOBALS.has(a) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const candidate = [...words, a].join(" ");
    const found = COMMANDS.find((c) => c.path === candidate || c.aliases?.includes(candidate));
    const prefix = COMMANDS.some((c) => [c.path, ...(c.aliases ?? [])].some((p) => p.startsWith(`${candidate} `)));
    if (found || prefix) {
      words.push(a);
      if (found) cmd = found;
      continue;
    }
    rest.push(...argv.slice(i));
    break;
  }
  return { cmd, rest, words };
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function unknownCommand(word: string): KubectlError {
  const tops = [...new Set(COMMANDS.map((c) => c.path.split(" ")[0]))].sort();
  const suggestions = tops.filter((t) => levenshtein(word, t) <= 2 || t.startsWith(word));
  let text = `Error: unknown command "${word}" for "kubectl"`;
  if (suggestions.length) text += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join("\n")}\n\n`;
  else text += "\nRun 'kubectl --help' for usage.";
  return new KubectlError(text);
}

/** Runs one kubectl command line against the host's cluster. */
export function runKubectl(host: KubectlHost, command: string, stdin = ""): KubectlResult {
  const out = new Output();
  let exitCode = 0;
  try {
    const split = splitCommandLine(command.trim());
    if ("error" in split) throw new KubectlError(`error: ${split.error}`);
    let argv = split.argv;
    if (argv[0] === "kubectl") argv = argv.slice(1);
    if (!argv.length) throw new KubectlError("error: no command given; try `kubectl get pods`");
    const { cmd, rest, words } = findCommand(argv);
    if (!cmd) {
      const first = rest.find((a) => !a.startsWith("-"));
      throw first ? unknownCommand(words.length ? words.join(" ") : first) : new KubectlError("error: no command given; try `kubectl get pods`");
    }
    const cmdPath = `kubectl ${cmd.path}`;
    let parsed;
    try {
      parsed = parseFlags(rest, [...cmd.flags, ...GLOBAL_FLAGS.filter((g) => !cmd.flags.some((c) => c.name === g.name || (g.short && c.short === g.short)))]);
    } catch (e) {
      if (e instanceof FlagParseError) throw flagError(cmdPath, e.message);
      throw e;
    }
    const flags = new Flags(parsed);
    const client = new ApiClient(host, `kubectl ${cmd.path.split(" ")[0]}`);
    const ns = flags.str("namespace");
    const ctx: Ctx = {
      host, out, client, disco: new Discovery(client), namespace: ns || "default", explicitNamespace: !!ns,
      stdin, cmdPath, budgetMs: budgetOf(host),
    };
    cmd.run(ctx, flags);
  } catch (e) {
    if (e instanceof KubectlError && e.stdout) out.out(e.stdout);
    const { text, exitCode: code } = errorText(e);
    if (text) out.err(text.endsWith("\n") ? text : `${text}\n`);
    exitCode = code;
  }
  return { stdout: out.stdout, stderr: out.stderr, exitCode };
}
