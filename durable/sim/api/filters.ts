// Compiles the labelSelector and fieldSelector query parameters of list/watch/deletecollection
// requests into one predicate over objects (errors become 400 Status values).
import { matchesFieldSelector, parseFieldSelector } from "./selectors/field";
import { matchesLabelSelector, parseLabelSelector } from "./selectors/label";
import type { KObject } from "../store/types";
import { badRequest } from "./status";

/** A predicate over stored objects. */
export type ObjectFilter = (obj: KObject) => boolean;

/** Builds the filter for a resource from raw selector strings. */
export function compileFilter(resource: string, labelSelector: string | null, fieldSelector: string | null): ObjectFilter {
  const parts: ObjectFilter[] = [];
  if (labelSelector) {
    const sel = wrap(() => parseLabelSelector(labelSelector));
    parts.push((o) => matchesLabelSelector(sel, o.metadata.labels ?? {}));
  }
  if (fieldSelector) {
    const sel = wrap(() => parseFieldSelector(fieldSelector, resource));
    parts.push((o) => matchesFieldSelector(sel, o, resource));
  }
  if (!parts.length) return () => true;
  return (o) => parts.every((p) => p(o));
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e && typeof e === "object" && "code" in e) throw e;
    throw badRequest((e as Error).message);
  }
}
