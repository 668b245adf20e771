// Maps a Kubernetes field path from a Status cause (`spec.containers[0].image`,
// `spec.containers[0].resources.requests[cpu]`) to the text range of that field in the YAML the
// reader wrote, falling back to the deepest ancestor that exists. Also lists the documents of a
// multi-document file with their kind, name and namespace. Pure; tested in Node.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YNode, type Pair } from "yaml";

/** A document of the editor's text. */
export interface ManifestDoc { index: number; kind?: string; apiVersion?: string; name?: string; namespace?: string; value: unknown; doc: Document.Parsed }

/** A YAML syntax error with its position. */
export interface SyntaxProblem { from: number; to: number; message: string }

/** Splits a field path into keys and indexes. */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2].replace(/^['"]|['"]$/g, ""));
  }
  return out;
}

/** Parses the editor's text; syntax problems carry positions. */
export function parseManifests(text: string): { docs: ManifestDoc[]; problems: SyntaxProblem[] } {
  const problems: SyntaxProblem[] = [];
  const docs: ManifestDoc[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    if (!("errors" in doc)) return;
    for (const e of doc.errors) problems.push({ from: e.pos[0], to: Math.max(e.pos[1], e.pos[0] + 1), message: e.message.split("\n")[0] });
    if (doc.errors.length) return;
    const value = doc.toJS() as Record<string, any> | null;
    if (value === null || value === undefined) return;
    docs.push({ index, value, doc, kind: value?.kind, apiVersion: value?.apiVersion, name: value?.metadata?.name, namespace: value?.metadata?.namespace });
  });
  return { docs, problems };
}

function child(node: unknown, key: string | number): { pair?: Pair; node?: unknown } {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    return pair ? { pair, node: pair.value } : {};
  }
  if (isSeq(node) && typeof key === "number") return { node: node.items[key] };
  return {};
}

/** The range of a field path in a document (deepest existing ancestor if it is missing). */
export function fieldRange(doc: Document.Parsed, path: string): { from: number; to: number; exact: boolean } {
  let node: unknown = doc.contents;
  let best: { from: number; to: number } | undefined;
  const keys = splitFieldPath(path);
  for (let i = 0; i < keys.length; i++) {
    const next = child(node, keys[i]);
    if (next.node === undefined && !next.pair) return { ...(best ?? whole(doc)), exact: false };
    const keyNode = next.pair?.key as YNode | undefined;
    const valNode = next.node as YNode | undefined;
    if (isScalar(valNode) && valNode.range) best = { from: keyNode?.range?.[0] ?? valNode.range[0], to: valNode.range[1] };
    else if (keyNode?.range) best = { from: keyNode.range[0], to: keyNode.range[1] };
    else if (valNode?.range) best = { from: valNode.range[0], to: Math.min(valNode.range[1], valNode.range[0] + 80) };
    node = next.node;
  }
  return { ...(best ?? whole(doc)), exact: true };
}

function whole(doc: Document.Parsed): { from: number; to: number } {
  const r = (doc.contents as YNode | null)?.range;
  return r ? { from: r[0], to: Math.min(r[1], r[0] + 1) } : { from: 0, to: 0 };
}

/** Is a node a key/value pair (re-exported for callers that walk documents)? */
export { isPair };
