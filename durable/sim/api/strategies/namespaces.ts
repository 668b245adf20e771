// Namespace rules: phase Active on create, the kubernetes finalizer, Terminating on delete
// (the namespace controller then empties it), and the namespaces that may never be deleted.
import { forbidden as fieldForbidden, invalid, type FieldError } from "../../../../schema/validation/field-error";
import { forbidden } from "../status";
import type { KObject } from "../../store/types";
import { nameErrors } from "./meta";
import { clone, type Json, type Strategy } from "./types";

/** Namespaces that the apiserver refuses to delete. */
export const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

function validate(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata?.name;
  if (!name) errs.push({ type: "FieldValueRequired", field: "metadata.name", detail: "name or generateName is required" });
  else for (const d of nameErrors(name, "label")) errs.push(invalid("metadata.name", name, d));
  if (obj.metadata?.namespace) errs.push(fieldForbidden("metadata.namespace", "not allowed on this type"));
  return errs;
}

/** The Namespace strategy. */
export const namespaceStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    const ns = clone(obj) as Json;
    ns.spec = { finalizers: ["kubernetes"] };
    ns.status = { phase: "Active" };
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), "kubernetes.io/metadata.name": ns.metadata.name };
    return ns;
  },
  validateCreate: validate,
  prepareForUpdate(obj, old) {
    const ns = clone(obj) as Json;
    ns.spec = clone((old as Json).spec);
    ns.status = clone((old as Json).status);
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), "kubernetes.io/metadata.name": ns.metadata.name };
    return ns;
  },
  validateUpdate: validate,
  prepareForStatusUpdate: (obj, old) => ({ ...clone(old), status: clone((obj as Json).status) }),
};

/** Throws the Forbidden Status for namespaces that may not be deleted. */
export function checkNamespaceDeletable(name: string): void {
  if (IMMORTAL_NAMESPACES.includes(name)) {
    throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: "namespaces" });
  }
}
