// kubectl's JSONPath templates (client-go util/jsonpath): literal text plus {actions} with
// fields, [n], [a:b], [*], .., [?(@.x=="y")] filters, {range ...}{end}, string literals and
// unions; results printed like PrintResults (strings raw, maps/lists as compact JSON, results
// separated by spaces). Missing keys print nothing (kubectl's --allow-missing-template-keys).
import { goJson } from "../../api/patch/json-value";
import { goNumberString } from "./json";

type Node =
  | { t: "text"; v: string }
  | { t: "list"; path: Step[][] }
  | { t: "range"; path: Step[]; body: Node[] };

type Step =
  | { t: "root" }
  | { t: "cur" }
  | { t: "field"; name: string }
  | { t: "recursive"; name: string }
  | { t: "index"; start?: number; end?: number; single: boolean }
  | { t: "wild" }
  | { t: "filter"; left: Step[]; op: string; right: Step[] | { lit: unknown } }
  | { t: "literal"; v: string };

/** A template syntax error. */
export class JsonPathError extends Error {}

function parseSteps(expr: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const s = expr.trim();
  while (i < s.length) {
    const c = s[i];
    if (c === "$") {
      steps.push({ t: "root" });
      i++;
    } else if (c === "@") {
      steps.push({ t: "cur" });
      i++;
    } else if (c === '"' || c === "'") {
      const end = s.indexOf(c, i + 1);
      if (end < 0) throw new JsonPathError("unterminated string");
      steps.push({ t: "literal", v: JSON.parse(`"${s.slice(i + 1, end).replace(/"/g, '\\"')}"`) });
      i = end + 1;
    } else if (s.startsWith("..", i)) {
      i += 2;
      const m = /^[\w\-/]+|^\*/.exec(s.slice(i));
      steps.push({ t: "recursive", name: m ? m[0] : "" });
      i += m ? m[0].length : 0;
    } else if (c === ".") {
      i++;
      const m = /^[\w\-/]+|^\*/.exec(s.slice(i));
      if (!m) continue;
      steps.push(m[0] === "*" ? { t: "wild" } : { t: "field", name: m[0] });
      i += m[0].length;
    } else if (c === "[") {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === "[") depth++;
        else if (s[j] === "]" && --depth === 0) break;
      }
      const inner = s.slice(i + 1, j).trim();
      i = j + 1;
      steps.push(parseBracket(inner));
    } else if (/[\w]/.test(c)) {
      const m = /^[\w\-/]+/.exec(s.slice(i))!;
      steps.push({ t: "field", name: m[0] });
      i += m[0].length;
    } else if (c === " ") i++;
    else throw new JsonPathError(`unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} '${c}'`);
  }
  return steps;
}

