// Building blocks for the many small programs: one-step programs, option parsing with both
// busybox and GNU error wording, and "name: message" diagnostics. Used by programs/*.ts.
import type { Program, Sys } from "./api";

/** A program that does all its work in one step and exits with the returned code. */
export function oneShot(run: (sys: Sys, args: string[]) => number): Program {
  return {
    step(sys) {
      const code = run(sys, sys.argv.slice(1));
      sys.exit(code);
    },
  };
}

/** The command name for messages (basename of argv[0]). */
export function progName(sys: Sys): string {
  const a0 = sys.argv[0] ?? "";
  return a0.slice(a0.lastIndexOf("/") + 1);
}

/** Writes `name: msg` to stderr. */
export function warn(sys: Sys, msg: string): void {
  sys.write(2, `${progName(sys)}: ${msg}\n`);
}

/** Parsed command line. */
export interface Opts {
  flags: Record<string, string | true>;
  rest: string[];
  bad?: string;
}

/** getopt-style parsing: `withArg` lists options taking a value; long options are kept by name. */
export function parseOpts(args: string[], withArg = "", longWithArg: string[] = []): Opts {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") { rest.push(...args.slice(i + 1)); break; }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags[name] = a.slice(eq + 1);
      else if (longWithArg.includes(name)) flags[name] = args[++i] ?? "";
      else flags[name] = true;
      continue;
    }
    if (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (withArg.includes(ch)) {
          flags[ch] = a.slice(j + 1) || args[++i] || "";
          break;
        }
        flags[ch] = true;
      }
      continue;
    }
    rest.push(a);
  }
  return { flags, rest };
}

/** The "invalid option" diagnostic in the program's flavor; returns the usage exit code. */
export function badOption(sys: Sys, opt: string, code = 1): number {
  if (sys.flavor === "busybox") sys.write(2, `${progName(sys)}: unrecognized option: ${opt}\nBusyBox v${sys.imageVar("busybox") ?? "1.36.1"} multi-call binary.\n`);
  else sys.write(2, `${progName(sys)}: invalid option -- '${opt}'\nTry '${progName(sys)} --help' for more information.\n`);
  return code;
}
