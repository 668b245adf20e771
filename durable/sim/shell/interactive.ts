// Reading commands from standard input: the interactive prompt loop of `kubectl exec -it -- sh`
// (PS1 "/ # " for busybox, "# " for dash, "root@host:/# " for bash, PS2 "> " for continued
// lines) and non-interactive `sh < script` / `echo cmd | sh`. Used by shell/program.ts.
import { type Env, type StepResult } from "./interp";
import { type Frame, getVar } from "./state";
import { parseScript } from "./parser";

/** The primary prompt of a shell. */
export function primaryPrompt(env: Env): string {
  const { sh, sys } = env;
  const ps1 = getVar(sh, "PS1");
  const root = (getVar(sh, "USER") ?? "root") === "root";
  const home = getVar(sh, "HOME") ?? "/root";
  const cwd = getVar(sh, "PWD") ?? sys.cwd;
  const tilde = cwd === home ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.slice(home.length) : cwd;
  if (ps1 !== undefined && ps1 !== "\\w \\$ " && ps1 !== "# " && ps1 !== "$ ") {
    return ps1.replace(/\\w/g, tilde).replace(/\\W/g, tilde === "/" ? "/" : tilde.split("/").pop() ?? "").replace(/\\u/g, "root").replace(/\\h/g, sys.net.hostname.split(".")[0]).replace(/\\\$/g, root ? "#" : "$");
  }
  if (sh.d === "dash") return root ? "# " : "$ ";
  if (sh.d === "bash") return `root@${sys.net.hostname}:${tilde}# `;
  return `${tilde} ${root ? "#" : "$"} `;
}

/** One step of the read-parse-run loop. */
export function stepRepl(env: Env, f: Extract<Frame, { k: "repl" }>): StepResult {
  const { sh, sys } = env;
  if (sh.interactive && !f.prompted) {
    sys.write(2, f.buf ? getVar(sh, "PS2") ?? "> " : primaryPrompt(env));
    f.prompted = 1;
  }
  const d = sys.read(0);
  if (d === undefined) return "block";
  if (d === null) {
    if (f.buf) {
      const key = env.intern(f.buf);
      f.buf = "";
      sh.stack.push({ k: "eval", s: key, i: 0, f: 0 });
      return "cont";
    }
    sh.stack.pop();
    return "cont";
  }
  const nl = d.indexOf("\n");
  const line = nl < 0 ? d : d.slice(0, nl);
  if (nl < 0) {
    f.buf += line;
    return "cont";
  }
  sys.unread(0, d.slice(nl + 1));
  const text = f.buf + line + "\n";
  const parsed = parseScript(text, { bash: sh.d === "bash", firstLine: f.line });
  if (parsed.error && parsed.incomplete && !parsed.cmds.length) {
    f.buf = text;
    f.prompted = undefined;
    return "cont";
  }
  f.buf = "";
  f.prompted = undefined;
  const key = env.intern(text);
  sh.lb = f.line - 1;
  f.line += text.split("\n").length - 1;
  sh.stack.push({ k: "eval", s: key, i: 0, f: 0 });
  return "cont";
}

/** Handles Ctrl-C at the prompt: the typed line is discarded and a fresh prompt is shown. */
export function interruptRepl(env: Env): void {
  const top = env.sh.stack[env.sh.stack.length - 1];
  if (top?.k === "repl") {
    top.buf = "";
    top.prompted = undefined;
    env.sys.write(2, "\n");
  }
}
