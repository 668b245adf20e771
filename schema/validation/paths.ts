// File path rules shared by volumes and mounts: relative, no `..` element, not starting with `..`
// (validateLocalDescendingPath, validatePathNoBacksteps, ValidateLocalNonReservedPath).
import { type FieldError, invalid } from "./field-error";

/** validatePathNoBacksteps */
export function validatePathNoBacksteps(p: string, path: string): FieldError[] {
  return p.replace(/\\/g, "/").split("/").includes("..") ? [invalid(path, p, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative and without backsteps. */
export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith("/")) errs.push(invalid(path, p, "must be a relative path"));
  errs.push(...validatePathNoBacksteps(p, path));
  return errs;
}

/** ValidateLocalNonReservedPath: also refuses a leading `..` (e.g. `..data`). */
export function validateLocalNonReservedPath(p: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(p, path);
  if (p.startsWith("..") && !p.startsWith("../")) errs.push(invalid(path, p, "must not start with '..'"));
  return errs;
}
