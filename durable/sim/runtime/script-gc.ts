// Drops interned shell scripts no live process references any more (run when containers or
// sandboxes are removed), so the persisted script table stays proportional to what runs.
import type { Kernel } from "./kernel";
import { shellScriptRefs } from "../shell/program";

const SHELLS = new Set(["dash", "ash", "bash"]);

/** Removes unreferenced scripts from the state. */
export function collectScripts(k: Kernel): void {
  const keep = new Set<string>();
  for (const c of Object.values(k.s.containers)) {
    for (const p of Object.values(c.procs)) if (SHELLS.has(p.prog)) for (const key of shellScriptRefs(p.data)) keep.add(key);
  }
  for (const key of Object.keys(k.s.scripts)) if (!keep.has(key)) delete k.s.scripts[key];
}
