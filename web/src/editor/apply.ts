// The editor's Apply and Delete: the manifest goes through the server's kubectl runner exactly as
// `kubectl apply -f FILE` would (its output is the transcript); when kubectl fails, a server-side
// dry run of each document fetches the Status with its causes so errors land on their fields.
// Without a runner (404), documents are applied with server-side apply directly.
import { ApiFailure, type K8sStatus, type SandboxApi } from "../api/sandbox-api";
import { resourceType } from "../terminal/kubectl-vocab";
import { statusProblems, syntaxProblems, type Problem } from "./diagnostics";
import { parseManifests, type ManifestDoc } from "./field-range";

/** What an editor action produced. */
export interface ActionResult { ok: boolean; command: string; output: string; problems: Problem[] }

/** The verbs of the editor's buttons. */
export const ACTION = { apply: "apply", delete: "delete" } as const;
/** One verb. */
export type Action = (typeof ACTION)[keyof typeof ACTION];

const FIELD_MANAGER = "kubectl-client-side-apply";

/** The API path of a document's object (undefined for kinds the client does not know). */
export function objectPath(d: ManifestDoc): string | undefined {
  if (!d.kind) return undefined;
  const plural = d.kind.toLowerCase().endsWith("s") ? d.kind.toLowerCase() : `${d.kind.toLowerCase()}s`;
  const type = resourceType(plural);
  if (!type) return undefined;
  const ns = type.namespaced ? `/namespaces/${encodeURIComponent(d.namespace ?? "default")}` : "";
  return `${type.path}${ns}/${type.name}${d.name ? `/${encodeURIComponent(d.name)}` : ""}`;
}

async function dryRunProblems(api: SandboxApi, docs: ManifestDoc[]): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const d of docs) {
    const path = objectPath(d);
    if (!path || !d.name) continue;
    try {
      await api.send("PATCH", `${path}?fieldManager=${FIELD_MANAGER}&dryRun=All&force=true`, JSON.stringify(d.value), "application/apply-patch+yaml");
    } catch (e) {
      if (e instanceof ApiFailure && e.code !== 404) out.push(...statusProblems(d, e.status));
    }
  }
  return out;
}

async function direct(api: SandboxApi, verb: Action, docs: ManifestDoc[]): Promise<{ output: string; problems: Problem[] }> {
  let output = "";
  const problems: Problem[] = [];
  for (const d of docs) {
    const path = objectPath(d);
    const ref = `${(d.kind ?? "").toLowerCase()}/${d.name ?? ""}`;
    if (!path) { output += `error: podlab's editor cannot ${verb} kind ${d.kind ?? "(none)"} without the kubectl runner\n`; continue; }
    try {
      if (verb === ACTION.apply) {
        await api.send("PATCH", `${path}?fieldManager=${FIELD_MANAGER}&force=true`, JSON.stringify(d.value), "application/apply-patch+yaml");
        output += `${ref} serverside-applied\n`;
      } else {
        await api.send("DELETE", path, {});
        output += `${(d.kind ?? "").toLowerCase()} "${d.name}" deleted\n`;
      }
    } catch (e) {
      const st: K8sStatus = e instanceof ApiFailure ? e.status : { kind: "Status", message: String(e) };
      output += `Error from server (${st.reason ?? "Unknown"}): ${st.message}\n`;
      if (verb === ACTION.apply) problems.push(...statusProblems(d, st));
    }
  }
  return { output, problems };
}

/** Applies or deletes the editor's text; `file` names it in the transcript. */
export async function runAction(api: SandboxApi, verb: Action, text: string, file: string): Promise<ActionResult> {
  const command = verb === ACTION.apply ? `kubectl apply -f ${file}` : `kubectl delete -f ${file} --wait=false`;
  const parsed = parseManifests(text);
  if (parsed.problems.length) {
    return { ok: false, command, output: `error: error parsing ${file}: ${parsed.problems[0].message}\n`, problems: syntaxProblems(parsed.problems) };
  }
  try {
    const r = await api.kubectl(verb === ACTION.apply ? "kubectl apply -f -" : "kubectl delete -f - --wait=false", text);
    const output = r.stdout + r.stderr;
    if (r.exitCode === 0 || verb === ACTION.delete) return { ok: r.exitCode === 0, command, output, problems: [] };
    return { ok: false, command, output, problems: await dryRunProblems(api, parsed.docs) };
  } catch (e) {
    if (!(e instanceof ApiFailure && (e.code === 404 || e.code === 405))) throw e;
  }
  const d = await direct(api, verb, parsed.docs);
  return { ok: !d.problems.length && !d.output.includes("Error from server"), command, output: d.output, problems: d.problems };
}
