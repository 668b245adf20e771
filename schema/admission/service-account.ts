// The ServiceAccount admission plugin (mutating, create only): serviceAccountName defaults to
// `default`, the projected `kube-api-access-xxxxx` token volume and a read-only mount at
// /var/run/secrets/kubernetes.io/serviceaccount in every container that has no mount there,
// and the service account's imagePullSecrets. Used by admitPod.
import { type Json, arr, isObj } from "../defaults/json";

/** Where the API token is mounted. */
export const TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
/** Prefix of the generated token volume. */
export const TOKEN_VOLUME_PREFIX = "kube-api-access-";
/** WarnOnlyBoundTokenExpirationSeconds */
export const TOKEN_EXPIRATION_SECONDS = 3607;
const MIRROR_POD = "kubernetes.io/config.mirror";

/** The bits of a ServiceAccount admission looks at. */
export interface ServiceAccountInfo { automountServiceAccountToken?: boolean; imagePullSecrets?: { name: string }[] }

/** TokenVolumeSource: token, kube-root-ca.crt and the namespace file. */
export function tokenVolumeSource(): Json {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: "token" } },
      { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
    ],
  };
}

/** Mutates `pod` as the plugin does on create. */
export function admitServiceAccount(pod: Json, rng: { suffix(n?: number): string }, sa: ServiceAccountInfo = {}): void {
  if (isObj(pod.metadata?.annotations) && MIRROR_POD in pod.metadata.annotations) return;
  const spec: Json = pod.spec;
  if (!spec.serviceAccountName) spec.serviceAccountName = "default";
  spec.serviceAccount = spec.serviceAccountName;
  const automount = typeof spec.automountServiceAccountToken === "boolean" ? spec.automountServiceAccountToken
    : typeof sa.automountServiceAccountToken === "boolean" ? sa.automountServiceAccountToken : true;
  if (automount) mountToken(spec, rng);
  if (arr(spec.imagePullSecrets).length === 0 && arr(sa.imagePullSecrets).length > 0) {
    spec.imagePullSecrets = arr(sa.imagePullSecrets).map((s) => ({ name: s.name }));
  }
}

function mountToken(spec: Json, rng: { suffix(n?: number): string }): void {
  const existing = arr(spec.volumes).find((v) => isObj(v) && typeof v.name === "string" && v.name.startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName: string = existing ? existing.name : `${TOKEN_VOLUME_PREFIX}${rng.suffix(5)}`;
  let needed = false;
  for (const c of [...arr(spec.initContainers), ...arr(spec.containers)]) {
    if (!isObj(c)) continue;
    if (arr(c.volumeMounts).some((m) => isObj(m) && m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...arr(c.volumeMounts), { mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true }];
    needed = true;
  }
  if (!existing && needed) spec.volumes = [...arr(spec.volumes), { name: volumeName, projected: tokenVolumeSource() }];
}
