// Containers and init containers: names (unique across both lists), image, termination message
// policy, ports, env, volume mounts, pull policy, resources, security context, probes and hooks,
// the sidecar (restartPolicy: Always) rules, and host port conflicts. Used by pod-spec.ts.
import { type FieldError, duplicate, forbidden, invalid, notFound, notSupported, required } from "./field-error";
import { validateEnv, validateEnvFrom } from "./env";
import { isDNS1123Label, isValidID, isValidPortName, isValidPortNum } from "./names";
import { validateLifecycle, validateProbeOfKind, type ProbeKind } from "./probes";
import { validateResourceRequirements } from "./resources";
import { validateLocalDescendingPath } from "./paths";
import { arr, child, idx, isObj, isSet, num, obj, type Obj, str } from "./util";

const PROBES: ProbeKind[] = ["livenessProbe", "readinessProbe", "startupProbe"];
const INIT_FORBIDDEN = "may not be set for init containers without restartPolicy=Always";
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

/** Shared context: valid volumes by name, the pod grace period and the claim names. */
export interface ContainerContext {
  volumes: Map<string, Obj>;
  gracePeriod: number | undefined;
  podClaimNames: Set<string>;
}

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  arr(ports).forEach((raw, i) => {
    const port = obj(raw);
    const p = idx(path, i);
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(child(p, "name"), name, m)));
      else if (names.has(name)) errs.push(duplicate(child(p, "name"), name));
      else names.add(name);
    }
    const cp = num(port.containerPort);
    if (cp === 0) errs.push(required(child(p, "containerPort")));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(child(p, "containerPort"), cp, m)));
    const hp = num(port.hostPort);
    if (hp !== 0) errs.push(...isValidPortNum(hp).map((m) => invalid(child(p, "hostPort"), hp, m)));
    const proto = str(port.protocol);
    if (!proto) errs.push(required(child(p, "protocol")));
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(p, "protocol"), proto, PROTOCOLS));
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, ctr: Obj, volumes: Map<string, Obj>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  const devices = new Map(arr(ctr.volumeDevices).map((d) => [str(obj(d).name), str(obj(d).devicePath)]));
  arr(mounts).forEach((raw, i) => {
    const m = obj(raw);
    const p = idx(path, i);
    const name = str(m.name);
    const mp = str(m.mountPath);
    if (!name) errs.push(required(child(p, "name")));
    if (!volumes.has(name)) errs.push(notFound(child(p, "name"), name));
    if (!mp) errs.push(required(child(p, "mountPath")));
    if (mountPaths.has(mp)) errs.push(invalid(child(p, "mountPath"), mp, "must be unique"));
    mountPaths.add(mp);
    if (devices.has(name)) errs.push(invalid(child(p, "name"), name, "must not already exist in volumeDevices"));
    if ([...devices.values()].includes(mp)) errs.push(invalid(child(p, "mountPath"), mp, "must not already exist as a path in volumeDevices"));
    const subPath = str(m.subPath);
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, child(path, "subPath")));
    const expr = str(m.subPathExpr);
    if (expr) {
      if (subPath) errs.push(invalid(child(p, "subPathExpr"), expr, "subPathExpr and subPath are mutually exclusive"));
      errs.push(...validateLocalDescendingPath(expr, child(path, "subPathExpr")));
    }
    if (isSet(m.mountPropagation)) {
      const mode = str(m.mountPropagation);
      const mpPath = child(path, "mountPropagation");
      if (!["Bidirectional", "HostToContainer", "None"].includes(mode)) errs.push(notSupported(mpPath, mode, ["Bidirectional", "HostToContainer", "None"]));
      if (mode === "Bidirectional" && obj(ctr.securityContext).privileged !== true) {
        errs.push(forbidden(mpPath, "Bidirectional mount propagation is available only to privileged containers"));
      }
    }
    if (isSet(m.recursiveReadOnly)) {
      const rro = str(m.recursiveReadOnly);
      const rp = child(path, "recursiveReadOnly");
      if (rro === "Enabled" || rro === "IfPossible") {
        if (m.readOnly !== true) errs.push(forbidden(rp, "may only be specified when readOnly is true"));
        if (isSet(m.mountPropagation) && m.mountPropagation !== "None") errs.push(forbidden(rp, "may only be specified when mountPropagation is None or not specified"));
      } else if (rro !== "Disabled") errs.push(notSupported(rp, rro, ["Disabled", "Enabled", "IfPossible"]));
    }
  });
  return errs;
}

