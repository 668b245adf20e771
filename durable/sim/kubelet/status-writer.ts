// The status manager: the only writer of pod status. Generates the status from the pod worker's
// records and writes it through the API server's status subresource when it changed.
import { findResource } from "../api/registry";
import { Kubelet, type KubeletEnv } from "./kubelet";
import { generatePodStatus } from "./status";
import type { PodRecord } from "./types";

// deno-lint-ignore no-explicit-any
type Json = any;

const POD_DEF = findResource("", "v1", "pods")!;

/** Writes the pod's status if it differs from the stored one; returns whether it wrote. */
export function writeStatus(env: KubeletEnv, rec: PodRecord): boolean {
  if (rec.orphaned) return false;
  const pod = Kubelet.podOf(env, rec) as Json;
  if (!pod || pod.metadata.uid !== rec.uid) return false;
  const status = generatePodStatus(pod, rec, env.ctx.now(), { ip: env.node.ip });
  // Generated statuses keep a fixed key order, so comparing the JSON text is exact enough here.
  if (JSON.stringify(status) === JSON.stringify(pod.status)) return false;
  const next = { ...pod, status };
  const prevPhase = pod.status?.phase;
  env.ctx.api.verbs.updateDecoded(POD_DEF, rec.namespace, rec.name, next, { subresource: "status", internal: true, fieldManager: "kubelet" }, []);
  const summary = status.phase !== prevPhase ? `update pod status (phase ${status.phase})` : "update pod status";
  env.ctx.trace.step("kubelet", "API Server", summary, pod.metadata, env.node.name);
  env.ctx.trace.step("API Server", "etcd", "write pod status", pod.metadata);
  return true;
}
