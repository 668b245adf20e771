// The default scheduling profile of kube-scheduler v1.32, reduced to the plugins podlab models:
// PreFilter, Filter (in upstream order; the first rejection wins) and Score plugins with the
// default weights. Used by cycle.ts; tests build custom profiles from the same plugins.
import type { ClusterEventKind, FilterPlugin, PreFilterPlugin, ScorePlugin } from "./framework";
import { imageLocality } from "./plugins/image-locality";
import { nodeAffinity } from "./plugins/node-affinity";
import { nodeName } from "./plugins/node-name";
import { nodePorts } from "./plugins/node-ports";
import { nodeResourcesBalancedAllocation } from "./plugins/node-resources-balanced-allocation";
import { nodeResourcesFit } from "./plugins/node-resources-fit";
import { nodeUnschedulable } from "./plugins/node-unschedulable";
import { taintToleration } from "./plugins/taint-toleration";

/** A score plugin with its weight in the profile. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

/** The plugins of one profile, per extension point. */
export interface Profile {
  schedulerName: string;
  preFilter: readonly PreFilterPlugin[];
  filter: readonly FilterPlugin[];
  score: readonly WeightedScorePlugin[];
}

/** The scheduler name pods get by default. */
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";

/** The default profile (weights: TaintToleration 3, NodeAffinity 2, the rest 1). */
export const DEFAULT_PROFILE: Profile = {
  schedulerName: DEFAULT_SCHEDULER_NAME,
  preFilter: [nodeAffinity],
  filter: [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit],
  score: [
    { plugin: taintToleration, weight: 3 },
    { plugin: nodeAffinity, weight: 2 },
    { plugin: nodeResourcesFit, weight: 1 },
    { plugin: nodeResourcesBalancedAllocation, weight: 1 },
    { plugin: imageLocality, weight: 1 },
  ],
};

/** Names of the filter plugins that care about a cluster event (the queue's move rule). */
export function pluginsInterestedIn(profile: Profile, event: ClusterEventKind): Set<string> {
  const out = new Set<string>();
  for (const p of [...profile.preFilter, ...profile.filter]) if (p.events?.includes(event)) out.add(p.name);
  return out;
}
