// The generated /proc of a container: per-process directories (cmdline, comm, status, environ)
// and a few system files (meminfo, cpuinfo, uptime, loadavg, version, mounts). Read by fs.ts.
import type { Kernel } from "./kernel";
import type { ContainerState, FsNode } from "./state";
import { DEFAULT_NODE } from "./constants";

const SYS_FILES = ["cpuinfo", "loadavg", "meminfo", "mounts", "uptime", "version"];
const PID_FILES = ["cmdline", "comm", "environ", "status"];

/** The node at a /proc path, or undefined. */
export function procNode(k: Kernel, c: ContainerState, p: string, selfPid: number): FsNode | undefined {
  const parts = p.split("/").filter(Boolean).slice(1);
  if (parts.length === 0) return { t: "d", m: 0o555 };
  const [head, leaf, ...more] = parts;
  if (head === "self") {
    if (!selfPid) return undefined;
    return parts.length === 1 ? { t: "l", to: `/proc/${selfPid}` } : procNode(k, c, `/proc/${selfPid}/${parts.slice(1).join("/")}`, selfPid);
  }
  if (/^\d+$/.test(head)) {
    const pr = c.procs[head];
    if (!pr) return undefined;
    if (!leaf) return { t: "d", m: 0o555 };
    if (more.length) return leaf === "fd" && more.length === 1 && pr.fds[more[0]] ? { t: "l", to: fdTarget(pr.fds[more[0]]) } : undefined;
    switch (leaf) {
      case "cmdline": return file(pr.st === "Z" ? "" : pr.argv.join("\0") + "\0");
      case "comm": return file(pr.comm + "\n");
      case "environ": return file(pr.env.map(([a, b]) => `${a}=${b}\0`).join(""));
      case "status": return file(`Name:\t${pr.comm}\nState:\t${pr.st === "R" ? "R (running)" : pr.st === "Z" ? "Z (zombie)" : "S (sleeping)"}\nPid:\t${pr.pid}\nPPid:\t${pr.ppid}\nUid:\t${pr.uid}\t${pr.uid}\t${pr.uid}\t${pr.uid}\nVmRSS:\t${Math.round(pr.mem / 1024)} kB\n`);
      case "cwd": return { t: "l", to: pr.cwd };
      case "fd": return { t: "d", m: 0o500 };
      default: return undefined;
    }
  }
  if (head === "net") return leaf === undefined ? { t: "d" } : leaf === "if_inet6" ? file("00000000000000000000000000000001 01 80 10 80       lo\n") : undefined;
  if (leaf !== undefined) return undefined;
  const info = k.s.nodes[c.cfg.node]?.info ?? DEFAULT_NODE;
  const up = Math.max(0, (k.now() - (c.startedAt ?? c.createdAt)) / 1000) + 86400;
  switch (head) {
    case "uptime": return file(`${up.toFixed(2)} ${(up * info.cpus * 0.97).toFixed(2)}\n`);
    case "loadavg": return file(`0.08 0.12 0.10 1/${Object.keys(c.procs).length + 180} ${c.nextPid}\n`);
    case "version": return file(`Linux version ${info.kernelVersion} (buildd@lcy02-amd64-011) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #140-Ubuntu SMP\n`);
    case "meminfo": {
      const kb = Math.floor(info.memoryBytes / 1024);
      return file(`MemTotal:       ${String(kb).padStart(8)} kB\nMemFree:        ${String(Math.floor(kb * 0.35)).padStart(8)} kB\nMemAvailable:   ${String(Math.floor(kb * 0.62)).padStart(8)} kB\n`);
    }
    case "cpuinfo": return file(Array.from({ length: info.cpus }, (_, i) => `processor\t: ${i}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n\n`).join(""));
    case "mounts": return file(`overlay / overlay rw,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n${c.mounts.map((m) => `/dev/sda1 ${m.path} ext4 ${m.ro ? "ro" : "rw"},relatime 0 0\n`).join("")}`);
    default: return undefined;
  }
}

/** Names listed in a /proc directory. */
export function procChildren(_k: Kernel, c: ContainerState, p: string, selfPid: number): string[] {
  const parts = p.split("/").filter(Boolean).slice(1);
  if (parts.length === 0) return [...Object.keys(c.procs).sort((a, b) => Number(a) - Number(b)), ...SYS_FILES, "net", ...(selfPid ? ["self"] : [])];
  const pid = parts[0] === "self" ? String(selfPid) : parts[0];
  if (parts.length === 1 && c.procs[pid]) return [...PID_FILES, "cwd", "fd"];
  if (parts.length === 2 && parts[1] === "fd" && c.procs[pid]) return Object.keys(c.procs[pid].fds).sort((a, b) => Number(a) - Number(b));
  if (parts[0] === "net") return ["if_inet6"];
  return [];
}

/** The command name the kernel keeps (first 15 bytes of the executable's base name). */
export function comm(argv: readonly string[]): string {
  const a0 = argv[0] ?? "";
  return a0.slice(a0.lastIndexOf("/") + 1).slice(0, 15);
}

function file(c: string): FsNode {
  return { t: "f", c, m: 0o444 };
}

function fdTarget(fd: { k: string; p?: number; path?: string }): string {
  if (fd.k === "file" && fd.path) return fd.path;
  if (fd.k === "pipe") return `pipe:[${40000 + (fd.p ?? 0)}]`;
  if (fd.k === "null") return "/dev/null";
  if (fd.k === "sess") return "/dev/pts/0";
  return "pipe:[1]";
}
