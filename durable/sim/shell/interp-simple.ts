// Simple commands: expansion (with command substitutions), variable assignments, redirections,
// then a special builtin, function, regular builtin or external program — exec'd in place when
// it is the shell's last command (dash's EV_EXIT), otherwise forked and waited for. Used by interp.ts.
import type { Node } from "./ast";
import { type Env, nodeOf, pushNode, requestExit, shellError, type StepResult } from "./interp";
import { F_EXIT, F_TESTED, type Frame, type SavedFds, exportedEnv, getVar, setVar, type Var } from "./state";
import { inheritFds, redirStatus, waitChild, withExpansion } from "./interp-fork";
import { applyRedirs, expandRedirs, restoreFds } from "./redirect";
import { findBuiltin } from "./builtins/registry";
import { notFound, signalText } from "./dialect";

type Simple = Extract<Frame, { k: "simple" }>;

/** One step of a simple command. */
export function stepSimple(env: Env, f: Simple): StepResult {
  const { sh, sys } = env;
  const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "simple" }>;
  sh.lineno = node.line + (sh.lb ?? 0);
  if (f.ph === 0) {
    const r = withExpansion(env, f, (x) => {
      const argv = x.words(node.words);
      const assigns: [string, string][] = node.assigns.map((a) => [a.name, x.word(a.value)]);
      return { argv, assigns, used: x.used };
    });
    if (r === "block") return "block";
    if (r === "error") return done(env, f, sh.interactive ? 1 : 2);
    f.argv = r.argv;
    f.env = r.assigns;
    f.c = r.used;
    f.ph = 1;
  }
  if (f.ph === 1) return dispatch(env, f, node);
  const st = waitChild(env, f.pid!);
  if (st === undefined) return "block";
  let code = 0;
  if (st !== "ECHILD") {
    code = st.code;
    if (st.sig) { const t = signalText(st.sig); if (t) sys.write(2, t + "\n"); }
  }
  return done(env, f, code);
}

function done(env: Env, f: Simple, st: number): StepResult {
  const sh = env.sh;
  sh.st = st;
  sh.stack.pop();
  if (st !== 0 && sh.opts.includes("e") && !(f.f & F_TESTED)) requestExit(env, st);
  return "cont";
}

