// A JSON parser that keeps what JSON.parse throws away and strict decoding needs: repeated
// keys (for "duplicate field" errors), key order, and the literal text of numbers (so 1.0 is not
// an int32, as in Go). Used by durable/sim/api/decode.ts; also converts already-parsed values.

/** One JSON value with its source details. */
export type JsonNode =
  | { t: "object"; entries: [string, JsonNode][] }
  | { t: "array"; items: JsonNode[] }
  | { t: "string"; v: string }
  | { t: "number"; raw: string; v: number }
  | { t: "bool"; v: boolean }
  | { t: "null" };

/** A JSON syntax error with Go's wording where it is cheap to match. */
export class JsonSyntaxError extends Error {}

/** Parses JSON text into nodes; throws JsonSyntaxError. */
export function parseJsonAst(text: string): JsonNode {
  let i = 0;
  const ws = () => { while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++; };
  const fail = (what: string): never => {
    if (i >= text.length) throw new JsonSyntaxError("unexpected end of JSON input");
    throw new JsonSyntaxError(`invalid character ${JSON.stringify(text[i]).replace(/^"|"$/g, "'")} ${what}`);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) fail("in string literal");
      i++;
    }
    if (i >= text.length) fail("in string literal");
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail("in string escape code");
    }
  };
  const value = (): JsonNode => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: [string, JsonNode][] = [];
      ws();
      if (text[i] === "}") { i++; return { t: "object", entries }; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("looking for beginning of object key string");
        const key = str();
        ws();
        if (text[i] !== ":") fail("after object key");
        i++;
        entries.push([key, value()]);
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return { t: "object", entries }; }
        fail("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === "]") { i++; return { t: "array", items }; }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") { i++; return { t: "array", items }; }
        fail("after array element");
      }
    }
    if (c === '"') return { t: "string", v: str() };
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0]) { i += m[0].length; return { t: "number", raw: m[0], v: Number(m[0]) }; }
    for (const [lit, node] of [["true", { t: "bool", v: true }], ["false", { t: "bool", v: false }], ["null", { t: "null" }]] as const) {
      if (text.startsWith(lit, i)) { i += lit.length; return node; }
    }
    return fail("looking for beginning of value");
  };
  const root = value();
  ws();
  if (i < text.length) fail("after top-level value");
  return root;
}

/** Converts an already-parsed JSON value into nodes (numbers keep their JavaScript spelling). */
export function toJsonAst(value: unknown): JsonNode {
  if (value === null || value === undefined) return { t: "null" };
  if (Array.isArray(value)) return { t: "array", items: value.map(toJsonAst) };
  switch (typeof value) {
    case "string": return { t: "string", v: value };
    case "boolean": return { t: "bool", v: value };
    case "number": return { t: "number", raw: String(value), v: value };
    case "object":
      return { t: "object", entries: Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJsonAst(v)]) };
    default: return { t: "null" };
  }
}

/** Plain JavaScript value of a node; a repeated key keeps its last value, in first-seen position. */
export function fromJsonAst(node: JsonNode): unknown {
  switch (node.t) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) setOwn(out, k, fromJsonAst(v));
      return out;
    }
    case "array": return node.items.map(fromJsonAst);
    case "null": return null;
    default: return node.v;
  }
}

/** Go's name for the JSON kind of a node in "cannot unmarshal X into ..." messages. */
export function goJsonKind(node: JsonNode): string {
  return node.t === "bool" ? "bool" : node.t;
}

/** Sets an own enumerable property, even for the key "__proto__". */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
