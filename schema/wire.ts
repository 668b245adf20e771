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

/** A node of the core topology as the Durable Object stores it (addresses already assigned). */
export const InitNode = v.object({
  name: v.pipe(v.string(), v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/), v.maxLength(63)), ip: v.pipe(v.string(), v.maxLength(15)),
  cpu: v.pipe(v.string(), v.regex(/^[1-9][0-9]?$/)), memory: v.pipe(v.string(), v.regex(/^[1-9][0-9]*(Mi|Gi)$/)),
  pods: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(250)),
  controlPlane: v.optional(v.boolean()), labels: v.optional(v.record(v.string(), v.string())),
  taints: v.optional(v.array(v.object({ key: v.string(), value: v.optional(v.string()), effect: v.picklist(["NoSchedule", "PreferNoSchedule", "NoExecute"]) }))),
  podBlock: v.pipe(v.string(), v.maxLength(18)), podCIDR: v.pipe(v.string(), v.maxLength(18)),
});

const count = (max: number) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max)));

/** Per-sandbox limits a teacher may set at creation; omitted ones take DEFAULT_QUOTAS. */
export const QuotasInput = v.strictObject({
  objects: count(20_000),
  pods: count(500),
  nodes: count(10),
  bytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024 * 1024), v.maxValue(64 * 1024 * 1024))),
  requestsPerSecond: count(1000),
});
/** Quotas as given by a teacher. */
export type QuotasInput = v.InferOutput<typeof QuotasInput>;
/** Effective quotas of a sandbox. */
export type Quotas = Required<QuotasInput>;

/** Defaults (documented in docs/api.md). */
export const DEFAULT_QUOTAS: Quotas = { objects: 1000, pods: 50, nodes: 10, bytes: 16 * 1024 * 1024, requestsPerSecond: 50 };

/** Effective quotas: the teacher's values over the defaults. */
export function effectiveQuotas(q: QuotasInput | undefined): Quotas {
  return { ...DEFAULT_QUOTAS, ...(q ?? {}) };
}

const t = v.pipe(v.number(), v.integer(), v.minValue(0));
const b64 = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"));
/** One journaled input (see durable/journal.ts). */
export const JournalEntryInput = v.variant("k", [
  v.strictObject({ k: v.literal("adv"), t }),
  v.strictObject({ k: v.literal("req"), t, m: v.pipe(v.string(), v.maxLength(16)), p: v.pipe(v.string(), v.maxLength(4096)),
    q: v.pipe(v.string(), v.maxLength(16_384)), h: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(4096))),
    b: v.optional(b64(4 * 1024 * 1024 + 4)) }),
  v.strictObject({ k: v.literal("ws"), t, s: v.pipe(v.string(), v.maxLength(256)), d: b64(1024 * 1024) }),
  v.strictObject({ k: v.literal("wsgone"), t, s: v.pipe(v.string(), v.maxLength(256)) }),
  v.strictObject({ k: v.literal("node"), t, n: v.pipe(v.string(), v.maxLength(63)), op: v.picklist(["stop", "start"]) }),
  v.strictObject({ k: v.literal("kubectl"), t, c: v.pipe(v.string(), v.maxLength(16_384)), i: v.optional(v.pipe(v.string(), v.maxLength(3 * 1024 * 1024))) }),
]);

/** What a sandbox was created from: enough, with the journal, to rebuild it exactly. */
export const SandboxInit = v.strictObject({
  seed: v.pipe(v.string(), v.maxLength(200)),
  startTime: t,
  nodes: v.optional(v.pipe(v.array(InitNode), v.minLength(1), v.maxLength(10))),
  quotas: v.optional(QuotasInput),
});
/** Init parameters of a sandbox. */
export type SandboxInit = v.InferOutput<typeof SandboxInit>;

/** Most journal entries a replay accepts. */
export const MAX_REPLAY_ENTRIES = 200_000;

/** A sandbox's exported journal (GET /api/sandboxes/<id>/export → journal). */
export const ExportedJournal = v.strictObject({
  version: v.literal(1),
  init: SandboxInit,
  entries: v.pipe(v.array(JournalEntryInput), v.maxLength(MAX_REPLAY_ENTRIES)),
  /** Virtual time of the sandbox when exported. */
  now: t,
});
/** Inferred exported journal. */
export type ExportedJournal = v.InferOutput<typeof ExportedJournal>;

/** Body of POST /api/sandboxes. */
export const CreateSandboxBody = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.maxLength(63))),
  seed: v.optional(v.pipe(v.string(), v.maxLength(64))),
  nodes: v.optional(v.pipe(v.array(NodeInput), v.minLength(1), v.maxLength(10))),
  quotas: v.optional(QuotasInput),
  /** Virtual start time (ms since epoch); defaults to now. Golden tests pin it. */
  startTime: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4102444800000))),
  /** Initial clock speed (0 = paused). */
  speed: v.optional(v.picklist([0, 1, 10, 60])),
  /** An exported journal (or a whole export, whose `journal` is used) to rebuild exactly. */
  replay: v.optional(v.union([ExportedJournal, v.pipe(v.looseObject({ journal: ExportedJournal }), v.transform((x) => x.journal))])),
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
  nodes: v.optional(v.array(InitNode)),
  quotas: v.optional(QuotasInput),
  replay: v.optional(ExportedJournal),
});

/** Response of POST /api/sandboxes. */
export interface SandboxCreated {
  id: string;
  name: string;
  server: string;
  kubeconfig: string;
}
