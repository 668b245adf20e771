// Field selectors: the `fieldSelector` query parameter (`kubectl get --field-selector`,
// `kubectl describe node` listing its pods and events). Parsing follows apimachinery's fields
// package (`a=b`, `a==b`, `a!=b`, comma = AND, `\,` `\=` `\\` escapes, empty values allowed);
// which labels a resource accepts and how they read an object follow the apiserver's field label
// conversion functions and each registry's ToSelectableFields. Used by api/filters.ts.
import { SelectorError } from "./label";

/** One term: field, operator, unescaped value. */
export interface FieldRequirement {
  field: string;
  operator: "=" | "!=";
  value: string;
}

/** A parsed field selector (AND of its terms). */
export interface FieldSelector {
  requirements: FieldRequirement[];
}

/** Reads one selectable field of an object as text ("" when absent). */
export type FieldExtractor = (obj: Record<string, unknown>) => string;

/** The selectable fields of a resource. */
export interface FieldTable {
  fields: Readonly<Record<string, FieldExtractor>>;
  /** Labels the conversion function renames (pods: spec.host → spec.nodeName). */
  aliases?: Readonly<Record<string, string>>;
  /** The error of an unsupported label. */
  unsupported: (label: string) => string;
}

const at = (obj: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
const str = (path: string): FieldExtractor => (o) => {
  const v = at(o, path);
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
};
const bool = (path: string): FieldExtractor => (o) => String(at(o, path) === true);

const notSupported = (label: string) => `field label not supported: ${label}`;
const objectMeta = { "metadata.name": str("metadata.name"), "metadata.namespace": str("metadata.namespace") };

/** Pods: pkg/registry/core/pod ToSelectableFields and the v1 Pod field label conversion. */
const pods: FieldTable = {
  fields: {
    ...objectMeta,
    "spec.nodeName": str("spec.nodeName"),
    "spec.restartPolicy": str("spec.restartPolicy"),
    "spec.schedulerName": str("spec.schedulerName"),
    "spec.serviceAccountName": str("spec.serviceAccountName"),
    "spec.hostNetwork": bool("spec.hostNetwork"),
    "status.phase": str("status.phase"),
    "status.podIP": (o) => {
      const ips = at(o, "status.podIPs");
      const first = Array.isArray(ips) && ips.length ? at(ips[0], "ip") : at(o, "status.podIP");
      return typeof first === "string" ? first : "";
    },
    "status.nominatedNodeName": str("status.nominatedNodeName"),
  },
  aliases: { "spec.host": "spec.nodeName" },
  unsupported: notSupported,
};

/** Events: pkg/registry/core/event ToSelectableFields (source falls back to reportingComponent). */
const events: FieldTable = {
  fields: {
    ...objectMeta,
    "involvedObject.kind": str("involvedObject.kind"),
    "involvedObject.namespace": str("involvedObject.namespace"),
    "involvedObject.name": str("involvedObject.name"),
    "involvedObject.uid": str("involvedObject.uid"),
    "involvedObject.apiVersion": str("involvedObject.apiVersion"),
    "involvedObject.resourceVersion": str("involvedObject.resourceVersion"),
    "involvedObject.fieldPath": str("involvedObject.fieldPath"),
    reason: str("reason"),
    reportingComponent: str("reportingComponent"),
    source: (o) => str("source.component")(o) || str("reportingComponent")(o),
    type: str("type"),
  },
  unsupported: notSupported,
};

/** Nodes (cluster-scoped: no metadata.namespace). */
const nodes: FieldTable = {
  fields: { "metadata.name": str("metadata.name"), "spec.unschedulable": bool("spec.unschedulable") },
  unsupported: notSupported,
};

/** Namespaces. */
const namespaces: FieldTable = {
  fields: { "metadata.name": str("metadata.name"), "status.phase": str("status.phase") },
  unsupported: notSupported,
};

/** Secrets. */
const secrets: FieldTable = { fields: { ...objectMeta, type: str("type") }, unsupported: notSupported };

/** Services (spec.clusterIP since v1.30, spec.type since v1.31). */
const services: FieldTable = {
  fields: { ...objectMeta, "spec.clusterIP": str("spec.clusterIP"), "spec.type": str("spec.type") },
  unsupported: notSupported,
};

/** Every other resource: runtime.DefaultMetaV1FieldSelectorConversion. */
const generic: FieldTable = {
  fields: objectMeta,
  unsupported: (label) => `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

/** Field tables by resource (plural, lower case). */
export const FIELD_SELECTOR_TABLES: Readonly<Record<string, FieldTable>> = {
  pods, events, nodes, namespaces, secrets, services,
};

/** The field table of a resource (plural name, or Kind). */
export function fieldTableFor(resource: string): FieldTable {
  const r = resource.toLowerCase();
  return FIELD_SELECTOR_TABLES[r] ?? FIELD_SELECTOR_TABLES[`${r}s`] ?? generic;
}

/** splitTerms: splits on unescaped commas, keeping escapes for UnescapeValue. */
function splitTerms(s: string): string[] {
  if (!s) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** splitTerm: the first `!=`, `==` or `=` splits field from value (fields cannot be escaped). */
function splitTerm(term: string): { lhs: string; op: "!=" | "==" | "="; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ["!=", "==", "="] as const) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue: `\\`, `\,`, `\=` only; a bare `,` or `=` is an error. */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = "";
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== "\\" && c !== "," && c !== "=") throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === "\\") {
      inSlash = true;
    } else if (c === "," || c === "=") {
      // Go prints the rune with %v: its code point.
      throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new SelectorError("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** fields.ParseSelector: syntax only. */
export function parseFieldSelectorSyntax(selector: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort()) {
    if (part === "") continue;
    const t = splitTerm(part);
    if (!t) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    requirements.push({ field: t.lhs, operator: t.op === "!=" ? "!=" : "=", value: unescapeValue(t.rhs) });
  }
  return { requirements };
}

/** Parses a field selector for a resource, applying its label conversion (400 on unsupported labels). */
export function parseFieldSelector(selector: string, resource: string): FieldSelector {
  const table = fieldTableFor(resource);
  const sel = parseFieldSelectorSyntax(selector);
  return {
    requirements: sel.requirements.map((r) => {
      const field = table.aliases?.[r.field] ?? r.field;
      if (!Object.prototype.hasOwnProperty.call(table.fields, field)) throw new SelectorError(table.unsupported(r.field));
      return { ...r, field };
    }),
  };
}

/** True when the object satisfies every term (absent fields read as ""). */
export function matchesFieldSelector(sel: FieldSelector, obj: object, resource: string): boolean {
  const table = fieldTableFor(resource);
  const o = obj as Record<string, unknown>;
  return sel.requirements.every((r) => {
    const extract = table.fields[r.field];
    const v = extract ? extract(o) : "";
    return r.operator === "=" ? v === r.value : v !== r.value;
  });
}

/** Selector.String() with values escaped again: `metadata.name=web,status.phase!=Running`. */
export function fieldSelectorString(sel: FieldSelector): string {
  const esc = (v: string) => v.replace(/[\\,=]/g, (c) => `\\${c}`);
  return sel.requirements.map((r) => `${r.field}${r.operator}${esc(r.value)}`).join(",");
}
