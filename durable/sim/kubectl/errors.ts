// How kubectl prints failures (cmdutil.CheckErr): "Error from server (Reason): message", the
// Invalid form "The Pod "x" is invalid: field: detail" (one cause inline, several as "* ..."
// lines), and the "error when creating "file": ..." wrapping of apply/create/replace/delete -f.
import { ApiStatusError } from "./client";
import { KubectlError } from "./io";

/** kubectl's text for an API failure (without trailing newline). */
export function statusErrorText(e: ApiStatusError): string {
  const s = e.status;
  if (e.code === 422 || s.reason === "Invalid") {
    const d = s.details;
    if (!d) return "The request is invalid";
    let head = "The request is invalid";
    if (d.kind || d.name) head = `The ${d.kind ?? ""} ${JSON.stringify(d.name ?? "")} is invalid`;
    // statusCausesToAggrError: "<field>: <message>", duplicates dropped.
    const causes = [...new Set((d.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message ?? ""}`))];
    if (!causes.length) return head;
    // MultilineError always ends the message with a newline (the printer adds none then).
    if (causes.length === 1) return `${head}: ${causes[0]}\n`;
    return `${head}: \n${causes.map((c) => `* ${c}\n`).join("")}`;
  }
  if (s.reason === "Unauthorized") return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${e.message}`;
  return `Error from server: ${e.message}`;
}

/** Turns anything a command throws into the stderr text and exit code kubectl would produce. */
export function errorText(e: unknown): { text: string; exitCode: number } {
  if (e instanceof KubectlError) return { text: e.text, exitCode: e.exitCode };
  if (e instanceof ApiStatusError) return { text: statusErrorText(e), exitCode: 1 };
  return { text: `error: ${(e as Error)?.message ?? String(e)}`, exitCode: 1 };
}

/** cmdutil.AddSourceToErr: `error when creating "pod.yaml": <message>` inside the Status. */
export function withSource(e: unknown, verb: string, source: string): unknown {
  if (!source) return e;
  if (e instanceof ApiStatusError && e.reason !== "Invalid" && e.code !== 422) {
    return new ApiStatusError(e.code, { ...e.status, message: `error when ${verb} ${JSON.stringify(source)}: ${e.message}` });
  }
  return e;
}
