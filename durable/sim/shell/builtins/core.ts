// Control and command builtins: : true false exit return break continue eval . source exec cd
// pwd command type times umask ulimit hash alias unalias jobs getopts let. Used via registry.ts.
import type { Builtin } from "./registry";
import { type Env, requestExit, shellError } from "../interp";
import { F_DOT, getVar, setVar } from "../state";
import { cdError, illegalNumber, notFound, arithMessage } from "../dialect";
import { findBuiltin } from "./registry";
import { normalize, resolvePath } from "../../runtime/fs-path";
import { evalArith, ArithError } from "../arith";

function num(env: Env, cmd: string, s: string | undefined, dflt: number): number | undefined {
  if (s === undefined) return dflt;
  if (!/^\d+$/.test(s)) {
    shellError(env, illegalNumber(env.sh.d, cmd, s));
    return undefined;
  }
  return Number(s);
}

/** Pushes a script source to run as if typed here (eval, traps, dot). */
export function pushSource(env: Env, src: string, flags: number): void {
  const key = env.intern(src);
  env.sh.stack.push({ k: "eval", s: key, i: 0, f: flags });
}

const exit: Builtin = (env, argv) => {
  const n = num(env, "exit", argv[1], env.sh.st);
  requestExit(env, n === undefined ? 2 : n & 255);
  return "pushed";
};

const ret: Builtin = (env, argv) => {
  const n = num(env, "return", argv[1], env.sh.st);
  const st = n === undefined ? 2 : n & 255;
  const inFn = env.sh.stack.some((f) => f.k === "call" || (f.k === "eval" && f.f & F_DOT));
  env.sh.un = inFn ? { k: "return", st } : { k: "exit", st };
  return "pushed";
};

const loopCtl = (k: "break" | "continue"): Builtin => (env, argv) => {
  const n = num(env, k, argv[1], 1);
  if (n === undefined || n < 1) { if (n !== undefined) shellError(env, `${k}: Illegal number: ${argv[1]}`); return 2; }
  if (env.sh.loops === 0) return 0;
  env.sh.un = { k, n: Math.min(n, env.sh.loops) };
  return 0;
};

const evalB: Builtin = (env, argv) => {
  const src = argv.slice(1).join(" ");
  if (!src.trim()) return 0;
  pushSource(env, src, 0);
  return "pushed";
};

const dot: Builtin = (env, argv) => {
  const { sys, sh } = env;
  const name = argv[1];
  if (name === undefined) { shellError(env, sh.d === "dash" ? ".: Usage: . file" : ".: filename argument required"); return 2; }
  let path = name;
  if (!name.includes("/")) {
    const hit = (getVar(sh, "PATH") ?? "").split(":").map((d) => `${d || "."}/${name}`).find((p) => typeof sys.fs.stat(resolvePath(sys.cwd, p)) !== "string");
    path = hit ?? name;
  }
  const r = sys.fs.readFile(resolvePath(sys.cwd, path));
  if (typeof r === "string") {
    shellError(env, sh.d === "dash" ? `.: cannot open ${name}: No such file` : sh.d === "bash" ? `${name}: No such file or directory` : `.: can't open '${name}': No such file or directory`);
    if (!sh.interactive) requestExit(env, sh.d === "dash" ? 2 : 1);
    return sh.d === "dash" ? 2 : 1;
  }
  if (argv.length > 2) {
    sh.stack.push({ k: "call", args: sh.args, locals: {} });
    sh.args = argv.slice(2);
  }
  pushSource(env, r.c, F_DOT);
  return "pushed";
};

const exec: Builtin = (env, argv) => {
  const { sys, sh } = env;
  if (argv.length < 2) return 0;
  const name = argv[1];
  const found = sys.lookup(name, getVar(sh, "PATH"));
  if ("errno" in found) {
    shellError(env, `exec: ${found.errno === "EACCES" ? `${name}: Permission denied` : notFound(sh.d === "bash" ? "dash" : sh.d, name)}`);
    const st = found.errno === "EACCES" ? 126 : 127;
    if (!sh.interactive) requestExit(env, st);
    return st;
  }
  const envv = Object.entries(sh.vars).filter(([, v]) => v.x).map(([k, v]) => [k, v.v] as [string, string]);
  const e = sys.exec(found.path, argv.slice(1), envv);
  return e ? 126 : "exec";
};

const cd: Builtin = (env, argv) => {
  const { sys, sh } = env;
  let dir = argv[1];
  let print = false;
  if (dir === undefined) dir = getVar(sh, "HOME") ?? "/";
  if (dir === "-") { dir = getVar(sh, "OLDPWD") ?? sys.cwd; print = true; }
  const target = normalize(dir.startsWith("/") ? dir : `${getVar(sh, "PWD") ?? sys.cwd}/${dir}`);
  const st = sys.fs.stat(target);
  if (typeof st === "string" || st.type !== "d") {
    shellError(env, cdError(sh.d, dir, typeof st === "string" ? st : "ENOTDIR"));
    return sh.d === "dash" ? 2 : 1;
  }
  setVar(sh, "OLDPWD", getVar(sh, "PWD") ?? sys.cwd);
  sys.cwd = target;
  setVar(sh, "PWD", target);
  if (print) sys.write(1, target + "\n");
  return 0;
};

