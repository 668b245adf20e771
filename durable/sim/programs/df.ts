// df: the container's file systems (the overlay root, /dev, /dev/shm, then every mount: node-disk
// volumes and managed files as /dev/sda1, the service-account token as tmpfs) in busybox's fixed
// columns or GNU's computed ones, optionally only those holding the given paths. Registered in
// registry-extra.ts.
import type { Sys } from "./api";
import { oneShot } from "./oneshot";

/** One df row: source, size, used (KiB) and mount point. */
type Row = [fs: string, size: number, used: number, mnt: string];

const DISK = 52403200;
const DISK_USED = 9832484;

function rowsOf(sys: Sys): Row[] {
  const mem = Math.round((sys.node.memoryBytes / 1024) * 0.95);
  const rows: Row[] = [["overlay", DISK, DISK_USED, "/"], ["tmpfs", 65536, 0, "/dev"], ["shm", 65536, 0, "/dev/shm"]];
  for (const m of sys.fs.mountList()) rows.push(m.kind === "tmpfs" ? ["tmpfs", mem, 12, m.path] : ["/dev/sda1", DISK, DISK_USED, m.path]);
  return rows;
}

/** The row of the file system holding `path` (the longest mount-point prefix of its real path). */
function holder(rows: Row[], real: string): Row | undefined {
  return rows.filter((r) => r[3] === "/" || real === r[3] || real.startsWith(r[3] + "/")).sort((a, b) => b[3].length - a[3].length)[0];
}

/** Human-readable KiB: busybox "50.0G", GNU "50G" / "9.4G" (rounded up), 0 as "0". */
function human(kb: number, bb: boolean): string {
  if (kb === 0) return "0";
  const units = ["K", "M", "G", "T"];
  let v = kb, u = 0;
  while (v >= 1024 && u < 3) { v /= 1024; u++; }
  if (bb) return `${v.toFixed(1)}${units[u]}`;
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`;
}

function render(rows: Row[], h: boolean, bb: boolean): string {
  const pct = (used: number, size: number) => `${size ? (bb ? Math.round((used * 100) / size) : Math.ceil((used * 100) / size)) : 0}%`;
  const v = (x: number) => (h ? human(x, bb) : String(x));
  if (bb) {
    let out = `Filesystem           ${h ? "     Size" : "1K-blocks"}      Used Available Use% Mounted on\n`;
    for (const [fs, size, used, mnt] of rows) out += `${fs.padEnd(20)} ${v(size).padStart(9)} ${v(used).padStart(9)} ${v(size - used).padStart(9)} ${pct(used, size).padStart(4)} ${mnt}\n`;
    return out;
  }
  const table = [["Filesystem", h ? "Size" : "1K-blocks", "Used", h ? "Avail" : "Available", "Use%", "Mounted on"], ...rows.map(([fs, size, used, mnt]) => [fs, v(size), v(used), v(size - used), pct(used, size), mnt])];
  const min = [14, 5, 5, 5, 4, 0];
  const w = min.map((m, i) => Math.max(m, ...table.map((r) => r[i].length)));
  return table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[0]) : i === 5 ? c : c.padStart(w[i]))).join(" ") + "\n").join("");
}

/** df [-h] [FILE]... */
export const df = oneShot((sys, args) => {
  const h = args.some((a) => /^-[a-zA-Z]*h/.test(a));
  const bb = sys.flavor === "busybox";
  const all = rowsOf(sys);
  const operands = args.filter((a) => !a.startsWith("-"));
  let rows = all;
  let st = 0;
  if (operands.length) {
    rows = [];
    for (const o of operands) {
      const r = sys.fs.lookup(o.startsWith("/") ? o : `${sys.cwd}/${o}`);
      if (typeof r === "string" || !r.node) { sys.write(2, `df: ${o}: No such file or directory\n`); st = 1; continue; }
      const row = holder(all, r.real);
      if (row) rows.push(row);
    }
    if (!rows.length) return st;
  }
  sys.write(1, render(rows, h, bb));
  return st;
});
