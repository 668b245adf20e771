// The per-resource rules the API server applies on create, update, status update and delete
// (kube-apiserver's RESTCreateStrategy/RESTUpdateStrategy/RESTGracefulDeleteStrategy in miniature).
import type { FieldError } from "../../../../schema/validation/field-error";
import type { Rng } from "../../core/rng";
import type { Store } from "../../store/store";
import type { KObject } from "../../store/types";

/** What strategies may read. */
export interface StrategyContext {
  now: number;
  rng: Rng;
  store: Store;
}

/** DeleteOptions as the server understands them. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: string;
  dryRun?: string[];
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** One resource's rules. Every method returns new objects; inputs are read-only. */
export interface Strategy {
  /** Defaulting, admission and system fields for a new object. */
  prepareForCreate(obj: KObject, ctx: StrategyContext): KObject;
  /** Field errors of a new object, in upstream order. */
  validateCreate(obj: KObject, ctx: StrategyContext): FieldError[];
  /** Carries server-owned fields (status, …) from the old object into an update of the main resource. */
  prepareForUpdate(obj: KObject, old: KObject, ctx: StrategyContext): KObject;
  /** Field errors of an update. */
  validateUpdate(obj: KObject, old: KObject, ctx: StrategyContext): FieldError[];
  /** Keeps everything but status from the old object for a status-subresource write. */
  prepareForStatusUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): KObject;
  /** Grace period for a graceful delete, or undefined when the object is deleted at once. */
  gracePeriod?(obj: KObject, opts: DeleteOptions): number | undefined;
  /** Whether the resource has a status subresource. */
  hasStatus?: boolean;
}

// deno-lint-ignore no-explicit-any
export type Json = any;

/** Deep copy of a JSON value. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
