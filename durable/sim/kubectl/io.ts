// Output buffers and the error type of the runner: a KubectlError carries the exact stderr text
// kubectl would print and its exit code. Used by every command module.

/** stdout/stderr collected by one command. */
export class Output {
  stdout = "";
  stderr = "";

  /** Appends to stdout. */
  out(s: string): void {
    this.stdout += s;
  }

  /** Appends to stderr. */
  err(s: string): void {
    this.stderr += s;
  }
}

/** A failure that ends the command: `stdout` (if any) first, then `text` on stderr (newline added). */
export class KubectlError extends Error {
  constructor(readonly text: string, readonly exitCode = 1, readonly stdout = "") {
    super(text);
  }
}

/** `error: <msg>` like cmdutil.CheckErr for plain errors. */
export function fail(msg: string, exitCode = 1): KubectlError {
  return new KubectlError(msg.startsWith("error: ") ? msg : `error: ${msg}`, exitCode);
}

/** A cobra usage error: `error: <msg>` plus the help hint of the command. */
export function usageError(cmdPath: string, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee '${cmdPath} -h' for help and examples`);
}

/** A cobra flag error: `Error: <msg>` plus the `--help` hint. */
export function flagError(cmdPath: string, msg: string): KubectlError {
  return new KubectlError(`Error: ${msg}\nSee '${cmdPath} --help' for usage.`);
}
