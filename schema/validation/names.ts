// apimachinery's util/validation string checks (DNS labels and subdomains, qualified names, label
// values, port names, env var names, config keys) with their exact v1.32 messages. Each returns a
// list of messages, empty when valid. Used by every validator in schema/validation.

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const HTTP_HEADER_FMT = "[-A-Za-z0-9]+";
const HTTP_HEADER_MSG = "a valid HTTP header must consist of alphanumeric characters or '-'";
const RELAXED_ENV_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
const C_IDENTIFIER_MSG = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";

/**
 * v1.32 reports a dotted name that is a valid subdomain with the full label regex message;
 * "must not contain dots" only appears in later releases. Flip this to model those.
 */
export const DNS_LABEL_DOTS_MESSAGE = false;

const full = (fmt: string) => new RegExp(`^(?:${fmt})$`);
const dns1123LabelRe = full(DNS1123_LABEL_FMT);
const dns1123SubdomainRe = full(DNS1123_SUBDOMAIN_FMT);
const dns1035LabelRe = full(DNS1035_LABEL_FMT);
const qnameRe = full(QNAME_FMT);
const labelValueRe = full(LABEL_VALUE_FMT);
const configKeyRe = full(CONFIG_KEY_FMT);
const httpHeaderRe = full(HTTP_HEADER_FMT);
const cIdentifierRe = full(C_IDENTIFIER_FMT);

/** Go's len(): UTF-8 byte length. */
export const byteLen = (s: string): number => new TextEncoder().encode(s).length;

/** MaxLenError */
export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
/** EmptyError */
export const emptyError = (): string => "must be non-empty";
/** InclusiveRangeError */
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

/** RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')` (note the double space). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => { out += `${i > 0 ? " or " : ""}'${e}', `; });
  return `${out}regex used for validation is '${fmt}')`;
}

/** IsDNS1123Label */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(value)) {
    if (DNS_LABEL_DOTS_MESSAGE && dns1123SubdomainRe.test(value)) errs.push("must not contain dots");
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errs;
}

/** IsDNS1123Subdomain */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLenError(253));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

/** IsDNS1035Label */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  return errs;
}

/** IsQualifiedName (label keys, annotation keys, resource names). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLen(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qnameRe.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

/** IsValidLabelValue */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

/** IsValidPortNum */
export const isValidPortNum = (port: number): string[] =>
  port >= 1 && port <= 65535 && Number.isInteger(port) ? [] : [inclusiveRangeError(1, 65535)];

/** IsValidPortName (IANA_SVC_NAME). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLen(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is beta and on in v1.32). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c < 0x20 || ch === "=") { errs.push(RELAXED_ENV_MSG); break; }
  }
  return errs;
}

function chDirPrefix(value: string): string[] {
  if (value === ".") return ["must not be '.'"];
  if (value === "..") return ["must not be '..'"];
  if (value.startsWith("..")) return ["must not start with '..'"];
  return [];
}

/** IsConfigMapKey (also Secret data keys and key selectors). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLenError(253));
  if (!configKeyRe.test(value)) errs.push(regexError(CONFIG_KEY_MSG, CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
  errs.push(...chDirPrefix(value));
  return errs;
}

/** IsHTTPHeaderName */
export const isHTTPHeaderName = (value: string): string[] =>
  httpHeaderRe.test(value) ? [] : [regexError(HTTP_HEADER_MSG, HTTP_HEADER_FMT, "X-Header-Name")];

/** IsCIdentifier */
export const isCIdentifier = (value: string): string[] =>
  cIdentifierRe.test(value) ? [] : [regexError(C_IDENTIFIER_MSG, C_IDENTIFIER_FMT, "my_name", "MY_NAME", "MyName")];

/** IsValidGroupID / IsValidUserID (0..MaxInt32 in v1.32). */
export const isValidID = (id: number): string[] =>
  id >= 0 && id <= 2147483647 ? [] : [inclusiveRangeError(0, 2147483647)];

/** A plain IPv4 or IPv6 address (netutils.ParseIPSloppy accepts leading zeros in IPv4). */
export function isIP(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  if (!value.includes(":") || /[^0-9a-fA-F:.]/.test(value)) return false;
  const dbl = value.split("::");
  if (dbl.length > 2) return false;
  const groups = value.replace("::", ":x:").split(":").filter((g) => g !== "");
  const tailV4 = groups.length > 0 && groups[groups.length - 1].includes(".");
  if (tailV4 && !isIP(groups[groups.length - 1])) return false;
  const hextets = groups.filter((g) => g !== "x" && !g.includes("."));
  if (hextets.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hextets.length + (tailV4 ? 2 : 0);
  return dbl.length === 2 ? count < 8 : count === 8;
}

/** DNS-1123 label regex, exported for callers that need the raw test. */
export const isDNS1123LabelValid = (v: string): boolean => isDNS1123Label(v).length === 0;
