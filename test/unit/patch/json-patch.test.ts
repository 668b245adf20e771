// JSON patch (RFC 6902) as `kubectl patch --type json` gets it from the apiserver, including the
// vendored evanphx/json-patch v4 quirks and error texts.
import { describe, expect, test } from "vitest";
import { PatchError } from "../../../durable/sim/api/patch/errors";
import { applyJsonPatch } from "../../../durable/sim/api/patch/json-patch";

const doc = () => ({
  metadata: { name: "web", labels: { app: "web", "app.kubernetes.io/name": "nginx", "a~b": "tilde" } },
  spec: { containers: [{ name: "a", image: "1" }, { name: "b", image: "1" }], nums: [1, 2, 3] },
});

const ok: { name: string; ops: unknown[]; check: (d: any) => void }[] = [
  { name: "add a member", ops: [{ op: "add", path: "/metadata/labels/tier", value: "fe" }],
    check: (d) => expect(d.metadata.labels.tier).toBe("fe") },
  { name: "add replaces an existing member", ops: [{ op: "add", path: "/metadata/name", value: "x" }],
    check: (d) => expect(d.metadata.name).toBe("x") },
  { name: "add inserts into an array", ops: [{ op: "add", path: "/spec/nums/1", value: 9 }],
    check: (d) => expect(d.spec.nums).toEqual([1, 9, 2, 3]) },
  { name: "add with - appends", ops: [{ op: "add", path: "/spec/nums/-", value: 4 }],
    check: (d) => expect(d.spec.nums).toEqual([1, 2, 3, 4]) },
  { name: "add at the array length appends", ops: [{ op: "add", path: "/spec/nums/3", value: 4 }],
    check: (d) => expect(d.spec.nums).toEqual([1, 2, 3, 4]) },
  { name: "add with a negative index counts from the end (v4)", ops: [{ op: "add", path: "/spec/nums/-2", value: 9 }],
    check: (d) => expect(d.spec.nums).toEqual([1, 2, 9, 3]) },
  { name: "remove a member", ops: [{ op: "remove", path: "/metadata/labels/app" }],
    check: (d) => expect(d.metadata.labels).not.toHaveProperty("app") },
  { name: "remove an array element", ops: [{ op: "remove", path: "/spec/containers/0" }],
    check: (d) => expect(d.spec.containers).toEqual([{ name: "b", image: "1" }]) },
  { name: "remove with a negative index", ops: [{ op: "remove", path: "/spec/nums/-1" }],
    check: (d) => expect(d.spec.nums).toEqual([1, 2]) },
  { name: "replace an image", ops: [{ op: "replace", path: "/spec/containers/1/image", value: "2" }],
    check: (d) => expect(d.spec.containers[1].image).toBe("2") },
  { name: "replace of a missing object member adds it (v4)", ops: [{ op: "replace", path: "/metadata/labels/new", value: "v" }],
    check: (d) => expect(d.metadata.labels.new).toBe("v") },
  { name: "~1 and ~0 unescape to / and ~", ops: [
    { op: "replace", path: "/metadata/labels/app.kubernetes.io~1name", value: "redis" },
    { op: "remove", path: "/metadata/labels/a~0b" }],
  check: (d) => expect(d.metadata.labels).toEqual({ app: "web", "app.kubernetes.io/name": "redis" }) },
  { name: "move", ops: [{ op: "move", from: "/metadata/labels/app", path: "/metadata/labels/name" }],
    check: (d) => expect(d.metadata.labels).toMatchObject({ name: "web" }) },
  { name: "copy is deep", ops: [{ op: "copy", from: "/spec/containers/0", path: "/spec/containers/-" },
    { op: "replace", path: "/spec/containers/2/name", value: "c" }],
  check: (d) => expect(d.spec.containers.map((c: any) => c.name)).toEqual(["a", "b", "c"]) },
  { name: "test passes on equal values", ops: [{ op: "test", path: "/spec/containers/0", value: { image: "1", name: "a" } }],
    check: (d) => expect(d).toEqual(doc()) },
  { name: "test of a missing member against null passes", ops: [{ op: "test", path: "/metadata/nope", value: null }],
    check: (d) => expect(d).toEqual(doc()) },
  { name: "a null value is stored as null", ops: [{ op: "add", path: "/metadata/x", value: null }],
    check: (d) => expect(d.metadata.x).toBeNull() },
  { name: "replace of the whole document", ops: [{ op: "replace", path: "", value: { a: 1 } }],
    check: (d) => expect(d).toEqual({ a: 1 }) },
  { name: "a null patch is no operation", ops: null as unknown as unknown[], check: (d) => expect(d).toEqual(doc()) },
];

