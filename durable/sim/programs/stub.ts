// Executables the images ship that podlab does not simulate (vi, apk, envsubst, ...): they say
// so on stderr and fail, rather than pretending to work. Registered in registry.ts.
import { oneShot, progName } from "./oneshot";

/** A placeholder for unsimulated commands. */
export const stub = oneShot((sys) => {
  sys.write(2, `${progName(sys)}: this command is not available in the podlab sandbox\n`);
  return 126;
});

/** pause: blocks until killed (the pause image). */
export const pause = {
  step(sys: import("./api").Sys) {
    sys.setCatches([2, 15]);
    sys.setMem(300_000);
    sys.blockForever();
  },
  signal(sys: import("./api").Sys) { sys.exit(0); },
};
