// The one error type of the patch library. Every failure of strategic merge, JSON merge, JSON
// patch and server-side apply is a PatchError carrying the HTTP status, Status reason, message
// and causes the real kube-apiserver answers with; the PATCH handler (api/patch-verb.ts) turns it
// into a Status body with toStatus().
//
// Mapping, following apiserver/pkg/endpoints/handlers/patch.go:
// - malformed patches (bad JSON document, bad $deleteFromPrimitiveList / $retainKeys /
//   $setElementOrder format, `json: cannot unmarshal ...`) → 400 BadRequest;
// - lists of lists, patch content outside $retainKeys, failed JSON patch operations → 422 via
//   errors.NewGenericServerResponse: message "the server rejected our request due to an error
//   in our request", the real reason in details.causes[0].message;
// - server-side apply ownership conflicts → 409 Conflict with FieldManagerConflict causes.
// Upstream answers other strategic-merge errors (missing merge key, unknown $patch) with a 500
// whose message is the Go error text; podlab answers 400 with the same text, since a bad patch
// is the client's fault and the simulator never sends 5xx.

/** One metav1.StatusCause. */
export interface PatchErrorCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** HTTP codes a PatchError can carry. */
export type PatchErrorStatus = 400 | 409 | 422;

/** metav1.Status reasons a PatchError can carry. */
export type PatchErrorReason = "BadRequest" | "Invalid" | "Conflict";

/** The metav1.Status body of a PatchError. */
export interface PatchStatusBody {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: PatchErrorReason;
  details?: { causes: PatchErrorCause[] };
  code: PatchErrorStatus;
}

/** Message of errors.NewGenericServerResponse for 422. */
export const REJECTED_MESSAGE = "the server rejected our request due to an error in our request";

/** A patch failure with Kubernetes semantics. */
export class PatchError extends Error {
  constructor(
    readonly status: PatchErrorStatus,
    readonly reason: PatchErrorReason,
    message: string,
    readonly causes: PatchErrorCause[] = [],
  ) {
    super(message);
    this.name = "PatchError";
  }

  /** HTTP code alias (the name the Status body uses). */
  get code(): PatchErrorStatus {
    return this.status;
  }

  /** The Status object the apiserver would send. */
  toStatus(): PatchStatusBody {
    const s: PatchStatusBody = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure",
      message: this.message, reason: this.reason, code: this.status };
    if (this.causes.length) s.details = { causes: this.causes };
    return s;
  }
}

/** 400 BadRequest with the given message (errors.NewBadRequest). */
export function badPatch(message: string): PatchError {
  return new PatchError(400, "BadRequest", message);
}

/** 422 as errors.NewGenericServerResponse(422, ...): the detail goes into the one cause. */
export function rejectedPatch(detail: string): PatchError {
  return new PatchError(422, "Invalid", REJECTED_MESSAGE, [{ message: detail }]);
}

/** The mergepatch sentinel errors, with their exact texts. */
export const MergePatchErrors = {
  badJSONDoc: "invalid JSON document",
  noListOfLists: "lists of lists are not supported",
  badPatchFormatForPrimitiveList: "invalid patch format of primitive list",
  badPatchFormatForRetainKeys: "invalid patch format of retainKeys",
  badPatchFormatForSetElementOrderList: "invalid patch format of setElementOrder list",
  patchContentNotMatchRetainKeys: "patch content doesn't match retainKeys list",
  unsupportedStrategicMergePatchFormat: "strategic merge patch format is not supported",
} as const;

/** interpretStrategicMergePatchError: the status a strategicpatch error text maps to. */
export function smpError(message: string): PatchError {
  const e = MergePatchErrors;
  if (message === e.noListOfLists || message === e.patchContentNotMatchRetainKeys) return rejectedPatch(message);
  return badPatch(message);
}
