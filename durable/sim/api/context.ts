// What the API server needs from the cluster: the store, time, randomness, and the hooks for
// the parts of the pod API that reach into nodes (logs, exec, attach, metrics).
import type { Rng } from "../core/rng";
import type { Store } from "../store/store";
import type { KObject } from "../store/types";
import type { ExecResponse, LogResponse } from "./request";

/** Cluster services the API server calls into. */
export interface ApiHooks {
  /** `GET pods/<name>/log` for a pod that exists. */
  podLogs(pod: KObject, query: URLSearchParams): LogResponse;
  /** `GET/POST pods/<name>/exec` upgrade for a pod that exists. */
  podExec(pod: KObject, query: URLSearchParams, protocol: string): ExecResponse;
  /** `GET/POST pods/<name>/attach` upgrade for a pod that exists (answered like exec, with an attach session). */
  podAttach(pod: KObject, query: URLSearchParams, protocol: string): ExecResponse;
  /** metrics.k8s.io objects (PodMetrics or NodeMetrics). */
  metrics(resource: "pods" | "nodes", namespace: string | undefined): KObject[];
  /** A trace step for the live sequence diagrams (API server and etcd actors). */
  trace?(step: { actor: string; target: string; action: string; pod?: string; namespace?: string }): void;
}

/** Everything the API server reads or writes. */
export interface ApiContext {
  store: Store;
  rng: Rng;
  now(): number;
  hooks: ApiHooks;
}

/** Options of a write request. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: "Strict" | "Warn" | "Ignore";
  /** Internal writes by controllers skip strict decoding and use this manager. */
  internal?: boolean;
  subresource?: string;
  /** The object already carries the managedFields to store (server-side apply computed them). */
  keepManagedFields?: boolean;
}
