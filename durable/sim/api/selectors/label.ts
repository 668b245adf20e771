// Label selectors: the `labelSelector` query parameter (`kubectl get -l`), parsed with the lexer
// and recursive-descent parser of apimachinery's labels package (same grammar, whitespace rules
// and error texts), and metav1.LabelSelector objects (matchLabels + matchExpressions) as
// Services, EndpointSlices and controllers use them. Used by api/filters.ts and controllers.
import { aggregateError, invalidError, isQualifiedName, isValidLabelValue, notSupportedError } from "./label-validation";

/** selection.Operator values. */
export type LabelOperator = "in" | "notin" | "=" | "==" | "!=" | "exists" | "!" | "gt" | "lt";

/** One requirement: key, operator, values (sorted, deduplicated for in/notin). */
export interface Requirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** A parsed selector; `nothing` matches no object (a nil metav1.LabelSelector). */
export interface LabelSelector {
  requirements: Requirement[];
  nothing?: boolean;
}

/** A malformed selector: the apiserver answers 400 BadRequest with this message. */
export class SelectorError extends Error {
  readonly status = 400 as const;
  readonly reason = "BadRequest" as const;
  constructor(message: string) {
    super(message);
    this.name = "SelectorError";
  }
}

const VALID_OPERATORS = ["in", "notin", "=", "==", "!=", "exists", "!", "gt", "lt"];

/** labels.NewRequirement: validates key, operator arity and values; throws SelectorError. */
export function newRequirement(key: string, operator: LabelOperator, values: string[]): Requirement {
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalidError("key", key, keyErrs.join("; ")));
  switch (operator) {
    case "in": case "notin":
      if (!values.length) errs.push(invalidError("values", values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case "=": case "==": case "!=":
      if (values.length !== 1) errs.push(invalidError("values", values, "exact-match compatibility requires one single value"));
      break;
    case "exists": case "!":
      if (values.length) errs.push(invalidError("values", values, "values set must be empty for exists and does not exist"));
      break;
    case "gt": case "lt":
      if (values.length !== 1) errs.push(invalidError("values", values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (!/^[+-]?\d+$/.test(v)) errs.push(invalidError(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(notSupportedError("operator", operator, VALID_OPERATORS));
  }
  values.forEach((v, i) => {
    const vErrs = isValidLabelValue(v);
    if (vErrs.length) errs.push(invalidError(`values[${i}][${key}]`, v, vErrs.join("; ")));
  });
  if (errs.length) throw new SelectorError(aggregateError(errs));
  return { key, operator, values };
}

// ---- lexer -------------------------------------------------------------------------------

type Tok = "error" | "eos" | ")" | "," | "!" | "==" | "=" | ">" | "id" | "in" | "<" | "!=" | "notin" | "(";
interface Item { tok: Tok; lit: string }

const LITERALS: Record<string, Tok> = { ")": ")", ",": ",", "!": "!", "==": "==", "=": "=", ">": ">", in: "in",
  "<": "<", "!=": "!=", notin: "notin", "(": "(" };
const isSpace = (ch: string) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
const isSpecial = (ch: string) => "=!(),><".includes(ch);

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isSpace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: "eos", lit: "" });
      return items;
    }
    if (isSpecial(s[pos])) {
      let buf = "";
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        const tok = LITERALS[buf];
        if (tok) last = { tok, lit: buf };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: "error", lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = "";
      while (pos < s.length && !isSpecial(s[pos]) && !isSpace(s[pos])) buf += s[pos++];
      items.push({ tok: LITERALS[buf] ?? "id", lit: buf });
    }
  }
}

