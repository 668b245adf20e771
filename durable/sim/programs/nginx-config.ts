// Reads nginx configuration the way the simulated nginx needs it: worker_processes, pid, and
// per server the listen ports, server_name, root, index and locations (= exact, prefix) with
// root/index/return. Includes are expanded (globs). Used by programs/nginx.ts.
import type { Sys } from "./api";
import { matchPattern } from "../shell/pattern";

/** A location block. */
export interface NginxLocation { match: "=" | "prefix"; path: string; root?: string; index?: string[]; ret?: { code: number; text?: string } }

/** A server block. */
export interface NginxServer { ports: number[]; name: string; root: string; index: string[]; locations: NginxLocation[] }

/** The parts of nginx.conf the simulation uses. */
export interface NginxConfig { workers: string; pid: string; servers: NginxServer[] }

type Tok = string;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const re = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].startsWith("#")) continue;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  return out;
}

interface Block { name: string; args: string[]; children?: Block[] }

function parseBlocks(toks: Tok[], pos: { i: number }): Block[] {
  const out: Block[] = [];
  let cur: string[] = [];
  while (pos.i < toks.length) {
    const t = toks[pos.i++];
    if (t === ";") { if (cur.length) out.push({ name: cur[0], args: cur.slice(1) }); cur = []; }
    else if (t === "{") { out.push({ name: cur[0] ?? "", args: cur.slice(1), children: parseBlocks(toks, pos) }); cur = []; }
    else if (t === "}") return out;
    else cur.push(t);
  }
  return out;
}

function readInclude(sys: Sys, pattern: string, depth: number): Block[] | string {
  const abs = pattern.startsWith("/") ? pattern : `/etc/nginx/${pattern}`;
  const dir = abs.slice(0, abs.lastIndexOf("/")) || "/";
  const base = abs.slice(abs.lastIndexOf("/") + 1);
  const files = /[*?[]/.test(base) ? (() => { const n = sys.fs.readdir(dir); return typeof n === "string" ? [] : n.filter((x) => matchPattern(base, x)).map((x) => `${dir}/${x}`); })() : [abs];
  const out: Block[] = [];
  for (const f of files) {
    const r = sys.fs.readFile(f);
    if (typeof r === "string") return `open() "${f}" failed (2: No such file or directory)`;
    const blocks = expand(sys, parseBlocks(tokenize(r.c), { i: 0 }), depth + 1);
    if (typeof blocks === "string") return blocks;
    out.push(...blocks);
  }
  return out;
}

function expand(sys: Sys, blocks: Block[], depth: number): Block[] | string {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.name === "include" && depth < 8) {
      const inc = readInclude(sys, b.args[0] ?? "", depth);
      if (typeof inc === "string") return inc;
      out.push(...inc);
    } else if (b.children) {
      const kids = expand(sys, b.children, depth);
      if (typeof kids === "string") return kids;
      out.push({ ...b, children: kids });
    } else out.push(b);
  }
  return out;
}

/** Loads /etc/nginx/nginx.conf (or `path`); returns the error text nginx would print on failure. */
export function loadNginxConfig(sys: Sys, path = "/etc/nginx/nginx.conf"): NginxConfig | string {
  const r = sys.fs.readFile(path);
  if (typeof r === "string") return `open() "${path}" failed (2: No such file or directory)`;
  const top = expand(sys, parseBlocks(tokenize(r.c), { i: 0 }), 0);
  if (typeof top === "string") return top;
  const cfg: NginxConfig = { workers: "auto", pid: sys.imageVar("pid") ?? "/run/nginx.pid", servers: [] };
  for (const b of top) {
    if (b.name === "worker_processes") cfg.workers = b.args[0] ?? "auto";
    if (b.name === "pid") cfg.pid = b.args[0] ?? cfg.pid;
    if (b.name === "http") for (const s of b.children ?? []) if (s.name === "server") cfg.servers.push(server(s));
  }
  return cfg;
}

function server(s: Block): NginxServer {
  const srv: NginxServer = { ports: [], name: "localhost", root: "/etc/nginx/html", index: ["index.html"], locations: [] };
  for (const d of s.children ?? []) {
    if (d.name === "listen") {
      const m = /(\d+)$/.exec((d.args[0] ?? "").replace(/^\[[^\]]*\]:/, "").replace(/^[\d.]+:/, ""));
      const p = m ? Number(m[1]) : 80;
      if (!srv.ports.includes(p)) srv.ports.push(p);
    } else if (d.name === "server_name") srv.name = d.args[0] ?? "";
    else if (d.name === "root") srv.root = d.args[0] ?? srv.root;
    else if (d.name === "index") srv.index = d.args;
    else if (d.name === "location" && d.children) {
      const exact = d.args[0] === "=";
      const loc: NginxLocation = { match: exact ? "=" : "prefix", path: exact ? d.args[1] ?? "/" : d.args[d.args.length - 1] ?? "/" };
      for (const x of d.children) {
        if (x.name === "root") loc.root = x.args[0];
        if (x.name === "index") loc.index = x.args;
        if (x.name === "return") loc.ret = { code: Number(x.args[0]), text: x.args[1] };
      }
      if (d.args[0] === "~" || d.args[0] === "~*") continue;
      srv.locations.push(loc);
    }
  }
  if (!srv.ports.length) srv.ports.push(80);
  return srv;
}

/** The location serving a path (exact match first, then longest prefix). */
export function pickLocation(srv: NginxServer, path: string): NginxLocation | undefined {
  const exact = srv.locations.find((l) => l.match === "=" && l.path === path);
  if (exact) return exact;
  let best: NginxLocation | undefined;
  for (const l of srv.locations) if (l.match === "prefix" && path.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  return best;
}
