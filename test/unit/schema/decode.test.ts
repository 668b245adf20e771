// decodeObject behaves like the API server's strict JSON decoding (fieldValidation=Strict|Warn|Ignore).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { decodeObject, pruneUnknown, typeForDecode } from "../../../durable/sim/api/decode";

const BAD_POD = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"bad","namespace":"default"},"spec":{"bogusField":1,"containers":[{"image":"busybox","imagePolicy":"Always","name":"c"}]}}`;
const prefix = 'Pod in version "v1" cannot be handled as a Pod: ';
const message = (r: ReturnType<typeof decodeObject>) => ("error" in r ? r.error.message : undefined);
const object = (r: ReturnType<typeof decodeObject>) => {
  if ("error" in r) throw new Error(r.error.message);
  return r.object as Record<string, any>;
};

describe("tutorial manifests", () => {
  const docs = parseAllDocuments(readFileSync(join(__dirname, "fixtures/tutorial-pods.yaml"), "utf8"))
    .map((d) => d.toJS()).filter(Boolean) as Record<string, any>[];

  it("has every complete Pod manifest of the tutorial", () => {
    expect(docs).toHaveLength(16);
  });

  it.each(docs.map((d, i) => [`${i}:${d.metadata.name}`, d]))("%s decodes cleanly in Strict mode", (_name, doc) => {
    for (const input of [doc, JSON.stringify(doc)]) {
      const r = decodeObject("Pod", input, "Strict");
      expect(message(r)).toBeUndefined();
      const out = object(r);
      expect(out.metadata.name).toBe(doc.metadata.name);
      expect(out.spec.containers.map((c: { name: string }) => c.name)).toEqual(doc.spec.containers.map((c: { name: string }) => c.name));
    }
  });

  it("canonicalizes the tutorial's resource quantities", () => {
    const doc = docs.find((d) => d.metadata.name === "pod-resources")!;
    expect(object(decodeObject("Pod", doc, "Strict")).spec.containers[0].resources).toEqual({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "8", memory: "6Gi" } });
  });

  it("keeps the probe settings and IntOrString ports", () => {
    const doc = docs.find((d) => d.metadata.name === "test-probe" && d.spec.containers[0].readinessProbe)!;
    const c = object(decodeObject("Pod", doc, "Strict")).spec.containers[0];
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 80 }, initialDelaySeconds: 20, timeoutSeconds: 2, periodSeconds: 5, successThreshold: 1, failureThreshold: 2 });
    expect(c.readinessProbe.httpGet).toEqual({ port: 80, path: "/index.php", scheme: "HTTP" });
  });
});

describe("unknown fields", () => {
  it("Strict: 400 naming every unknown field with its path, in document order", () => {
    expect(decodeObject("Pod", BAD_POD, "Strict")).toEqual({ error: { status: 400,
      message: `${prefix}strict decoding error: unknown field "spec.bogusField", unknown field "spec.containers[0].imagePolicy"` } });
  });

  it("Warn: drops them and returns one warning each", () => {
    const r = decodeObject("Pod", JSON.parse(BAD_POD), "Warn");
    expect(r).toEqual({ warnings: ['unknown field "spec.bogusField"', 'unknown field "spec.containers[0].imagePolicy"'],
      object: { apiVersion: "v1", kind: "Pod", metadata: { name: "bad", namespace: "default" }, spec: { containers: [{ image: "busybox", name: "c" }] } } });
  });

  it("Ignore: drops them silently", () => {
    const r = decodeObject("Pod", BAD_POD, "Ignore");
    expect("error" in r ? [] : r.warnings).toEqual([]);
    expect(object(r).spec).toEqual({ containers: [{ image: "busybox", name: "c" }] });
  });

  it("matches field names case-sensitively, at the top level and in metadata", () => {
    expect(message(decodeObject("Pod", { Kind: "Pod", metadata: { Name: "x" } }, "Strict")))
      .toBe(`${prefix}strict decoding error: unknown field "Kind", unknown field "metadata.Name"`);
  });

  it("accepts any keys in maps and free-form fields", () => {
    const body = { metadata: { labels: { "app.kubernetes.io/name": "x" }, managedFields: [{ manager: "m", fieldsV1: { "f:spec": { ".": {} } } }] } };
    expect(object(decodeObject("Pod", body, "Strict"))).toEqual(body);
  });
});

describe("duplicate fields (raw JSON text only)", () => {
  it("Strict: 400 with the full path, last value wins otherwise", () => {
    const text = '{"metadata":{"name":"a","labels":{"x":"1","x":"2"},"name":"b"},"spec":{"containers":[{"name":"c","name":"d"}]}}';
    expect(message(decodeObject("Pod", text, "Strict"))).toBe(`${prefix}strict decoding error: duplicate field "metadata.labels.x", duplicate field "metadata.name", duplicate field "spec.containers[0].name"`);
    const warn = decodeObject("Pod", text, "Warn");
    expect(object(warn).metadata).toEqual({ name: "b", labels: { x: "2" } });
    expect("warnings" in warn && warn.warnings).toHaveLength(3);
  });
});

describe("wrong JSON types get encoding/json's message", () => {
  it.each([
    [{ spec: { containers: [{ name: "a", ports: [{ containerPort: "80" }] }] } }, "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"],
    [{ spec: { containers: [{ name: "a", ports: [{ containerPort: 1.5 }] }] } }, "json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"],
    [{ spec: { containers: [{ name: "a", ports: [{ containerPort: 2 ** 31 }] }] } }, "json: cannot unmarshal number 2147483648 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"],
    [{ spec: { containers: { name: "a" } } }, "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"],
    [{ spec: { containers: [{ name: "a", args: ["x", 1] }] } }, "json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string"],
    [{ spec: { containers: [{ name: "a", env: [{ name: "N", value: 9 }] }] } }, "json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string"],
    [{ spec: { containers: [{ name: "a", securityContext: { runAsUser: "root" } }] } }, "json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64"],
    [{ spec: { containers: [{ name: "a", imagePullPolicy: 1 }] } }, "json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy"],
    [{ spec: { tolerations: [{ key: "k", value: true }] } }, "json: cannot unmarshal bool into Go struct field Toleration.spec.tolerations.value of type string"],
    [{ metadata: { labels: { a: true } } }, "json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string"],
    [{ apiVersion: 1 }, "json: cannot unmarshal number into Go struct field Pod.apiVersion of type string"],
    [{ spec: [] }, "json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec"],
    [{ spec: { containers: [{ name: "a", resources: { limits: { cpu: "1 core" } } }] } }, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    [{ spec: { containers: [{ name: "a", resources: { limits: { memory: "1mi" } } }] } }, "unable to parse quantity's suffix"],
    [{ spec: { containers: [{ name: "a", livenessProbe: { httpGet: { port: 80.5 } } }] } }, "json: cannot unmarshal number 80.5 into Go value of type int32"],
    [{ status: { startTime: "now" } }, 'parsing time "now" as "2006-01-02T15:04:05Z07:00": cannot parse "now" as "2006"'],
  ])("%j", (body, error) => {
    expect(decodeObject("Pod", body, "Strict")).toEqual({ error: { status: 400, message: prefix + error } });
  });

  it("reports a type error before strict errors, and only the first one", () => {
    expect(message(decodeObject("Pod", { bogus: 1, apiVersion: 1, kind: 2 }, "Strict"))).toBe(`${prefix}json: cannot unmarshal number into Go struct field Pod.apiVersion of type string`);
  });

  it("names the kind and version of other types", () => {
    expect(message(decodeObject("Lease", { spec: { holderIdentity: 1 } }, "Strict"))).toBe('Lease in version "v1" cannot be handled as a Lease: json: cannot unmarshal number into Go struct field LeaseSpec.spec.holderIdentity of type string');
    expect(message(decodeObject("Secret", { data: { k: "not base64!" } }, "Strict"))).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
    expect(message(decodeObject("Pod", "[1]", "Strict"))).toBe(`${prefix}json: cannot unmarshal array into Go value of type v1.Pod`);
    expect(message(decodeObject("Pod", "{", "Strict"))).toBe("couldn't get version/kind; json parse error: unexpected end of JSON input");
  });
});

describe("values", () => {
  it("drops nulls as Go leaves them unset (kubectl run sends creationTimestamp: null)", () => {
    const out = object(decodeObject("Pod", { metadata: { name: "once", creationTimestamp: null }, spec: { containers: [{ name: "c", resources: {} }] }, status: {} }, "Strict"));
    expect(out).toEqual({ metadata: { name: "once" }, spec: { containers: [{ name: "c", resources: {} }] }, status: {} });
  });

  it("normalizes times to UTC and keeps key order", () => {
    const out = object(decodeObject("Pod", '{"status":{"startTime":"2025-01-01T08:00:00+08:00","phase":"Running"},"kind":"Pod"}', "Strict"));
    expect(out).toEqual({ status: { startTime: "2025-01-01T00:00:00Z", phase: "Running" }, kind: "Pod" });
    expect(Object.keys(out)).toEqual(["status", "kind"]);
    expect(Object.keys(out.status)).toEqual(["startTime", "phase"]);
  });

  it("decodes meta types by name", () => {
    expect(typeForDecode("DeleteOptions")?.name).toBe("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions");
    expect(object(decodeObject("DeleteOptions", { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds: 0, dryRun: ["All"] }, "Strict")).dryRun).toEqual(["All"]);
    expect(message(decodeObject("Nope", {}, "Strict"))).toContain('no kind "Nope" is registered');
  });
});

describe("pruneUnknown", () => {
  it("removes unknown fields recursively and leaves everything else as it is", () => {
    const obj = { spec: { bogus: 1, containers: [{ name: "c", imagePolicy: "x", resources: { limits: { cpu: 0.5 } } }] }, metadata: { labels: { a: "b" } } };
    expect(pruneUnknown("Pod", obj)).toEqual({ spec: { containers: [{ name: "c", resources: { limits: { cpu: 0.5 } } }] }, metadata: { labels: { a: "b" } } });
    expect(obj.spec.bogus).toBe(1);
  });
});
