// Public entry of schema/k8s: the valibot schemas and inferred TypeScript types of every
// Kubernetes object podlab serves (Pod, Container, PodSpec, Node, ...), plus the kind table.
// The API server, kubelet, validation, printers and web/ import their Kubernetes types from here.
export * from "./generated/types";
export type { FieldMeta, GroupVersionKind, SpecialKind, TypeMeta } from "./primitives";
