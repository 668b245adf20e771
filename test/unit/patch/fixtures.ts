// Fixtures shared by the patch tests: the Pod of the recorded kubectl sessions
// (shared/spec/kubectl-logs/apply-*.log) as the live object looked before `kubectl apply -f
// pod-v2.yaml`, the manifests kubectl read, and the PATCH bodies it sent.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** The text of a fixture file. */
export function fixtureText(name: string): string {
  return readFileSync(dir + name, "utf8");
}

/** A fixture parsed as JSON (a fresh copy on every call). */
export function fixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** A small live Pod with defaulted fields, for table-driven cases. */
export function smallPod(): Record<string, any> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default", labels: { app: "web", tier: "frontend" }, finalizers: ["a", "b"] },
    spec: {
      containers: [
        {
          name: "nginx", image: "nginx:1.25", imagePullPolicy: "IfNotPresent",
          env: [{ name: "GREETING", value: "hello" }, { name: "MODE", value: "dev" }],
          ports: [{ containerPort: 80, protocol: "TCP" }],
          volumeMounts: [{ name: "data", mountPath: "/data" }],
        },
        { name: "sidecar", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"] },
      ],
      volumes: [{ name: "data", emptyDir: {} }],
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
      securityContext: {},
      restartPolicy: "Always",
    },
    status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True" }] },
  };
}
