// Quantity parsing and canonical printing match apimachinery's resource.Quantity.
import { describe, expect, it } from "vitest";
import { canonicalQuantity, quantityMilli, quantityValue, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from "../../../schema/k8s/quantity";

describe("canonicalQuantity", () => {
  it.each([
    ["1", "1"], [1, "1"], [0.5, "500m"], ["0.5", "500m"], ["100m", "100m"], ["1000m", "1"], ["1500m", "1500m"],
    [2.5, "2500m"], ["1000", "1k"], ["1200", "1200"], ["12000", "12k"], ["0", "0"], ["0.000", "0"],
    ["1Gi", "1Gi"], ["6Gi", "6Gi"], ["1024Mi", "1Gi"], ["1536Mi", "1536Mi"], ["0.5Gi", "512Mi"], ["1.5Ki", "1536"],
    ["512Ki", "512Ki"], ["1000Ki", "1000Ki"], ["0.5Ki", "512"], ["128974848", "128974848"], ["129e6", "129e6"],
    ["1e3", "1e3"], ["123Mi", "123Mi"], ["1E", "1E"], ["-1", "-1"], ["+2", "2"], ["0.1n", "1n"], ["1.0000000001", "1000000001n"],
    ["  2  ", "2"], ["1.1Ki", "1126400m"], ["5M", "5M"], ["2Ti", "2Ti"], ["8Ei", "9223372036854775807"],
  ])("%s -> %s", (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it.each(["", "abc", "1Gb", "1 Gi", "1.2.3", "1g", "{", "true", "Gi"])("rejects %j with the format error", (input) => {
    expect(canonicalQuantity(input)).toEqual({ error: QUANTITY_FORMAT_ERROR });
  });

  it.each(["1mi", "1e", "1m5", "1KiB".slice(0, 3) + "m"])("rejects the suffix of %j", (input) => {
    expect(canonicalQuantity(input)).toEqual({ error: QUANTITY_SUFFIX_ERROR });
  });
});

describe("quantity arithmetic", () => {
  it("gives values in base units and millis rounded up", () => {
    expect(quantityValue("1Gi")).toBe(1073741824);
    expect(quantityValue("250m")).toBeCloseTo(0.25);
    expect(quantityMilli("1")).toBe(1000);
    expect(quantityMilli("0.5")).toBe(500);
    expect(quantityMilli("1n")).toBe(1);
    expect(Number.isNaN(quantityValue("x"))).toBe(true);
  });
});
