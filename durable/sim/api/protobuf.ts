// Decodes the protobuf bodies kubectl sends from its typed clientset (k8s.io runtime.Unknown
// envelope with a core/v1 object inside): `kubectl create namespace|configmap|secret|
// serviceaccount|service`. Field numbers from k8s.io/api/core/v1/generated.proto. Spec:
// kubectl-protocol §B9.
import { ApiError, badRequest } from "./status";

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

interface Field { no: number; wire: number; value: number | Uint8Array }

function readFields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let i = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (i >= buf.length) throw badRequest("unexpected end of protobuf data");
      const b = buf[i++];
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
      if (shift > 63) throw badRequest("protobuf varint overflow");
    }
  };
  while (i < buf.length) {
    const tag = varint();
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) out.push({ no, wire, value: varint() });
    else if (wire === 2) {
      const len = varint();
      if (i + len > buf.length) throw badRequest("unexpected end of protobuf data");
      out.push({ no, wire, value: buf.subarray(i, i + len) });
      i += len;
    } else if (wire === 1) { i += 8; } else if (wire === 5) { i += 4; } else throw badRequest(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

const text = (v: number | Uint8Array) => (typeof v === "number" ? String(v) : new TextDecoder().decode(v));
const bytes = (v: number | Uint8Array) => (typeof v === "number" ? new Uint8Array() : v);

function mapEntry(v: Uint8Array): [string, string] {
  let k = "";
  let val = "";
  for (const f of readFields(v)) {
    if (f.no === 1) k = text(f.value);
    if (f.no === 2) val = text(f.value);
  }
  return [k, val];
}

function base64(b: Uint8Array): string {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += A[(n >> 18) & 63] + A[(n >> 12) & 63] + (i + 1 < b.length ? A[(n >> 6) & 63] : "=") + (i + 2 < b.length ? A[n & 63] : "=");
  }
  return out;
}

/** A map<string,bytes> entry with the value in its JSON form (base64). */
function bytesEntry(v: Uint8Array): [string, string] {
  let k = "";
  let val: Uint8Array = new Uint8Array();
  for (const f of readFields(v)) {
    if (f.no === 1) k = text(f.value);
    if (f.no === 2) val = bytes(f.value);
  }
  return [k, base64(val)];
}

/** Collects map entries of one field number into an object (undefined when empty). */
function mapOf(fields: Field[], no: number, entry: (v: Uint8Array) => [string, string]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const f of fields) if (f.no === no) { const [k, v] = entry(bytes(f.value)); out[k] = v; }
  return Object.keys(out).length ? out : undefined;
}

const named = (v: Uint8Array) => {
  const n = readFields(v).find((f) => f.no === 1);
  return { name: n ? text(n.value) : "" };
};

function intOrString(v: Uint8Array): number | string {
  let type = 0;
  let int = 0;
  let str = "";
  for (const f of readFields(v)) {
    if (f.no === 1) type = Number(f.value);
    else if (f.no === 2) int = Number(f.value);
    else if (f.no === 3) str = text(f.value);
  }
  return type === 1 ? str : int;
}

function servicePort(v: Uint8Array): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const f of readFields(v)) {
    if (f.no === 1 && text(f.value)) p.name = text(f.value);
    else if (f.no === 2 && text(f.value)) p.protocol = text(f.value);
    else if (f.no === 3) p.port = Number(f.value);
    else if (f.no === 4) p.targetPort = intOrString(bytes(f.value));
    else if (f.no === 5 && Number(f.value)) p.nodePort = Number(f.value);
    else if (f.no === 6) p.appProtocol = text(f.value);
  }
  return p;
}

function serviceSpec(v: Uint8Array): Record<string, unknown> {
  const fields = readFields(v);
  const spec: Record<string, unknown> = {};
  const ports = fields.filter((f) => f.no === 1).map((f) => servicePort(bytes(f.value)));
  if (ports.length) spec.ports = ports;
  const selector = mapOf(fields, 2, mapEntry);
  if (selector) spec.selector = selector;
  for (const f of fields) {
    const s = text(f.value);
    if (f.no === 3 && s) spec.clusterIP = s;
    else if (f.no === 4 && s) spec.type = s;
    else if (f.no === 7 && s) spec.sessionAffinity = s;
    else if (f.no === 10 && s) spec.externalName = s;
    else if (f.no === 11 && s) spec.externalTrafficPolicy = s;
  }
  const clusterIPs = fields.filter((f) => f.no === 18).map((f) => text(f.value));
  if (clusterIPs.length) spec.clusterIPs = clusterIPs;
  return spec;
}

type Decoder = (fields: Field[], obj: Record<string, unknown>) => void;

