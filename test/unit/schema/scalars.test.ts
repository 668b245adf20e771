// Pure helpers behind decode and OpenAPI: SHA-512, the JSON AST parser, Go time and base64 checks.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromJsonAst, parseJsonAst, toJsonAst } from "../../../schema/k8s/json-ast";
import { sha512Hex } from "../../../schema/k8s/sha512";
import { base64Error, parseGoTime } from "../../../schema/k8s/wire-scalars";

describe("sha512Hex", () => {
  it.each(["", "abc", "a".repeat(111), "a".repeat(112), "a".repeat(1000), "ünïcødé ✓ 😀", JSON.stringify({ x: [1, 2, 3] }).repeat(500)])(
    "matches node:crypto for %#", (text) => {
      expect(sha512Hex(text)).toBe(createHash("sha512").update(text, "utf8").digest("hex").toUpperCase());
    });
});

describe("parseJsonAst", () => {
  it("keeps repeated keys, key order and number literals", () => {
    const ast = parseJsonAst('{"b":1.0,"a":[true,null,"x"],"b":2e3}');
    expect(ast).toEqual({ t: "object", entries: [
      ["b", { t: "number", raw: "1.0", v: 1 }],
      ["a", { t: "array", items: [{ t: "bool", v: true }, { t: "null" }, { t: "string", v: "x" }] }],
      ["b", { t: "number", raw: "2e3", v: 2000 }],
    ] });
    expect(Object.keys(fromJsonAst(ast) as object)).toEqual(["b", "a"]);
    expect((fromJsonAst(ast) as { b: number }).b).toBe(2000);
  });

  it("decodes escapes and reports syntax errors like Go", () => {
    expect(fromJsonAst(parseJsonAst('"a\\n\\u00e9"'))).toBe("a\né");
    expect(() => parseJsonAst('{"a":1,}')).toThrow("invalid character '}' looking for beginning of object key string");
    expect(() => parseJsonAst('{"a":1')).toThrow("unexpected end of JSON input");
    expect(() => parseJsonAst("[1] x")).toThrow("invalid character 'x' after top-level value");
  });

  it("round-trips parsed values and keeps __proto__ as data", () => {
    const v = JSON.parse('{"__proto__":{"x":1},"n":[1,{"m":null}]}');
    const back = fromJsonAst(toJsonAst(v)) as Record<string, unknown>;
    expect(JSON.stringify(back)).toBe(JSON.stringify(v));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
});

describe("parseGoTime", () => {
  it("normalizes RFC 3339 to UTC seconds (MicroTime keeps 6 digits)", () => {
    expect(parseGoTime("2024-02-29T23:30:00+08:00", false)).toEqual({ value: "2024-02-29T15:30:00Z" });
    expect(parseGoTime("2024-01-01T00:00:00.5Z", false)).toEqual({ value: "2024-01-01T00:00:00Z" });
    expect(parseGoTime("1999-12-31T23:59:59-01:00", true)).toEqual({ value: "2000-01-01T00:59:59.000000Z" });
  });

  it("reports Go's parse errors", () => {
    expect(parseGoTime("yesterday", false)).toEqual({ error: 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"' });
    expect(parseGoTime("2024-01-01", false)).toEqual({ error: 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"' });
    expect(parseGoTime("2023-02-29T00:00:00Z", false)).toEqual({ error: 'parsing time "2023-02-29T00:00:00Z": day out of range' });
  });
});

describe("base64Error", () => {
  it("accepts standard base64 and reports the first bad byte", () => {
    expect(base64Error("aGVsbG8=")).toBeUndefined();
    expect(base64Error("")).toBeUndefined();
    expect(base64Error("aGVs!G8=")).toBe("illegal base64 data at input byte 4");
    expect(base64Error("aGVsbG8")).toBe("illegal base64 data at input byte 4");
  });
});
