// `for name in words; do ...; done` and `case word in pat) ...;; esac` frames: their word and
// pattern expansion (which may run command substitutions) and iteration. Used by interp.ts.
import type { Node } from "./ast";
import { type Env, nodeOf, pushNode, type StepResult } from "./interp";
import { F_TESTED, type Frame, setVar } from "./state";
import { withExpansion } from "./interp-fork";
import { matchPattern } from "./pattern";

/** One step of a for loop. */
export function stepFor(env: Env, f: Extract<Frame, { k: "for" }>): StepResult {
  const sh = env.sh;
  const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "for" }>;
  if (f.ph === 0) {
    const r = withExpansion(env, f, (x) => (node.words ? x.words(node.words) : sh.args.slice()));
    if (r === "block") return "block";
    if (r === "error") { sh.stack.pop(); sh.loops--; return "cont"; }
    f.items = r;
    f.ex = undefined;
    f.ph = 1;
  }
  if (f.ph === 1) {
    const items = f.items ?? [];
    if (f.i >= items.length) { sh.st = f.st; sh.stack.pop(); sh.loops--; return "cont"; }
    setVar(sh, node.name, items[f.i++]);
    f.ph = 2;
    pushNode(env, f.s, node.body, f.f & F_TESTED);
    return "cont";
  }
  f.st = sh.st;
  f.ph = 1;
  return "cont";
}

/** One step of a case statement. */
export function stepCase(env: Env, f: Extract<Frame, { k: "case" }>): StepResult {
  const sh = env.sh;
  const node = nodeOf(env, f.s, f.n) as Extract<Node, { t: "case" }>;
  if (f.ph === 0) {
    const r = withExpansion(env, f, (x) => {
      const subj = x.word(node.word);
      for (let i = 0; i < node.items.length; i++) {
        for (const p of node.items[i].pats) if (matchPattern(x.pattern(p), subj)) return i;
      }
      return -1;
    });
    if (r === "block") return "block";
    f.ex = undefined;
    if (r === "error" || r < 0) { if (r !== "error") sh.st = 0; sh.stack.pop(); return "cont"; }
    const body = node.items[r].body;
    if (!body) { sh.st = 0; sh.stack.pop(); return "cont"; }
    f.ph = 1;
    pushNode(env, f.s, body, f.f);
    return "cont";
  }
  sh.stack.pop();
  return "cont";
}
