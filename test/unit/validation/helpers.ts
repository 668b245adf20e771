// Test helpers: the create pipeline the API server runs (defaulting → admission), a fixed-suffix
// rng, and error rendering via errorString.
import { admitPod, admitPodUpdate } from "../../../schema/admission/pod";
import { defaultPod } from "../../../schema/defaults/pod";
import { errorString, type FieldError } from "../../../schema/validation/field-error";
import { validatePodCreate, validatePodUpdate } from "../../../schema/validation/pod";

/** An rng whose suffixes are fixed. */
export const fixedRng = (s = "7x2zq") => ({ suffix: () => s });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Defaulted and admitted, as stored after a create. */
export function prepare(manifest: Json, suffix = "7x2zq"): Json {
  const m = { metadata: { namespace: "default" }, ...manifest, metadata: { namespace: "default", ...manifest.metadata } };
  return admitPod(defaultPod(m), { rng: fixedRng(suffix) });
}

/** A pod manifest with one container, merged with `spec` overrides. */
export function podWith(spec: Json, name = "web"): Json {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "web", image: "nginx" }], ...spec } };
}

/** The errors of creating `manifest`, rendered. */
export function createErrors(manifest: Json): string[] {
  return validatePodCreate(prepare(manifest)).map(errorString);
}

/** The errors of updating `old` (stored) to `next` (a PUT body or PATCH result): defaulting, update admission, validation. */
export function updateErrors(next: Json, old: Json): string[] {
  return validatePodUpdate(admitPodUpdate(defaultPod(next), old), old).map(errorString);
}

/** Renders errors. */
export const render = (errs: FieldError[]) => errs.map(errorString);
