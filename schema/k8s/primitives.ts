// Building blocks of the generated Kubernetes schemas (schema/k8s/generated/types.ts): scalar
// formats, the primitive named types (Quantity, IntOrString, Time, ...) and the metadata every
// named type and field carries. introspect.ts reads that metadata back for decode and OpenAPI.
import * as v from "valibot";

/** A group/version/kind triple as OpenAPI's x-kubernetes-group-version-kind writes it. */
export type GroupVersionKind = {
  group: string;
  version: string;
  kind: string;
};

/** Metadata of a named object type: upstream OpenAPI name, Go type name, kind if top-level. */
export type TypeMeta = {
  name: string;
  go: string;
  gvk?: GroupVersionKind;
};

/** Metadata of a field: enum values, Go type for error messages, upstream default, x-kubernetes-*. */
export type FieldMeta = {
  enum?: readonly string[];
  goType?: string;
  default?: unknown;
  extensions?: Readonly<Record<string, unknown>>;
};

/** The primitive named types: their JSON form is a scalar (or free-form object). */
export type SpecialKind = "quantity" | "intOrString" | "time" | "microTime" | "fieldsV1" | "rawExtension";

/** Metadata of a primitive named type. */
export type SpecialMeta = {
  name: string;
  go: string;
  special: SpecialKind;
};

/** Scalar format markers (OpenAPI `format`). */
export type FormatMeta = {
  format: "int32" | "int64" | "double" | "byte";
};

/** A 32-bit integer field. */
export const int32 = () => v.pipe(v.number(), v.integer(), v.metadata<number, FormatMeta>({ format: "int32" }));
/** A 64-bit integer field. */
export const int64 = () => v.pipe(v.number(), v.integer(), v.metadata<number, FormatMeta>({ format: "int64" }));
/** A float64 field. */
export const double = () => v.pipe(v.number(), v.metadata<number, FormatMeta>({ format: "double" }));
/** A []byte field: base64 text on the wire. */
export const bytes = () => v.pipe(v.string(), v.metadata<string, FormatMeta>({ format: "byte" }));

/** resource.Quantity: "500m", "1Gi" or a bare number as YAML authors write it. */
export const quantity = (name: string, doc: string) =>
  v.pipe(v.union([v.string(), v.number()]), v.description(doc), v.metadata<string | number, SpecialMeta>({ name, go: "resource.Quantity", special: "quantity" }));
/** intstr.IntOrString: a port number or a port name. */
export const intOrString = (name: string, doc: string) =>
  v.pipe(v.union([v.number(), v.string()]), v.description(doc), v.metadata<number | string, SpecialMeta>({ name, go: "intstr.IntOrString", special: "intOrString" }));
/** metav1.Time: RFC 3339 text with second precision. */
export const time = (name: string, doc: string) =>
  v.pipe(v.string(), v.description(doc), v.metadata<string, SpecialMeta>({ name, go: "v1.Time", special: "time" }));
/** metav1.MicroTime: RFC 3339 text with microsecond precision. */
export const microTime = (name: string, doc: string) =>
  v.pipe(v.string(), v.description(doc), v.metadata<string, SpecialMeta>({ name, go: "v1.MicroTime", special: "microTime" }));
/** metav1.FieldsV1: a free-form JSON object (managedFields). */
export const fieldsV1 = (name: string, doc: string) =>
  v.pipe(v.record(v.string(), v.unknown()), v.description(doc), v.metadata<Record<string, unknown>, SpecialMeta>({ name, go: "v1.FieldsV1", special: "fieldsV1" }));
/** runtime.RawExtension: an embedded object of any kind. */
export const rawExtension = (name: string, doc: string) =>
  v.pipe(v.record(v.string(), v.unknown()), v.description(doc), v.metadata<Record<string, unknown>, SpecialMeta>({ name, go: "runtime.RawExtension", special: "rawExtension" }));

/** A field: its value schema plus the field's own description and metadata. */
export function field<S extends v.GenericSchema>(schema: S, description: string, meta: FieldMeta = {}) {
  return v.pipe(schema, v.description<v.InferOutput<S>, string>(description), v.metadata<v.InferOutput<S>, FieldMeta>(meta));
}

/** A named object type. Unknown keys are stripped by valibot; decode.ts reports them first. */
export function k8sType<E extends v.ObjectEntries>(meta: TypeMeta, description: string, entries: E) {
  return v.pipe(v.object(entries), v.description<v.InferOutput<v.ObjectSchema<E, undefined>>, string>(description), v.metadata<v.InferOutput<v.ObjectSchema<E, undefined>>, TypeMeta>(meta));
}
