// Plain Kubernetes object shapes as the store holds them (JSON values). The typed views of
// Pods, Nodes and friends live in schema/k8s; the store only needs metadata.

/** Object metadata fields the store and API server rely on. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: unknown[];
  managedFields?: unknown[];
  [k: string]: unknown;
}

/** Any Kubernetes object. */
export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [k: string]: unknown;
}

/** The three stored-event types of a watch. */
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One change in the store, kept in the watch history. */
export interface StoreEvent {
  type: WatchEventType;
  rv: number;
  resource: string;
  key: string;
  object: KObject;
  /** The object before the change (MODIFIED and DELETED). */
  prev?: KObject;
  /** Virtual time of the change. */
  time: number;
}
