// Service defaulting (SetDefaults_Service and ServicePort's declarative defaults): ClusterIP
// type, session affinity, TCP ports, targetPort = port, traffic policies, LB node ports.
// ClusterIP allocation and IP families belong to the API server's service registry.
import { arr, clone, isObj, type Json } from "./json";

const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

const externallyAccessible = (spec: Json) =>
  spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && arr(spec.externalIPs).length > 0);

/** SetObjectDefaults_Service: returns a new, defaulted service. */
export function defaultService<T>(input: T): T {
  const svc = clone(input) as Json;
  if (!isObj(svc.spec)) svc.spec = {};
  const spec: Json = svc.spec;
  spec.sessionAffinity ||= "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP" && !(typeof spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === "number")) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };
  }
  spec.type ||= "ClusterIP";
  for (const p of arr(spec.ports)) {
    if (!isObj(p)) continue;
    p.protocol ||= "TCP";
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
  if (!spec.internalTrafficPolicy && ["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type)) spec.internalTrafficPolicy = "Cluster";
  if (spec.type === "LoadBalancer" && typeof spec.allocateLoadBalancerNodePorts !== "boolean") spec.allocateLoadBalancerNodePorts = true;
  return svc as T;
}
