// Kubernetes Status errors: the one error type of the API server. Every failure a client sees
// (404, 409, 422, 400, 410, 413, 429, ...) is an ApiError that knows how to become a Status body.
import type { FieldError } from "../../../schema/validation/field-error";
import { formatInvalidMessage, invalidCauses } from "../../../schema/validation/invalid-message";

/** metav1.StatusReason values podlab uses. */
export type StatusReason =
  | "NotFound" | "AlreadyExists" | "Conflict" | "Invalid" | "BadRequest" | "Forbidden" | "Gone" | "Expired"
  | "MethodNotAllowed" | "NotAcceptable" | "UnsupportedMediaType" | "RequestEntityTooLarge" | "TooManyRequests"
  | "Timeout" | "InternalError" | "Unauthorized" | "ServiceUnavailable" | "";

/** metav1.StatusDetails */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason?: string; message?: string; field?: string }[];
  retryAfterSeconds?: number;
}

/** The JSON shape of a metav1.Status. */
export interface StatusObject {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** An API failure with Kubernetes semantics. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  /** The Status object sent to clients. */
  toStatus(): StatusObject {
    const s: StatusObject = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: this.message,
      reason: this.reason, code: this.code };
    if (this.details) s.details = this.details;
    if (!this.reason) delete s.reason;
    return s;
  }
}

/** `group` qualified resource for messages: `pods`, `leases.coordination.k8s.io`. */
export function qualifiedResource(resource: string, group = ""): string {
  return group ? `${resource}.${group}` : resource;
}

/** 404 `pods "web" not found` */
export function notFound(resource: string, name: string, group = ""): ApiError {
  return new ApiError(404, "NotFound", `${qualifiedResource(resource, group)} "${name}" not found`,
    { name, ...(group ? { group } : {}), kind: resource });
}

/** 404 for paths the server does not serve. */
export function pathNotFound(): ApiError {
  return new ApiError(404, "NotFound", "the server could not find the requested resource", {});
}

/** 409 `namespaces "demo" already exists` */
export function alreadyExists(resource: string, name: string, group = ""): ApiError {
  return new ApiError(409, "AlreadyExists", `${qualifiedResource(resource, group)} "${name}" already exists`,
    { name, ...(group ? { group } : {}), kind: resource });
}

/** 409 optimistic-concurrency failure. */
export function conflict(resource: string, name: string, group = "", why = "the object has been modified; please apply your changes to the latest version and try again"): ApiError {
  return new ApiError(409, "Conflict", `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`,
    { name, ...(group ? { group } : {}), kind: resource });
}

/** 422 Invalid built from field errors, with apimachinery's message format (NewInvalid). */
export function invalid(kind: string, name: string, errors: FieldError[], group = ""): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return new ApiError(422, "Invalid", formatInvalidMessage(qualifiedKind, name, errors), {
    name, ...(group ? { group } : {}), kind, causes: invalidCauses(errors),
  });
}

/** 400 BadRequest */
export function badRequest(message: string): ApiError {
  return new ApiError(400, "BadRequest", message);
}

/** 403 Forbidden (quota and policy refusals). */
export function forbidden(message: string, details?: StatusDetails): ApiError {
  return new ApiError(403, "Forbidden", message, details);
}

/** 405 for verbs a resource does not support. */
export function methodNotSupported(resource: string, verb: string, group = ""): ApiError {
  return new ApiError(405, "MethodNotAllowed", `${verb} is not supported on resources of kind "${qualifiedResource(resource, group)}"`,
    { kind: resource, ...(group ? { group } : {}) });
}

/** 410 Expired (watch resourceVersion too old). */
export function expired(message: string): ApiError {
  return new ApiError(410, "Expired", message);
}

/** 413 request entity too large. */
export function tooLarge(message = "Request entity too large: limit is 3145728"): ApiError {
  return new ApiError(413, "RequestEntityTooLarge", message);
}

/** 415 unsupported media type, listing what the endpoint accepts. */
export function unsupportedMediaType(accepted: string[]): ApiError {
  return new ApiError(415, "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`);
}

/** 429 too many requests. */
export function tooManyRequests(message: string, retryAfterSeconds = 1): ApiError {
  return new ApiError(429, "TooManyRequests", message, { retryAfterSeconds });
}

/** 500 InternalError: only for bugs; the adapter logs these. */
export function internalError(message: string): ApiError {
  return new ApiError(500, "InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** A Success Status (DELETE of objects that do not return themselves). */
export function successStatus(details?: StatusDetails): Record<string, unknown> {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", ...(details ? { details } : {}) };
}