function dispatch(env: Env, f: Simple, node: Extract<Node, { t: "simple" }>): StepResult {
  const { sh, sys } = env;
  const argv = f.argv!;
  const assigns = f.env!;
  const words = withExpansion(env, f, (x) => expandRedirs(node.redirs, x), f.c);
  if (words === "block") return "block";
  if (words === "error") return done(env, f, 2);
  const saved: SavedFds = {};
  const rerr = applyRedirs(env, node.redirs, words, saved);
  if (rerr !== undefined) {
    shellError(env, rerr);
    restoreFds(env, saved);
    const special = argv.length ? findBuiltin(sh.d, argv[0])?.special : false;
    if (special && !sh.interactive) requestExit(env, redirStatus(sh.d));
    return done(env, f, redirStatus(sh.d));
  }
  if (sh.opts.includes("x") && (argv.length || assigns.length)) {
    const ps4 = getVar(sh, "PS4") ?? "+ ";
    sys.write(2, ps4 + [...assigns.map(([k, v]) => `${k}=${quoteX(v)}`), ...argv.map(quoteX)].join(" ") + "\n");
  }
  if (!argv.length) {
    restoreFds(env, saved);
    for (const [k, v] of assigns) {
      if (!setVar(sh, k, v)) {
        shellError(env, `${k}: is read only`);
        if (!sh.interactive) { requestExit(env, 2); return done(env, f, 2); }
        return done(env, f, 1);
      }
    }
    return done(env, f, f.ex.st ?? 0);
  }
  const name = argv[0];
  let bi = findBuiltin(sh.d, name);
  const fn = bi?.special && sh.d !== "bash" ? undefined : sh.fns[name];
  if (fn) bi = undefined;
  if (bi || fn) {
    sh.stack.pop();
    if (Object.keys(saved).length && !(name === "exec" && argv.length === 1)) sh.stack.push({ k: "restore", fds: saved });
    else for (const v of Object.values(saved)) if (v) sys.releaseFd(v);
    if (bi?.special) {
      for (const [k, v] of assigns) setVar(sh, k, v);
    } else if (assigns.length) {
      const keep: Record<string, Var | null> = {};
      for (const [k, v] of assigns) { keep[k] = sh.vars[k] ?? null; setVar(sh, k, v, true); }
      sh.stack.push({ k: "vars", saved: keep });
    }
    if (fn) {
      sh.stack.push({ k: "call", args: sh.args, locals: {} });
      sh.args = argv.slice(1);
      pushNode(env, fn.s, nodeOf(env, fn.s, fn.n), 0);
      return "cont";
    }
    const r = bi!.fn(env, argv);
    if (r === "exec") return "block";
    if (typeof r === "number") {
      sh.st = r;
      if (r !== 0 && sh.opts.includes("e") && !(f.f & F_TESTED)) requestExit(env, r);
    }
    return "cont";
  }
  const override = assigns.find(([k]) => k === "PATH")?.[1];
  const pathVar = override ?? getVar(sh, "PATH");
  const found = hashedLookup(env, name, pathVar, override === undefined);
  if ("errno" in found) {
    if (found.errno === "ENOEXEC") return runScriptFile(env, f, argv, saved);
    shellError(env, found.errno === "EACCES" ? `${name}: Permission denied` : notFound(sh.d, name));
    restoreFds(env, saved);
    return done(env, f, found.errno === "EACCES" ? 126 : 127);
  }
  const cenv = exportedEnv(sh, assigns);
  if (f.f & F_EXIT && !Object.values(sh.traps).some((t) => t !== "")) {
    for (const v of Object.values(saved)) if (v) sys.releaseFd(v);
    const e = sys.exec(found.path, argv, cenv);
    if (!e) return "block";
    shellError(env, `${name}: ${e === "EACCES" ? "Permission denied" : "not found"}`);
    return done(env, f, e === "EACCES" ? 126 : 127);
  }
  const pid = sys.spawn({ path: found.path, argv, env: cenv, fds: inheritFds(env, {}) });
  restoreFds(env, saved);
  if (typeof pid !== "number") {
    shellError(env, pid === "EAGAIN" ? (sh.d === "dash" ? "Cannot fork" : "can't fork: Resource temporarily unavailable") : notFound(sh.d, name));
    return done(env, f, pid === "EAGAIN" ? 2 : 127);
  }
  f.pid = pid;
  f.ph = 3;
  return stepSimple(env, f);
}

/** An executable file without #! or ELF magic: run it as a shell script in a child. */
function runScriptFile(env: Env, f: Simple, argv: string[], saved: SavedFds): StepResult {
  const { sys } = env;
  const pid = sys.spawn({ path: "/bin/sh", argv: ["/bin/sh", ...argv], env: exportedEnv(env.sh, f.env ?? []), fds: inheritFds(env, {}) });
  restoreFds(env, saved);
  if (typeof pid !== "number") return done(env, f, 127);
  f.pid = pid;
  f.ph = 3;
  return "cont";
}

/** PATH search remembering where commands were found (re-checked with one stat before use). */
function hashedLookup(env: Env, name: string, pathVar: string | undefined, remember: boolean): ReturnType<Env["sys"]["lookup"]> {
  const { sh, sys } = env;
  if (!remember || name.includes("/")) return sys.lookup(name, pathVar);
  if (sh.hp !== pathVar) { sh.hash = {}; sh.hp = pathVar; }
  const known = sh.hash?.[name];
  if (known) {
    const r = sys.lookup(known, pathVar);
    if (!("errno" in r)) return r;
    delete sh.hash![name];
  }
  const r = sys.lookup(name, pathVar);
  if (!("errno" in r)) (sh.hash ??= {})[name] = r.path;
  return r;
}

function quoteX(s: string): string {
  return /^[A-Za-z0-9_./:=,+@%-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** The F_EXIT flag test, exported for builtins that exec. */
export function isExitContext(f: number): boolean {
  return !!(f & F_EXIT);
}
