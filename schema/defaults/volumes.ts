// Volume defaulting (SetDefaults_Volume and the per-source defaults): a source-less volume
// becomes emptyDir, defaultMode 420 for secret/configMap/downwardAPI/projected, fieldRef
// apiVersion, token expiration 3600, hostPath type "", canonical quantities, legacy plugin fields.
import { formatQuantity, parseQuantity } from "../quantity";
import { canonicalDivisor, defaultFieldRef } from "./container";
import { arr, isObj, type Json } from "./json";

/** Every key that selects a volume source. */
export const VOLUME_SOURCES = [
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
  "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
  "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
  "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
];
const DEFAULT_MODE = 420;

function defaultDownwardItems(items: unknown): void {
  for (const f of arr(items)) {
    if (!isObj(f)) continue;
    defaultFieldRef(f.fieldRef);
    canonicalDivisor(f.resourceFieldRef);
  }
}

const setIfUnset = (o: Json, k: string, v: unknown) => { if (o[k] === undefined || o[k] === null) o[k] = v; };

/** SetDefaults_Volume and the defaults of its source. */
export function defaultVolume(v: Json): void {
  if (!VOLUME_SOURCES.some((k) => isObj(v[k]))) v.emptyDir = {};
  if (isObj(v.emptyDir) && v.emptyDir.sizeLimit !== undefined && v.emptyDir.sizeLimit !== null) {
    const q = parseQuantity(v.emptyDir.sizeLimit);
    if (q) v.emptyDir.sizeLimit = formatQuantity(q);
  }
  if (isObj(v.hostPath)) setIfUnset(v.hostPath, "type", "");
  for (const k of ["secret", "configMap", "downwardAPI", "projected"]) if (isObj(v[k])) setIfUnset(v[k], "defaultMode", DEFAULT_MODE);
  if (isObj(v.downwardAPI)) defaultDownwardItems(v.downwardAPI.items);
  if (isObj(v.projected)) {
    for (const s of arr(v.projected.sources)) {
      if (!isObj(s)) continue;
      if (isObj(s.downwardAPI)) defaultDownwardItems(s.downwardAPI.items);
      if (isObj(s.serviceAccountToken)) setIfUnset(s.serviceAccountToken, "expirationSeconds", 3600);
    }
  }
  if (isObj(v.iscsi)) setIfUnset(v.iscsi, "iscsiInterface", "default");
  if (isObj(v.rbd)) {
    setIfUnset(v.rbd, "pool", "rbd");
    setIfUnset(v.rbd, "user", "admin");
    setIfUnset(v.rbd, "keyring", "/etc/ceph/keyring");
  }
  if (isObj(v.azureDisk)) {
    setIfUnset(v.azureDisk, "cachingMode", "ReadWrite");
    setIfUnset(v.azureDisk, "fsType", "ext4");
    setIfUnset(v.azureDisk, "readOnly", false);
    setIfUnset(v.azureDisk, "kind", "Shared");
  }
  if (isObj(v.scaleIO)) {
    setIfUnset(v.scaleIO, "storageMode", "ThinProvisioned");
    setIfUnset(v.scaleIO, "fsType", "xfs");
  }
}
