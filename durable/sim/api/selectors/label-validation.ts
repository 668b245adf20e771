// Label key and value validation with apimachinery's exact messages (util/validation:
// IsQualifiedName, IsValidLabelValue, IsDNS1123Subdomain) and field.Error / aggregate rendering.
// Used by the label selector parser (label.ts), whose errors the apiserver returns verbatim in
// 400 responses: `unable to parse requirement: <nil>: Invalid value: "a b": name part must ...`.

const QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QNAME_RE = new RegExp(`^${QNAME_FMT}$`);
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** validation.RegexError */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (!examples.length) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${fmt}')`;
}

const maxLen = (n: number) => `must be no more than ${n} characters`;

/** validation.IsDNS1123Subdomain */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

/** validation.IsQualifiedName: `[prefix/]name`, the syntax of label keys. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (!prefix.length) errs.push("prefix part must be non-empty");
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (!name.length) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (!QNAME_RE.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

/** validation.IsValidLabelValue */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

/** How field.Error prints a bad value: strings quoted, string slices as Go's %#v. */
export function formatBadValue(v: string | number | boolean | string[] | null | undefined): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return v.length ? `[]string{${v.map((s) => JSON.stringify(s)).join(", ")}}` : "[]string(nil)";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

/** field.Invalid(path, value, detail).Error() — a nil path prints as `<nil>`. */
export function invalidError(path: string | null, value: string | string[] | null, detail: string): string {
  return `${path ?? "<nil>"}: Invalid value: ${formatBadValue(value)}${detail ? `: ${detail}` : ""}`;
}

/** field.NotSupported(path, value, supported).Error() */
export function notSupportedError(path: string, value: string, supported: string[]): string {
  const list = supported.length ? `: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : "";
  return `${path}: Unsupported value: ${JSON.stringify(value)}${list}`;
}

/** ErrorList.ToAggregate().Error(): one message alone, several deduplicated in brackets. */
export function aggregateError(messages: string[]): string {
  const seen = [...new Set(messages)];
  if (seen.length <= 1) return seen[0] ?? "";
  return `[${seen.join(", ")}]`;
}
