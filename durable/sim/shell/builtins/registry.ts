// The builtin table: which names are special builtins (assignments persist, errors exit a
// non-interactive shell) or regular builtins in each dialect. Used by interp-simple.ts and `type`.
import type { Env } from "../interp";
import type { Dialect } from "../state";
import { CORE } from "./core";
import { VARS } from "./vars";
import { IO } from "./io";
import { JOBS } from "./jobs";
import { testBuiltin } from "./test-builtin";

/** A builtin: returns an exit status, "pushed" when it pushed frames that decide the status, or "exec" when the process was replaced. */
export type Builtin = (env: Env, argv: string[]) => number | "pushed" | "exec";

const SPECIAL = new Set([".", ":", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "times", "trap", "unset"]);

const ALL: Record<string, Builtin> = { ...CORE, ...VARS, ...IO, ...JOBS, test: testBuiltin, "[": testBuiltin };

const NOT_IN: Record<Dialect, Set<string>> = {
  dash: new Set(["source", "let", "[[", "declare", "typeset", "help", "history"]),
  ash: new Set(["declare", "typeset"]),
  bash: new Set([]),
};

/** The builtin a command name refers to in a dialect, if any. */
export function findBuiltin(d: Dialect, name: string): { fn: Builtin; special: boolean } | undefined {
  const fn = ALL[name];
  if (!fn || NOT_IN[d].has(name)) return undefined;
  return { fn, special: SPECIAL.has(name) || (d !== "dash" && name === "source") };
}
