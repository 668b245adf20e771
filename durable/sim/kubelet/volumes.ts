// Volume setup for a container: emptyDir (shared per pod), projected service-account tokens,
// configMap/secret/downwardAPI files, hostPath, plus the kubelet-managed /etc/hosts,
// /etc/hostname and /etc/resolv.conf. Produces the runtime's MountSpec list.
import type { MountSpec } from "../runtime/contract";
import type { Store } from "../store/store";
import { encodeBase64Url } from "../core/base64url";

// deno-lint-ignore no-explicit-any
type Json = any;

/** A volume that cannot be set up (FailedMount). */
export class MountError extends Error {}

function b64decode(s: string): string {
  try {
    const bin = atob(s);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return s;
  }
}

function fakeToken(pod: Json): string {
  const enc = (o: unknown) => encodeBase64Url(JSON.stringify(o));
  return `${enc({ alg: "RS256", kid: "podlab" })}.${enc({ aud: ["https://kubernetes.default.svc.cluster.local"], iss: "https://kubernetes.default.svc.cluster.local",
    "kubernetes.io": { namespace: pod.metadata.namespace, pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: pod.spec.serviceAccountName ?? "default" } }, sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec.serviceAccountName ?? "default"}` })}.c2lnbmF0dXJl`;
}

function itemsFiles(data: Record<string, string>, items: Json[] | undefined, decode: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const val = (k: string) => (decode ? b64decode(data[k]) : data[k]);
  if (items?.length) {
    for (const it of items) if (it.key in data) out[it.path] = val(it.key);
  } else for (const k of Object.keys(data)) out[k] = val(k);
  return out;
}

function downward(pod: Json, items: Json[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items ?? []) {
    const f = it.fieldRef?.fieldPath;
    if (!f) continue;
    if (f === "metadata.labels" || f === "metadata.annotations") {
      const m = pod.metadata[f.split(".")[1]] ?? {};
      out[it.path] = Object.keys(m).sort().map((k) => `${k}="${m[k]}"`).join("\n");
    } else if (f === "metadata.name") out[it.path] = pod.metadata.name;
    else if (f === "metadata.namespace") out[it.path] = pod.metadata.namespace;
    else if (f === "metadata.uid") out[it.path] = pod.metadata.uid;
  }
  return out;
}

/** Files of one volume source (projected, configMap, secret, downwardAPI). */
function volumeFiles(vol: Json, pod: Json, store: Store, caCert: string): Record<string, string> | undefined {
  const ns = pod.metadata.namespace;
  if (vol.projected) {
    const out: Record<string, string> = {};
    for (const src of vol.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? "token"] = fakeToken(pod);
      if (src.configMap) {
        const cm = store.get("configmaps", ns, src.configMap.name) as Json;
        if (cm) Object.assign(out, itemsFiles(cm.data ?? {}, src.configMap.items, false));
        else if (src.configMap.name === "kube-root-ca.crt") out["ca.crt"] = caCert;
      }
      if (src.secret) {
        const s = store.get("secrets", ns, src.secret.name) as Json;
        if (s) Object.assign(out, itemsFiles(s.data ?? {}, src.secret.items, true));
      }
      if (src.downwardAPI) Object.assign(out, downward(pod, src.downwardAPI.items));
    }
    return out;
  }
  if (vol.configMap) {
    const cm = store.get("configmaps", ns, vol.configMap.name) as Json;
    if (!cm) {
      if (vol.configMap.optional) return {};
      throw new MountError(`MountVolume.SetUp failed for volume "${vol.name}" : configmap "${vol.configMap.name}" not found`);
    }
    return itemsFiles(cm.data ?? {}, vol.configMap.items, false);
  }
  if (vol.secret) {
    const s = store.get("secrets", ns, vol.secret.secretName) as Json;
    if (!s) {
      if (vol.secret.optional) return {};
      throw new MountError(`MountVolume.SetUp failed for volume "${vol.name}" : secret "${vol.secret.secretName}" not found`);
    }
    return itemsFiles(s.data ?? {}, vol.secret.items, true);
  }
  if (vol.downwardAPI) return downward(pod, vol.downwardAPI.items);
  return undefined;
}

/** The kubelet-managed /etc/hosts of a pod. */
export function hostsFile(pod: Json, podIP: string): string {
  const host = pod.spec.hostname ?? pod.metadata.name;
  const fqdn = pod.spec.subdomain ? `${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local\t${host}` : host;
  let s = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n";
  s += `${podIP}\t${fqdn}\n`;
  for (const ha of pod.spec.hostAliases ?? []) s += `\n# Entries added by HostAliases.\n${ha.ip}\t${(ha.hostnames ?? []).join("\t")}\n`;
  return s;
}

/** The pod's /etc/resolv.conf for dnsPolicy ClusterFirst. */
export function resolvConf(pod: Json, dnsServer: string): string {
  const ns = pod.metadata.namespace;
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${dnsServer}\noptions ndots:5\n`;
}

/** Mounts for one container of a pod. */
export function containerMounts(pod: Json, container: Json, store: Store, podIP: string, dnsServer: string, caCert: string): MountSpec[] {
  const uid = pod.metadata.uid;
  const vols = new Map<string, Json>((pod.spec.volumes ?? []).map((v: Json) => [v.name, v]));
  const out: MountSpec[] = [];
  for (const m of container.volumeMounts ?? []) {
    const vol = vols.get(m.name);
    if (!vol) continue;
    if (vol.emptyDir) {
      out.push({ mountPath: m.mountPath, readOnly: !!m.readOnly, volume: `emptydir:${uid}/${vol.name}`, ...(m.subPath ? { subPath: m.subPath } : {}) });
      continue;
    }
    if (vol.hostPath) {
      out.push({ mountPath: m.mountPath, readOnly: !!m.readOnly, volume: `hostpath:${pod.spec.nodeName}${vol.hostPath.path}` });
      continue;
    }
    const files = volumeFiles(vol, pod, store, caCert);
    if (files) {
      out.push({ mountPath: m.mountPath, readOnly: m.readOnly !== false, volume: `files:${uid}/${vol.name}`, files, ...(m.subPath ? { subPath: m.subPath } : {}) });
    } else {
      out.push({ mountPath: m.mountPath, readOnly: !!m.readOnly, volume: `emptydir:${uid}/${vol.name}` });
    }
  }
  if (!pod.spec.hostNetwork) {
    out.push({ mountPath: "/etc/hosts", volume: `files:${uid}/etc-hosts`, files: { hosts: hostsFile(pod, podIP) }, subPath: "hosts" });
  }
  out.push({ mountPath: "/etc/hostname", volume: `files:${uid}/etc-hostname`, files: { hostname: `${pod.spec.hostname ?? pod.metadata.name}\n` }, subPath: "hostname" });
  out.push({ mountPath: "/etc/resolv.conf", volume: `files:${uid}/resolv`, files: { "resolv.conf": resolvConf(pod, dnsServer) }, subPath: "resolv.conf" });
  return out;
}
