// The command table of the in-core kubectl (cobra's command tree, flattened to paths).
import type { Command } from "./context";
import { getCommand } from "./cmd/get";

/** Every supported command. */
export const COMMANDS: Command[] = [
  getCommand,
];
