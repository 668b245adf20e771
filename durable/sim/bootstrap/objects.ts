// The API objects every fresh cluster has besides nodes and pods: namespaces, default service
// accounts, kube-root-ca.crt config maps, the kubernetes and kube-dns services with endpoints.
import type { Rng } from "../core/rng";
import { rfc3339 } from "../core/time";
import type { KObject } from "../store/types";

/** The namespaces of a kubeadm cluster. */
export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** A fake but well-formed cluster CA certificate (PEM) for kube-root-ca.crt. */
export const ROOT_CA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIJ1v1zXZ7sHUwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDpb2RsYWIgc2FuZGJveCBjbHVzdGVyIENBIChub3QgYSByZWFsIGtleSkK
-----END CERTIFICATE-----
`;

/** A Namespace object. */
export function namespaceObject(name: string, rng: Rng, created: number): KObject {
  return {
    apiVersion: "v1", kind: "Namespace",
    metadata: { name, uid: rng.uuid(), creationTimestamp: rfc3339(created), labels: { "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}

/** The `default` ServiceAccount of a namespace. */
export function serviceAccountObject(namespace: string, rng: Rng, created: number, name = "default"): KObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace, uid: rng.uuid(), creationTimestamp: rfc3339(created) } };
}

/** The kube-root-ca.crt ConfigMap of a namespace. */
export function rootCaConfigMap(namespace: string, rng: Rng, created: number): KObject {
  return {
    apiVersion: "v1", kind: "ConfigMap",
    metadata: { name: "kube-root-ca.crt", namespace, uid: rng.uuid(), creationTimestamp: rfc3339(created),
      annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
    data: { "ca.crt": ROOT_CA },
  };
}

/** default/kubernetes and kube-system/kube-dns. */
export function systemServices(rng: Rng, created: number): KObject[] {
  const meta = (name: string, namespace: string, labels: Record<string, string>, annotations?: Record<string, string>) =>
    ({ name, namespace, uid: rng.uuid(), creationTimestamp: rfc3339(created), labels, ...(annotations ? { annotations } : {}) });
  return [
    {
      apiVersion: "v1", kind: "Service",
      metadata: meta("kubernetes", "default", { component: "apiserver", provider: "kubernetes" }),
      spec: { clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], internalTrafficPolicy: "Cluster", ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
        sessionAffinity: "None", type: "ClusterIP" },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: "v1", kind: "Service",
      metadata: meta("kube-dns", "kube-system", { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
        { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" }),
      spec: { clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"], internalTrafficPolicy: "Cluster", ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        ports: [{ name: "dns", port: 53, protocol: "UDP", targetPort: 53 }, { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 }],
        selector: { "k8s-app": "kube-dns" }, sessionAffinity: "None", type: "ClusterIP" },
      status: { loadBalancer: {} },
    },
  ];
}

/** Endpoints of default/kubernetes (the apiserver on the master). */
export function kubernetesEndpoints(masterIp: string, rng: Rng, created: number): KObject {
  return {
    apiVersion: "v1", kind: "Endpoints",
    metadata: { name: "kubernetes", namespace: "default", uid: rng.uuid(), creationTimestamp: rfc3339(created),
      labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: masterIp }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  };
}
