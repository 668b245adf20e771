// Pod volumes (ValidateVolumes): names, duplicates, exactly one source in upstream's check order,
// and the sources podlab users write (emptyDir, hostPath, secret, configMap, persistentVolumeClaim,
// nfs, downwardAPI, projected, csi, ephemeral). Returns the valid volumes for mount checks.
import { type FieldError, forbidden, invalid, notSupported, required } from "./field-error";
import { validateObjectFieldSelector, validateResourceFieldSelector, VOLUME_FIELD_PATHS } from "./env";
import { isDNS1123Label } from "./names";
import { validateLocalDescendingPath, validateLocalNonReservedPath, validatePathNoBacksteps } from "./paths";
import { parseQuantity } from "../quantity";
import { arr, child, idx, isObj, isSet, num, obj, type Obj, str } from "./util";

const FILE_MODE = "must be a number between 0 and 0777 (octal), both inclusive";
const MORE_THAN_ONE = "may not specify more than 1 volume type";
/** Volume source keys in validateVolumeSource's order, with the path used for the Forbidden. */
const SOURCES: [string, string][] = [
  ["emptyDir", "emptyDir"], ["hostPath", "hostPath"], ["gitRepo", "gitRepo"], ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"], ["secret", "secret"], ["nfs", "nfs"], ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"], ["flocker", "flocker"], ["persistentVolumeClaim", "persistentVolumeClaim"], ["rbd", "rbd"],
  ["cinder", "cinder"], ["cephfs", "cephFS"], ["quobyte", "quobyte"], ["downwardAPI", "downwarAPI"], ["fc", "fc"],
  ["flexVolume", "flexVolume"], ["configMap", "configMap"], ["azureFile", "azureFile"], ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"], ["portworxVolume", "portworxVolume"], ["azureDisk", "azureDisk"],
  ["storageos", "storageos"], ["projected", "projected"], ["scaleIO", "scaleIO"], ["csi", "csi"], ["ephemeral", "ephemeral"],
];
const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

const modeErr = (m: unknown, path: string): FieldError[] =>
  typeof m === "number" && (m > 0o777 || m < 0) ? [invalid(path, m, FILE_MODE)] : [];

function validateKeyToPath(kp: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(kp.key)) errs.push(required(child(path, "key")));
  if (!str(kp.path)) errs.push(required(child(path, "path")));
  errs.push(...validateLocalNonReservedPath(str(kp.path), child(path, "path")));
  errs.push(...modeErr(kp.mode, child(path, "mode")));
  return errs;
}

function validateDownwardAPIFile(f: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(f.path)) errs.push(required(child(path, "path")));
  errs.push(...validateLocalNonReservedPath(str(f.path), child(path, "path")));
  if (isObj(f.fieldRef)) {
    errs.push(...validateObjectFieldSelector(f.fieldRef, VOLUME_FIELD_PATHS, child(path, "fieldRef")));
    if (isObj(f.resourceFieldRef)) errs.push(invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
  } else if (isObj(f.resourceFieldRef)) {
    errs.push(...validateResourceFieldSelector(f.resourceFieldRef, child(path, "resourceFieldRef"), true));
  } else errs.push(required(path, "one of fieldRef and resourceFieldRef is required"));
  errs.push(...modeErr(f.mode, child(path, "mode")));
  return errs;
}

function validateProjected(p: Obj, path: string): FieldError[] {
  const errs = modeErr(p.defaultMode, child(path, "defaultMode"));
  const seen = new Set<string>();
  const claim = (pth: string, bad: unknown) => {
    if (!pth) return;
    if (seen.has(pth)) errs.push(invalid(path, bad, "conflicting duplicate paths"));
    else seen.add(pth);
  };
  arr(p.sources).forEach((raw, i) => {
    const src = obj(raw);
    const sp = idx(child(path, "sources"), i);
    let n = 0;
    for (const kind of ["secret", "configMap"]) {
      if (!isObj(src[kind])) continue;
      n++;
      const pp = child(sp, kind);
      if (!str(src[kind].name)) errs.push(required(child(pp, "name")));
      arr(src[kind].items).forEach((kp, j) => {
        errs.push(...validateKeyToPath(obj(kp), idx(child(pp, "items"), j)));
        claim(str(obj(kp).path), str(src[kind].name));
      });
    }
    if (isObj(src.downwardAPI)) {
      n++;
      for (const f of arr(src.downwardAPI.items)) {
        errs.push(...validateDownwardAPIFile(obj(f), child(sp, "downwardAPI")));
        claim(str(obj(f).path), str(obj(f).path));
      }
    }
    if (isObj(src.serviceAccountToken)) {
      n++;
      const t = src.serviceAccountToken;
      const ep = child(child(sp, "serviceAccountToken"), "expirationSeconds");
      if (num(t.expirationSeconds) < 600) errs.push(invalid(ep, num(t.expirationSeconds), "may not specify a duration less than 10 minutes"));
      if (num(t.expirationSeconds) > 2 ** 32) errs.push(invalid(ep, num(t.expirationSeconds), "may not specify a duration larger than 2^32 seconds"));
      if (!str(t.path)) errs.push(required(child(path, "path")));
      else errs.push(...validateLocalNonReservedPath(str(t.path), child(path, "path")));
    }
    if (isObj(src.clusterTrustBundle)) n++;
    if (n > 1) errs.push(forbidden(sp, MORE_THAN_ONE));
  });
  return errs;
}

