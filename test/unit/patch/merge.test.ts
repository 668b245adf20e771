// JSON merge patch (RFC 7386) as `kubectl patch --type merge` gets it from the apiserver.
import { describe, expect, test } from "vitest";
import { PatchError } from "../../../durable/sim/api/patch/errors";
import { createMergePatch, jsonMergePatch } from "../../../durable/sim/api/patch/merge";

const cases: { name: string; doc: Record<string, unknown>; patch: unknown; out: Record<string, unknown> }[] = [
  // RFC 7386 appendix A
  { name: "replaces a member", doc: { a: "b" }, patch: { a: "c" }, out: { a: "c" } },
  { name: "adds a member", doc: { a: "b" }, patch: { b: "c" }, out: { a: "b", b: "c" } },
  { name: "null removes a member", doc: { a: "b" }, patch: { a: null }, out: {} },
  { name: "null removes one of several", doc: { a: "b", b: "c" }, patch: { a: null }, out: { b: "c" } },
  { name: "arrays replace arrays", doc: { a: ["b"] }, patch: { a: "c" }, out: { a: "c" } },
  { name: "a value replaces an array", doc: { a: "c" }, patch: { a: ["b"] }, out: { a: ["b"] } },
  { name: "objects merge recursively", doc: { a: { b: "c" } }, patch: { a: { b: "d", c: null } }, out: { a: { b: "d" } } },
  { name: "an array of objects is replaced, not merged", doc: { a: [{ b: "c" }] }, patch: { a: [1] }, out: { a: [1] } },
  { name: "nested nulls in a new object are pruned", doc: {}, patch: { a: { bb: { ccc: null } } }, out: { a: { bb: {} } } },
  { name: "an object replaces a scalar, without its nulls", doc: { a: "x" }, patch: { a: { b: null, c: 1 } }, out: { a: { c: 1 } } },
  { name: "nulls inside arrays stay", doc: {}, patch: { e: [null] }, out: { e: [null] } },
  { name: "nulls inside objects inside arrays go", doc: {}, patch: { e: [{ a: null, b: 1 }] }, out: { e: [{ b: 1 }] } },
  { name: "an empty patch changes nothing", doc: { a: 1 }, patch: {}, out: { a: 1 } },
  // Kubernetes shapes
  { name: "labels merge, a null removes one", doc: { metadata: { labels: { app: "web", tier: "fe" } } },
    patch: { metadata: { labels: { tier: null, v: "2" } } }, out: { metadata: { labels: { app: "web", v: "2" } } } },
  { name: "containers are replaced whole (no merge keys in merge patch)", doc: { spec: { containers: [{ name: "a" }, { name: "b" }] } },
    patch: { spec: { containers: [{ name: "a", image: "x" }] } }, out: { spec: { containers: [{ name: "a", image: "x" }] } } },
];

describe("jsonMergePatch follows RFC 7386 as evanphx/json-patch v4 does", () => {
  for (const c of cases) {
    test(c.name, () => {
      const before = JSON.stringify(c.doc);
      expect(jsonMergePatch(c.doc, c.patch)).toEqual(c.out);
      expect(JSON.stringify(c.doc)).toBe(before);
    });
  }

  test("a null patch is a 400 'Invalid JSON Patch'", () => {
    expect(() => jsonMergePatch({}, null)).toThrow(PatchError);
    expect(() => jsonMergePatch({}, null)).toThrow("Invalid JSON Patch");
  });

  test("a patch that is not an object is a 400 decoding error", () => {
    try {
      jsonMergePatch({}, [1, 2]);
      expect.unreachable();
    } catch (e) {
      expect((e as PatchError).status).toBe(400);
      expect((e as PatchError).message).toBe("error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}");
    }
  });
});

describe("createMergePatch", () => {
  test("keeps changes, nulls removals, replaces arrays whole", () => {
    const a = { metadata: { labels: { app: "web", tier: "fe" } }, spec: { list: [1, 2], same: [1] } };
    const b = { metadata: { labels: { app: "web", v: "2" } }, spec: { list: [1, 3], same: [1] } };
    const p = createMergePatch(a, b);
    expect(p).toEqual({ metadata: { labels: { tier: null, v: "2" } }, spec: { list: [1, 3] } });
    expect(jsonMergePatch(a, p)).toEqual(b);
  });

  test("is empty for equal documents", () => {
    expect(createMergePatch({ a: { b: 1 } }, { a: { b: 1 } })).toEqual({});
  });
});