// ---- parser ------------------------------------------------------------------------------

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  /** lookahead/consume in the Values context: `in` and `notin` are identifiers there. */
  peek(values = true): Item {
    const it = this.items[Math.min(this.pos, this.items.length - 1)];
    return values && (it.tok === "in" || it.tok === "notin") ? { tok: "id", lit: it.lit } : it;
  }

  next(values = true): Item {
    const it = this.peek(values);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek();
      if (tok === "eos") return reqs;
      if (tok !== "id" && tok !== "!") throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`);
      }
      const t = this.next();
      if (t.tok === "eos") return reqs;
      if (t.tok !== ",") throw new SelectorError(`found '${t.lit}', expected: ',' or 'end of string'`);
      const t2 = this.peek();
      if (t2.tok !== "id" && t2.tok !== "!") throw new SelectorError(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let operator: LabelOperator | undefined;
    let t = this.next();
    if (t.tok === "!") {
      operator = "!";
      t = this.next();
    }
    if (t.tok !== "id") throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) throw new Error(invalidError(null, key, keyErrs.join("; ")));
    const la = this.peek().tok;
    if (la === "eos" || la === ",") return newRequirement(key, operator ?? "exists", []);
    if (operator === "!") return newRequirement(key, "!", []);
    const op = this.next(false);
    const ops: Partial<Record<Tok, LabelOperator>> = { in: "in", "=": "=", "==": "==", ">": "gt", "<": "lt", notin: "notin", "!=": "!=" };
    const o = ops[op.tok];
    if (!o) throw new Error(`found '${op.lit}', expected: '=', '!=', '==', 'in', notin'`);
    const values = o === "in" || o === "notin" ? this.valueSet() : this.exactValue();
    return newRequirement(key, o, values);
  }

  private valueSet(): string[] {
    const open = this.next();
    if (open.tok !== "(") throw new Error(`found '${open.lit}' expected: '('`);
    const la = this.peek();
    if (la.tok === ")") {
      this.next();
      return [""];
    }
    if (la.tok !== "id" && la.tok !== ",") throw new Error(`found '${la.lit}', expected: ',', ')' or identifier`);
    const s = this.identifiers();
    if (this.next().tok !== ")") throw new Error(`found '${la.lit}', expected: ')'`);
    return [...s].sort();
  }

  private identifiers(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const t = this.next();
      if (t.tok === "id") {
        s.add(t.lit);
        const t2 = this.peek();
        if (t2.tok === ",") continue;
        if (t2.tok === ")") return s;
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (t.tok === ",") {
        if (!s.size) s.add("");
        const t2 = this.peek();
        if (t2.tok === ")") {
          s.add("");
          return s;
        }
        if (t2.tok === ",") {
          this.next();
          s.add("");
        }
      } else {
        throw new Error(`found '${t.lit}', expected: ',', or identifier`);
      }
    }
  }

  private exactValue(): string[] {
    const la = this.peek();
    if (la.tok === "eos" || la.tok === ",") return [""];
    const t = this.next();
    if (t.tok === "id") return [t.lit];
    throw new Error(`found '${t.lit}', expected: identifier`);
  }
}

/** labels.Parse: parses a selector string; throws SelectorError with the apiserver's message. */
export function parseLabelSelector(selector: string): LabelSelector {
  const reqs = new Parser(lex(selector)).parse();
  return { requirements: reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}

/** Requirement.Matches */
export function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case "in": case "=": case "==":
      return has && r.values.includes(labels[r.key]);
    case "notin": case "!=":
      return !has || !r.values.includes(labels[r.key]);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt": case "lt": {
      if (!has || !/^[+-]?\d+$/.test(labels[r.key]) || r.values.length !== 1) return false;
      const lv = Number(labels[r.key]);
      const rv = Number(r.values[0]);
      return r.operator === "gt" ? lv > rv : lv < rv;
    }
  }
}

/** True when every requirement matches (an empty selector matches everything). */
export function matchesLabelSelector(sel: LabelSelector, labels: Record<string, string> | undefined | null): boolean {
  if (sel.nothing) return false;
  const l = labels ?? {};
  return sel.requirements.every((r) => requirementMatches(r, l));
}

/** Selector.String(): `app=web,tier in (a,b),!canary`. */
export function labelSelectorString(sel: LabelSelector): string {
  return sel.requirements.map((r) => {
    const prefix = r.operator === "!" ? "!" : "";
    if (r.operator === "exists" || r.operator === "!") return `${prefix}${r.key}`;
    const op = { "=": "=", "==": "==", "!=": "!=", in: " in ", notin: " notin ", gt: ">", lt: "<" }[r.operator];
    const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(",");
    return r.operator === "in" || r.operator === "notin" ? `${r.key}${op}(${vals})` : `${r.key}${op}${vals}`;
  }).join(",");
}

/** metav1.LabelSelector as JSON. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
}

/** metav1.LabelSelectorAsSelector: nil matches nothing, empty matches everything. */
export function labelSelectorFromObject(ps: LabelSelectorObject | null | undefined): LabelSelector {
  if (!ps) return { requirements: [], nothing: true };
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(ps.matchLabels ?? {})) reqs.push(newRequirement(k, "=", [v]));
  const ops: Record<string, LabelOperator> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };
  for (const e of ps.matchExpressions ?? []) {
    const op = ops[e.operator];
    if (!op) throw new SelectorError(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
  }
  return { requirements: reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}

/** labels.SelectorFromSet: every key equal to its value (a Service's spec.selector); empty matches everything. */
export function labelSelectorFromSet(set: Record<string, string> | null | undefined): LabelSelector {
  return { requirements: Object.keys(set ?? {}).sort().map((k) => ({ key: k, operator: "=" as const, values: [set![k]] })) };
}
