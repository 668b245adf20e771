import { describe, expect, it } from "vitest";
import { inBackoff, nextBackoff, shouldRestart } from "../../../durable/sim/kubelet/backoff";
import { expand, resolveArgv } from "../../../durable/sim/kubelet/expand";

describe("CrashLoopBackOff delays", () => {
  it("restarts at once, then waits 10 s, 20 s, 40 s … up to 5 m", () => {
    let entry;
    let t = 0;
    const delays: number[] = [];
    for (let crash = 0; crash < 9; crash++) {
      const finishedAt = t;
      let wait = 0;
      while (inBackoff(entry, finishedAt, finishedAt + wait)) wait += 1000;
      delays.push(wait / 1000);
      t = finishedAt + wait;
      entry = nextBackoff(entry, finishedAt, t);
      t += 1000; // the new instance crashes a second later
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });
  it("starts over when the container ran for more than 10 minutes", () => {
    const e = { delayMs: 160_000, lastUpdate: 0 };
    expect(inBackoff(e, 11 * 60_000, 11 * 60_000 + 1000)).toBe(false);
    expect(nextBackoff(e, 11 * 60_000, 11 * 60_000 + 1000).delayMs).toBe(10_000);
  });
  it.each([["Always", 0, true], ["Always", 1, true], ["OnFailure", 0, false], ["OnFailure", 2, true], ["Never", 1, false]])(
    "policy %s exit %d → restart %s", (p, code, want) => expect(shouldRestart(p as string, code as number, false)).toBe(want));
  it("always restarts sidecars", () => expect(shouldRestart("Never", 0, true)).toBe(true));
});

describe("$(VAR) expansion", () => {
  const vars: Record<string, string> = { A: "x", B: "y z" };
  const look = (n: string) => vars[n];
  it.each([
    ["$(A)", "x"], ["pre-$(A)-$(B)", "pre-x-y z"], ["$$(A)", "$(A)"], ["$(MISSING)", "$(MISSING)"], ["$(A", "$(A"],
    ["$HOME", "$HOME"], ["cost $", "cost $"], ["$$", "$"], ["$$$(A)", "$x"],
  ])("%j → %j", (input, want) => expect(expand(input, look)).toBe(want));
});

describe("command/args vs ENTRYPOINT/CMD", () => {
  const img = { entrypoint: ["/ep-1"], cmd: ["foo", "bar"] };
  it.each([
    [undefined, undefined, ["/ep-1", "foo", "bar"]],
    [["/ep-2"], undefined, ["/ep-2"]],
    [undefined, ["zoo", "boo"], ["/ep-1", "zoo", "boo"]],
    [["/ep-2"], ["zoo", "boo"], ["/ep-2", "zoo", "boo"]],
  ])("command %j args %j → %j", (command, args, want) => expect(resolveArgv(command, args, img)).toEqual(want));
});
