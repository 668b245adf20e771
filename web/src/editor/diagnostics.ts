// Turns what the server said about a manifest into editor diagnostics: Status causes
// (`details.causes[].field`) land on their field, the Status message without causes on the
// document's kind line; YAML syntax problems land where the parser stopped.
import type { K8sStatus } from "../api/sandbox-api";
import { fieldRange, type ManifestDoc, type SyntaxProblem } from "./field-range";

/** One problem to show in the editor. */
export interface Problem { from: number; to: number; field?: string; message: string }

/** Problems from a Status for one document. */
export function statusProblems(doc: ManifestDoc, status: K8sStatus): Problem[] {
  const causes = (status.details?.causes ?? []).filter((c) => c.field || c.message);
  if (!causes.length) {
    const r = fieldRange(doc.doc, "kind");
    return [{ ...r, message: status.message ?? status.reason ?? "rejected" }];
  }
  return causes.map((c) => {
    const field = c.field ?? "";
    const r = field ? fieldRange(doc.doc, field) : fieldRange(doc.doc, "kind");
    return { from: r.from, to: r.to, field: field || undefined, message: field ? `${field}: ${c.message ?? c.reason ?? ""}` : (c.message ?? "") };
  });
}

/** Problems from YAML syntax errors. */
export function syntaxProblems(problems: SyntaxProblem[]): Problem[] {
  return problems.map((p) => ({ from: p.from, to: p.to, message: p.message }));
}
