// Table column definitions shared by the server-side printers (kube-apiserver's
// pkg/printers/internalversion): names, types, priorities and descriptions as upstream.

/** metav1.TableColumnDefinition */
export interface ColumnDef {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  format: "" | "name" | "date";
  description: string;
  priority: number;
}

/** A column with defaults filled in. */
export function col(name: string, description: string, opts: Partial<ColumnDef> = {}): ColumnDef {
  return { name, type: "string", format: "", description, priority: 0, ...opts };
}

/** ObjectMeta.name's swagger doc (the Name column of every printer). */
export const NAME_DOC = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

/** ObjectMeta.creationTimestamp's swagger doc (the Age column). */
export const AGE_DOC = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/** The Name column. */
export const nameColumn = (): ColumnDef => col("Name", NAME_DOC, { format: "name" });
/** The Age column. */
export const ageColumn = (): ColumnDef => col("Age", AGE_DOC);

/** labels.FormatLabels: sorted `k=v,k2=v2`, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}