function validateSecurityContext(sc: unknown, path: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  for (const f of ["runAsUser", "runAsGroup"]) {
    if (typeof sc[f] === "number") errs.push(...isValidID(sc[f]).map((m) => invalid(child(path, f), sc[f], m)));
  }
  if (isSet(sc.procMount)) {
    const pm = str(sc.procMount);
    if (pm !== "Default" && pm !== "Unmasked") errs.push(notSupported(child(path, "procMount"), pm, ["Default", "Unmasked"]));
    else if (pm === "Unmasked") errs.push(invalid(child(path, "procMount"), pm, "`hostUsers` must be false to use `Unmasked`"));
  }
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(invalid(path, sc, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    for (const cap of arr(obj(sc.capabilities).add)) {
      if (cap === "CAP_SYS_ADMIN") errs.push(invalid(path, sc, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
    }
  }
  return errs;
}

/** validateContainerCommon: the checks shared by every container type. */
function validateContainerCommon(ctr: Obj, cx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ctr.name);
  if (!name) errs.push(required(child(path, "name")));
  else errs.push(...isDNS1123Label(name).map((m) => invalid(child(path, "name"), name, m)));
  if (!str(ctr.image)) errs.push(required(child(path, "image")));
  const tmp = str(ctr.terminationMessagePolicy);
  if (!tmp) errs.push(required(child(path, "terminationMessagePolicy")));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError") {
    errs.push(notSupported(child(path, "terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]));
  }
  errs.push(...validatePorts(ctr.ports, child(path, "ports")));
  errs.push(...validateEnv(ctr.env, child(path, "env")));
  errs.push(...validateEnvFrom(ctr.envFrom, child(path, "envFrom")));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, ctr, cx.volumes, child(path, "volumeMounts")));
  const pull = str(ctr.imagePullPolicy);
  if (!pull) errs.push(required(child(path, "imagePullPolicy")));
  else if (!["Always", "IfNotPresent", "Never"].includes(pull)) {
    errs.push(notSupported(child(path, "imagePullPolicy"), pull, ["Always", "IfNotPresent", "Never"]));
  }
  errs.push(...validateResourceRequirements(ctr.resources, child(path, "resources"), cx.podClaimNames));
  errs.push(...validateSecurityContext(ctr.securityContext, child(path, "securityContext")));
  return errs;
}

function probesAndHooks(ctr: Obj, cx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isObj(ctr.lifecycle)) errs.push(...validateLifecycle(ctr.lifecycle, cx.gracePeriod, child(path, "lifecycle")));
  for (const k of PROBES) errs.push(...validateProbeOfKind(k, ctr[k], cx.gracePeriod, child(path, k)));
  return errs;
}

/** checkHostPortConflicts: `Duplicate value: "TCP//8080"`. */
export function checkHostPortConflicts(containers: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((raw, ci) => {
    arr(obj(raw).ports).forEach((rp, pi) => {
      const port = obj(rp);
      const hp = num(port.hostPort);
      if (hp === 0) return;
      const k = `${str(port.protocol)}/${str(port.hostIP)}/${hp}`;
      if (seen.has(k)) errs.push(duplicate(child(idx(child(idx(path, ci), "ports"), pi), "hostPort"), k));
      else seen.add(k);
    });
  });
  return errs;
}

/** validateContainers (regular containers). */
export function validateContainers(containers: unknown, cx: ContainerContext, path: string): FieldError[] {
  const list = arr(containers);
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((raw, i) => {
    const ctr = obj(raw);
    const p = idx(path, i);
    errs.push(...validateContainerCommon(ctr, cx, p));
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(child(p, "name"), name));
    else names.add(name);
    errs.push(...probesAndHooks(ctr, cx, p));
    if (isSet(ctr.restartPolicy)) errs.push(forbidden(child(p, "restartPolicy"), "may not be set for non-init containers"));
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

/** validateInitContainers: names unique across init and regular containers; sidecar rules. */
export function validateInitContainers(inits: unknown, regular: unknown, cx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(arr(regular).map((c) => str(obj(c).name)));
  arr(inits).forEach((raw, i) => {
    const ctr = obj(raw);
    const p = idx(path, i);
    errs.push(...validateContainerCommon(ctr, cx, p));
    let sidecar = false;
    if (isSet(ctr.restartPolicy)) {
      const rp = str(ctr.restartPolicy);
      if (rp !== "Always") errs.push(notSupported(child(p, "restartPolicy"), rp, ["Always"]));
      sidecar = rp === "Always";
    }
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(child(p, "name"), name));
    else if (name) names.add(name);
    errs.push(...checkHostPortConflicts([ctr], path));
    if (sidecar) errs.push(...probesAndHooks(ctr, cx, p));
    else {
      if (isSet(ctr.lifecycle)) errs.push(forbidden(child(p, "lifecycle"), INIT_FORBIDDEN));
      for (const k of PROBES) if (isSet(ctr[k])) errs.push(forbidden(child(p, k), INIT_FORBIDDEN));
    }
    if (arr(ctr.resizePolicy).length > 0) errs.push(invalid(child(p, "resizePolicy"), ctr.resizePolicy, "must not be set for init containers"));
  });
  return errs;
}

/** validateContainersOnlyForPod: images without surrounding whitespace. */
export function validateImagesOnlyForPod(containers: unknown, path: string): FieldError[] {
  return arr(containers).flatMap((raw, i) => {
    const image = str(obj(raw).image);
    return image !== image.trim() ? [invalid(child(idx(path, i), "image"), image, "must not have leading or trailing whitespace")] : [];
  });
}
