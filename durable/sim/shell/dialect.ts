// How each shell words its diagnostics: dash ("sh: 1: seeep: not found"), busybox ash
// ("sh: seeep: not found") and bash ("bash: line 1: seeep: command not found"), including
// syntax errors, redirection failures and cd. Used by the interpreter and builtins.
import type { SyntaxErrorInfo } from "./ast";
import type { Dialect } from "./state";
import { ERRNO, type Errno } from "../runtime/constants";

/** The prefix of an error message: "$0: LINENO: " for dash, "$0: " for ash, "$0: line N: " for bash. */
export function prefix(d: Dialect, a0: string, line: number, interactive = false): string {
  if (d === "dash") return `${a0}: ${line}: `;
  if (d === "bash") return interactive ? `${a0}: ` : `${a0}: line ${line}: `;
  return `${a0}: `;
}

/** "command not found". */
export function notFound(d: Dialect, name: string): string {
  return d === "bash" ? `${name}: command not found` : `${name}: not found`;
}

/** A syntax error message (without prefix). */
export function syntaxMessage(d: Dialect, e: SyntaxErrorInfo): string {
  if (d === "bash") {
    if (e.kind === "unterminated") return "unexpected EOF while looking for matching `\"'";
    if (e.token === "end of file") return "syntax error: unexpected end of file";
    const tok = e.token === "newline" ? "newline" : (e.token ?? e.what ?? "").replace(/^"|"$/g, "");
    return `syntax error near unexpected token \`${tok}'`;
  }
  const cap = d === "dash";
  const head = cap ? "Syntax error: " : "syntax error: ";
  if (e.kind === "unterminated") return head + (cap ? "Unterminated quoted string" : "unterminated quoted string");
  if (e.kind === "missing") return head + (cap ? `Missing '${e.what}'` : `missing '${e.what}'`);
  if (e.what) return head + (cap ? e.what : e.what.toLowerCase());
  const exp = e.expecting ? ` (expecting ${e.expecting})` : "";
  return cap ? `${head}${e.token} unexpected${exp}` : `${head}unexpected ${e.token}${exp}`;
}

/** A failed redirection ("cannot create /x/y: Directory nonexistent"). */
export function redirError(d: Dialect, file: string, create: boolean, e: Errno): string {
  if (d === "bash") return `${file}: ${ERRNO[e]}`;
  if (d === "dash") {
    const why = e === "ENOENT" ? (create ? "Directory nonexistent" : "No such file") : ERRNO[e];
    return `${create ? "cannot create" : "cannot open"} ${file}: ${why}`;
  }
  const why = e === "ENOENT" ? (create ? "nonexistent directory" : "no such file") : ERRNO[e];
  return `can't ${create ? "create" : "open"} ${file}: ${why}`;
}

/** cd failure. */
export function cdError(d: Dialect, dir: string, e: Errno): string {
  if (d === "dash") return `cd: can't cd to ${dir}`;
  if (d === "bash") return `cd: ${dir}: ${ERRNO[e]}`;
  return `cd: can't cd to ${dir}: ${ERRNO[e]}`;
}

/** The job-status word a shell prints when a foreground command dies of a signal (empty for INT/PIPE). */
export function signalText(sig: number): string {
  const names: Record<number, string> = {
    1: "Hangup", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap", 6: "Aborted", 7: "Bus error",
    8: "Floating point exception", 9: "Killed", 10: "User defined signal 1", 11: "Segmentation fault",
    12: "User defined signal 2", 14: "Alarm clock", 15: "Terminated", 24: "CPU time limit exceeded",
  };
  return sig === 2 || sig === 13 ? "" : names[sig] ?? `Signal ${sig}`;
}

/** An arithmetic error. */
export function arithMessage(d: Dialect, kind: "syntax" | "divzero" | "number", expr: string): string {
  if (d === "dash") {
    if (kind === "divzero") return "arithmetic expression: division by zero: \"" + expr + "\"";
    if (kind === "number") return `Illegal number: ${expr}`;
    return `arithmetic expression: expecting primary: "${expr}"`;
  }
  if (d === "bash") return kind === "divzero" ? `${expr}: division by 0 (error token is "${expr}")` : `${expr}: syntax error: operand expected (error token is "${expr}")`;
  return kind === "divzero" ? "arithmetic syntax error" : "arithmetic syntax error";
}

/** "Illegal number" for exit/shift/return arguments. */
export function illegalNumber(d: Dialect, cmd: string, arg: string): string {
  if (d === "bash") return `${cmd}: ${arg}: numeric argument required`;
  return d === "dash" ? `${cmd}: Illegal number: ${arg}` : `${cmd}: Illegal number: ${arg}`;
}
