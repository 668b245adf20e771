// The text users see for a 422 Invalid: apimachinery's NewInvalid Status.message (an aggregate of
// field errors, duplicates dropped, bracketed when more than one) and what kubectl prints from
// the Status causes. Used by the API server's Status builder and by tests.
import { errorBody, errorString, type FieldError } from "./field-error";

/** field.ErrorList.ToAggregate(): drops errors whose rendered text was already seen. */
export function uniqueErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const s = errorString(e);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(e);
  }
  return out;
}

/** utilerrors aggregate Error(): one message as is, several as `[a, b]`. */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const msgs = uniqueErrors(errors).map(errorString);
  if (msgs.length === 0) return "";
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}

/**
 * Status.message of apierrors.NewInvalid: `Pod "web" is invalid: spec.x: Required value` or
 * `Pod "web" is invalid: [a, b]`. `kind` may be group-qualified (`Deployment.apps`).
 */
export function formatInvalidMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  const agg = aggregateMessage(errors);
  const head = `${kind} ${JSON.stringify(name)} is invalid`;
  return agg ? `${head}: ${agg}` : head;
}

/** Status details.causes as NewInvalid builds them (one per error, not deduplicated). */
export function invalidCauses(errors: readonly FieldError[]): { reason: string; message: string; field: string }[] {
  return errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
}

/**
 * What kubectl prints on stderr for that Status (cmdutil.CheckErr + MultilineError):
 * `The Pod "web" is invalid: spec.x: Required value` or, with several causes,
 * `The Pod "web" is invalid: \n* a\n* b`. No trailing newline.
 */
export function kubectlInvalidMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  const prefix = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  const lines = invalidCauses(errors).map((c) => `${c.field}: ${c.message}`);
  if (lines.length === 0) return prefix.trimEnd().replace(/:$/, "");
  if (lines.length === 1) return prefix + lines[0];
  return `${prefix}\n${lines.map((l) => `* ${l}`).join("\n")}`;
}
