// Variable and option builtins: export, readonly, unset, set, shift, local. Used via registry.ts.
import type { Builtin } from "./registry";
import { type Env, requestExit, shellError } from "../interp";
import { setVar, type Var } from "../state";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quote(v: string): string {
  return `'${v.replace(/'/g, "'\\''")}'`;
}

function badName(env: Env, cmd: string, name: string): number {
  shellError(env, `${cmd}: ${name}: bad variable name`);
  if (!env.sh.interactive) requestExit(env, 2);
  return 2;
}

const mark = (cmd: "export" | "readonly"): Builtin => (env, argv) => {
  const { sh, sys } = env;
  const args = argv.slice(1).filter((a) => a !== "-p" && a !== "-n");
  if (!args.length) {
    const names = Object.keys(sh.vars).filter((k) => (cmd === "export" ? sh.vars[k].x : sh.vars[k].r)).sort();
    const word = sh.d === "bash" ? (cmd === "export" ? "declare -x" : "declare -r") : cmd;
    sys.write(1, names.map((k) => `${word} ${k}=${sh.d === "bash" ? JSON.stringify(sh.vars[k].v) : quote(sh.vars[k].v)}\n`).join(""));
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) return badName(env, cmd, name);
    const cur = sh.vars[name];
    if (eq >= 0 && cur?.r) { shellError(env, `${name}: is read only`); if (!sh.interactive) requestExit(env, 2); return 2; }
    const v: Var = { v: eq >= 0 ? a.slice(eq + 1) : cur?.v ?? "" };
    if (cur?.x || cmd === "export") v.x = 1;
    if (cur?.r || cmd === "readonly") v.r = 1;
    if (eq < 0 && (!cur || cur.u)) v.u = 1;
    sh.vars[name] = v;
  }
  return 0;
};

const unset: Builtin = (env, argv) => {
  const { sh } = env;
  let fn = false;
  for (const a of argv.slice(1)) {
    if (a === "-f") { fn = true; continue; }
    if (a === "-v") { fn = false; continue; }
    if (fn) { delete sh.fns[a]; continue; }
    if (sh.vars[a]?.r) { shellError(env, `unset: ${a}: is read only`); return 2; }
    delete sh.vars[a];
  }
  return 0;
};

const OPT_NAMES: Record<string, string> = { errexit: "e", noglob: "f", nounset: "u", xtrace: "x", verbose: "v", noclobber: "C", allexport: "a", noexec: "n", monitor: "m", pipefail: "P" };

const set: Builtin = (env, argv) => {
  const { sh, sys } = env;
  if (argv.length === 1) {
    const names = Object.keys(sh.vars).filter((k) => !sh.vars[k].u).sort();
    sys.write(1, names.map((k) => `${k}=${quote(sh.vars[k].v)}\n`).join(""));
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") { i++; sh.args = argv.slice(i); return 0; }
    if (a === "-o" || a === "+o") {
      const o = argv[++i];
      if (o === undefined) {
        sys.write(1, Object.entries(OPT_NAMES).map(([n, l]) => `${n.padEnd(16)}${sh.opts.includes(l) ? "on" : "off"}\n`).join(""));
        continue;
      }
      const l = OPT_NAMES[o];
      if (!l) { shellError(env, `set: Illegal option -o ${o}`); return 2; }
      sh.opts = a === "-o" ? (sh.opts.includes(l) ? sh.opts : sh.opts + l) : sh.opts.replace(l, "");
      continue;
    }
    if ((a.startsWith("-") || a.startsWith("+")) && a.length > 1) {
      for (const l of a.slice(1)) {
        if (!"efuxvCanmb".includes(l)) { shellError(env, `set: Illegal option ${a[0]}${l}`); if (!sh.interactive) requestExit(env, 2); return 2; }
        sh.opts = a[0] === "-" ? (sh.opts.includes(l) ? sh.opts : sh.opts + l) : sh.opts.replace(l, "");
      }
      continue;
    }
    sh.args = argv.slice(i);
    return 0;
  }
  return 0;
};

const shift: Builtin = (env, argv) => {
  const { sh } = env;
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) { shellError(env, `shift: Illegal number: ${argv[1]}`); if (!sh.interactive) requestExit(env, 2); return 2; }
  if (n > sh.args.length) {
    if (sh.d === "dash") { shellError(env, "shift: can't shift that many"); if (!sh.interactive) requestExit(env, 2); return 2; }
    return 1;
  }
  sh.args = sh.args.slice(n);
  return 0;
};

const local: Builtin = (env, argv) => {
  const { sh } = env;
  const call = [...sh.stack].reverse().find((f) => f.k === "call");
  if (!call || call.k !== "call") { shellError(env, "local: not in a function"); return 2; }
  for (const a of argv.slice(1)) {
    if (a.startsWith("-")) continue;
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) return badName(env, "local", name);
    if (!(name in call.locals)) call.locals[name] = sh.vars[name] ?? null;
    if (eq >= 0) setVar(sh, name, a.slice(eq + 1));
    else if (!sh.vars[name]) sh.vars[name] = { v: "", u: 1 };
  }
  return 0;
};

/** Variable and option builtins. */
export const VARS: Record<string, Builtin> = {
  export: mark("export"), readonly: mark("readonly"), unset, set, shift, local, declare: local, typeset: local,
};
