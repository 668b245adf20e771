// ImageLocality: prefers nodes that already hold the pod's images, weighted by image size and by
// how many nodes have them (so one node does not attract every pod). Names compare as written,
// with ":latest" added to untagged references, as upstream does (no docker.io normalization).
import { MAX_NODE_SCORE, type ScorePlugin } from "../framework";

/** Plugin name. */
export const IMAGE_LOCALITY = "ImageLocality";
const MB = 1024 * 1024;
/** Below this sum of image sizes the score is 0. */
export const MIN_THRESHOLD = 23 * MB;
/** Per-container size at which the score saturates. */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: adds ":latest" when the reference has no tag after its last "/". */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

/** calculatePriority: maps the summed scaled image sizes to 0..100. */
export function imageScore(sum: number, containers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * containers;
  const s = Math.min(Math.max(sum, MIN_THRESHOLD), max);
  return max === MIN_THRESHOLD ? 0 : Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

/** The ImageLocality score. */
export const imageLocality: ScorePlugin = {
  name: IMAGE_LOCALITY,
  score(p, n, ctx) {
    if (!n.images.size) return 0;
    const spec = p.pod.spec;
    const all = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
    let sum = 0;
    for (const c of all) {
      if (!c.image) continue;
      const name = normalizedImageName(c.image);
      const size = n.images.get(name);
      if (size === undefined) continue;
      sum += Math.trunc(size * (ctx.imageNodes(name) / ctx.totalNodes));
    }
    return imageScore(sum, all.length);
  },
};