/** The kinds kubectl's typed clientset sends as protobuf, and how their fields map to JSON. */
const KINDS: Record<string, Decoder> = {
  Namespace: (fields, obj) => {
    for (const f of fields) {
      if (f.no !== 2) continue;
      const finalizers = readFields(bytes(f.value)).filter((x) => x.no === 1).map((x) => text(x.value));
      obj.spec = finalizers.length ? { finalizers } : {};
    }
  },
  ConfigMap: (fields, obj) => {
    const data = mapOf(fields, 2, mapEntry);
    const binaryData = mapOf(fields, 3, bytesEntry);
    if (data) obj.data = data;
    if (binaryData) obj.binaryData = binaryData;
    for (const f of fields) if (f.no === 4) obj.immutable = f.value === 1;
  },
  Secret: (fields, obj) => {
    const data = mapOf(fields, 2, bytesEntry);
    const stringData = mapOf(fields, 4, mapEntry);
    if (data) obj.data = data;
    if (stringData) obj.stringData = stringData;
    for (const f of fields) {
      if (f.no === 3 && text(f.value)) obj.type = text(f.value);
      else if (f.no === 5) obj.immutable = f.value === 1;
    }
  },
  ServiceAccount: (fields, obj) => {
    const secrets = fields.filter((f) => f.no === 2).map((f) => named(bytes(f.value)));
    const pulls = fields.filter((f) => f.no === 3).map((f) => named(bytes(f.value)));
    if (secrets.length) obj.secrets = secrets;
    if (pulls.length) obj.imagePullSecrets = pulls;
    for (const f of fields) if (f.no === 4) obj.automountServiceAccountToken = f.value === 1;
  },
  Service: (fields, obj) => {
    for (const f of fields) if (f.no === 2) obj.spec = serviceSpec(bytes(f.value));
  },
};

/** String fields of a message by field number → JSON name (empty strings omitted, as Go's omitempty). */
function strings(v: Uint8Array, names: Record<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readFields(v)) if (names[f.no] && text(f.value)) out[names[f.no]] = text(f.value);
  return out;
}

/** Kinds of other groups (k8s.io/api/authorization/v1 and authentication/v1 generated.proto). */
const GROUP_KINDS: Record<string, Decoder> = {
  "authorization.k8s.io/v1 SelfSubjectAccessReview": (fields, obj) => {
    const spec: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.no !== 2) continue;
      for (const a of readFields(bytes(f.value))) {
        if (a.no === 1) spec.resourceAttributes = strings(bytes(a.value), { 1: "namespace", 2: "verb", 3: "group", 4: "version", 5: "resource", 6: "subresource", 7: "name" });
        if (a.no === 2) spec.nonResourceAttributes = strings(bytes(a.value), { 1: "path", 2: "verb" });
      }
    }
    obj.spec = spec;
  },
  "authorization.k8s.io/v1 SelfSubjectRulesReview": (fields, obj) => {
    obj.spec = {};
    for (const f of fields) if (f.no === 2) obj.spec = strings(bytes(f.value), { 1: "namespace" });
  },
  "authentication.k8s.io/v1 SelfSubjectReview": () => {},
};

function objectMeta(v: Uint8Array): Record<string, unknown> {
  const m: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  const finalizers: string[] = [];
  for (const f of readFields(v)) {
    const s = text(f.value);
    if (f.no === 1 && s) m.name = s;
    else if (f.no === 2 && s) m.generateName = s;
    else if (f.no === 3 && s) m.namespace = s;
    else if (f.no === 5 && s) m.uid = s;
    else if (f.no === 6 && s) m.resourceVersion = s;
    else if (f.no === 11) { const [k, val] = mapEntry(bytes(f.value)); labels[k] = val; }
    else if (f.no === 12) { const [k, val] = mapEntry(bytes(f.value)); annotations[k] = val; }
    else if (f.no === 14 && s) finalizers.push(s);
  }
  if (Object.keys(labels).length) m.labels = labels;
  if (Object.keys(annotations).length) m.annotations = annotations;
  if (finalizers.length) m.finalizers = finalizers;
  return m;
}

/** Decodes a protobuf-encoded core/v1 object into its JSON form; throws a 400/415 Status on bad data. */
export function decodeProtobufObject(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw badRequest("provided protobuf is missing the k8s magic prefix");
  let apiVersion = "";
  let kind = "";
  let raw: Uint8Array | undefined;
  for (const f of readFields(body.subarray(4))) {
    if (f.no === 1) {
      for (const t of readFields(bytes(f.value))) {
        if (t.no === 1) apiVersion = text(t.value);
        if (t.no === 2) kind = text(t.value);
      }
    } else if (f.no === 2) raw = bytes(f.value);
  }
  const decode = apiVersion === "v1" ? KINDS[kind] : GROUP_KINDS[`${apiVersion} ${kind}`];
  if (!decode || !raw) {
    throw new ApiError(415, "UnsupportedMediaType",
      `podlab decodes protobuf request bodies only for v1 ${Object.keys(KINDS).join(", ")} (got ${apiVersion || "?"}/${kind || "?"}); send application/json`);
  }
  const obj: Record<string, unknown> = { kind, apiVersion, metadata: {} };
  const fields = readFields(raw);
  for (const f of fields) if (f.no === 1) obj.metadata = objectMeta(bytes(f.value));
  decode(fields, obj);
  return obj;
}
