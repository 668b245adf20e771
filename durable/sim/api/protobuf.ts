// Decodes the one protobuf body kubectl sends: `kubectl create namespace` (typed clientset,
// k8s.io runtime.Unknown envelope with a core/v1 Namespace inside). Spec: kubectl-protocol §B9.
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

/** Decodes a protobuf-encoded Namespace into its JSON form; throws a 400 Status on bad data. */
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
  if (kind !== "Namespace" || apiVersion !== "v1" || !raw) {
    throw new ApiError(415, "UnsupportedMediaType",
      `podlab decodes protobuf request bodies only for v1 Namespace (got ${apiVersion || "?"}/${kind || "?"}); send application/json`);
  }
  const obj: Record<string, unknown> = { kind, apiVersion, metadata: {} };
  for (const f of readFields(raw)) {
    if (f.no === 1) obj.metadata = objectMeta(bytes(f.value));
    else if (f.no === 2) {
      const finalizers = readFields(bytes(f.value)).filter((x) => x.no === 1).map((x) => text(x.value));
      obj.spec = finalizers.length ? { finalizers } : {};
    }
  }
  return obj;
}
