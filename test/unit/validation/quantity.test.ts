// Quantities parse every form Kubernetes accepts, print in upstream's canonical form, and compare
// exactly (no floating point).
import { describe, expect, it } from "vitest";
import {
  add, cmp, formatQuantity, fromMilli, milliValue, parseQuantity, parseQuantityStrict, QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR, roundUp, sub, value,
} from "../../../schema/quantity";

const canon = (s: string | number) => formatQuantity(parseQuantity(s)!);

describe("canonical form", () => {
  it.each([
    ["0.5", "500m"], ["1.0", "1"], ["1000m", "1"], ["1.5", "1500m"], ["1024Mi", "1Gi"], ["1.5Gi", "1536Mi"],
    ["1000", "1k"], ["128974848", "128974848"], ["129e6", "129e6"], ["12e5", "1200e3"], ["1e3", "1e3"],
    ["500m", "500m"], ["1Gi", "1Gi"], ["100Mi", "100Mi"], ["2Gi", "2Gi"], ["6Gi", "6Gi"], ["0.5Ki", "512"],
    ["1.1Ki", "1126400m"], ["0", "0"], ["0.0", "0"], ["100u", "100u"], ["0.1m", "100u"], ["1n", "1n"],
    [".5", "500m"], ["8", "8"], ["250m", "250m"], ["10Gi", "10Gi"], ["1e1", "10"], ["-1", "-1"], ["-0.5", "-500m"],
    ["1M", "1M"], ["1000k", "1M"], ["1E", "1E"], ["2e-3", "2e-3"],
  ])("%s → %s", (input, out) => expect(canon(input)).toBe(out));

  it("keeps a kept input string verbatim like upstream (already-canonical fast path)", () => {
    expect(canon("+1")).toBe("+1");
    expect(canon("1E3")).toBe("1E3");
  });

  it.each([[1, "1"], [0.5, "500m"], [2, "2"], [1.5, "1500m"]])("JSON number %s → %s", (n, out) => expect(canon(n)).toBe(out));
});

describe("rounding", () => {
  it.each([["0.0001", "1m"], ["1n", "1m"], ["1.0001", "1001m"], ["500m", "500m"], ["1Gi", "1Gi"]])(
    "RoundUp(-3) of %s is %s", (input, out) => expect(formatQuantity(roundUp(parseQuantity(input)!, -3))).toBe(out));
  it("parses to nano precision, rounding up", () => expect(canon("0.0000000001")).toBe("1n"));
});

describe("errors", () => {
  it.each([
    ["", QUANTITY_FORMAT_ERROR], ["abc", QUANTITY_FORMAT_ERROR], ["1.2.3", QUANTITY_FORMAT_ERROR], ["1 Gi", QUANTITY_FORMAT_ERROR], ["1gi", QUANTITY_FORMAT_ERROR],
    ["1K", QUANTITY_SUFFIX_ERROR], ["1Mi2", QUANTITY_SUFFIX_ERROR], ["1e", QUANTITY_SUFFIX_ERROR],
  ])("%j → %s", (input, msg) => expect(parseQuantityStrict(input)).toEqual({ error: msg }));
  it("quotes the regular expression exactly", () => {
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

describe("values and arithmetic", () => {
  it.each([["1", 1000, 1], ["250m", 250, 1], ["1Gi", 1073741824000, 1073741824], ["0.0001", 1, 1], ["1.5", 1500, 2], ["128974848", 128974848000, 128974848]])(
    "%s: milli %d, value %d", (s, milli, v) => {
      const q = parseQuantity(s)!;
      expect(milliValue(q)).toBe(milli);
      expect(value(q)).toBe(v);
    });
  it("compares across formats", () => {
    expect(cmp(parseQuantity("1")!, parseQuantity("1000m")!)).toBe(0);
    expect(cmp(parseQuantity("1Gi")!, parseQuantity("1G")!)).toBe(1);
    expect(cmp(parseQuantity("300m")!, parseQuantity("50m")!)).toBe(1);
  });
  it("adds and subtracts exactly", () => {
    expect(formatQuantity(add(parseQuantity("0.1")!, parseQuantity("0.2")!))).toBe("300m");
    expect(formatQuantity(add(parseQuantity("1Gi")!, parseQuantity("1Gi")!))).toBe("2Gi");
    expect(formatQuantity(sub(parseQuantity("2")!, fromMilli(1340)))).toBe("660m");
  });
});
