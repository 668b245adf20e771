// Protobuf request bodies as kubectl's typed clientset sends them (`kubectl create namespace|
// configmap|secret generic|serviceaccount|service`), encoded here by hand from generated.proto.
import { describe, expect, it } from "vitest";
import { decodeProtobufObject } from "../../../durable/sim/api/protobuf";
import { ApiError } from "../../../durable/sim/api/status";

const enc = new TextEncoder();
const varint = (n: number): number[] => { const out: number[] = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return out; };
const field = (no: number, v: Uint8Array | string): number[] => { const b = typeof v === "string" ? enc.encode(v) : v; return [...varint(no * 8 + 2), ...varint(b.length), ...b]; };
const num = (no: number, n: number): number[] => [...varint(no * 8), ...varint(n)];
const msg = (...parts: number[][]): Uint8Array => new Uint8Array(parts.flat());
const entry = (no: number, k: string, v: string | Uint8Array) => field(no, msg(field(1, k), field(2, v)));

function envelope(kind: string, raw: Uint8Array, apiVersion = "v1"): Uint8Array {
  return msg([0x6b, 0x38, 0x73, 0x00], field(1, msg(field(1, apiVersion), field(2, kind))), field(2, raw), field(3, ""), field(4, ""));
}
const meta = (name: string, labels: Record<string, string> = {}) => field(1, msg(field(1, name), ...Object.entries(labels).map(([k, v]) => entry(11, k, v))));

describe("protobuf request bodies", () => {
  it("decodes a Namespace with labels", () => {
    expect(decodeProtobufObject(envelope("Namespace", msg(meta("ns1", { team: "a" }), field(2, msg()))))).toEqual({
      apiVersion: "v1", kind: "Namespace", metadata: { name: "ns1", labels: { team: "a" } }, spec: {},
    });
  });

  it("decodes a ConfigMap's data and binaryData (base64)", () => {
    const o = decodeProtobufObject(envelope("ConfigMap", msg(meta("cm1"), entry(2, "a", "1"), entry(2, "b", "two"), entry(3, "bin", new Uint8Array([0, 255, 1])))));
    expect(o).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm1" }, data: { a: "1", b: "two" }, binaryData: { bin: "AP8B" } });
  });

  it("decodes a Secret's bytes as base64 and keeps its type", () => {
    const o = decodeProtobufObject(envelope("Secret", msg(meta("s1"), entry(2, "password", "s3cr3t"), field(3, "Opaque"))));
    expect(o).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "s1" }, data: { password: "czNjcjN0" }, type: "Opaque" });
  });

  it("decodes a Service's ports (int and named targetPort), selector and type", () => {
    const port = (name: string, p: number, target: number[]) => field(1, msg(field(1, name), field(2, "TCP"), num(3, p), field(4, msg(...[target]))));
    const spec = msg(port("80-8080", 80, [...num(1, 0), ...num(2, 8080)]), port("81-http", 81, [...num(1, 1), ...field(3, "http")]), entry(2, "app", "svc1"), field(4, "NodePort"));
    const o = decodeProtobufObject(envelope("Service", msg(meta("svc1"), field(2, spec))));
    expect(o).toEqual({ apiVersion: "v1", kind: "Service", metadata: { name: "svc1" }, spec: {
      ports: [{ name: "80-8080", protocol: "TCP", port: 80, targetPort: 8080 }, { name: "81-http", protocol: "TCP", port: 81, targetPort: "http" }],
      selector: { app: "svc1" }, type: "NodePort",
    } });
  });

  it("decodes a ServiceAccount", () => {
    expect(decodeProtobufObject(envelope("ServiceAccount", msg(meta("sa1"), num(4, 0))))).toEqual({
      apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa1" }, automountServiceAccountToken: false,
    });
  });

  it("refuses other kinds with 415 and garbage with 400", () => {
    const other = (() => { try { decodeProtobufObject(envelope("Deployment", msg(meta("d")), "apps/v1")); } catch (e) { return e; } })() as ApiError;
    expect(other).toBeInstanceOf(ApiError);
    expect(other.code).toBe(415);
    const bad = (() => { try { decodeProtobufObject(new Uint8Array([1, 2, 3, 4, 5])); } catch (e) { return e; } })() as ApiError;
    expect(bad.code).toBe(400);
    const cut = (() => { try { decodeProtobufObject(msg([0x6b, 0x38, 0x73, 0x00], [0x0a, 0x40, 0x01])); } catch (e) { return e; } })() as ApiError;
    expect(cut.code).toBe(400);
  });
});
