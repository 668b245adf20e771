// Stream editors and file finders: sed (s///flags, d, p, q with line, $ and /re/ addresses,
// -n, -e, -i, -E), a small awk (patterns, print with fields, NR/NF, BEGIN/END, -F), find and xargs.
// Registered in registry.ts.
import type { Program, Sys } from "./api";
import { warn } from "./oneshot";
import { readInput, openError } from "./text-io";
import { abs } from "./files";
import { breToJs } from "./text-tools";
import { matchPattern } from "../shell/pattern";

interface SedCmd { addr?: string; cmd: string; re?: RegExp; rep?: string; global?: boolean; print?: boolean }

function parseSed(script: string, ere: boolean): SedCmd[] | string {
  const out: SedCmd[] = [];
  for (const raw of script.split(/;|\n/)) {
    let s = raw.trim();
    if (!s) continue;
    let addr: string | undefined;
    const m = /^(\d+|\$|\/(?:[^/\\]|\\.)*\/)/.exec(s);
    if (m) { addr = m[1]; s = s.slice(m[1].length).trim(); }
    const c = s[0];
    if (c === "s") {
      const d = s[1];
      const parts: string[] = [];
      let cur = "";
      for (let i = 2; i < s.length; i++) {
        if (s[i] === "\\" && s[i + 1] === d) { cur += d; i++; continue; }
        if (s[i] === d) { parts.push(cur); cur = ""; continue; }
        cur += s[i];
      }
      if (parts.length < 2) return `-e expression #1, char ${s.length}: unterminated \`s' command`;
      const flags = cur;
      try {
        out.push({ addr, cmd: "s", re: new RegExp(ere ? parts[0] : breToJs(parts[0]), (flags.includes("g") ? "g" : "") + (flags.includes("I") || flags.includes("i") ? "i" : "")), rep: parts[1].replace(/\\(\d)/g, "$$$1").replace(/(^|[^\\])&/g, "$1$$&").replace(/\\&/g, "&"), global: flags.includes("g"), print: flags.includes("p") });
      } catch { return `-e expression #1, char 0: invalid regex`; }
    } else if ("dpq=".includes(c)) out.push({ addr, cmd: c });
    else return `-e expression #1, char 1: unknown command: \`${c}'`;
  }
  return out;
}

function sedRun(cmds: SedCmd[], text: string, quiet: boolean): string {
  const lines = text.split("\n");
  const trailing = lines[lines.length - 1] === "";
  if (trailing) lines.pop();
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    let del = false;
    let quit = false;
    for (const c of cmds) {
      if (c.addr) {
        if (c.addr === "$" ? i !== lines.length - 1 : /^\d+$/.test(c.addr) ? Number(c.addr) !== i + 1 : !new RegExp(breToJs(c.addr.slice(1, -1))).test(line)) continue;
      }
      if (c.cmd === "s") { const before = line; line = line.replace(c.re!, c.rep!); if (c.print && before !== line) out += line + "\n"; }
      else if (c.cmd === "d") { del = true; break; }
      else if (c.cmd === "p") out += line + "\n";
      else if (c.cmd === "=") out += `${i + 1}\n`;
      else if (c.cmd === "q") { quit = true; break; }
    }
    if (!del && !quiet) out += line + (i < lines.length - 1 || trailing ? "\n" : "");
    if (quit) break;
  }
  return out;
}

/** sed. */
export const sed: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const scripts: string[] = [];
    const files: string[] = [];
    let quiet = false, inPlace = false, ere = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-e") scripts.push(args[++i] ?? "");
      else if (a === "-n") quiet = true;
      else if (a.startsWith("-i")) inPlace = true;
      else if (a === "-E" || a === "-r") ere = true;
      else if (a.startsWith("-") && a.length > 1) { if (a.includes("n")) quiet = true; if (a.includes("E") || a.includes("r")) ere = true; if (a.includes("i")) inPlace = true; }
      else if (!scripts.length) scripts.push(a);
      else files.push(a);
    }
    const cmds = parseSed(scripts.join("\n"), ere);
    if (typeof cmds === "string") { warn(sys, cmds); sys.exit(1); return; }
    const d = (sys.data ??= { buf: "" }) as { buf: string };
    if (!files.length) {
      for (;;) {
        const c = sys.read(0);
        if (c === undefined) return;
        if (c === null) break;
        d.buf += c;
      }
      sys.write(1, sedRun(cmds, d.buf, quiet));
      sys.exit(0);
      return;
    }
    let st = 0;
    for (const f of files) {
      const r = readInput(sys, f);
      if (r === undefined || typeof r === "string") { if (r) openError(sys, f, r); st = 2; continue; }
      const res = sedRun(cmds, r.c, quiet);
      if (inPlace) sys.fs.writeFile(abs(sys, f), res);
      else sys.write(1, res);
    }
    sys.exit(st);
  },
};

