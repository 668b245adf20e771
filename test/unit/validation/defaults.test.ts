// Defaulting fills exactly what a v1.32 API server fills: `kubectl run web --image=nginx` stores
// the spec shown by `kubectl get pod -o yaml`, pull policies follow the image tag, quantities
// are canonical, and Services/Secrets/Namespaces get their defaults.
import { describe, expect, it } from "vitest";
import { defaultPullPolicy, imageTag, parseImageReference } from "../../../schema/defaults/image-ref";
import { defaultNamespace, defaultSecret, prepareNamespaceForCreate } from "../../../schema/defaults/misc";
import { defaultPod } from "../../../schema/defaults/pod";
import { defaultService } from "../../../schema/defaults/service";
import { prepare } from "./helpers";

describe("imagePullPolicy from the image reference", () => {
  it.each([
    ["nginx", "Always"], ["nginx:latest", "Always"], ["nginx:1.27", "IfNotPresent"],
    [`nginx@sha256:${"a".repeat(64)}`, "IfNotPresent"], [`nginx:latest@sha256:${"a".repeat(64)}`, "Always"],
    ["registry:5000/team/app", "Always"], ["registry:5000/team/app:v2", "IfNotPresent"],
    ["crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/nginx:1.27.5", "IfNotPresent"],
    ["localhost/app", "Always"], ["docker.io/library/redis:7", "IfNotPresent"],
    ["Nginx", "IfNotPresent"], ["", "IfNotPresent"], [`nginx@sha256:${"a".repeat(10)}`, "IfNotPresent"], ["a".repeat(64), "IfNotPresent"],
  ])("%s → %s", (image, policy) => expect(defaultPullPolicy(image)).toBe(policy));

  it("normalizes Docker Hub names", () => {
    expect(parseImageReference("nginx")?.repository).toBe("docker.io/library/nginx");
    expect(parseImageReference("registry:5000/team/app:v2")).toMatchObject({ domain: "registry:5000", path: "team/app", tag: "v2" });
    expect(imageTag("busybox:1.36")).toBe("1.36");
  });
});

describe("kubectl run web --image=nginx", () => {
  const sent = {
    kind: "Pod", apiVersion: "v1",
    metadata: { name: "web", creationTimestamp: null, labels: { run: "web" } },
    spec: { containers: [{ name: "web", image: "nginx", resources: {} }], restartPolicy: "Always", dnsPolicy: "ClusterFirst" },
    status: {},
  };

  it("stores the spec a real cluster shows (-o yaml), field for field", () => {
    const pod = prepare(sent);
    expect(pod.spec).toEqual({
      containers: [{
        image: "nginx", imagePullPolicy: "Always", name: "web", resources: {},
        terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File",
        volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: "kube-api-access-7x2zq", readOnly: true }],
      }],
      dnsPolicy: "ClusterFirst", enableServiceLinks: true, preemptionPolicy: "PreemptLowerPriority", priority: 0,
      restartPolicy: "Always", schedulerName: "default-scheduler", securityContext: {}, serviceAccount: "default",
      serviceAccountName: "default", terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
      volumes: [{
        name: "kube-api-access-7x2zq",
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
            { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
          ],
        },
      }],
    });
    expect(pod.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
    expect(pod.metadata).toEqual({ name: "web", namespace: "default", creationTimestamp: null, labels: { run: "web" } });
  });

  it("does not modify its input", () => {
    const copy = JSON.parse(JSON.stringify(sent));
    defaultPod(sent);
    expect(sent).toEqual(copy);
  });
});

