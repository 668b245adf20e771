// Object-metadata validation shared by strategies that have no richer validator of their own:
// name formats (RFC 1123 subdomain / label, DNS-1035), label and annotation basics.
import { invalid, required, type FieldError } from "../../../../schema/validation/field-error";
import type { KObject } from "../../store/types";

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** The upstream message for a name that is not an RFC 1123 subdomain. */
export const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
/** The upstream message for a name that is not an RFC 1123 label. */
export const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
/** The upstream message for a name that is not an RFC 1035 label. */
export const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Validates a name of the given format; returns detail strings (empty when valid). */
export function nameErrors(name: string, format: "subdomain" | "label" | "dns1035"): string[] {
  const out: string[] = [];
  if (format === "subdomain") {
    if (name.length > 253) out.push("must be no more than 253 characters");
    if (!SUBDOMAIN.test(name)) out.push(SUBDOMAIN_MSG);
  } else if (format === "label") {
    if (name.length > 63) out.push("must be no more than 63 characters");
    if (!LABEL.test(name)) out.push(LABEL_MSG);
  } else {
    if (name.length > 63) out.push("must be no more than 63 characters");
    if (!DNS1035.test(name)) out.push(DNS1035_MSG);
  }
  return out;
}

/** Minimal ValidateObjectMeta: name required and well-formed, namespace presence by scope. */
export function validateObjectMetaBasic(obj: KObject, namespaced: boolean, format: "subdomain" | "label" | "dns1035"): FieldError[] {
  const errs: FieldError[] = [];
  const m = obj.metadata ?? {};
  if (!m.name && !m.generateName) errs.push(required("metadata.name", "name or generateName is required"));
  else if (m.name) for (const d of nameErrors(m.name, format)) errs.push(invalid("metadata.name", m.name, d));
  if (namespaced && !m.namespace) errs.push(required("metadata.namespace", ""));
  if (!namespaced && m.namespace) errs.push({ type: "FieldValueForbidden", field: "metadata.namespace", detail: "not allowed on this type" });
  return errs;
}