const pwd: Builtin = (env) => {
  env.sys.write(1, (getVar(env.sh, "PWD") ?? env.sys.cwd) + "\n");
  return 0;
};

function describe(env: Env, name: string): string | undefined {
  const { sh, sys } = env;
  if (sh.fns[name]) return sh.d === "bash" ? `${name} is a function` : `${name} is a shell function`;
  const bi = findBuiltin(sh.d, name);
  if (bi) return bi.special ? `${name} is a special shell builtin` : `${name} is a shell builtin`;
  const r = sys.lookup(name, getVar(sh, "PATH"));
  return "path" in r ? `${name} is ${r.path}` : undefined;
}

const type: Builtin = (env, argv) => {
  let st = 0;
  for (const name of argv.slice(1)) {
    const d = describe(env, name);
    if (d) env.sys.write(1, d + "\n");
    else { env.sys.write(env.sh.d === "bash" ? 2 : 1, env.sh.d === "bash" ? `bash: type: ${name}: not found\n` : `${name}: not found\n`); st = env.sh.d === "dash" ? 127 : 1; }
  }
  return st;
};

const command: Builtin = (env, argv) => {
  const { sys, sh } = env;
  let i = 1;
  let mode = "";
  while (argv[i]?.startsWith("-") && argv[i] !== "--") { mode = argv[i]; i++; }
  if (argv[i] === "--") i++;
  const name = argv[i];
  if (name === undefined) return 0;
  if (mode === "-v" || mode === "-V") {
    if (mode === "-V") { const d = describe(env, name); if (d) { sys.write(1, d + "\n"); return 0; } return 127; }
    if (sh.fns[name] || findBuiltin(sh.d, name)) { sys.write(1, name + "\n"); return 0; }
    const r = sys.lookup(name, getVar(sh, "PATH"));
    if ("path" in r) { sys.write(1, r.path + "\n"); return 0; }
    return 127;
  }
  pushSource(env, argv.slice(i).map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" "), 0);
  return "pushed";
};

const getopts: Builtin = (env, argv) => {
  const { sh, sys } = env;
  const spec = argv[1] ?? "";
  const name = argv[2] ?? "opt";
  const args = argv.length > 3 ? argv.slice(3) : sh.args;
  let ind = Number(getVar(sh, "OPTIND") ?? "1") || 1;
  const sub = Number(getVar(sh, "__optpos") ?? "1") || 1;
  const arg = args[ind - 1];
  if (arg === undefined || !arg.startsWith("-") || arg === "-") { setVar(sh, name, "?"); return 1; }
  if (arg === "--") { setVar(sh, "OPTIND", String(ind + 1)); setVar(sh, name, "?"); return 1; }
  const ch = arg[sub];
  let next = sub + 1;
  const at = spec.indexOf(ch);
  if (at < 0 || ch === ":") {
    if (!spec.startsWith(":")) sys.write(2, `Illegal option -${ch}\n`);
    setVar(sh, name, "?");
  } else if (spec[at + 1] === ":") {
    let val = arg.slice(sub + 1);
    if (!val) { val = args[ind] ?? ""; ind++; }
    setVar(sh, "OPTARG", val);
    setVar(sh, name, ch);
    next = arg.length;
  } else setVar(sh, name, ch);
  if (next >= arg.length) { ind++; next = 1; }
  setVar(sh, "OPTIND", String(ind));
  setVar(sh, "__optpos", String(next));
  return 0;
};

const letB: Builtin = (env, argv) => {
  let v = 0;
  for (const e of argv.slice(1)) {
    try { v = evalArith(e, { get: (n) => getVar(env.sh, n), set: (n, x) => { setVar(env.sh, n, x); } }); } catch (err) {
      if (err instanceof ArithError) { shellError(env, arithMessage(env.sh.d, err.kind, e)); return 1; }
      throw err;
    }
  }
  return v ? 0 : 1;
};

const out = (text: string): Builtin => (env) => { env.sys.write(1, text); return 0; };

/** Control-flow and command builtins. */
export const CORE: Record<string, Builtin> = {
  ":": () => 0, true: () => 0, false: () => 1, exit, return: ret, break: loopCtl("break"), continue: loopCtl("continue"),
  eval: evalB, ".": dot, source: dot, exec, cd, pwd, type, command, getopts, let: letB,
  times: out("0m0.00s 0m0.00s\n0m0.00s 0m0.00s\n"), umask: (env, argv) => (argv[1] ? 0 : (env.sys.write(1, env.sh.d === "dash" ? "0022\n" : "0022\n"), 0)),
  ulimit: out("unlimited\n"), hash: () => 0, alias: () => 0, unalias: () => 0, jobs: () => 0,
};
