// Evaluates a course author's declarative checks (schema/checks.ts) against a sandbox: pods,
// restarts, events, manifests, endpoints and read-only kubectl output, each passing or failing
// with a human explanation. Pure: the adapter (durable/checks.ts) supplies the manifest history.
import type { Cluster } from "../cluster";
import type { Check, CheckResult } from "../../../schema/checks";
import { podCheck, restartsCheck } from "./pod";
import { eventCheck } from "./events";
import { endpointsCheck } from "./endpoints";
import { manifestCheck, type ManifestRecord } from "./manifests";
import { cloneCluster, kubectlCheck } from "./kubectl";

export type { ManifestRecord } from "./manifests";

/** What checks read besides the cluster. */
export interface CheckInputs {
  /** The sandbox's manifest history, oldest first. */
  manifests: ManifestRecord[];
  /** The server URL kubectl checks print (cluster-info). */
  server?: string;
}

/** Evaluates every check, in order. */
export function evaluateChecks(c: Cluster, checks: Check[], inputs: CheckInputs): CheckResult[] {
  let copy: Cluster | undefined;
  const clone = () => (copy ??= cloneCluster(c));
  return checks.map((k) => {
    switch (k.type) {
      case "pod": return podCheck(c, k);
      case "restarts": return restartsCheck(c, k);
      case "event": return eventCheck(c, k);
      case "endpoints": return endpointsCheck(c, k);
      case "manifest": return manifestCheck(inputs.manifests, k);
      case "kubectl": return kubectlCheck(clone, inputs.server ?? "", k);
    }
  });
}
