// kubectl's JSON printer: json.MarshalIndent(obj, "", "    ") of an unstructured object plus a
// newline. Map keys sorted bytewise, HTML characters escaped (<, >, & as \u003c...), empty
// objects and arrays as {} and [], numbers as Go prints float64-decoded JSON numbers.

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A JSON number as Go's encoding/json prints it. */
export function goNumberString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  }
  return String(n);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indent(v: unknown, pad: string, out: string[]): void {
  if (v === null || v === undefined) {
    out.push("null");
  } else if (Array.isArray(v)) {
    if (!v.length) {
      out.push("[]");
      return;
    }
    out.push("[\n");
    v.forEach((x, i) => {
      out.push(`${pad}    `);
      indent(x, `${pad}    `, out);
      out.push(i < v.length - 1 ? ",\n" : "\n");
    });
    out.push(`${pad}]`);
  } else if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compare);
    if (!keys.length) {
      out.push("{}");
      return;
    }
    out.push("{\n");
    keys.forEach((k, i) => {
      out.push(`${pad}    ${goString(k)}: `);
      indent(o[k], `${pad}    `, out);
      out.push(i < keys.length - 1 ? ",\n" : "\n");
    });
    out.push(`${pad}}`);
  } else if (typeof v === "string") {
    out.push(goString(v));
  } else if (typeof v === "number") {
    out.push(goNumberString(v));
  } else {
    out.push(String(v));
  }
}

/** `kubectl -o json` text of a value (with the trailing newline). */
export function printJson(v: unknown): string {
  const out: string[] = [];
  indent(v, "", out);
  return `${out.join("")}\n`;
}