function validateSource(kind: string, s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (kind) {
    case "emptyDir": {
      const q = isSet(s.sizeLimit) ? parseQuantity(s.sizeLimit) : undefined;
      if (q && q.mantissa < 0n) errs.push(forbidden(child(path, "sizeLimit"), "SizeLimit field must be a valid resource quantity"));
      break;
    }
    case "hostPath":
      if (!str(s.path)) return [required(child(path, "path"))];
      errs.push(...validatePathNoBacksteps(str(s.path), child(path, "path")));
      if (isSet(s.type) && !HOST_PATH_TYPES.includes(str(s.type))) errs.push(notSupported(child(path, "type"), str(s.type), HOST_PATH_TYPES));
      break;
    case "secret":
      if (!str(s.secretName)) errs.push(required(child(path, "secretName")));
      errs.push(...modeErr(s.defaultMode, child(path, "defaultMode")));
      arr(s.items).forEach((kp, i) => errs.push(...validateKeyToPath(obj(kp), idx(child(path, "items"), i))));
      break;
    case "configMap":
      if (!str(s.name)) errs.push(required(child(path, "name")));
      errs.push(...modeErr(s.defaultMode, child(path, "defaultMode")));
      arr(s.items).forEach((kp, i) => errs.push(...validateKeyToPath(obj(kp), idx(child(path, "items"), i))));
      break;
    case "persistentVolumeClaim":
      if (!str(s.claimName)) errs.push(required(child(path, "claimName")));
      break;
    case "nfs":
      if (!str(s.server)) errs.push(required(child(path, "server")));
      if (!str(s.path)) errs.push(required(child(path, "path")));
      if (!str(s.path).startsWith("/")) errs.push(invalid(child(path, "path"), str(s.path), "must be an absolute path"));
      break;
    case "gitRepo":
      if (!str(s.repository)) errs.push(required(child(path, "repository")));
      errs.push(...validateLocalDescendingPath(str(s.directory), child(path, "directory")));
      break;
    case "downwardAPI":
      errs.push(...modeErr(s.defaultMode, child(path, "defaultMode")));
      for (const f of arr(s.items)) errs.push(...validateDownwardAPIFile(obj(f), path));
      break;
    case "projected":
      errs.push(...validateProjected(s, path));
      break;
    case "csi":
      if (!str(s.driver)) errs.push(required(child(path, "driver")));
      break;
    default:
  }
  return errs;
}

/** ValidateVolumes: errors, and the volumes that passed (by name) for mount validation. */
export function validateVolumes(volumes: unknown, path: string): { errors: FieldError[]; valid: Map<string, Obj> } {
  const errors: FieldError[] = [];
  const valid = new Map<string, Obj>();
  arr(volumes).forEach((raw, i) => {
    const vol = obj(raw);
    const p = idx(path, i);
    const el: FieldError[] = [];
    let n = 0;
    for (const [kind, forbidName] of SOURCES) {
      if (!isObj(vol[kind])) continue;
      if (n > 0) { el.push(forbidden(child(p, forbidName), MORE_THAN_ONE)); continue; }
      n++;
      el.push(...validateSource(kind, vol[kind], child(p, kind)));
    }
    if (n === 0) el.push(required(p, "must specify a volume type"));
    const name = str(vol.name);
    if (!name) el.push(required(child(p, "name")));
    else el.push(...isDNS1123Label(name).map((m) => invalid(child(p, "name"), name, m)));
    if (valid.has(name)) el.push({ type: "FieldValueDuplicate", field: child(p, "name"), badValue: name, hasBadValue: true });
    if (el.length === 0) valid.set(name, vol);
    else errors.push(...el);
  });
  return { errors, valid };
}
