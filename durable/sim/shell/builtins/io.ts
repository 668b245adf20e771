// Output builtins: echo (dash interprets escapes and knows only -n; ash and bash take -n -e -E)
// and printf. Used via registry.ts; the echo logic is shared with the external echo programs.
import type { Builtin } from "./registry";
import { shellError } from "../interp";
import { escapes, formatPrintf } from "./printf";

/** Renders echo's output: `mode` "xsi" always interprets escapes (dash), "gnu" needs -e. */
export function echoText(args: string[], mode: "xsi" | "gnu"): string {
  let nl = true;
  let esc = mode === "xsi";
  let i = 0;
  if (mode === "xsi") {
    if (args[0] === "-n") { nl = false; i = 1; }
  } else {
    for (; i < args.length; i++) {
      const a = args[i];
      if (!/^-[neE]+$/.test(a)) break;
      for (const ch of a.slice(1)) {
        if (ch === "n") nl = false;
        else if (ch === "e") esc = true;
        else esc = false;
      }
    }
  }
  let text = args.slice(i).join(" ");
  if (esc) {
    const e = escapes(text, true);
    if (e.stop) return e.text;
    text = e.text;
  }
  return nl ? text + "\n" : text;
}

const echo: Builtin = (env, argv) => {
  env.sys.write(1, echoText(argv.slice(1), env.sh.d === "dash" ? "xsi" : "gnu"));
  return 0;
};

const printf: Builtin = (env, argv) => {
  if (argv.length < 2) {
    shellError(env, env.sh.d === "dash" ? "printf: usage: printf format [arg ...]" : "printf: usage: printf FORMAT [ARGUMENT]...");
    return 2;
  }
  const r = formatPrintf(argv[1], argv.slice(2), env.sh.d);
  env.sys.write(1, r.out);
  for (const e of r.errors) shellError(env, `printf: ${e}`);
  return r.errors.length ? 1 : 0;
};

/** Output builtins. */
export const IO: Record<string, Builtin> = { echo, printf };
