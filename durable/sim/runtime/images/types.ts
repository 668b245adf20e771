// Shapes of the image catalog data: families (one module per image family) with tags, their
// image config, size, history, root file system recipe and per-image facts for programs.
// Used by catalog.ts and the family modules.
import type { ImageConfig, ImageHistoryEntry } from "../contract";
import type { FsNode } from "../state";

/** One tag (or group of alias tags) of an image family. */
export interface TagDef {
  tag: string;
  aliases?: string[];
  sizeBytes: number;
  created: string;
  config: ImageConfig;
  history?: ImageHistoryEntry[];
  /** Builds the image's root file system (called once per process, cached). */
  rootfs: () => Record<string, FsNode>;
  /** Facts programs read with sys.imageVar (versions, distro). */
  vars?: Record<string, string>;
}

/** An image family: every repository path that resolves to it and its tags. */
export interface FamilyDef {
  name: string;
  /** Repository paths, matched exactly first (e.g. "vish/stress"), then by last component. */
  repos: string[];
  /** Matched by the last path component when no exact repository matches. */
  matchLast?: boolean;
  tags: TagDef[];
}

/** A recipe for a root file system. */
export interface FsSpec {
  dirs?: string[];
  links?: Record<string, string>;
  progs?: Record<string, string>;
  files?: Record<string, string | { c: string; m?: number; x?: string }>;
}
