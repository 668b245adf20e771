// The Volumes block of `kubectl describe pod` for the volume sources podlab pods use (emptyDir,
// hostPath, configMap, secret, projected, downwardAPI, persistentVolumeClaim), upstream's texts.
import type { PrefixWriter } from "./writer";

// deno-lint-ignore no-explicit-any
type Json = any;

/** A *bool printed with %v: <nil> when unset (kubectl 1.32 prints the pointer). */
function ptr(v: boolean | undefined): string {
  return v === undefined || v === null ? "<nil>" : String(v);
}

function source(w: PrefixWriter, v: Json): void {
  if (v.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? "<none>"}\n`);
  } else if (v.emptyDir) {
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? "<unset>"}\n`);
  } else if (v.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ""}\n    Optional:\t${!!v.secret.optional}\n`);
  } else if (v.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ""}\n    Optional:\t${!!v.configMap.optional}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`);
  } else if (v.downwardAPI) {
    w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const it of v.downwardAPI.items ?? []) {
      if (it.fieldRef) w.write(3, `${it.fieldRef.fieldPath} -> ${it.path}\n`);
      if (it.resourceFieldRef) w.write(3, `${it.resourceFieldRef.resource} -> ${it.path}\n`);
    }
  } else if (v.projected) {
    w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ""}\n    SecretOptionalName:\t${ptr(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(2, "DownwardAPI:\ttrue\n");
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ""}\n    ConfigMapOptional:\t${ptr(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}\n`);
    }
  } else w.write(1, "<unknown>\n");
}

/** describeVolumes */
export function describeVolumes(w: PrefixWriter, volumes: Json[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? " " : ""}${v.name}:\n`);
    source(w, v);
  }
}
