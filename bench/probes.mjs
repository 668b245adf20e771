// Prober and catch-up benchmark (issue 5): 500 pods with all three probes (periods 1–10 s)
// simulated for one virtual day (target ≤ 3 s wall), and a sandbox with 50 probed pods idle for
// 7 virtual days answering its next request (target ≤ 200 ms). Steady periodic work must be
// skipped in bulk, not replayed tick by tick. Bundles the pure scenario with esbuild and runs it.
import { performance } from "node:perf_hooks";
import { importCore } from "../scripts/import-core.mjs";

{
  const { probesDay, idleWeek } = await importCore("durable/sim/bench/probes-scenario.ts");
  const wall = () => performance.now();
  idleWeek(5, wall); // warm-up
  const day = probesDay(500, wall);
  const idle = idleWeek(50, wall);
  const okDay = day.dayMs <= 3000 && day.ready === day.pods;
  const okIdle = idle.firstRequestMs <= 200 && idle.ready === idle.pods;
  console.log("probes bench");
  console.log(`  ${day.pods} pods × 3 probes, 1 virtual day   ${day.dayMs.toFixed(0).padStart(6)} ms   target ≤ 3000 ms   ${okDay ? "PASS" : "FAIL"}`);
  console.log(`    (setup ${day.setupMs.toFixed(0)} ms, ${day.timersRun} timers run, ${day.ready}/${day.pods} Ready, ${day.unhealthyEvents} Unhealthy events)`);
  console.log(`  ${idle.pods} probed pods idle 7 days, next request  ${idle.firstRequestMs.toFixed(0).padStart(6)} ms   target ≤ 200 ms    ${okIdle ? "PASS" : "FAIL"}`);
  console.log(`    (catch-up ${idle.catchUpMs.toFixed(0)} ms, ${idle.timersRun} timers run, ${idle.ready}/${idle.pods} Ready)`);
  process.exitCode = okDay && okIdle ? 0 : 1;
}
