// Reading a kubectl command line enough to route it: which verb, which flags (short flags may be
// combined, values may follow `=` or the next word), its positional words and what follows `--`.
// Pure; the real parsing happens on the server's kubectl runner.
import { VALUE_FLAGS } from "./kubectl-vocab";

/** A kubectl invocation split into verb, flags and positionals. */
export interface KubectlArgs {
  verb: string;
  positionals: string[];
  /** Every flag occurrence in order (name with dashes → value or "true"). */
  flags: [string, string][];
  /** Words after `--`. */
  after: string[];
}

/** Does a flag take a value for this verb? (`logs -f` follows; elsewhere -f names a file.) */
function takesValue(verb: string, f: string): boolean {
  if (verb === "logs" && f === "-f") return false;
  return VALUE_FLAGS.has(f);
}

/** Parses the words after `kubectl`. */
export function parseKubectl(words: string[]): KubectlArgs {
  const out: KubectlArgs = { verb: "", positionals: [], flags: [], after: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") { out.after = words.slice(i + 1); break; }
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      if (eq > 0) out.flags.push([w.slice(0, eq), w.slice(eq + 1)]);
      else if (takesValue(out.verb, w) && i + 1 < words.length) out.flags.push([w, words[++i]]);
      else out.flags.push([w, "true"]);
    } else if (w.startsWith("-") && w.length > 1) {
      const eq = w.indexOf("=");
      if (eq > 0) { out.flags.push([w.slice(0, eq), w.slice(eq + 1)]); continue; }
      // -it, -owide, -nkube-system: a value flag's value may be glued on.
      for (let j = 1; j < w.length; j++) {
        const f = `-${w[j]}`;
        if (takesValue(out.verb, f)) {
          const rest = w.slice(j + 1);
          if (rest) out.flags.push([f, rest]);
          else if (i + 1 < words.length) out.flags.push([f, words[++i]]);
          else out.flags.push([f, ""]);
          break;
        }
        out.flags.push([f, "true"]);
      }
    } else if (!out.verb) out.verb = w;
    else out.positionals.push(w);
  }
  return out;
}

/** The last value of a flag under any of its names. */
export function flag(a: KubectlArgs, ...names: string[]): string | undefined {
  let v: string | undefined;
  for (const [k, val] of a.flags) if (names.includes(k)) v = val;
  return v;
}

/** Every value of a flag under any of its names. */
export function flagAll(a: KubectlArgs, ...names: string[]): string[] {
  return a.flags.filter(([k]) => names.includes(k)).map(([, v]) => v);
}

/** Is a boolean flag set (present without "=false")? */
export function isSet(a: KubectlArgs, ...names: string[]): boolean {
  const v = flag(a, ...names);
  return v !== undefined && v !== "false";
}

/** What the terminal does itself instead of sending the line to the server's kubectl runner. */
export const ROUTE = { interactiveExec: "interactive-exec", attach: "attach", interactiveRun: "interactive-run", watch: "watch", follow: "follow", runner: "runner" } as const;
/** One route. */
export type Route = (typeof ROUTE)[keyof typeof ROUTE];

/** Decides the route of a kubectl invocation. */
export function routeOf(a: KubectlArgs): Route {
  if (isSet(a, "-h", "--help")) return ROUTE.runner;
  const interactive = isSet(a, "-i", "--stdin") || isSet(a, "-t", "--tty");
  if (a.verb === "exec" && interactive) return ROUTE.interactiveExec;
  if (a.verb === "attach") return ROUTE.attach;
  // run -i attaches unless told not to; --dry-run with attaching is an error the runner reports.
  if (a.verb === "run" && interactive && flag(a, "--attach") !== "false" && (flag(a, "--dry-run") ?? "none") === "none") return ROUTE.interactiveRun;
  if (a.verb === "get" && (isSet(a, "-w", "--watch") || isSet(a, "--watch-only"))) return ROUTE.watch;
  if (a.verb === "logs" && isSet(a, "-f", "--follow")) return ROUTE.follow;
  return ROUTE.runner;
}
