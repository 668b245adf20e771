// Field selectors (`kubectl get --field-selector`, `fieldSelector=`; describe node lists its pods
// and events with them): grammar, escapes, per-resource fields and the 400 messages.
import { describe, expect, test } from "vitest";
import { SelectorError } from "../../../durable/sim/api/selectors/label";
import {
  FIELD_SELECTOR_TABLES, fieldSelectorString, matchesFieldSelector, parseFieldSelector, parseFieldSelectorSyntax, unescapeValue,
} from "../../../durable/sim/api/selectors/field";

const running = {
  metadata: { name: "web", namespace: "default" },
  spec: { nodeName: "node01", restartPolicy: "Always", schedulerName: "default-scheduler", serviceAccountName: "default" },
  status: { phase: "Running", podIP: "172.16.0.5", podIPs: [{ ip: "172.16.0.5" }] },
};
const pending = { metadata: { name: "db", namespace: "prod" }, spec: { restartPolicy: "Never", hostNetwork: true }, status: { phase: "Pending" } };

const podCases: [string, boolean, boolean][] = [
  ["status.phase=Running", true, false],
  ["status.phase==Running", true, false],
  ["status.phase!=Running", false, true],
  ["spec.nodeName=node01", true, false],
  ["spec.nodeName=", false, true],
  ["spec.host=node01", true, false],
  ["metadata.namespace=prod,status.phase=Pending", false, true],
  ["metadata.name=web,metadata.namespace=prod", false, false],
  ["spec.hostNetwork=true", false, true],
  ["spec.hostNetwork=false", true, false],
  ["status.podIP=172.16.0.5", true, false],
  ["spec.restartPolicy=Never", false, true],
  ["spec.serviceAccountName=default", true, false],
  ["status.nominatedNodeName=", true, true],
  ["", true, true],
];

describe("pod field selectors", () => {
  for (const [sel, a, b] of podCases) {
    test(`'${sel}'`, () => {
      const s = parseFieldSelector(sel, "pods");
      expect([matchesFieldSelector(s, running, "pods"), matchesFieldSelector(s, pending, "pods")]).toEqual([a, b]);
    });
  }
});

describe("other resources", () => {
  const event = {
    metadata: { name: "web.1", namespace: "default" },
    involvedObject: { kind: "Pod", namespace: "default", name: "web", uid: "u1", fieldPath: "spec.containers{nginx}" },
    reason: "Pulled", type: "Normal", reportingComponent: "kubelet",
  };
  const nodeEvent = { metadata: { name: "n.1", namespace: "default" }, involvedObject: { kind: "Node", name: "node01", uid: "node01" },
    reason: "NodeReady", type: "Normal", source: { component: "kubelet", host: "node01" } };

  test("events by involved object, with empty values (kubectl describe node)", () => {
    const s = parseFieldSelector("involvedObject.kind=Node,involvedObject.uid=node01,involvedObject.name=node01,involvedObject.namespace=", "events");
    expect(matchesFieldSelector(s, nodeEvent, "events")).toBe(true);
    expect(matchesFieldSelector(s, event, "events")).toBe(false);
    const byField = parseFieldSelector("involvedObject.fieldPath=spec.containers{nginx},reason=Pulled,type=Normal", "events");
    expect(matchesFieldSelector(byField, event, "events")).toBe(true);
  });

  test("an event's source falls back to its reporting component", () => {
    const s = parseFieldSelector("source=kubelet", "events");
    expect(matchesFieldSelector(s, event, "events")).toBe(true);
    expect(matchesFieldSelector(s, nodeEvent, "events")).toBe(true);
    expect(matchesFieldSelector(parseFieldSelector("reportingComponent=kubelet", "events"), nodeEvent, "events")).toBe(false);
  });

  test("nodes select on spec.unschedulable (absent means false)", () => {
    const s = parseFieldSelector("spec.unschedulable=false", "nodes");
    expect(matchesFieldSelector(s, { metadata: { name: "node01" }, spec: {} }, "nodes")).toBe(true);
    expect(matchesFieldSelector(s, { metadata: { name: "master" }, spec: { unschedulable: true } }, "nodes")).toBe(false);
  });

  test("namespaces select on status.phase, secrets on type, services on type and clusterIP", () => {
    expect(matchesFieldSelector(parseFieldSelector("status.phase=Active", "namespaces"), { metadata: { name: "d" }, status: { phase: "Active" } }, "namespaces")).toBe(true);
    expect(matchesFieldSelector(parseFieldSelector("type=Opaque", "secrets"), { metadata: { name: "s" }, type: "Opaque" }, "secrets")).toBe(true);
    const svc = { metadata: { name: "web" }, spec: { type: "ClusterIP", clusterIP: "10.96.0.10" } };
    expect(matchesFieldSelector(parseFieldSelector("spec.type=ClusterIP,spec.clusterIP=10.96.0.10", "services"), svc, "services")).toBe(true);
  });

  test("every other resource selects on metadata.name and metadata.namespace", () => {
    const cm = { metadata: { name: "cfg", namespace: "default" } };
    expect(matchesFieldSelector(parseFieldSelector("metadata.name=cfg", "configmaps"), cm, "configmaps")).toBe(true);
    expect(matchesFieldSelector(parseFieldSelector("metadata.namespace!=default", "configmaps"), cm, "configmaps")).toBe(false);
    expect(Object.keys(FIELD_SELECTOR_TABLES).sort()).toEqual(["events", "namespaces", "nodes", "pods", "secrets", "services"]);
  });
});

describe("escapes", () => {
  test("\\, \\= and \\\\ are data; the value round-trips through String()", () => {
    const s = parseFieldSelectorSyntax("metadata.name=a\\,b\\=c\\\\d,status.phase=x");
    expect(s.requirements).toEqual([
      { field: "metadata.name", operator: "=", value: "a,b=c\\d" },
      { field: "status.phase", operator: "=", value: "x" },
    ]);
    expect(fieldSelectorString(s)).toBe("metadata.name=a\\,b\\=c\\\\d,status.phase=x");
    expect(unescapeValue("plain")).toBe("plain");
  });
});

const errors: [string, string, string][] = [
  ["spec.foo=bar", "pods", "field label not supported: spec.foo"],
  ["metadata.namespace=x", "nodes", "field label not supported: metadata.namespace"],
  ["data.x=1", "configmaps", '"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ["status.phase", "pods", "invalid selector: 'status.phase'; can't understand 'status.phase'"],
  ["metadata.name=a\\x", "pods", "invalid field selector: invalid escape sequence: \\x"],
  ["metadata.name=a\\", "pods", "invalid field selector: invalid escape sequence: \\"],
  ["metadata.name=a=b", "pods", "invalid field selector: unescaped character in value: 61"],
];

describe("bad field selectors give the apiserver's 400 message", () => {
  for (const [sel, resource, msg] of errors) {
    test(`'${sel}' on ${resource}`, () => {
      let err: unknown;
      try {
        parseFieldSelector(sel, resource);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SelectorError);
      expect((err as SelectorError).message).toBe(msg);
    });
  }
});
