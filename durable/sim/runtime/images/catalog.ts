// The image catalog: resolves any reference (any registry prefix, tag aliases, a leading "v" on
// version tags) to an image family and tag, builds the ImageInfo the kubelet sees, and serves
// each image's read-only root file system and per-image facts. Used by runtime.ts, fs.ts, sys.ts.
import type { ImageInfo } from "../contract";
import type { FsNode } from "../state";
import type { FamilyDef, TagDef } from "./types";
import { notFoundError, parseReference, pseudoDigest } from "./reference";
import { ALPINE } from "./family-alpine";
import { BUSYBOX } from "./family-busybox";
import { NGINX } from "./family-nginx";
import { DEBIAN, UBUNTU } from "./family-debian";
import { REDIS } from "./family-redis";
import { MYSQL } from "./family-mysql";
import { POLINUX_STRESS, VISH_STRESS } from "./family-tools";
import { ETCD, GOPROXY, LIVENESS, PAUSE } from "./family-k8s";
import { CALICO_CNI, CALICO_KUBE_CONTROLLERS, CALICO_NODE, COREDNS, KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_PROXY, KUBE_SCHEDULER } from "./family-system";

const FAMILIES: FamilyDef[] = [
  NGINX, REDIS, ALPINE, BUSYBOX, DEBIAN, UBUNTU, MYSQL, POLINUX_STRESS, VISH_STRESS, LIVENESS, GOPROXY, ETCD, PAUSE,
  KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER, KUBE_PROXY, COREDNS, CALICO_NODE, CALICO_CNI, CALICO_KUBE_CONTROLLERS,
];

/** A resolved image with its catalog entry. */
export interface Resolved {
  info: ImageInfo;
  family: string;
  tag: string;
}

const last = (p: string) => p.slice(p.lastIndexOf("/") + 1);

function findFamily(path: string): FamilyDef | undefined {
  const short = path.replace(/^library\//, "");
  const exact = FAMILIES.find((f) => f.repos.includes(path) || f.repos.includes(short));
  if (exact) return exact;
  return FAMILIES.find((f) => f.matchLast && f.repos.some((r) => last(r) === last(path)));
}

function findTag(f: FamilyDef, tag: string): TagDef | undefined {
  const hit = (t: string) => f.tags.find((d) => d.tag === t || d.aliases?.includes(t));
  return hit(tag) ?? (/^v\d/.test(tag) ? hit(tag.slice(1)) : undefined);
}

function familyByName(name: string): FamilyDef | undefined {
  return FAMILIES.find((f) => f.name === name);
}

const resolveCache = new Map<string, Resolved | { error: string; invalid?: boolean }>();

/** Resolves a reference to an image, or the CRI pull error (memoized; results are read-only). */
export function resolveImage(ref: string): Resolved | { error: string; invalid?: boolean } {
  let r = resolveCache.get(ref);
  if (!r) {
    r = resolveUncached(ref);
    if (resolveCache.size > 5000) resolveCache.clear();
    resolveCache.set(ref, r);
  }
  return r;
}

function resolveUncached(ref: string): Resolved | { error: string; invalid?: boolean } {
  const p = parseReference(ref);
  if ("error" in p) return { error: p.error, invalid: true };
  const fam = findFamily(p.path);
  if (!fam) return { error: notFoundError(p, false) };
  let def: TagDef | undefined;
  if (p.tag !== undefined) def = findTag(fam, p.tag);
  else def = fam.tags.find((t) => pseudoDigest(`${fam.name}:${t.tag}`) === p.digest!.slice(7)) ?? fam.tags[0];
  if (!def) return { error: notFoundError(p, true) };
  const digest = `sha256:${pseudoDigest(`${fam.name}:${def.tag}`)}`;
  const repo = `${p.domain}/${p.path}`;
  const info: ImageInfo = {
    ref,
    normalized: p.normalized,
    repo,
    tag: p.tag ?? def.tag,
    digest,
    imageID: `${repo}@${digest}`,
    sizeBytes: def.sizeBytes,
    config: def.config,
    history: def.history ?? [{ created: def.created, createdBy: "", size: def.sizeBytes, comment: "" }],
  };
  return { info, family: fam.name, tag: def.tag };
}

const layerCache = new Map<string, { files: Record<string, FsNode>; children: Map<string, string[]> }>();

/** The image's root file system and a directory index (built once per process). */
export function lowerLayer(family: string, tag: string): { files: Record<string, FsNode>; children: Map<string, string[]> } {
  const key = `${family}:${tag}`;
  let l = layerCache.get(key);
  if (!l) {
    const def = familyByName(family)?.tags.find((t) => t.tag === tag);
    const files = def ? def.rootfs() : { "/": { t: "d" } as FsNode };
    const children = new Map<string, string[]>();
    for (const p of Object.keys(files)) {
      if (p === "/") continue;
      const i = p.lastIndexOf("/");
      const dir = i === 0 ? "/" : p.slice(0, i);
      let arr = children.get(dir);
      if (!arr) children.set(dir, (arr = []));
      arr.push(p.slice(i + 1));
    }
    for (const arr of children.values()) arr.sort();
    l = { files, children };
    layerCache.set(key, l);
  }
  return l;
}

/** A per-image fact (versions, distro) for programs. */
export function imageVar(family: string, tag: string, name: string): string | undefined {
  const def = familyByName(family)?.tags.find((t) => t.tag === tag);
  return name === "created" ? def?.created : def?.vars?.[name];
}
