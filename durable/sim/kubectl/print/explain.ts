// kubectl explain's "plaintext" template (explain/v2) re-implemented over an OpenAPI v3
// document: KIND/VERSION header, FIELD line with the type guess and enums, DESCRIPTION wrapped
// at 76 columns (mitchellh/go-wordwrap), and the FIELDS list (or --recursive tree).

// deno-lint-ignore no-explicit-any
type Json = any;

/** The group/version/kind explain looks up. */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** go-wordwrap's WrapString: wraps at white space only, never breaking words. */
export function wrapString(s: string, lim: number): string {
  let buf = "", word = "", space = "";
  let current = 0;
  const isSpace = (c: string) => /\s/u.test(c) && c !== "\u00a0";
  for (const ch of s) {
    if (ch === "\n") {
      if (!word.length) {
        if (current + [...space].length <= lim) buf += space;
      } else buf += space + word;
      space = "";
      word = "";
      buf += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (!space.length || word.length) {
        current += [...space].length + [...word].length;
        buf += space + word;
        space = "";
        word = "";
      }
      space += ch;
    } else {
      word += ch;
      const wl = [...word].length;
      if (current + [...space].length + wl > lim && wl < lim) {
        buf += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (!word.length) {
    if (current + [...space].length <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** The template's indent: pad every line (also the empty tail after a final newline). */
export function indent(n: number, s: string): string {
  const pad = " ".repeat(n);
  return pad + s.split("\n").join(`\n${pad}`);
}

/** Thrown by the template's `throw` (the partial output is still printed). */
export class ExplainError extends Error {
  constructor(message: string, readonly partial: string) {
    super(message);
  }
}

class Renderer {
  constructor(readonly doc: Json, readonly recursive: boolean) {}

  resolve(ref: unknown): Json | undefined {
    if (typeof ref !== "string" || !ref.startsWith("#/components/schemas/")) return undefined;
    return this.doc.components?.schemas?.[ref.slice("#/components/schemas/".length)];
  }

  typeGuess(s: Json): string {
    if (s.items) return `[]${this.typeGuess(s.items)}`;
    if (s.additionalProperties && typeof s.additionalProperties !== "boolean") return `map[string]${this.typeGuess(s.additionalProperties)}`;
    if (s.allOf && !s.properties && s.allOf.length === 1) return this.typeGuess(s.allOf[0]);
    if (s.$ref) {
      const r = this.resolve(s.$ref);
      if (!r || !r.type || r.type === "object") {
        const name = String(s.$ref).split("/").pop()!.split(".").pop();
        return name || "Object";
      }
      return r.type || "Object";
    }
    return s.type === "object" ? "Object" : s.type || "Object";
  }

  enumText(s: Json, longView: boolean, limit: number, indentAmount: number): string {
    if (!s.enum?.length) return "";
    let out = longView ? "ENUM:" : `\n${" ".repeat(indentAmount)}enum: `;
    for (let i = 0; i < s.enum.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ", ....";
        break;
      }
      if (i > 0 && !longView) out += ", ";
      else if (longView) out += "\n    ";
      const e = s.enum[i];
      out += e === "" ? '""' : String(e);
    }
    return out;
  }

  description(s: Json): string {
    const r = this.resolve(s.$ref) ?? s;
    let out = "";
    if (r.description) out += `${r.description}\n`;
    for (const a of r.allOf ?? []) out += this.description(a);
    if (r.items) out += this.description(r.items);
    if (r.additionalProperties && typeof r.additionalProperties !== "boolean") out += this.description(r.additionalProperties);
    return out;
  }

  fieldDetail(parent: Json, name: string, level: number): string {
    const ind = level * 2;
    const f = parent.properties[name];
    let out = `${indent(ind, name)}\t<${this.typeGuess(f)}>`;
    if ((parent.required ?? []).includes(name)) out += " -required-";
    out += this.enumText(f, false, 4, ind);
    out += "\n";
    if (!this.recursive) {
      out += `${indent(ind + 2, wrapString(f.description || "<no description>", 78 - ind))}\n`;
      out += "\n";
    }
    return out;
  }

  fieldList(s: Json, level: number, history: Set<string>): string {
    const ref = s.$ref ?? "";
    if (ref && history.has(ref)) return "";
    const next = new Set(history);
    next.add(ref);
    const r = this.resolve(ref) ?? s;
    let out = "";
    for (const k of Object.keys(r.properties ?? {}).sort()) {
      out += this.fieldDetail(r, k, level);
      if (this.recursive) out += this.fieldList(r.properties[k], level + 1, next);
    }
    for (const a of r.allOf ?? []) out += this.fieldList(a, level, next);
    if (r.items) out += this.fieldList(r.items, level, next);
    if (r.additionalProperties && typeof r.additionalProperties !== "boolean") out += this.fieldList(r.additionalProperties, level, next);
    return out;
  }

  output(s: Json, path: string[], history: Set<string>): string {
    const ref = s.$ref ?? "";
    const next = new Set(history);
    next.add(ref);
    const r = this.resolve(ref) ?? s;
    if (!path.length) {
      let out = `DESCRIPTION:\n${indent(4, wrapString(this.description(r) || "<empty>", 76))}\n`;
      const fields = this.fieldList(r, 1, new Set());
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history.has(ref)) return "";
    if (r.properties && r.properties[path[0]]) {
      const sub = r.properties[path[0]];
      let out = "";
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1, 0)}\n\n`;
      return out + this.output(sub, path.slice(1), new Set());
    }
    if (r.items) return this.output(r.items, path, next);
    if (r.additionalProperties && typeof r.additionalProperties !== "boolean") return this.output(r.additionalProperties, path, next);
    for (const a of r.allOf ?? []) {
      const o = this.output(a, path, next);
      if (o) return o;
    }
    return "";
  }
}

/** Renders `kubectl explain` for a kind and field path over a group-version document. */
export function renderExplain(doc: Json, gvk: Gvk, fieldPath: string[], recursive: boolean): string {
  const r = new Renderer(doc, recursive);
  let out = "";
  if (gvk.group) out += `GROUP:      ${gvk.group}\n`;
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = doc.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) {
    const gvks: Json[] = schemas[name]["x-kubernetes-group-version-kind"] ?? [];
    if (!gvks.some((g) => g.group === gvk.group && g.kind === gvk.kind && g.version === gvk.version)) continue;
    const o = r.output(schemas[name], fieldPath, new Set());
    if (!o) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`, out);
    return `${out}${o}\n`;
  }
  throw new ExplainError(`error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`, out);
}
