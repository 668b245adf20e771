// Wire shapes shared by worker/, durable/ and web/: request bodies of podlab's own API, as
// valibot schemas (validation at the edge) with their inferred types.
import * as v from "valibot";

/** A node in a custom topology (POST /api/sandboxes {nodes}). */
export const NodeInput = v.strictObject({
  name: v.pipe(v.string(), v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/), v.maxLength(63)),
  cpu: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]?$/)), "2"),
  memory: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]*(Mi|Gi)$/)), "4Gi"),
  pods: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(250)), 110),
  controlPlane: v.optional(v.boolean()),
  labels: v.optional(v.record(v.string(), v.string())),
  taints: v.optional(v.array(v.strictObject({ key: v.string(), value: v.optional(v.string()), effect: v.picklist(["NoSchedule", "PreferNoSchedule", "NoExecute"]) }))),
});

/** Body of POST /api/sandboxes. */
export const CreateSandboxBody = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.maxLength(63))),
  seed: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** Virtual start time (ms since epoch); defaults to now. Golden tests pin it. */
  startTime: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4102444800000))),
  /** Initial clock speed (0 = paused). */
  speed: v.optional(v.picklist([0, 1, 10, 60])),
  nodes: v.optional(v.pipe(v.array(NodeInput), v.minLength(1), v.maxLength(10))),
});
/** Inferred body of POST /api/sandboxes. */
export type CreateSandboxBody = v.InferOutput<typeof CreateSandboxBody>;

/** The Worker's internal init call to a sandbox's Durable Object. */
export const InitBody = v.object({
  id: v.string(),
  name: v.string(),
  seed: v.string(),
  startTime: v.optional(v.number()),
  speed: v.optional(v.number()),
  reset: v.optional(v.boolean()),
  nodes: v.optional(v.array(v.object({
    name: v.string(), ip: v.string(), cpu: v.string(), memory: v.string(), pods: v.number(),
    controlPlane: v.optional(v.boolean()), labels: v.optional(v.record(v.string(), v.string())),
    taints: v.optional(v.array(v.object({ key: v.string(), value: v.optional(v.string()), effect: v.picklist(["NoSchedule", "PreferNoSchedule", "NoExecute"]) }))),
    podBlock: v.string(), podCIDR: v.string(),
  }))),
});

/** Response of POST /api/sandboxes. */
export interface SandboxCreated {
  id: string;
  name: string;
  server: string;
  kubeconfig: string;
}
