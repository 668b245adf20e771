// Image references as containerd parses them: registry domain (docker.io by default, with the
// library/ prefix for official images), repository path, tag (latest by default) and digest;
// plus the CRI pull error texts the kubelet shows in events. Used by images/catalog.ts.

/** A parsed reference. */
export interface ParsedRef {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
  /** domain/path:tag (or @digest) as containerd names it. */
  normalized: string;
}

/** Parses a reference; returns an error text for invalid ones. */
export function parseReference(ref: string): ParsedRef | { error: string } {
  if (!ref || /\s/.test(ref)) return { error: `couldn't parse image name "${ref}": invalid reference format` };
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const parts = rest.split("/");
  let domain = "docker.io";
  if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost")) domain = parts.shift()!;
  let path = parts.join("/");
  if (domain === "docker.io" && parts.length === 1) path = `library/${path}`;
  if (path !== path.toLowerCase()) {
    return { error: `couldn't parse image name "${ref}": invalid reference format: repository name (${path}) must be lowercase` };
  }
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) {
    return { error: `couldn't parse image name "${ref}": invalid reference format` };
  }
  if (tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(tag)) return { error: `couldn't parse image name "${ref}": invalid reference format` };
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) return { error: `couldn't parse image name "${ref}": invalid reference format` };
  if (tag === undefined && digest === undefined) tag = "latest";
  const normalized = `${domain}/${path}${tag !== undefined ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
  return { domain, path, tag, digest, normalized };
}

/** The CRI error for a tag or repository that does not exist. */
export function notFoundError(p: ParsedRef, repoKnown: boolean): string {
  const n = p.normalized;
  if (!repoKnown && p.domain === "docker.io") {
    return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}

/** A deterministic pseudo sha256 digest for an image name. */
export function pseudoDigest(seed: string): string {
  let out = "";
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    const s = `${seed}#${round}`;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    out += (h >>> 0).toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}