describe("applyJsonPatch", () => {
  for (const c of ok) {
    test(c.name, () => {
      const d = doc();
      c.check(applyJsonPatch(d, c.ops));
      expect(d).toEqual(doc());
    });
  }
});

const rejected: { name: string; ops: unknown[]; cause: string }[] = [
  { name: "test that fails", ops: [{ op: "test", path: "/metadata/name", value: "other" }],
    cause: "testing value /metadata/name failed: test failed" },
  { name: "add below a missing parent", ops: [{ op: "add", path: "/metadata/nope/x", value: 1 }],
    cause: 'add operation does not apply: doc is missing path: "/metadata/nope/x": missing value' },
  { name: "add past the end of an array", ops: [{ op: "add", path: "/spec/nums/5", value: 1 }],
    cause: "error in add for path: '/spec/nums/5': Unable to access invalid index: 5: invalid index referenced" },
  { name: "add with a non-numeric index", ops: [{ op: "add", path: "/spec/nums/x", value: 1 }],
    cause: "error in add for path: '/spec/nums/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax" },
  { name: "remove of a missing member", ops: [{ op: "remove", path: "/metadata/labels/x" }],
    cause: "error in remove for path: '/metadata/labels/x': Unable to remove nonexistent key: x: missing value" },
  { name: "remove below a missing parent", ops: [{ op: "remove", path: "/status/phase" }],
    cause: 'remove operation does not apply: doc is missing path: "/status/phase": missing value' },
  { name: "replace past the end of an array", ops: [{ op: "replace", path: "/spec/containers/5/image", value: "x" }],
    cause: "replace operation does not apply: doc is missing path: /spec/containers/5/image: missing value" },
  { name: "replace of a missing array index", ops: [{ op: "replace", path: "/spec/nums/7", value: 1 }],
    cause: "replace operation does not apply: doc is missing key: /spec/nums/7: missing value" },
  { name: "move from a missing member", ops: [{ op: "move", from: "/metadata/labels/x", path: "/metadata/labels/y" }],
    cause: "error in move for path: 'x': Unable to remove nonexistent key: x: missing value" },
  { name: "copy to a missing parent", ops: [{ op: "copy", from: "/metadata/name", path: "/nope/x" }],
    cause: "copy operation does not apply: doc is missing destination path: /nope/x: missing value" },
  { name: "an unknown op", ops: [{ op: "frob", path: "/a" }], cause: "Unexpected kind: frob" },
  { name: "an op without a path", ops: [{ op: "add", value: 1 }], cause: "add operation failed to decode path: missing value" },
  { name: "the first failure stops the patch", ops: [{ op: "add", path: "/metadata/labels/x", value: "1" },
    { op: "test", path: "/metadata/labels/x", value: "2" }], cause: "testing value /metadata/labels/x failed: test failed" },
];

describe("applyJsonPatch answers operations that do not apply with 422", () => {
  for (const c of rejected) {
    test(c.name, () => {
      const d = doc();
      let err: PatchError | undefined;
      try {
        applyJsonPatch(d, c.ops);
      } catch (e) {
        err = e as PatchError;
      }
      expect(err).toBeInstanceOf(PatchError);
      expect(err!.toStatus()).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure",
        message: "the server rejected our request due to an error in our request", reason: "Invalid", code: 422,
        details: { causes: [{ message: c.cause }] } });
      expect(d).toEqual(doc());
    });
  }
});

describe("applyJsonPatch answers malformed patches with 400", () => {
  const bad: [string, unknown, string][] = [
    ["an object instead of a list", { op: "add" }, "json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp"],
    ["a string operation", ["add"], "json: cannot unmarshal string into Go value of type handlers.jsonPatchOp"],
    ["a numeric path", [{ op: "add", path: 1 }], "json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string"],
  ];
  for (const [name, ops, msg] of bad) {
    test(name, () => {
      expect(() => applyJsonPatch(doc(), ops)).toThrow(`error decoding patch: ${msg}`);
      try {
        applyJsonPatch(doc(), ops);
      } catch (e) {
        expect((e as PatchError).status).toBe(400);
        expect((e as PatchError).reason).toBe("BadRequest");
      }
    });
  }
});
