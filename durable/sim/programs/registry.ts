// Program id → implementation. Image files name the program they run (FsNode.x, or a busybox
// applet name); unknown ids fall back to the stub. Used by the scheduler, network and probes.
import type { Program } from "./api";
import { ashProgram, bashProgram, dashProgram } from "../shell/program";
import { sleep } from "./sleep";
import { pause, stub } from "./stub";
import { basenameProg, dirnameProg, echo, env, falseProg, printenv, printf, pwd, seq, testProg, trueProg, yes } from "./basic";
import { cat, head, tail } from "./text-io";
import { EXTRA } from "./registry-extra";

const PROGRAMS: Record<string, Program> = {
  dash: dashProgram, ash: ashProgram, bash: bashProgram, sh: dashProgram,
  sleep, stub, pause, true: trueProg, false: falseProg, echo, printf, pwd, seq, yes, env, printenv,
  basename: basenameProg, dirname: dirnameProg, test: testProg, "[": testProg,
  cat, head, tail,
  ...EXTRA,
};

/** The implementation of a program id. */
export function programFor(id: string): Program {
  return PROGRAMS[id] ?? stub;
}

/** True when a program id is simulated (not the stub). */
export function isSimulated(id: string): boolean {
  return id in PROGRAMS;
}
