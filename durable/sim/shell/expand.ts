// Word expansion: tilde, parameters (with ${x:-y} and friends), command substitution (results
// memoized per frame so a suspended expansion can be replayed after the child finishes),
// arithmetic, field splitting by IFS, pathname expansion and quote removal. Used by interp*.ts.
import type { Word, WordPart } from "./ast";
import type { Sys } from "../programs/api";
import { type ExpandState, type ShellState, getVar, setVar } from "./state";
import { evalArith, ArithError } from "./arith";
import { arithMessage } from "./dialect";
import { hasGlob, matchPattern, trimPattern } from "./pattern";

/** Thrown when a command substitution must run before expansion can finish. */
export class NeedSubst {
  constructor(readonly node: number, readonly idx: number) {}
}

/** A fatal expansion error (message without the shell prefix). */
export class ExpandError {
  constructor(readonly msg: string) {}
}

interface Piece { t: string; q: boolean; split?: boolean; brk?: boolean }
interface Field { text: string; pat: string }

const GLOB_META = /[*?[\]\\]/g;

/** Expands words for one command; create a new Expander for every attempt. */
export class Expander {
  private counter: number;

  constructor(readonly sh: ShellState, readonly sys: Sys, readonly ex: ExpandState, start = 0) {
    this.counter = start;
  }

  /** Occurrences (command substitutions, arithmetic) consumed so far. */
  get used(): number {
    return this.counter;
  }

  /** Full expansion into fields (split and globbed). */
  words(ws: Word[]): string[] {
    const out: string[] = [];
    for (const w of ws) {
      const lit = literalOf(w);
      if (lit !== undefined) out.push(lit);
      else for (const f of this.fields(w)) out.push(f);
    }
    return out;
  }

  /** One string: no field splitting, no globbing (assignments, redirection targets, case subject). */
  word(w: Word): string {
    const lit = literalOf(w);
    if (lit !== undefined) return lit;
    const ps: Piece[] = [];
    this.pieces(w.parts, false, ps, false);
    let s = "";
    let first = true;
    for (const p of ps) {
      if (p.brk) { if (!first) s += " "; continue; }
      s += p.t;
      first = false;
    }
    return s;
  }

  /** A pattern: quoted characters are escaped so they match literally. */
  pattern(w: Word): string {
    const ps: Piece[] = [];
    this.pieces(w.parts, false, ps, false);
    return ps.map((p) => (p.q ? p.t.replace(GLOB_META, "\\$&") : p.t)).join("");
  }

  private fields(w: Word): string[] {
    const ps: Piece[] = [];
    this.pieces(w.parts, false, ps, false);
    const ifs = getVar(this.sh, "IFS") ?? " \t\n";
    const ws = ifs.replace(/[^ \t\n]/g, "");
    const fields: Field[] = [];
    let cur: Field | null = null;
    const add = (s: string, quoted: boolean) => {
      cur ??= { text: "", pat: "" };
      cur.text += s;
      cur.pat += quoted ? s.replace(GLOB_META, "\\$&") : s;
    };
    for (const p of ps) {
      if (p.brk) { if (cur) fields.push(cur); cur = null; continue; }
      if (p.q || !p.split) { add(p.t, p.q); continue; }
      for (const ch of p.t) {
        if (ifs.includes(ch)) {
          if (ws.includes(ch)) { if (cur) fields.push(cur); cur = null; }
          else { fields.push(cur ?? { text: "", pat: "" }); cur = null; }
        } else add(ch, false);
      }
    }
    if (cur) fields.push(cur);
    const out: string[] = [];
    for (const f of fields) {
      if (!this.sh.opts.includes("f") && hasGlob(f.pat)) {
        const m = this.glob(f.pat);
        if (m.length) { out.push(...m); continue; }
      }
      out.push(f.text);
    }
    return out;
  }

  private pieces(parts: WordPart[], quoted: boolean, out: Piece[], fromParam: boolean): void {
    for (const p of parts) {
      switch (p.t) {
        case "lit": out.push(quoted ? { t: p.v, q: true } : { t: p.v, q: false, split: fromParam }); break;
        case "sq": case "esc": out.push({ t: p.v, q: true }); break;
        case "dq":
          if (!(p.parts.length === 1 && p.parts[0].t === "param" && p.parts[0].name === "@" && !p.parts[0].op)) out.push({ t: "", q: true });
          this.pieces(p.parts, true, out, false);
          break;
        case "tilde": out.push({ t: this.tilde(p.user), q: true }); break;
        case "param": this.param(p, quoted, out); break;
        case "cmd": {
          const idx = this.counter++;
          const v = this.ex.memo[idx];
          if (v === undefined) throw new NeedSubst(p.id, idx);
          out.push({ t: String(v), q: quoted, split: !quoted });
          break;
        }
        case "arith": {
          const idx = this.counter++;
          let v = this.ex.memo[idx];
          if (v === undefined) {
            const expr = this.word(p.expr);
            try {
              v = evalArith(expr, { get: (n) => getVar(this.sh, n), set: (n, val) => { setVar(this.sh, n, val); } });
            } catch (e) {
              if (e instanceof ArithError) throw new ExpandError(arithMessage(this.sh.d, e.kind, e.kind === "number" ? e.detail : expr));
              throw e;
            }
            this.ex.memo[idx] = v;
          }
          out.push({ t: String(v), q: quoted, split: !quoted });
          break;
        }
      }
    }
  }

  private tilde(user: string): string {
    if (user === "") return getVar(this.sh, "HOME") ?? "/root";
    if (user === "root") return "/root";
    const pw = this.sys.fs.readFile("/etc/passwd");
    if (typeof pw !== "string") {
      const line = pw.c.split("\n").find((l) => l.startsWith(user + ":"));
      if (line) return line.split(":")[5] ?? "/";
    }
    return "~" + user;
  }

