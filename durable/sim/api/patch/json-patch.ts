// JSON patch (RFC 6902, `application/json-patch+json`): `kubectl patch --type json` and the PATCH
// handler (api/patch-verb.ts). Written by hand rather than with fast-json-patch because podlab
// must reproduce the apiserver's vendored evanphx/json-patch v4 exactly: its error texts, which
// clients print ("testing value /spec/x failed: test failed"), and its quirks (negative array
// indices count from the end, `replace` of a missing object member adds it, `~1`/`~0` escapes).
// Malformed operations are 400 BadRequest ("error decoding patch: ..."); operations that do not
// apply are 422 with the message "the server rejected our request due to an error in our
// request" and the reason in details.causes[0].message, as errors.NewGenericServerResponse.
import { badPatch, rejectedPatch } from "./errors";
import { clone, deepEqual, isObject, jsonTypeName, type Json, type JsonObject } from "./json-value";

/** One RFC 6902 operation as decoded. */
export interface JsonPatchOperation {
  op: string;
  path?: string;
  from?: string;
  value?: Json;
}

const MISSING = "missing value";
const INVALID_INDEX = "invalid index referenced";

/** Applies a JSON patch to `doc`; throws PatchError (400 malformed, 422 not applicable). */
export function applyJsonPatch<T extends object>(doc: T, patch: unknown): T {
  const ops = decodePatch(patch);
  let root = clone(doc) as unknown as Json;
  for (const op of ops) {
    const err = applyOne(op, root, (r) => (root = r));
    if (err) throw rejectedPatch(err);
  }
  return root as unknown as T;
}

/** Strict decoding into []jsonPatchOp, as the apiserver does before applying. */
function decodePatch(patch: unknown): JsonObject[] {
  if (patch === null || patch === undefined) return [];
  const fail = (what: string) => badPatch(`error decoding patch: json: cannot unmarshal ${what}`);
  if (!Array.isArray(patch)) throw fail(`${jsonTypeName(patch)} into Go value of type []handlers.jsonPatchOp`);
  return patch.map((op: unknown) => {
    if (op === null) return {};
    if (!isObject(op)) throw fail(`${jsonTypeName(op)} into Go value of type handlers.jsonPatchOp`);
    for (const f of ["op", "path", "from"]) {
      const v = op[f];
      if (v !== undefined && v !== null && typeof v !== "string") {
        throw fail(`${jsonTypeName(v)} into Go struct field jsonPatchOp.${f} of type string`);
      }
    }
    return op;
  });
}

type Container = { kind: "doc"; node: JsonObject } | { kind: "ary"; node: Json[] };

/** findObject: the container holding the last segment of `path`, and that segment decoded. */
function findObject(root: Json, path: string): { con: Container; key: string } | undefined {
  const split = path.split("/");
  if (split.length < 2) return undefined;
  let con = asContainer(root);
  if (!con) return undefined;
  for (const part of split.slice(1, -1)) {
    const next = get(con, decodeKey(part));
    if (next.err !== undefined || next.value === undefined || next.value === null) return undefined;
    con = asContainer(next.value);
    if (!con) return undefined;
  }
  return { con, key: decodeKey(split[split.length - 1]) };
}

function asContainer(v: Json): Container | undefined {
  if (Array.isArray(v)) return { kind: "ary", node: v };
  if (isObject(v)) return { kind: "doc", node: v };
  return undefined;
}

/** RFC 6901 unescaping: `~1` → `/`, `~0` → `~`, left to right. */
function decodeKey(s: string): string {
  return s.replace(/~[01]/g, (m) => (m === "~1" ? "/" : "~"));
}

