// Public entry of schema/k8s: the valibot schemas (`PodSchema`, `ContainerSchema`, ...) and
// inferred TypeScript types (`Pod`, `Container`, `PodSpec`, `Node`, ...) of every Kubernetes
// object podlab serves, plus schema introspection. The API server, kubelet, validation,
// printers and web/ import their Kubernetes types from here.
export * from "./generated/types";
export type { FieldMeta, GroupVersionKind, SpecialKind, TypeMeta } from "./primitives";
export { allTypes, typeByName, typeForKind, type FieldInfo, type NamedType, type Shape } from "./introspect";
