// Service validation (ValidateService) in upstream order: DNS-1035 name, ports (names, numbers,
// protocols, targetPort), selector, session affinity, cluster IPs and families, external IPs,
// type, node ports, duplicates and traffic policies. Used by the service strategy.
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from "./field-error";
import { isDNS1123Label, isDNS1123Subdomain, isIP, isQualifiedName, isValidPortNum } from "./names";
import { nameIsDNS1035Label, validateLabels, validateObjectMeta } from "./object-meta";
import { validatePortNumOrName } from "./probes";
import { arr, child, idx, isObj, isSet, num, obj, type Obj, str } from "./util";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const KUBELET_PORT = 10250;

const headless = (spec: Obj) => arr(spec.clusterIPs)[0] === "None";

/** Go's %#v of the ServicePort key used for duplicate (protocol, port) pairs. */
const servicePortKey = (protocol: string, port: number) => ({
  toString: () => `core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
});

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && !name) errs.push(required(child(path, "name")));
  else if (name) {
    errs.push(...isDNS1123Label(name).map((m) => invalid(child(path, "name"), name, m)));
    if (names.has(name)) errs.push(duplicate(child(path, "name"), name));
    else names.add(name);
  }
  errs.push(...isValidPortNum(num(sp.port)).map((m) => invalid(child(path, "port"), num(sp.port), m)));
  const proto = str(sp.protocol);
  if (!proto) errs.push(required(child(path, "protocol")));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(path, "protocol"), proto, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, child(path, "targetPort")));
  if (isSet(sp.appProtocol)) errs.push(...isQualifiedName(str(sp.appProtocol)).map((m) => invalid(child(path, "appProtocol"), str(sp.appProtocol), m)));
  return errs;
}

function validateClusterIPs(spec: Obj): FieldError[] {
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const ips = arr(spec.clusterIPs).map(str);
  if (str(spec.clusterIP)) {
    if (ips.length === 0) errs.push(required("spec.clusterIPs"));
    else if (ips[0] !== spec.clusterIP) errs.push(invalid("spec.clusterIPs", ips, "first value must match `clusterIP`"));
  } else if (ips.length) errs.push(invalid("spec.clusterIPs", ips, "must be empty when `clusterIP` is not specified"));
  const seen = new Set<string>();
  arr(spec.ipFamilies).forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6") errs.push(notSupported(idx("spec.ipFamilies", i), str(f), ["IPv4", "IPv6"]));
    if (seen.has(str(f))) errs.push(duplicate(idx("spec.ipFamilies", i), str(f)));
    seen.add(str(f));
  });
  if (isSet(spec.ipFamilyPolicy) && !["PreferDualStack", "RequireDualStack", "SingleStack"].includes(str(spec.ipFamilyPolicy))) {
    errs.push(notSupported("spec.ipFamilyPolicy", str(spec.ipFamilyPolicy), ["PreferDualStack", "RequireDualStack", "SingleStack"]));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1) errs.push(invalid("spec.clusterIPs", ips, "'None' must be the first and only value"));
      return;
    }
    if (!isIP(ip)) errs.push(invalid(idx("spec.clusterIPs", i), ip, IP_ERROR));
  });
  if (ips.length > 2) errs.push(invalid("spec.clusterIPs", ips, "may only hold up to 2 values"));
  return errs;
}

function validateTrafficPolicies(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const external = spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && arr(spec.externalIPs).length > 0);
  const etp = str(spec.externalTrafficPolicy);
  if (!external) {
    if (etp) errs.push(invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"));
  } else if (!etp) errs.push(required("spec.externalTrafficPolicy"));
  else if (etp !== "Cluster" && etp !== "Local") errs.push(notSupported("spec.externalTrafficPolicy", etp, ["Cluster", "Local"]));
  const needsHC = spec.type === "LoadBalancer" && etp === "Local";
  if (!needsHC && num(spec.healthCheckNodePort) !== 0) {
    errs.push(invalid("spec.healthCheckNodePort", num(spec.healthCheckNodePort), "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  if (!isSet(spec.internalTrafficPolicy)) {
    if (["NodePort", "LoadBalancer", "ClusterIP"].includes(str(spec.type))) errs.push(required("spec.internalTrafficPolicy"));
  } else if (!["Cluster", "Local"].includes(str(spec.internalTrafficPolicy))) {
    errs.push(notSupported("spec.internalTrafficPolicy", str(spec.internalTrafficPolicy), ["Cluster", "Local"]));
  }
  if (isSet(spec.trafficDistribution) && spec.trafficDistribution !== "PreferClose") {
    errs.push(notSupported("spec.trafficDistribution", str(spec.trafficDistribution), ["PreferClose"]));
  }
  return errs;
}

/** ValidateService (create; updates also run ValidateObjectMetaUpdate and IP immutability). */
export function validateService(svc: unknown): FieldError[] {
  const s = obj(svc);
  const spec = obj(s.spec);
  const errs = validateObjectMeta(s.metadata, true, nameIsDNS1035Label, "metadata");
  const ports = arr(spec.ports);
  const type = str(spec.type);
  if (ports.length === 0 && !headless(spec) && type !== "ExternalName") errs.push(required("spec.ports"));
  if (type === "LoadBalancer") {
    ports.forEach((p, i) => { if (num(obj(p).port) === KUBELET_PORT) errs.push(invalid(idx("spec.ports", i), KUBELET_PORT, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`)); });
    if (headless(spec)) errs.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"));
  } else if (type === "NodePort" && headless(spec)) {
    errs.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
  } else if (type === "ExternalName") {
    if (arr(spec.clusterIPs).length) errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    if (arr(spec.ipFamilies).length) errs.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
    if (isSet(spec.ipFamilyPolicy)) errs.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
    const cname = str(spec.externalName).replace(/\.$/, "");
    if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid("spec.externalName", cname, m)));
    else errs.push(required("spec.externalName"));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(obj(p), ports.length > 1, names, idx("spec.ports", i))));
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, "spec.selector"));
  const aff = str(spec.sessionAffinity);
  if (!aff) errs.push(required("spec.sessionAffinity"));
  else if (aff !== "ClientIP" && aff !== "None") errs.push(notSupported("spec.sessionAffinity", aff, ["ClientIP", "None"]));
  if (aff === "None" && isSet(spec.sessionAffinityConfig)) errs.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  errs.push(...validateClusterIPs(spec));
  arr(spec.externalIPs).forEach((ip, i) => { if (!isIP(str(ip))) errs.push(invalid(idx("spec.externalIPs", i), str(ip), IP_ERROR)); });
  if (!type) errs.push(required("spec.type"));
  else if (!TYPES.includes(type)) errs.push(notSupported("spec.type", type, TYPES));
  if (type === "ClusterIP") {
    ports.forEach((p, i) => { if (num(obj(p).nodePort) !== 0) errs.push(forbidden(child(idx("spec.ports", i), "nodePort"), "may not be used when `type` is 'ClusterIP'")); });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = num(obj(p).nodePort);
    if (np === 0) return;
    const k = `${str(obj(p).protocol)}/${np}`;
    if (nodePorts.has(k)) errs.push(duplicate(child(idx("spec.ports", i), "nodePort"), np));
    nodePorts.add(k);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${str(obj(p).protocol)}/${num(obj(p).port)}`;
    if (seen.has(k)) errs.push(duplicate(idx("spec.ports", i), servicePortKey(str(obj(p).protocol), num(obj(p).port))));
    seen.add(k);
  });
  if (arr(spec.loadBalancerSourceRanges).length && type !== "LoadBalancer") {
    errs.push(forbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
  }
  if (isSet(spec.allocateLoadBalancerNodePorts) && type !== "LoadBalancer") {
    errs.push(forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === "LoadBalancer" && !isSet(spec.allocateLoadBalancerNodePorts)) errs.push(required("allocateLoadBalancerNodePorts"));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}