  /** Value of a parameter, undefined when unset. */
  value(name: string): string | undefined {
    const sh = this.sh;
    switch (name) {
      case "?": return String(sh.st);
      case "$": return String(sh.root);
      case "!": return sh.bg === undefined ? undefined : String(sh.bg);
      case "#": return String(sh.args.length);
      case "-": return sh.opts.replace(/[^efuxvCanmsi]/g, "");
      case "0": return sh.a0;
      case "@": case "*": return sh.args.length ? sh.args.join(name === "*" ? (getVar(sh, "IFS") ?? " ")[0] ?? "" : " ") : undefined;
    }
    if (/^\d+$/.test(name)) return sh.args[Number(name) - 1];
    if (name === "LINENO") return String(sh.lineno);
    if (name === "RANDOM" && sh.d !== "dash") return String(this.sys.random(32768));
    if (name === "PPID") return String(this.sys.ppid);
    return getVar(sh, name);
  }

  private param(p: Extract<WordPart, { t: "param" }>, quoted: boolean, out: Piece[]): void {
    const sh = this.sh;
    const name = p.name;
    if (p.op === "bad") throw new ExpandError("Bad substitution");
    if (!p.op && (name === "@" || name === "*") && sh.args.length) {
      if (quoted && name === "*") { out.push({ t: this.value("*")!, q: true }); return; }
      sh.args.forEach((a, i) => {
        if (i) out.push({ t: "", q: false, brk: true });
        out.push({ t: a, q: quoted, split: !quoted });
      });
      return;
    }
    const v = this.value(name);
    if (!p.op) {
      if (v === undefined && sh.opts.includes("u") && !"@*".includes(name)) throw new ExpandError(`${name}: parameter not set`);
      if (v !== undefined) out.push({ t: v, q: quoted, split: !quoted });
      return;
    }
    const op = p.op;
    if (op === "len") {
      if (v === undefined && sh.opts.includes("u")) throw new ExpandError(`${name}: parameter not set`);
      out.push({ t: String(name === "@" || name === "*" ? sh.args.length : [...(v ?? "")].length), q: quoted, split: !quoted });
      return;
    }
    const colon = op.startsWith(":");
    const missing = v === undefined || (colon && v === "");
    const base = colon ? op.slice(1) : op;
    const arg = p.arg ?? { parts: [] };
    switch (base) {
      case "-": if (missing) this.pieces(arg.parts, quoted, out, !quoted); else out.push({ t: v!, q: quoted, split: !quoted }); return;
      case "+": if (!missing) this.pieces(arg.parts, quoted, out, !quoted); return;
      case "=": {
        if (!missing) { out.push({ t: v!, q: quoted, split: !quoted }); return; }
        if (!/^[A-Za-z_]\w*$/.test(name)) throw new ExpandError(`${name}: bad variable name`);
        const nv = this.word(arg);
        if (!setVar(sh, name, nv)) throw new ExpandError(`${name}: is read only`);
        out.push({ t: nv, q: quoted, split: !quoted });
        return;
      }
      case "?": {
        if (!missing) { out.push({ t: v!, q: quoted, split: !quoted }); return; }
        const msg = p.arg && p.arg.parts.length ? this.word(arg) : colon ? "parameter null or not set" : "parameter not set";
        throw new ExpandError(`${name}: ${msg}`);
      }
      default: {
        if (v === undefined && sh.opts.includes("u")) throw new ExpandError(`${name}: parameter not set`);
        const pat = this.pattern(arg);
        out.push({ t: trimPattern(v ?? "", pat, op as "#" | "##" | "%" | "%%"), q: quoted, split: !quoted });
      }
    }
  }

  private glob(pat: string): string[] {
    const abs = pat.startsWith("/");
    const comps = splitPattern(pat).filter((c, i) => c !== "" || i === 0);
    let paths = [abs ? "/" : ""];
    for (const comp of comps) {
      if (comp === "") continue;
      const next: string[] = [];
      for (const base of paths) {
        const dir = base === "" ? this.sys.cwd : base.startsWith("/") ? base : `${this.sys.cwd}/${base}`;
        const join = (n: string) => (base === "" ? n : base === "/" ? `/${n}` : `${base}/${n}`);
        if (!hasGlob(comp)) {
          const lit = comp.replace(/\\([\s\S])/g, "$1");
          if (typeof this.sys.fs.stat(`${dir}/${lit}`) !== "string") next.push(join(lit));
          continue;
        }
        const names = this.sys.fs.readdir(dir);
        if (typeof names === "string") continue;
        for (const n of names) {
          if (n.startsWith(".") && !comp.startsWith(".") && !comp.startsWith("\\.")) continue;
          if (matchPattern(comp, n)) next.push(join(n));
        }
      }
      paths = next;
      if (!paths.length) return [];
    }
    return paths.sort();
  }
}

/** The text of a word that needs no expansion (one literal or quoted part without glob characters). */
function literalOf(w: Word): string | undefined {
  if (w.parts.length !== 1) return undefined;
  const p = w.parts[0];
  if (p.t === "sq") return p.v;
  if (p.t === "lit" && !/[*?[]/.test(p.v)) return p.v;
  if (p.t === "dq" && p.parts.length === 1 && p.parts[0].t === "lit") return p.parts[0].v;
  return undefined;
}

function splitPattern(pat: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === "\\" && i + 1 < pat.length) { cur += pat[i] + pat[i + 1]; i++; continue; }
    if (pat[i] === "/") { out.push(cur); cur = ""; continue; }
    cur += pat[i];
  }
  out.push(cur);
  return out;
}
