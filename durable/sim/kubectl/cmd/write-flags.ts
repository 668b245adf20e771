// Flags shared by the writing commands (apply, create, replace, run, delete, label, annotate,
// patch): --dry-run, --validate, --field-manager, -o, and how they turn into query parameters
// and the " (server dry run)" suffix kubectl prints.
import type { FlagSpec, Flags } from "../flags";
import { KubectlError } from "../io";

/** --dry-run strategy. */
export type DryRun = "none" | "client" | "server";

/** The flags. */
export const DRY_RUN_FLAG: FlagSpec = { name: "dry-run", type: "string", def: "none", noOptDef: "unchanged" };
/** --validate (strict by default). */
export const VALIDATE_FLAG: FlagSpec = { name: "validate", type: "string", def: "strict", noOptDef: "strict" };

/** Parses --dry-run. */
export function dryRunOf(f: Flags): DryRun {
  const v = f.str("dry-run");
  if (v === "unchanged") throw new KubectlError(`error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".`);
  if (v === "" || v === "none" || v === "false") return "none";
  if (v === "client" || v === "true") return "client";
  if (v === "server") return "server";
  throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The fieldValidation query value of --validate. */
export function fieldValidationOf(f: Flags): "Strict" | "Warn" | "Ignore" {
  const v = f.str("validate").toLowerCase();
  if (v === "true" || v === "strict") return "Strict";
  if (v === "warn") return "Warn";
  if (v === "false" || v === "ignore") return "Ignore";
  throw new KubectlError(`error: invalid - validate option "${f.str("validate")}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** " (dry run)" / " (server dry run)" / "". */
export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}

/** dryRun=All when server-side dry run. */
export function dryRunQuery(d: DryRun): Record<string, string | undefined> {
  return { dryRun: d === "server" ? "All" : undefined };
}
