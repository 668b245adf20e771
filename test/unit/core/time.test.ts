import { describe, expect, it } from "vitest";
import { goDuration, humanDuration, parseDuration, rfc1123z, rfc3339, rfc3339Micro, rfc3339Nano } from "../../../durable/sim/core/time";

describe("humanDuration prints ages like apimachinery's HumanDuration", () => {
  it.each([
    [-3000, "<invalid>"], [-1500, "0s"], [0, "0s"], [5_000, "5s"], [119_999, "119s"], [120_000, "2m"], [122_000, "2m2s"],
    [599_000, "9m59s"], [600_000, "10m"], [179 * 60_000, "179m"], [3 * 3600_000, "3h"], [(7 * 60 + 59) * 60_000, "7h59m"],
    [8 * 3600_000, "8h"], [47 * 3600_000, "47h"], [48 * 3600_000, "2d"], [(7 * 24 + 23) * 3600_000, "7d23h"],
    [10 * 86400_000, "10d"], [729 * 86400_000, "729d"], [(2 * 365 + 3) * 86400_000, "2y3d"], [9 * 365 * 86400_000, "9y"],
  ])("%d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe("goDuration prints like Go's time.Duration.String", () => {
  it.each([[0, "0s"], [890, "890ms"], [1210, "1.21s"], [27880, "27.88s"], [62500, "1m2.5s"], [300_000, "5m0s"], [80_000, "1m20s"], [3_600_000, "1h0m0s"], [0.5, "500µs"]])(
    "%d ms → %s", (ms, want) => expect(goDuration(ms)).toBe(want));
});

describe("parseDuration reads the clock API's durations", () => {
  it.each([["30s", 30_000], ["1m30s", 90_000], ["1.5h", 5_400_000], ["500ms", 500], ["2d", 172_800_000], ["0", 0]])(
    "%s → %d ms", (s, ms) => expect(parseDuration(s)).toBe(ms));
  it.each(["", "abc", "5x", "10 s", "-5s"])("rejects %j", (s) => expect(Number.isNaN(parseDuration(s))).toBe(true));
});

describe("timestamps are formatted like metav1", () => {
  const t = Date.UTC(2025, 0, 27, 10, 0, 1, 234);
  it("Time has whole seconds", () => expect(rfc3339(t)).toBe("2025-01-27T10:00:01Z"));
  it("MicroTime has six fraction digits", () => expect(rfc3339Micro(t)).toBe("2025-01-27T10:00:01.234000Z"));
  it("RFC3339Nano trims trailing zeros", () => expect(rfc3339Nano(t)).toBe("2025-01-27T10:00:01.234Z"));
  it("describe uses RFC1123Z", () => expect(rfc1123z(t)).toBe("Mon, 27 Jan 2025 10:00:01 +0000"));
});
