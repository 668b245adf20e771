// The kubelet's node heartbeats: the Lease in kube-node-lease renewed every 10 s and the
// node status (condition heartbeats, images) reported every 5 minutes.
import { rfc3339 } from "../core/time";
import type { KubeletEnv } from "./kubelet";

// deno-lint-ignore no-explicit-any
type Json = any;

/** Renews the node's Lease (renewTime is a MicroTime). */
export function renewLease(env: KubeletEnv): void {
  const { store } = env.ctx;
  const lease = store.get("leases.coordination.k8s.io", "kube-node-lease", env.node.name) as Json;
  if (!lease) return;
  const next = JSON.parse(JSON.stringify(lease));
  next.spec.renewTime = new Date(env.ctx.now()).toISOString().replace("Z", "000Z");
  store.update("leases.coordination.k8s.io", next);
}

/** Reports node status: heartbeat times and the image list. */
export function heartbeat(env: KubeletEnv): void {
  const { store } = env.ctx;
  const node = store.get("nodes", undefined, env.node.name) as Json;
  if (!node) return;
  const next = JSON.parse(JSON.stringify(node));
  const hb = rfc3339(env.ctx.now());
  for (const c of next.status.conditions ?? []) if (c.type !== "NetworkUnavailable") c.lastHeartbeatTime = hb;
  next.status.images = env.runtime.nodeImages(env.node.name);
  store.update("nodes", next);
}
