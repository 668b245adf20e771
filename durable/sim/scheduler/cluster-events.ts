// Which scheduling-relevant changes a store event carries: node taints, labels, allocatable and
// cordon changes, and whether a pod update changed anything besides status (isPodUpdated).
// Pure; scheduler.ts turns the kinds into queue moves.
import type { Node, Pod } from "../../../schema/k8s";
import { ClusterEvent, type ClusterEventKind } from "./framework";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** nodeSchedulingPropertiesChange: the events a Node update raises (none for heartbeats). */
export function nodeUpdateEvents(prev: Node, next: Node): ClusterEventKind[] {
  const out: ClusterEventKind[] = [];
  if (!!prev.spec?.unschedulable !== !!next.spec?.unschedulable && !next.spec?.unschedulable) {
    out.push(ClusterEvent.NodeSpecUnschedulableChange);
  }
  if (!same(prev.status?.allocatable, next.status?.allocatable)) out.push(ClusterEvent.NodeAllocatableChange);
  if (!same(prev.metadata?.labels, next.metadata?.labels)) out.push(ClusterEvent.NodeLabelChange);
  if (!same(prev.spec?.taints, next.spec?.taints)) out.push(ClusterEvent.NodeTaintChange);
  return out;
}

/** isPodUpdated: true when anything but status, resourceVersion, generation or managedFields changed. */
export function isPodUpdated(prev: Pod, next: Pod): boolean {
  const strip = (p: Pod) => {
    const m = { ...(p.metadata ?? {}) } as Record<string, unknown>;
    delete m.resourceVersion;
    delete m.generation;
    delete m.managedFields;
    return JSON.stringify({ metadata: m, spec: p.spec });
  };
  return strip(prev) !== strip(next);
}
