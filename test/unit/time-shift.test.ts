import { describe, expect, test } from "vitest";
import { presentationOffset, shiftJsonTimes, shiftLogTimes, shiftTime } from "../../durable/time-shift";

describe("presentation time shift", () => {
  test("shifts every timestamp-bearing key, keeps fractions, leaves other strings alone", () => {
    const pod = {
      metadata: { name: "2025-01-01T00:00:00Z", creationTimestamp: "2025-01-01T00:00:00Z", annotations: { note: "2025-01-01T00:00:00Z" },
        managedFields: [{ manager: "kubectl", time: "2025-01-01T00:00:00Z" }] },
      status: { startTime: "2025-01-01T00:00:01Z", conditions: [{ type: "Ready", lastProbeTime: null, lastTransitionTime: "2025-01-01T00:00:59Z" }],
        containerStatuses: [{ state: { running: { startedAt: "2025-12-31T23:59:59Z" } } }] },
      eventTime: "2025-01-01T00:00:00.123456Z", message: 'quoted \\"time\\":\\"2025-01-01T00:00:00Z\\"',
    };
    const out = JSON.parse(shiftJsonTimes(JSON.stringify(pod), 60_000));
    expect(out.metadata.name).toBe("2025-01-01T00:00:00Z");
    expect(out.metadata.annotations.note).toBe("2025-01-01T00:00:00Z");
    expect(out.metadata.creationTimestamp).toBe("2025-01-01T00:01:00Z");
    expect(out.metadata.managedFields[0].time).toBe("2025-01-01T00:01:00Z");
    expect(out.status.startTime).toBe("2025-01-01T00:01:01Z");
    expect(out.status.conditions[0]).toEqual({ type: "Ready", lastProbeTime: null, lastTransitionTime: "2025-01-01T00:01:59Z" });
    expect(out.status.containerStatuses[0].state.running.startedAt).toBe("2026-01-01T00:00:59Z");
    expect(out.eventTime).toBe("2025-01-01T00:01:00.123456Z");
    expect(out.message).toBe(pod.message);
  });

  test("negative offsets, no offset, no timestamps and watch lines", () => {
    const line = '{"type":"ADDED","object":{"metadata":{"creationTimestamp":"2025-01-01T00:00:00Z"}}}\n';
    expect(shiftJsonTimes(line, -1000)).toBe('{"type":"ADDED","object":{"metadata":{"creationTimestamp":"2024-12-31T23:59:59Z"}}}\n');
    expect(shiftJsonTimes(line, 0)).toBe(line);
    expect(shiftJsonTimes('{"a":"Z"}', 5000)).toBe('{"a":"Z"}');
    expect(shiftJsonTimes('{"time":"not-a-timeZ"}', 5000)).toBe('{"time":"not-a-timeZ"}');
  });

  test("log timestamps, single values and the whole-second offset", () => {
    expect(shiftLogTimes("2025-01-01T00:00:00.5Z hello\n2025-01-01T00:00:01Z bye\n", 2000)).toBe("2025-01-01T00:00:02.5Z hello\n2025-01-01T00:00:03Z bye\n");
    expect(shiftTime("2025-01-01T00:00:00Z", -30_000)).toBe("2024-12-31T23:59:30Z");
    expect(shiftTime("yesterday", 1000)).toBe("yesterday");
    expect(presentationOffset(10_600, 0)).toBe(11_000);
  });
});
