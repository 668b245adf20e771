// The second half of the program table (system, network and server programs), kept apart so
// registry.ts stays short. Used by registry.ts.
import type { Program } from "./api";

/** Programs beyond the basics, by id. */
export const EXTRA: Record<string, Program> = {};
