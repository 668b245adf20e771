// kubectl's resource builder for command-line arguments (ResourceTypeOrNameArgs): `pods`,
// `pods,services`, `pod web other`, `pod/web svc/kubernetes`, the `all` category; plus the
// namespace each target lives in. Used by get, describe, delete, label, annotate, patch, wait.
import type { Discovery, Mapping } from "./discovery";
import { KubectlError } from "./io";

/** One resource type with the names asked for (none = the whole collection). */
export interface Target {
  mapping: Mapping;
  names: string[];
  /** The namespace of an object named in a -f file (else the request namespace applies). */
  namespace?: string;
}

/** Parses resource arguments into targets, in the order kubectl visits them. */
export function parseTargets(disco: Discovery, args: string[]): Target[] {
  if (!args.length) return [];
  if (args.some((a) => a.includes("/"))) {
    if (!args.every((a) => a.includes("/"))) {
      throw new KubectlError("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    const out: Target[] = [];
    for (const a of args) {
      const idx = a.indexOf("/");
      const type = a.slice(0, idx);
      const name = a.slice(idx + 1);
      if (!type || !name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const mapping = disco.resolve(type);
      const last = out[out.length - 1];
      if (last && last.mapping === mapping) last.names.push(name);
      else out.push({ mapping, names: [name] });
    }
    return out;
  }
  const types = args[0].split(",").filter(Boolean);
  const names = args.slice(1);
  const mappings: Mapping[] = [];
  for (const t of types) {
    const direct = disco.find(t);
    const cat = direct ? undefined : disco.category(t.toLowerCase());
    if (cat) mappings.push(...cat);
    else mappings.push(disco.resolve(t));
  }
  if (names.length && mappings.length > 1) {
    // kubectl fetches each name for each type.
    return mappings.map((mapping) => ({ mapping, names: [...names] }));
  }
  return mappings.map((mapping) => ({ mapping, names: [...names] }));
}

/** True when the arguments name exactly one object (kubectl's "single item implied"). */
export function singleItemImplied(args: string[], targets: Target[]): boolean {
  if (targets.length !== 1 || targets[0].names.length !== 1) return false;
  if (args.length === 1 && args[0].includes("/")) return true;
  return args.length === 2 && !args[0].includes(",");
}
