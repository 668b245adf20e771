// ValidatePodSpec in upstream order: volumes, containers, init containers, host network ports,
// restartPolicy, dnsPolicy, nodeSelector, pod securityContext (sysctls), pull secrets, affinity,
// dnsConfig, gates, spread constraints, names, activeDeadlineSeconds, tolerations, priority, os.
import { type FieldError, duplicate, invalid, notSupported, required } from "./field-error";
import { type ContainerContext, validateContainers, validateInitContainers } from "./containers";
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isIP, isQualifiedName, isValidID } from "./names";
import { nameIsDNSSubdomain, validateLabels } from "./object-meta";
import { validateResourceRequirements } from "./resources";
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from "./scheduling";
import { validateVolumes } from "./volumes";
import { arr, child, idx, isObj, isSet, num, obj, type Obj, str } from "./util";

const MAX_INT32 = 2147483647;
const SYSCTL_FMT = "([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const SYSCTL_RE = new RegExp(`^${SYSCTL_FMT}$`);
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const IPC_SYSCTL_PREFIXES = ["kernel.shm", "kernel.msg", "kernel.sem", "fs.mqueue."];

function validateSysctls(sc: Obj, spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  arr(sc.sysctls).forEach((raw, i) => {
    const name = str(obj(raw).name);
    const p = child(idx(path, i), "name");
    if (!name) errs.push(required(p));
    else if (name.length > 253 || !SYSCTL_RE.test(name)) errs.push(invalid(p, name, `must have at most 253 characters and match regex ^${SYSCTL_FMT}$`));
    else if (names.has(name)) errs.push(duplicate(p, name));
    if (spec.hostNetwork === true && name.startsWith("net.")) errs.push(invalid(p, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC === true && IPC_SYSCTL_PREFIXES.some((x) => name.startsWith(x))) errs.push(invalid(p, name, "may not be specified when 'hostIPC' is true"));
    names.add(name);
  });
  return errs;
}

function validatePodSecurityContext(sc: unknown, spec: Obj, path: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  for (const f of ["fsGroup", "runAsUser", "runAsGroup"]) {
    if (typeof sc[f] === "number") errs.push(...isValidID(sc[f]).map((m) => invalid(child(path, f), sc[f], m)));
  }
  arr(sc.supplementalGroups).forEach((g, i) => errs.push(...isValidID(num(g)).map((m) => invalid(idx(child(path, "supplementalGroups"), i), num(g), m))));
  if (sc.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(invalid(child(path, "shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
  }
  if (arr(sc.sysctls).length) errs.push(...validateSysctls(sc, spec, child(path, "sysctls")));
  if (isSet(sc.fsGroupChangePolicy) && !["Always", "OnRootMismatch"].includes(str(sc.fsGroupChangePolicy))) {
    errs.push(notSupported(child(path, "fsGroupChangePolicy"), str(sc.fsGroupChangePolicy), ["Always", "OnRootMismatch"]));
  }
  if (isObj(sc.seccompProfile)) {
    const t = str(sc.seccompProfile.type);
    const tp = child(child(path, "seccompProfile"), "type");
    if (!t) errs.push(required(tp, "type is required when seccompProfile is set"));
    else if (!["Localhost", "RuntimeDefault", "Unconfined"].includes(t)) errs.push(notSupported(tp, t, ["Localhost", "RuntimeDefault", "Unconfined"]));
  }
  return errs;
}

function validateDNSConfig(cfg: unknown, policy: string, path: string): FieldError[] {
  if (policy === "None") {
    if (!isObj(cfg)) return [required(path, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (arr(cfg.nameservers).length === 0) return [required(child(path, "nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None")];
  }
  if (!isObj(cfg)) return [];
  const errs: FieldError[] = [];
  const ns = arr(cfg.nameservers);
  if (ns.length > 3) errs.push(invalid(child(path, "nameservers"), ns, "must not have more than 3 nameservers"));
  ns.forEach((n, i) => { if (!isIP(str(n))) errs.push(invalid(idx(child(path, "nameservers"), i), str(n), IP_ERROR)); });
  const searches = arr(cfg.searches).map(str);
  if (searches.length > 32) errs.push(invalid(child(path, "searches"), searches, "must not have more than 32 search paths"));
  if (searches.join(" ").length > 2048) errs.push(invalid(child(path, "searches"), searches, "must not have more than 2048 characters (including spaces) in the search list"));
  searches.forEach((s, i) => {
    const v = s.endsWith(".") ? s.slice(0, -1) : s;
    errs.push(...isDNS1123Subdomain(v).map((m) => invalid(idx(child(path, "searches"), i), v, m)));
  });
  arr(cfg.options).forEach((o, i) => { if (!str(obj(o).name)) errs.push(required(idx(child(path, "options"), i), "must not be empty")); });
  return errs;
}

/** ValidatePodSpec (for a Pod: opts.ResourceIsPod). */
export function validatePodSpec(spec: Obj, path = "spec"): FieldError[] {
  const errs: FieldError[] = [];
  if (!isSet(spec.terminationGracePeriodSeconds)) errs.push(required(child(path, "terminationGracePeriodSeconds")));
  const gracePeriod = typeof spec.terminationGracePeriodSeconds === "number" ? spec.terminationGracePeriodSeconds : undefined;
  const vols = validateVolumes(spec.volumes, child(path, "volumes"));
  errs.push(...vols.errors);
  const claimNames = new Set(arr(spec.resourceClaims).map((c) => str(obj(c).name)).filter(Boolean));
  const cx: ContainerContext = { volumes: vols.valid, gracePeriod, podClaimNames: claimNames };
  errs.push(...validateContainers(spec.containers, cx, child(path, "containers")));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, cx, child(path, "initContainers")));
  if (spec.hostNetwork === true) {
    arr(spec.containers).forEach((c, i) => arr(obj(c).ports).forEach((raw, j) => {
      const port = obj(raw);
      if (num(port.hostPort) !== num(port.containerPort)) {
        errs.push(invalid(child(idx(child(idx(child(path, "containers"), i), "ports"), j), "hostPort"), num(port.hostPort), "must match `containerPort` when `hostNetwork` is true"));
      }
    }));
  }
  const rp = str(spec.restartPolicy);
  if (!rp) errs.push(required(child(path, "restartPolicy")));
  else if (!["Always", "OnFailure", "Never"].includes(rp)) errs.push(notSupported(child(path, "restartPolicy"), rp, ["Always", "OnFailure", "Never"]));
  const dp = str(spec.dnsPolicy);
  if (!dp) errs.push(required(child(path, "dnsPolicy")));
  else if (!DNS_POLICIES.includes(dp)) errs.push(notSupported(child(path, "dnsPolicy"), dp, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, child(path, "nodeSelector")));
  errs.push(...validatePodSecurityContext(spec.securityContext, spec, child(path, "securityContext")));
  arr(spec.imagePullSecrets).forEach((s, i) => {
    if (Object.keys(obj(s)).some((k) => k !== "name")) errs.push(invalid(idx(child(path, "imagePullSecrets"), i), s, "only name may be set"));
  });
  errs.push(...validateAffinity(spec.affinity, child(path, "affinity")));
  errs.push(...validateDNSConfig(spec.dnsConfig, dp, child(path, "dnsConfig")));
  arr(spec.readinessGates).forEach((g, i) => {
    const ct = str(obj(g).conditionType);
    errs.push(...isQualifiedName(ct).map((m) => invalid(child(idx(child(path, "readinessGates"), i), "conditionType"), ct, m)));
  });
  const gates = new Set<string>();
  arr(spec.schedulingGates).forEach((g, i) => {
    const n = str(obj(g).name);
    const p = idx(child(path, "schedulingGates"), i);
    errs.push(...isQualifiedName(n).map((m) => invalid(p, n, m)));
    if (gates.has(n)) errs.push(duplicate(p, n));
    gates.add(n);
  });
  errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, child(path, "topologySpreadConstraints")));
  for (const [f, fn] of [["serviceAccountName", nameIsDNSSubdomain], ["nodeName", nameIsDNSSubdomain]] as const) {
    const v = str(spec[f]);
    if (v) errs.push(...fn(v, false).map((m) => invalid(child(path, f), v, m)));
  }
  if (isSet(spec.activeDeadlineSeconds)) {
    const v = num(spec.activeDeadlineSeconds);
    if (v < 1 || v > MAX_INT32) errs.push(invalid(child(path, "activeDeadlineSeconds"), v, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const f of ["hostname", "subdomain"]) {
    const v = str(spec[f]);
    if (v) errs.push(...isDNS1123Label(v).map((m) => invalid(child(path, f), v, m)));
  }
  errs.push(...validateTolerations(spec.tolerations, child(path, "tolerations")));
  arr(spec.hostAliases).forEach((h, i) => {
    const ha = obj(h);
    const p = idx(child(path, "hostAliases"), i);
    if (!isIP(str(ha.ip))) errs.push(invalid(child(p, "ip"), str(ha.ip), IP_ERROR));
    arr(ha.hostnames).forEach((hn, j) => errs.push(...isDNS1123Subdomain(str(hn)).map((m) => invalid(idx(child(p, "hostnames"), j), str(hn), m))));
  });
  for (const f of ["priorityClassName", "runtimeClassName"]) {
    const v = str(spec[f]);
    if (v || (f === "runtimeClassName" && isSet(spec[f]))) errs.push(...nameIsDNSSubdomain(v, false).map((m) => invalid(child(path, f), v, m)));
  }
  if (isSet(spec.preemptionPolicy)) {
    const v = str(spec.preemptionPolicy);
    if (!v) errs.push(required(child(path, "preemptionPolicy")));
    else if (v !== "PreemptLowerPriority" && v !== "Never") errs.push(notSupported(child(path, "preemptionPolicy"), v, ["PreemptLowerPriority", "Never"]));
  }
  if (isObj(spec.overhead)) errs.push(...validateResourceRequirements({ limits: spec.overhead }, child(path, "overhead")));
  if (isObj(spec.os)) {
    const os = str(spec.os.name);
    if (!os) errs.push(required(child(child(path, "os"), "name")));
    else if (os !== "linux" && os !== "windows") errs.push(notSupported(child(child(path, "os"), "name"), os, ["linux", "windows"]));
  }
  return errs;
}
