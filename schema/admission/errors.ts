// The error an admission plugin returns: admission.NewForbidden → 403 `pods "web" is forbidden: ...`.

/** A 403 Forbidden from an admission plugin; the API server turns it into a Status. */
export class AdmissionError extends Error {
  readonly code = 403;
  readonly reason = "Forbidden";
  constructor(readonly resource: string, readonly objectName: string, readonly detail: string) {
    super(objectName ? `${resource} ${JSON.stringify(objectName)} is forbidden: ${detail}` : `${resource} is forbidden: ${detail}`);
  }
}