interface AwkRule { pat?: string; action: string; kind: "main" | "BEGIN" | "END" }

function parseAwk(prog: string): AwkRule[] {
  const rules: AwkRule[] = [];
  const re = /\s*(BEGIN|END|\/(?:[^/\\]|\\.)*\/|[^{]*?)\s*\{([^}]*)\}|\s*([^{}\s][^{}]*)$/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(prog)) && m[0]) {
    if (m[3] !== undefined) rules.push({ pat: m[3].trim(), action: "print", kind: "main" });
    else rules.push({ pat: m[1] === "BEGIN" || m[1] === "END" ? undefined : m[1] || undefined, action: m[2], kind: m[1] === "BEGIN" ? "BEGIN" : m[1] === "END" ? "END" : "main" });
  }
  return rules;
}

function awkEval(expr: string, f: string[], nr: number, vars: Record<string, string>): string {
  const tokens = expr.match(/"(?:[^"\\]|\\.)*"|\$\w+|\$\([^)]*\)|[A-Za-z_]\w*|\d+(?:\.\d+)?|==|!=|>=|<=|[<>+\-*/%]|\S/g) ?? [];
  const val = (t: string): string => {
    if (t.startsWith('"')) return t.slice(1, -1).replace(/\\n/g, "\n").replace(/\\t/g, "\t");
    if (t.startsWith("$")) { const n = t === "$NF" ? f.length - 1 : Number(t.slice(1).replace(/[()]/g, "")); return f[n] ?? ""; }
    if (t === "NR") return String(nr);
    if (t === "NF") return String(f.length - 1);
    if (/^\d/.test(t)) return t;
    return vars[t] ?? "";
  };
  if (tokens.length === 3 && ["==", "!=", ">", "<", ">=", "<="].includes(tokens[1])) {
    const a = val(tokens[0]), b = val(tokens[2]);
    const na = Number(a), nb = Number(b);
    const num = a !== "" && b !== "" && !Number.isNaN(na) && !Number.isNaN(nb);
    const x = num ? na : a, y = num ? nb : b;
    const r = tokens[1] === "==" ? x === y : tokens[1] === "!=" ? x !== y : tokens[1] === ">" ? x > y : tokens[1] === "<" ? x < y : tokens[1] === ">=" ? x >= y : x <= y;
    return r ? "1" : "0";
  }
  return tokens.filter((t) => t !== ",").map(val).join("");
}

/** awk (a useful subset). */
export const awk: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    let fs: string | undefined;
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "-F") fs = args[++i];
      else if (args[i].startsWith("-F")) fs = args[i].slice(2);
      else rest.push(args[i]);
    }
    const rules = parseAwk(rest[0] ?? "");
    const d = (sys.data ??= { buf: "" }) as { buf: string };
    if (rest.length < 2) {
      for (;;) {
        const c = sys.read(0);
        if (c === undefined) return;
        if (c === null) break;
        d.buf += c;
      }
    } else for (const file of rest.slice(1)) { const r = readInput(sys, file); if (r && typeof r !== "string") d.buf += r.c; }
    const vars: Record<string, string> = {};
    let out = "";
    const run = (action: string, f: string[], nr: number) => {
      for (const stmt of action.split(";").map((s) => s.trim()).filter(Boolean)) {
        const m = /^print(?:f)?\s*(.*)$/.exec(stmt);
        if (m) {
          const items = m[1].trim() ? m[1].split(/\s*,\s*/).map((e) => awkEval(e, f, nr, vars)) : [f[0]];
          out += items.join(" ") + "\n";
        } else {
          const a = /^(\w+)\s*(\+?=)\s*(.*)$/.exec(stmt);
          if (a) vars[a[1]] = a[2] === "+=" ? String(Number(vars[a[1]] ?? 0) + Number(awkEval(a[3], f, nr, vars))) : awkEval(a[3], f, nr, vars);
        }
      }
    };
    for (const r of rules) if (r.kind === "BEGIN") run(r.action, [""], 0);
    const lines = d.buf.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    let nr = 0;
    for (const line of lines) {
      nr++;
      const f = [line, ...(fs ? line.split(fs) : line.trim().split(/\s+/).filter(Boolean))];
      for (const r of rules) {
        if (r.kind !== "main") continue;
        if (r.pat) {
          const ok = r.pat.startsWith("/") ? new RegExp(r.pat.slice(1, -1)).test(line) : awkEval(r.pat, f, nr, vars) !== "0" && awkEval(r.pat, f, nr, vars) !== "";
          if (!ok) continue;
        }
        run(r.action, f, nr);
      }
    }
    for (const r of rules) if (r.kind === "END") run(r.action, [""], nr);
    sys.write(1, out);
    sys.exit(0);
  },
};

