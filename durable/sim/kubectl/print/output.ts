// The -o/--output formats of kubectl's generic printers: yaml, json, name, jsonpath (and
// -as-json), custom-columns, go-template. Objects arrive as decoded JSON; managedFields are
// dropped unless --show-managed-fields; lists print as `kind: List`. Used by get, create, ...
import { KubectlError } from "../io";
import { findResults, goSprint, executeJsonPath, JsonPathError, relaxedJsonPath } from "./jsonpath";
import { printJson } from "./json";
import { goJson } from "../../api/patch/json-value";
import { goValueString } from "./go-fmt";
import { executeGoTemplate, parseGoTemplate, TemplateError } from "./go-template";
import { GET_TABWRITER, Tabwriter } from "./tabwriter";
import { toYaml } from "./yaml";

/** A parsed -o value. */
export interface OutputFormat {
  kind: "" | "wide" | "yaml" | "json" | "name" | "jsonpath" | "jsonpath-as-json" | "custom-columns" | "go-template";
  arg?: string;
}

const ALLOWED = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/** Parses -o; throws kubectl's "unable to match a printer" error. */
export function parseOutput(o: string, allowed = ALLOWED): OutputFormat {
  if (!o) return { kind: "" };
  const eq = o.indexOf("=");
  const name = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : undefined;
  if (["wide", "yaml", "json", "name"].includes(name) && arg === undefined && allowed.split(",").includes(name)) {
    return { kind: name as OutputFormat["kind"] };
  }
  if ((name === "jsonpath" || name === "jsonpath-as-json") && allowed.includes(name)) {
    if (!arg) throw new KubectlError("error: template format specified but no template given");
    return { kind: name, arg };
  }
  if ((name === "go-template" || name === "template") && allowed.split(",").includes(name)) {
    if (!arg) throw new KubectlError("error: template format specified but no template given");
    return { kind: "go-template", arg };
  }
  if (name === "custom-columns" && allowed.includes(name)) {
    if (!arg) throw new KubectlError("error: custom-columns format specified but no custom columns given");
    return { kind: name, arg };
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed}`);
}

/** The -o value with --template folded in (`-o go-template --template=X`, or --template alone). */
export function outputWithTemplate(output: string, template: string): string {
  if (!template || output.includes("=")) return output;
  return `${output || "go-template"}=${template}`;
}

/** Removes metadata.managedFields from an object or list (kubectl hides them by default). */
export function omitManagedFields(obj: any): any {
  if (!obj || typeof obj !== "object") return obj;
  const strip = (o: any) => {
    if (o?.metadata?.managedFields) {
      const { managedFields: _omit, ...rest } = o.metadata;
      return { ...o, metadata: rest };
    }
    return o;
  };
  const top = strip(obj);
  if (Array.isArray(top.items)) return { ...top, items: top.items.map(strip) };
  return top;
}

/** `pod/web`: the name printer's line for one object. */
export function nameOf(obj: any, kindPrefix?: string): string {
  const kind = obj?.kind ?? "";
  const apiVersion: string = obj?.apiVersion ?? "";
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const prefix = kindPrefix ?? (group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase());
  return `${prefix}/${obj?.metadata?.name ?? ""}`;
}

function isList(obj: any): boolean {
  return Array.isArray(obj?.items);
}

function customColumns(spec: string, obj: any, noHeaders: boolean): string {
  const cols = spec.split(",").map((c) => {
    const parts = c.split(":");
    if (parts.length !== 2) throw new KubectlError(`error: unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
    return { header: parts[0], path: relaxedJsonPath(parts[1]) };
  });
  const w = new Tabwriter(GET_TABWRITER);
  if (!noHeaders) w.write(`${cols.map((c) => c.header).join("\t")}\n`);
  const items = isList(obj) ? obj.items : [obj];
  for (const it of items) {
    const cells = cols.map((c) => {
      const vals = findResults(c.path, it);
      return vals.length ? vals.map(goSprint).join(",") : "<none>";
    });
    w.write(`${cells.join("\t")}\n`);
  }
  return w.take();
}

/** kubectl's GoTemplatePrinter: parse errors name the line; execution errors also dump the data. */
function goTemplate(template: string, obj: unknown): string {
  let nodes;
  try {
    nodes = parseGoTemplate(template);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new KubectlError(`error: error parsing template ${template}, template: output:${e.line ?? 1}: ${e.message}`);
  }
  try {
    return executeGoTemplate(template, nodes, obj);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const dump = `Error executing template: ${e.message}. Printing more information for debugging the template:\n`
      + `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${goJson(obj)}\n`
      + `\tobject given to template engine was:\n\t\t${goValueString(obj)}\n\n`;
    throw new KubectlError(`error: error executing template ${JSON.stringify(template)}: ${e.message}`, 1, e.output + dump);
  }
}

/** Prints an object (or List) in a generic format. */
export function printObject(obj: any, fmt: OutputFormat, opts: { showManagedFields?: boolean; noHeaders?: boolean } = {}): string {
  // Only the JSON and YAML printers hide managedFields; templates and paths see them.
  const o = opts.showManagedFields || !["yaml", "json"].includes(fmt.kind) ? obj : omitManagedFields(obj);
  switch (fmt.kind) {
    case "yaml": return toYaml(o);
    case "json": return printJson(o);
    case "name": return isList(o) ? o.items.map((it: any) => `${nameOf(it)}\n`).join("") : `${nameOf(o)}\n`;
    case "custom-columns": return customColumns(fmt.arg!, o, !!opts.noHeaders);
    case "jsonpath":
    case "jsonpath-as-json":
      try {
        if (fmt.kind === "jsonpath-as-json") return printJson(findResults(fmt.arg!, o));
        return executeJsonPath(fmt.arg!, o);
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${fmt.arg}, ${e.message}`);
        throw e;
      }
    case "go-template": return goTemplate(fmt.arg!, o);
    default: return printJson(o);
  }
}
