// ls: names (one per line, or columns on a terminal), -l long format in busybox or GNU layout,
// -a/-A, -d, -R, -t, -r, -S, -h, -1, -F, and stat(1). Registered in registry.ts.
import type { Sys } from "./api";
import type { Stat } from "../runtime/fs";
import { oneShot, parseOpts, warn } from "./oneshot";
import { ERRNO } from "../runtime/constants";
import { userNames } from "./ps";
import { abs } from "./files";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function modeString(st: Stat): string {
  const t = st.type === "d" ? "d" : st.type === "l" ? "l" : st.type === "c" ? "c" : "-";
  let s = "";
  for (let i = 8; i >= 0; i--) s += st.mode & (1 << i) ? "rwx"[(8 - i) % 3] : "-";
  if (st.mode & 0o1000) s = s.slice(0, 8) + (st.mode & 1 ? "t" : "T");
  return t + s;
}

function when(mt: number, now: number): string {
  const d = new Date(mt);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - mt < 182 * 86400000 && mt <= now + 3600000;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`}`;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const u = ["K", "M", "G", "T"];
  let v = n;
  let i = -1;
  while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
  return (v < 10 ? v.toFixed(1) : String(Math.round(v))) + u[i];
}

interface Entry { name: string; path: string; st: Stat; link?: string }

function columns(names: string[], width: number): string {
  if (!names.length) return "";
  const w = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor(width / w));
  const rows = Math.ceil(names.length / cols);
  let out = "";
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) break;
      const last = (c + 1) * rows + r >= names.length;
      line += last ? names[i] : names[i].padEnd(w);
    }
    out += line + "\n";
  }
  return out;
}

/** ls. */
export const ls = oneShot((sys, args) => {
  const o = parseOpts(args.filter((a) => !a.startsWith("--color")));
  const f = o.flags;
  const long = !!(f.l || f.n || f.g);
  const bb = sys.flavor === "busybox";
  const tty = sys.isatty(1);
  const created = Date.parse(sys.imageVar("created") ?? "2025-01-01T00:00:00Z");
  const users = userNames(sys);
  const targets = o.rest.length ? o.rest : ["."];
  let st = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  const stat = (p: string, name: string): Entry | undefined => {
    const s = sys.fs.stat(p, false);
    if (typeof s === "string") return undefined;
    const e: Entry = { name, path: p, st: { ...s, mtime: s.mtime || created } };
    if (s.type === "l") {
      const r = sys.fs.lookup(p, false);
      if (typeof r !== "string" && r.node?.t === "l") e.link = r.node.to;
      if (!long) { const t = sys.fs.stat(p); if (typeof t !== "string") e.st = { ...t, mtime: t.mtime || created }; }
    }
    return e;
  };
  for (const t of targets) {
    const e = stat(abs(sys, t), t);
    if (!e) { warn(sys, bb ? `${t}: ${ERRNO.ENOENT}` : `cannot access '${t}': ${ERRNO.ENOENT}`); st = bb ? 1 : 2; continue; }
    if (e.st.type === "d" && !f.d) dirs.push(e);
    else files.push(e);
  }
  const sortEntries = (es: Entry[]) => {
    es.sort((a, b) => (f.t ? b.st.mtime - a.st.mtime : f.S ? b.st.size - a.st.size : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (f.r) es.reverse();
    return es;
  };
  const render = (es: Entry[], total: boolean): string => {
    if (!long) {
      const names = es.map((e) => e.name + (f.F ? (e.st.type === "d" ? "/" : e.st.x || e.st.mode & 0o111 ? "*" : e.st.type === "l" ? "@" : "") : ""));
      return tty && !f["1"] ? columns(names, 80) : names.map((n) => n + "\n").join("");
    }
    const rows = es.map((e) => {
      const size = e.st.type === "c" ? "1, 3" : f.h ? human(e.st.size) : String(e.st.size);
      const owner = users.get(0) ?? "root";
      return { mode: modeString(e.st), links: e.st.type === "d" ? "2" : "1", owner, size, date: when(e.st.mtime, sys.now()), name: e.name + (e.link ? ` -> ${e.link}` : "") };
    });
    const wl = Math.max(1, ...rows.map((r) => r.links.length));
    const ws = Math.max(1, ...rows.map((r) => r.size.length));
    let out = total ? `total ${es.reduce((n, e) => n + (e.st.type === "f" ? Math.ceil(e.st.size / 4096) * 4 : e.st.type === "d" ? 4 : 0), 0)}\n` : "";
    for (const r of rows) {
      out += bb
        ? `${r.mode}${r.links.padStart(5)} ${r.owner.padEnd(8)} ${r.owner.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}\n`
        : `${r.mode} ${r.links.padStart(wl)} ${r.owner} ${r.owner} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`;
    }
    return out;
  };
  let out = render(sortEntries(files), false);
  const listDir = (d: Entry, header: boolean) => {
    const names = sys.fs.readdir(d.path);
    if (typeof names === "string") { warn(sys, `${bb ? "" : "cannot open directory "}'${d.name}': ${ERRNO[names]}`); st = bb ? 1 : 2; return; }
    const all = f.a ? [".", "..", ...names] : f.A ? names : names.filter((n) => !n.startsWith("."));
    const es = sortEntries(all.map((n) => stat(n === "." ? d.path : n === ".." ? d.path.replace(/\/[^/]*$/, "") || "/" : `${d.path}/${n}`.replace("//", "/"), n)).filter((x): x is Entry => !!x));
    if (header) out += `${out ? "\n" : ""}${d.name}:\n`;
    out += render(es, true);
    if (f.R) for (const sub of es) if (sub.st.type === "d" && sub.name !== "." && sub.name !== "..") listDir({ ...sub, name: `${d.name}/${sub.name}`.replace("//", "/") }, true);
  };
  for (const d of sortEntries(dirs)) listDir(d, targets.length > 1 || !!f.R);
  sys.write(1, out);
  return st;
});

/** stat FILE... */
export const statProg = oneShot((sys, args) => {
  let code = 0;
  for (const a of args.filter((x) => !x.startsWith("-"))) {
    const s = sys.fs.stat(abs(sys, a), false);
    if (typeof s === "string") { warn(sys, sys.flavor === "busybox" ? `can't stat '${a}': ${ERRNO[s]}` : `cannot stat '${a}': ${ERRNO[s]}`); code = 1; continue; }
    const kind = s.type === "d" ? "directory" : s.type === "l" ? "symbolic link" : s.type === "c" ? "character special file" : s.size ? "regular file" : "regular empty file";
    const t = new Date(s.mtime || sys.now()).toISOString().replace("T", " ").replace("Z", "000000 +0000");
    sys.write(1, `  File: ${a}\n  Size: ${s.size}\t\tBlocks: ${Math.ceil(s.size / 512)}          IO Block: 4096   ${kind}\nAccess: (0${(s.mode & 0o7777).toString(8)}/${modeString(s)})  Uid: (    0/    root)   Gid: (    0/    root)\nModify: ${t}\n`);
  }
  return code;
});