/** find [PATH...] [-name P] [-iname P] [-type f|d|l] [-maxdepth N] [-mindepth N]. */
export const find: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const paths: string[] = [];
    let i = 0;
    for (; i < args.length && !args[i].startsWith("-"); i++) paths.push(args[i]);
    if (!paths.length) paths.push(".");
    let name: string | undefined, iname: string | undefined, type: string | undefined, maxd = Infinity, mind = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === "-name") name = args[++i];
      else if (a === "-iname") iname = args[++i]?.toLowerCase();
      else if (a === "-type") type = args[++i];
      else if (a === "-maxdepth") maxd = Number(args[++i]);
      else if (a === "-mindepth") mind = Number(args[++i]);
    }
    let out = "";
    let st = 0;
    const visit = (shown: string, real: string, depth: number) => {
      const s = sys.fs.stat(real, false);
      if (typeof s === "string") { warn(sys, `'${shown}': No such file or directory`); st = 1; return; }
      const base = shown.slice(shown.lastIndexOf("/") + 1) || shown;
      const ok = depth >= mind && (!name || matchPattern(name, base)) && (!iname || matchPattern(iname, base.toLowerCase())) && (!type || type === s.type);
      if (ok) out += shown + "\n";
      if (s.type === "d" && depth < maxd) {
        const kids = sys.fs.readdir(real);
        if (typeof kids !== "string") for (const k of kids) visit(shown.endsWith("/") ? shown + k : `${shown}/${k}`, `${real}/${k}`.replace("//", "/"), depth + 1);
      }
    };
    for (const p of paths) visit(p, abs(sys, p), 0);
    sys.write(1, out);
    sys.exit(st);
  },
};

/** xargs [-n N] [-I R] [CMD [ARG]...]: runs the command on words from stdin. */
export const xargs: Program = {
  step(sys: Sys) {
    const d = (sys.data ??= { buf: "", phase: 0, batches: [] as string[][], pid: 0, st: 0 }) as { buf: string; phase: number; batches: string[][]; pid: number; st: number };
    const args = sys.argv.slice(1);
    let n = Infinity, repl: string | undefined, i = 0;
    for (; i < args.length && args[i].startsWith("-"); i++) {
      if (args[i] === "-n") n = Number(args[++i]);
      else if (args[i] === "-I") repl = args[++i];
    }
    const cmd = args.slice(i).length ? args.slice(i) : ["echo"];
    if (d.phase === 0) {
      for (;;) {
        const c = sys.read(0);
        if (c === undefined) return;
        if (c === null) break;
        d.buf += c;
      }
      const items = repl ? d.buf.split("\n").filter(Boolean) : d.buf.split(/\s+/).filter(Boolean);
      const per = repl ? 1 : n;
      for (let k = 0; k < items.length; k += per) d.batches.push(items.slice(k, k + per));
      if (!d.batches.length && !repl) d.batches.push([]);
      d.phase = 1;
    }
    for (;;) {
      if (d.pid) {
        const r = sys.wait(d.pid);
        if (r === undefined) return;
        if (r !== "ECHILD" && r.code) d.st = 123;
        d.pid = 0;
      }
      const b = d.batches.shift();
      if (!b) { sys.exit(d.st); return; }
      const argv = repl ? cmd.map((a) => a.split(repl!).join(b[0])) : [...cmd, ...b];
      const found = sys.lookup(argv[0]);
      if ("errno" in found) { warn(sys, `${argv[0]}: No such file or directory`); sys.exit(127); return; }
      const pid = sys.spawn({ path: found.path, argv, env: [...sys.env], fds: { 0: { k: "null" }, 1: 1, 2: 2 } });
      if (typeof pid !== "number") { sys.exit(126); return; }
      d.pid = pid;
    }
  },
};