function parseBracket(inner: string): Step {
  if (inner === "*") return { t: "wild" };
  if (inner.startsWith("?(") && inner.endsWith(")")) {
    const body = inner.slice(2, -1);
    const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(body);
    if (!m) return { t: "filter", left: parseSteps(body), op: "exists", right: { lit: null } };
    const rhs = m[3].trim();
    let right: Step[] | { lit: unknown };
    if (/^['"]/.test(rhs)) right = { lit: rhs.slice(1, -1) };
    else if (/^-?\d+(\.\d+)?$/.test(rhs)) right = { lit: Number(rhs) };
    else if (rhs === "true" || rhs === "false") right = { lit: rhs === "true" };
    else right = parseSteps(rhs);
    return { t: "filter", left: parseSteps(m[1]), op: m[2], right };
  }
  if (/^['"]/.test(inner)) return { t: "field", name: inner.slice(1, -1) };
  if (inner.includes(":")) {
    const [a, b] = inner.split(":");
    return { t: "index", start: a.trim() ? Number(a) : undefined, end: b.trim() ? Number(b) : undefined, single: false };
  }
  if (/^-?\d+$/.test(inner)) return { t: "index", start: Number(inner), single: true };
  return { t: "field", name: inner };
}

/** Parses a template like `{range .items[*]}{.metadata.name}{"\n"}{end}`. */
export function parseTemplate(tpl: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[] }[] = [{ nodes: root }];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf("{", i);
    if (open < 0) {
      stack[stack.length - 1].nodes.push({ t: "text", v: tpl.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].nodes.push({ t: "text", v: tpl.slice(i, open) });
    let j = open + 1;
    let quote = "";
    for (; j < tpl.length; j++) {
      const ch = tpl[j];
      if (quote) {
        if (ch === "\\") j++;
        else if (ch === quote) quote = "";
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "}") break;
    }
    if (j >= tpl.length) throw new JsonPathError(`unclosed action`);
    const action = tpl.slice(open + 1, j).trim();
    i = j + 1;
    if (action.startsWith("range ")) {
      const node: Node = { t: "range", path: parseSteps(action.slice(6)), body: [] };
      stack[stack.length - 1].nodes.push(node);
      stack.push({ nodes: node.body });
    } else if (action === "end") {
      if (stack.length === 1) throw new JsonPathError("not in range, nothing to end");
      stack.pop();
    } else {
      stack[stack.length - 1].nodes.push({ t: "list", path: splitUnion(action).map(parseSteps) });
    }
  }
  return root;
}

function splitUnion(action: string): string[] {
  const out: string[] = [];
  let depth = 0, quote = "", cur = "";
  for (const ch of action) {
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "(") depth++;
    else if (ch === "]" || ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function evalSteps(steps: Step[], cur: unknown[], root: unknown): unknown[] {
  let values = cur;
  for (const st of steps) {
    const next: unknown[] = [];
    for (const v of values) {
      switch (st.t) {
        case "root": next.push(root); break;
        case "cur": next.push(v); break;
        case "literal": next.push(st.v); break;
        case "field":
          if (isObj(v) && st.name in v) next.push(v[st.name]);
          break;
        case "wild":
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) next.push(...Object.keys(v).sort().map((k) => v[k]));
          break;
        case "recursive": collect(v, st.name, next); break;
        case "index": {
          if (!Array.isArray(v)) break;
          const n = v.length;
          let a = st.start ?? 0;
          if (a < 0) a += n;
          if (st.single) {
            if (a >= 0 && a < n) next.push(v[a]);
            else throw new JsonPathError(`array index out of bounds: index ${st.start}, length ${n}`);
          } else {
            let b = st.end ?? n;
            if (b < 0) b += n;
            next.push(...v.slice(Math.max(0, a), Math.min(n, b)));
          }
          break;
        }
        case "filter": {
          const items = Array.isArray(v) ? v : isObj(v) ? [v] : [];
          for (const it of items) if (filterMatch(st, it, root)) next.push(it);
          break;
        }
      }
    }
    values = next;
  }
  return values;
}

function collect(v: unknown, name: string, out: unknown[]): void {
  if (isObj(v)) {
    for (const k of Object.keys(v).sort()) {
      if (k === name || name === "*") out.push(v[k]);
      collect(v[k], name, out);
    }
  } else if (Array.isArray(v)) v.forEach((x) => collect(x, name, out));
}

function filterMatch(st: Extract<Step, { t: "filter" }>, item: unknown, root: unknown): boolean {
  const left = evalSteps(st.left, [item], root);
  if (st.op === "exists") return left.length > 0;
  const right = "lit" in st.right ? [st.right.lit] : evalSteps(st.right, [item], root);
  if (!left.length || !right.length) return false;
  const a = left[0], b = right[0];
  switch (st.op) {
    case "==": return a === b || String(a) === String(b);
    case "!=": return !(a === b || String(a) === String(b));
    case "<": return Number(a) < Number(b);
    case ">": return Number(a) > Number(b);
    case "<=": return Number(a) <= Number(b);
    default: return Number(a) >= Number(b);
  }
}

/** Go's fmt.Print of a decoded JSON value (maps as map[k:v], lists as [a b]). */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  if (isObj(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goSprint(v[k])}`).join(" ")}]`;
  if (typeof v === "number") return goNumberString(v);
  return String(v);
}

function resultText(v: unknown): string {
  if (Array.isArray(v) || isObj(v)) return goJson(v);
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return goNumberString(v);
  return String(v);
}

function run(nodes: Node[], cur: unknown, root: unknown, out: string[]): void {
  for (const n of nodes) {
    if (n.t === "text") out.push(n.v);
    else if (n.t === "list") {
      const results = n.path.flatMap((p) => evalSteps(p, [cur], root));
      out.push(results.map(resultText).join(" "));
    } else {
      for (const v of evalSteps(n.path, [cur], root)) {
        const items = Array.isArray(v) ? v : [v];
        for (const it of items) run(n.body, it, root, out);
      }
    }
  }
}

/** Executes a JSONPath template against a value. */
export function executeJsonPath(template: string, data: unknown): string {
  const out: string[] = [];
  run(parseTemplate(template), data, data, out);
  return out.join("");
}

/** The values one expression selects (custom-columns, --sort-by). */
export function findResults(template: string, data: unknown): unknown[] {
  const nodes = parseTemplate(template);
  const out: unknown[] = [];
  for (const n of nodes) if (n.t === "list") for (const p of n.path) out.push(...evalSteps(p, [data], data));
  return out;
}

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (!expr) return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}
