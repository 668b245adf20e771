// Container image references as the distribution reference parser reads them
// (ParseNormalizedNamed: docker.io/library/ normalization, registry host:port, tags, digests)
// and the imagePullPolicy default derived from the tag. Used by pod defaulting and the kubelet.

/** A parsed, normalized reference. */
export interface ImageReference {
  /** e.g. docker.io/library/nginx, registry:5000/team/app */
  repository: string;
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

const ALNUM = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|[-]*)";
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf("/");
  let domain: string;
  let rest: string;
  const first = i === -1 ? "" : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    domain = "docker.io";
    rest = name;
  } else {
    domain = first;
    rest = name.slice(i + 1);
  }
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !rest.includes("/")) rest = `library/${rest}`;
  return [domain, rest];
}

/** reference.ParseNormalizedNamed: undefined when the reference is invalid. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (IDENTIFIER_RE.test(image)) return undefined;
  const [domain, remainder] = splitDockerDomain(image);
  const colon = remainder.indexOf(":");
  const remoteName = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remoteName.toLowerCase() !== remoteName) return undefined;
  const m = REFERENCE_RE.exec(`${domain}/${remainder}`);
  if (!m) return undefined;
  const repository = m[1];
  if (repository.length > 255) return undefined;
  const digest = m[3];
  if (digest) {
    const [alg, hex] = digest.split(":");
    const want = DIGEST_LENGTHS[alg];
    if (!want || hex.length !== want) return undefined;
  }
  const slash = repository.indexOf("/");
  return { repository, domain: repository.slice(0, slash), path: repository.slice(slash + 1), tag: m[2], digest };
}

/** parsers.ParseImageName's tag: the explicit tag, "latest" when neither tag nor digest, "" when invalid. */
export function imageTag(image: string): string {
  const ref = parseImageReference(image);
  if (!ref) return "";
  if (ref.tag) return ref.tag;
  return ref.digest ? "" : "latest";
}

/** SetDefaults_Container's imagePullPolicy: Always for `latest` (explicit or implied), else IfNotPresent. */
export const defaultPullPolicy = (image: string): "Always" | "IfNotPresent" =>
  imageTag(image) === "latest" ? "Always" : "IfNotPresent";
