// The shells as simulated programs — dash (Debian /bin/sh), busybox ash (alpine/busybox /bin/sh)
// and bash: command-line parsing (-c script [name [args]], script files, stdin, -i), the initial
// variables, trap-driven signal handling, and each step running the interpreter. Registered in
// programs/registry.ts.
import type { Program, Sys } from "../programs/api";
import { type Env, runShell, setBuiltinFrameStep } from "./interp";
import { type Dialect, type Frame, type ShellState } from "./state";
import { applyTrapDispositions, stepJobFrame } from "./builtins/jobs";
import { interruptRepl, stepRepl } from "./interactive";
import { SIG, SIG_NAME } from "../runtime/constants";

setBuiltinFrameStep((env, f) => (f.k === "repl" ? stepRepl(env, f) : stepJobFrame(env, f)));

/** Builds the interpreter environment for a shell process. */
export function shellEnv(sys: Sys, sh: ShellState): Env {
  const bash = sh.d === "bash";
  return { sys, sh, script: (k) => sys.script(k), intern: (src) => sys.internScript(src, bash) };
}

function fail(sys: Sys, msg: string, code: number): void {
  sys.write(2, msg + "\n");
  sys.exit(code);
}

/** Creates the initial shell state from argv and the environment (undefined when it already exited). */
function init(sys: Sys, d: Dialect): ShellState | undefined {
  const argv = sys.argv;
  let i = 1;
  let useC = false;
  let interactive = false;
  let stdinMode = false;
  let opts = "";
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") { i++; break; }
    if (a === "--login" || a === "--noprofile" || a === "--norc" || a === "--posix") continue;
    if (/^[-+]o$/.test(a)) { i++; continue; }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    if (a[0] === "+") continue;
    for (const ch of a.slice(1)) {
      if (ch === "c") useC = true;
      else if (ch === "i") interactive = true;
      else if (ch === "s") stdinMode = true;
      else if ("efuxvCa".includes(ch)) opts += ch;
    }
  }
  const ops = argv.slice(i);
  const a0 = argv[0] ?? "sh";
  const sh: ShellState = {
    d, vars: {}, fns: {}, a0, args: [], st: 0, root: sys.pid, opts, traps: {}, pend: [], stack: [], lineno: 0, jobs: [], loops: 0,
  };
  for (const [k, v] of sys.env) sh.vars[k] = { v, x: 1 };
  const set = (k: string, v: string) => { if (!sh.vars[k]) sh.vars[k] = { v }; };
  set("PS2", "> ");
  set("PS4", "+ ");
  set("OPTIND", "1");
  if (d !== "bash") set("IFS", " \t\n");
  sh.vars.PWD = { v: sys.cwd, x: sh.vars.PWD?.x };
  sh.vars.PPID = { v: String(sys.ppid) };
  const env = shellEnv(sys, sh);
  if (useC) {
    if (!ops.length) { fail(sys, d === "dash" ? `${a0}: 0: -c requires an argument` : d === "bash" ? `${a0}: -c: option requires an argument` : `${a0}: -c requires an argument`, 2); return undefined; }
    sh.a0 = ops[1] ?? a0;
    sh.args = ops.slice(2);
    sh.stack.push({ k: "top", s: env.intern(ops[0]), i: 0 });
  } else if (ops.length && !stdinMode) {
    const file = ops[0];
    const r = sys.fs.readFile(file.startsWith("/") ? file : `${sys.cwd}/${file}`);
    if (typeof r === "string") {
      const msg = d === "dash" ? `${a0}: 0: cannot open ${file}: No such file` : d === "bash" ? `${a0}: ${file}: No such file or directory` : `${a0}: can't open '${file}': No such file or directory`;
      fail(sys, msg, d === "dash" ? 2 : 127);
      return undefined;
    }
    sh.a0 = file;
    sh.args = ops.slice(1);
    sh.stack.push({ k: "top", s: env.intern(r.c), i: 0 });
  } else {
    sh.args = ops;
    if (interactive || (sys.isatty(0) && sys.isatty(2))) sh.interactive = 1;
    sh.stack.push({ k: "repl", buf: "", line: 1 });
  }
  sys.setMem(d === "bash" ? 3_600_000 : d === "dash" ? 1_100_000 : 900_000);
  applyTrapDispositions(env);
  return sh;
}

function makeShell(d: Dialect): Program {
  return {
    step(sys) {
      if (sys.data === undefined) {
        const sh = init(sys, d);
        if (!sh) return;
        sys.data = sh;
      }
      runShell(shellEnv(sys, sys.data as ShellState));
    },
    signal(sys, sig) {
      const sh = sys.data as ShellState | undefined;
      if (!sh) return;
      const name = SIG_NAME[sig];
      if (sh.traps[name]) { if (!sh.pend.includes(sig)) sh.pend.push(sig); return; }
      if (sh.interactive && sig === SIG.INT) interruptRepl(shellEnv(sys, sh));
    },
  };
}

/** dash, the Debian /bin/sh. */
export const dashProgram = makeShell("dash");
/** busybox ash, /bin/sh in alpine and busybox images. */
export const ashProgram = makeShell("ash");
/** GNU bash. */
export const bashProgram = makeShell("bash");

/** Script keys a shell process references (kept when unused scripts are collected). */
export function shellScriptRefs(data: unknown): string[] {
  const sh = data as ShellState | null;
  if (!sh || !Array.isArray(sh.stack)) return [];
  const out = new Set<string>();
  for (const f of sh.stack as Frame[]) if ("s" in f && typeof f.s === "string") out.add(f.s);
  for (const fn of Object.values(sh.fns)) out.add(fn.s);
  return [...out];
}
