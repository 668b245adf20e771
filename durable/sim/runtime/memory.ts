// Memory accounting and the OOM killer: a container whose processes together exceed its memory
// limit is killed as a whole (cgroup v2 memory.oom.group, as the kubelet configures it), exit 137
// with reason OOMKilled. CPU usage for kubectl top, throttled at the limit. Used by sys.ts, runtime.ts.
import { SIG } from "./constants";
import type { Kernel } from "./kernel";
import type { ContainerState } from "./state";
import { exitProc } from "./procs";

/** Total resident memory of a container's processes. */
export function containerMemory(c: ContainerState): number {
  let m = 0;
  for (const pid in c.procs) m += c.procs[pid].mem;
  return m;
}

/** Kills the whole container when it is above its memory limit. */
export function checkOom(k: Kernel, c: ContainerState): void {
  const limit = c.cfg.memoryLimitBytes;
  if (!limit || c.status !== "running" || containerMemory(c) <= limit) return;
  c.oom = true;
  const pids = Object.keys(c.procs).map(Number).sort((a, b) => b - a);
  for (const pid of pids) {
    const p = c.procs[pid];
    if (p && p.st !== "Z" && pid !== 1) exitProc(k, c, p, 0, SIG.KILL);
  }
  const init = c.procs[1];
  if (init && init.st !== "Z") exitProc(k, c, init, 0, SIG.KILL);
}

/** CPU millicores in use: declared usage plus busy (preempted) processes, capped by limit and node. */
export function containerCpu(c: ContainerState, nodeCpus: number): number {
  let m = 0;
  for (const pid in c.procs) {
    const p = c.procs[pid];
    if (p.st === "Z") continue;
    m += p.cpu;
  }
  const cap = Math.min(c.cfg.cpuLimitMillis ?? Infinity, nodeCpus * 1000);
  return Math.min(m, cap);
}
