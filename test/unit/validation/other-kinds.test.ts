// Services, Namespaces, ConfigMaps, Secrets and Nodes report upstream's messages in order.
import { describe, expect, it } from "vitest";
import { defaultSecret } from "../../../schema/defaults/misc";
import { defaultService } from "../../../schema/defaults/service";
import { errorString } from "../../../schema/validation/field-error";
import { validateConfigMap, validateNamespace, validateNode, validateSecret } from "../../../schema/validation/misc";
import { validateService } from "../../../schema/validation/service";
import { DNS1035, LABEL, SUBDOMAIN } from "./messages";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const svc = (spec: Json, name = "nginx"): string[] => {
  const s = defaultService({ metadata: { name, namespace: "default" }, spec });
  if (s.spec.type !== "ExternalName" && s.spec.clusterIP === undefined) { s.spec.clusterIP = "10.98.43.34"; s.spec.clusterIPs = ["10.98.43.34"]; }
  return validateService(s).map(errorString);
};

describe("services", () => {
  it.each([
    ["a valid ClusterIP service", { selector: { app: "nginx" }, ports: [{ port: 80 }] }, "nginx", []],
    ["a name that is not DNS-1035", { ports: [{ port: 80 }] }, "1web", [`metadata.name: Invalid value: "1web": ${DNS1035}`]],
    ["no ports", { selector: { app: "x" } }, "nginx", ["spec.ports: Required value"]],
    ["named ports when several", { ports: [{ port: 80 }, { port: 443 }] }, "nginx", ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"]],
    ["port range", { ports: [{ port: 0 }] }, "nginx", ["spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive", "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive"]],
    ["protocol", { ports: [{ port: 80, protocol: "HTTP" }] }, "nginx", ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ["type", { type: "Public", ports: [{ port: 80 }] }, "nginx", ['spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ["nodePort on ClusterIP", { ports: [{ port: 80, nodePort: 30080 }] }, "nginx", ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ["a valid NodePort service", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }, "nginx", []],
    ["duplicate port", { ports: [{ name: "a", port: 80 }, { name: "b", port: 80 }] }, "nginx",
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}']],
    ["selector value", { selector: { app: "a b" }, ports: [{ port: 80 }] }, "nginx", [expect.stringContaining('spec.selector: Invalid value: "a b": a valid label must be an empty string')]],
  ])("%s", (_n, spec, name, errs) => expect(svc(spec, name)).toEqual(errs));
});

describe("namespaces", () => {
  it.each([
    ["valid", { metadata: { name: "demo" } }, []],
    ["not a label", { metadata: { name: "Demo.NS" } }, [`metadata.name: Invalid value: "Demo.NS": ${LABEL}`]],
    ["namespace set", { metadata: { name: "demo", namespace: "x" } }, ["metadata.namespace: Forbidden: not allowed on this type"]],
    ["finalizer", { metadata: { name: "demo" }, spec: { finalizers: ["custom"] } }, ['spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']],
  ])("%s", (_n, ns, errs) => expect(validateNamespace(ns).map(errorString)).toEqual(errs));
});

describe("configmaps and secrets", () => {
  it("validates keys and names", () => {
    expect(validateConfigMap({ metadata: { name: "App_Config", namespace: "default" }, data: { "bad key": "x", ok: "y" } }).map(errorString)).toEqual([
      `metadata.name: Invalid value: "App_Config": ${SUBDOMAIN}`,
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
  it("requires the keys of typed secrets", () => {
    expect(validateSecret(defaultSecret({ metadata: { name: "tls", namespace: "default" }, type: "kubernetes.io/tls", stringData: { "tls.crt": "x" } })).map(errorString))
      .toEqual(["data[tls.key]: Required value"]);
    expect(validateSecret(defaultSecret({ metadata: { name: "db", namespace: "default" }, stringData: { password: "x" } }))).toEqual([]);
  });
});

describe("nodes", () => {
  it("validates taints", () => {
    expect(validateNode({ metadata: { name: "node01" }, spec: { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }, { key: "k", effect: "Never" }] } }).map(errorString))
      .toEqual(['spec.taints[1].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']);
  });
});