describe("container and pod defaults", () => {
  const c = (container: object, spec: object = {}) => defaultPod({ spec: { containers: [container], ...spec } }).spec.containers[0];

  it("copies limits into missing requests and canonicalizes quantities", () => {
    expect(c({ name: "a", image: "x", resources: { limits: { cpu: 0.5, memory: "1024Mi" }, requests: { cpu: "100m" } } }).resources)
      .toEqual({ limits: { cpu: "500m", memory: "1Gi" }, requests: { cpu: "100m", memory: "1Gi" } });
    expect(c({ name: "a", image: "x", resources: { requests: { cpu: 1, memory: "1Gi" }, limits: { cpu: 8, memory: "6Gi" } } }).resources)
      .toEqual({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "8", memory: "6Gi" } });
    expect(c({ name: "a", image: "x", resources: { requests: { cpu: "0.0001" } } }).resources.requests.cpu).toBe("1m");
  });

  it("defaults ports, probes, hooks and fieldRefs", () => {
    const out = c({
      name: "a", image: "x", ports: [{ containerPort: 80 }],
      env: [{ name: "IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } }],
      livenessProbe: { httpGet: { port: 80 } }, readinessProbe: { grpc: { port: 9000 } }, startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
      lifecycle: { preStop: { httpGet: { port: 80 } } },
    });
    expect(out.ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
    expect(out.env[0].valueFrom.fieldRef).toEqual({ apiVersion: "v1", fieldPath: "status.podIP" });
    expect(out.livenessProbe).toEqual({ httpGet: { path: "/", port: 80, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(out.readinessProbe.grpc).toEqual({ port: 9000, service: "" });
    expect(out.startupProbe.periodSeconds).toBe(5);
    expect(out.lifecycle.preStop.httpGet).toEqual({ path: "/", port: 80, scheme: "HTTP" });
  });

  it("turns a source-less volume into emptyDir and sets defaultMode 420", () => {
    const spec = defaultPod({ spec: { containers: [], volumes: [{ name: "a" }, { name: "b", secret: { secretName: "s" } }, { name: "c", configMap: { name: "c" } }, { name: "d", hostPath: { path: "/x" } }] } }).spec;
    expect(spec.volumes).toEqual([
      { name: "a", emptyDir: {} }, { name: "b", secret: { secretName: "s", defaultMode: 420 } },
      { name: "c", configMap: { name: "c", defaultMode: 420 } }, { name: "d", hostPath: { path: "/x", type: "" } },
    ]);
  });

  it("mirrors containerPort into hostPort with hostNetwork", () => {
    expect(c({ name: "a", image: "x", ports: [{ containerPort: 80 }] }, { hostNetwork: true }).ports[0].hostPort).toBe(80);
  });

  it("keeps serviceAccount and serviceAccountName in step", () => {
    expect(defaultPod({ spec: { serviceAccount: "builder" } }).spec).toMatchObject({ serviceAccount: "builder", serviceAccountName: "builder" });
    expect(defaultPod({ spec: { serviceAccountName: "x" } }).spec).toMatchObject({ serviceAccount: "x", serviceAccountName: "x" });
  });

  it("keeps explicit values", () => {
    const spec = defaultPod({ spec: { restartPolicy: "Never", terminationGracePeriodSeconds: 50, enableServiceLinks: false, containers: [{ name: "a", image: "x", imagePullPolicy: "Never" }] } }).spec;
    expect(spec).toMatchObject({ restartPolicy: "Never", terminationGracePeriodSeconds: 50, enableServiceLinks: false });
    expect(spec.containers[0].imagePullPolicy).toBe("Never");
  });
});

describe("other kinds", () => {
  it("defaults a ClusterIP service", () => {
    expect(defaultService({ spec: { selector: { app: "web" }, ports: [{ port: 80 }] } }).spec).toEqual({
      selector: { app: "web" }, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }], sessionAffinity: "None",
      type: "ClusterIP", internalTrafficPolicy: "Cluster",
    });
  });
  it("defaults a NodePort service's external traffic policy", () => {
    expect(defaultService({ spec: { type: "NodePort", ports: [{ port: 80, targetPort: "http" }] } }).spec)
      .toMatchObject({ externalTrafficPolicy: "Cluster", ports: [{ port: 80, targetPort: "http", protocol: "TCP" }] });
  });
  it("types secrets Opaque and folds stringData into data", () => {
    expect(defaultSecret({ stringData: { password: "s3cr€t" } })).toEqual({ type: "Opaque", data: { password: "czNjcuKCrHQ=" } });
  });
  it("labels namespaces and adds the kubernetes finalizer at create", () => {
    expect(defaultNamespace({ metadata: { name: "demo" } })).toEqual({ metadata: { name: "demo", labels: { "kubernetes.io/metadata.name": "demo" } }, status: { phase: "Active" } });
    expect(prepareNamespaceForCreate({ metadata: { name: "demo" } }).spec).toEqual({ finalizers: ["kubernetes"] });
  });
});