/** strconv.Atoi, with its error text. */
function atoi(s: string): { n: number; err?: string } {
  if (!/^[+-]?\d+$/.test(s)) return { n: 0, err: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return { n: 0, err: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { n };
}

const invalidIndex = (idx: number) => `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;

/** Resolves an array index for get/set/remove (negative counts from the end). */
function arrayIndex(ary: Json[], key: string): { i: number; err?: string } {
  const { n, err } = atoi(key);
  if (err) return { i: 0, err };
  let i = n;
  if (i < 0) {
    if (i < -ary.length) return { i, err: invalidIndex(i) };
    i += ary.length;
  }
  if (i >= ary.length) return { i, err: invalidIndex(n < 0 ? i : n) };
  return { i };
}

function get(con: Container, key: string): { value?: Json; err?: string } {
  if (con.kind === "doc") return { value: Object.prototype.hasOwnProperty.call(con.node, key) ? con.node[key] : undefined };
  const { i, err } = arrayIndex(con.node, key);
  return err ? { err } : { value: con.node[i] };
}

function add(con: Container, key: string, val: Json): string | undefined {
  if (con.kind === "doc") {
    con.node[key] = val;
    return undefined;
  }
  const ary = con.node;
  if (key === "-") {
    ary.push(val);
    return undefined;
  }
  const { n, err } = atoi(key);
  if (err) return `value was not a proper array index: '${key}': ${err}`;
  const size = ary.length + 1;
  let i = n;
  if (i >= size) return invalidIndex(i);
  if (i < 0) {
    if (i < -size) return invalidIndex(i);
    i += size;
  }
  ary.splice(i, 0, val);
  return undefined;
}

function remove(con: Container, key: string): string | undefined {
  if (con.kind === "doc") {
    if (!Object.prototype.hasOwnProperty.call(con.node, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete con.node[key];
    return undefined;
  }
  const { n, err } = atoi(key);
  if (err) return err;
  const ary = con.node;
  let i = n;
  if (i >= ary.length) return invalidIndex(i);
  if (i < 0) {
    if (i < -ary.length) return invalidIndex(i);
    i += ary.length;
  }
  ary.splice(i, 1);
  return undefined;
}

function set(con: Container, key: string, val: Json): string | undefined {
  if (con.kind === "doc") {
    con.node[key] = val;
    return undefined;
  }
  const { i, err } = arrayIndex(con.node, key);
  if (err) return err;
  con.node[i] = val;
  return undefined;
}

/** Applies one operation in place; returns the error text, if any. */
function applyOne(op: JsonObject, root: Json, setRoot: (r: Json) => void): string | undefined {
  const kind = typeof op.op === "string" ? op.op : "unknown";
  const path = typeof op.path === "string" ? op.path : undefined;
  const from = typeof op.from === "string" ? op.from : undefined;
  const hasValue = Object.prototype.hasOwnProperty.call(op, "value");
  const value = (hasValue ? clone(op.value) : null) as Json;
  const noPath = `operation missing path field: ${MISSING}`;
  const noFrom = `operation, missing from field: ${MISSING}`;
  switch (kind) {
    case "add": {
      if (path === undefined) return `add operation failed to decode path: ${MISSING}`;
      const t = findObject(root, path);
      if (!t) return `add operation does not apply: doc is missing path: "${path}": ${MISSING}`;
      const e = add(t.con, t.key, value);
      return e && `error in add for path: '${path}': ${e}`;
    }
    case "remove": {
      if (path === undefined) return `remove operation failed to decode path: ${MISSING}`;
      const t = findObject(root, path);
      if (!t) return `remove operation does not apply: doc is missing path: "${path}": ${MISSING}`;
      const e = remove(t.con, t.key);
      return e && `error in remove for path: '${path}': ${e}`;
    }
    case "replace": {
      if (path === undefined) return `replace operation failed to decode path: ${noPath}`;
      if (path === "") {
        if (Array.isArray(value) || isObject(value)) setRoot(value);
        return undefined;
      }
      const t = findObject(root, path);
      if (!t) return `replace operation does not apply: doc is missing path: ${path}: ${MISSING}`;
      if (get(t.con, t.key).err !== undefined) return `replace operation does not apply: doc is missing key: ${path}: ${MISSING}`;
      const e = set(t.con, t.key, value);
      return e && `error in remove for path: '${path}': ${e}`;
    }
    case "move": {
      if (from === undefined) return `move operation failed to decode from: ${noFrom}`;
      const src = findObject(root, from);
      if (!src) return `move operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
      const got = get(src.con, src.key);
      if (got.err) return `error in move for path: '${src.key}': ${got.err}`;
      const re = remove(src.con, src.key);
      if (re) return `error in move for path: '${src.key}': ${re}`;
      if (path === undefined) return `move operation failed to decode path: ${noPath}`;
      const dst = findObject(root, path);
      if (!dst) return `move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
      const e = add(dst.con, dst.key, got.value ?? null);
      return e && `error in move for path: '${path}': ${e}`;
    }
    case "copy": {
      if (from === undefined) return `copy operation failed to decode from: ${noFrom}`;
      const src = findObject(root, from);
      if (!src) return `copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
      const got = get(src.con, src.key);
      if (got.err) return `error in copy for from: '${from}': ${got.err}`;
      if (path === undefined) return `copy operation failed to decode path: ${MISSING}`;
      const dst = findObject(root, path);
      if (!dst) return `copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
      const e = add(dst.con, dst.key, clone(got.value ?? null));
      return e && `error while adding value during copy: ${e}`;
    }
    case "test":
      return testOp(root, path, hasValue, value);
    default:
      return `Unexpected kind: ${kind}`;
  }
}

/** The `test` operation: a missing or null member equals a missing or null value. */
function testOp(root: Json, path: string | undefined, hasValue: boolean, value: Json): string | undefined {
  if (path === undefined) return `test operation failed to decode path: operation missing path field: ${MISSING}`;
  const failed = `testing value ${path} failed: test failed`;
  if (path === "") return deepEqual(root, value) ? undefined : failed;
  const t = findObject(root, path);
  if (!t) return `test operation does not apply: is missing path: ${path}: ${MISSING}`;
  const got = get(t.con, t.key);
  if (got.err) return `error in test for path: '${path}': ${got.err}`;
  if (got.value === undefined || got.value === null) return value === null ? undefined : failed;
  if (!hasValue) return failed;
  return deepEqual(got.value, value) ? undefined : failed;
}
