import { describe, expect, it } from "vitest";
import { restoreSandbox } from "../../../durable/sim/sandbox";
import { advance, apply, call, sandbox } from "./helpers";

const POD = (name: string) => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo hello; sleep 5; exit 1"]
`;

function script(seed: string) {
  const c = sandbox(seed);
  apply(c, POD("a"));
  advance(c, 3);
  apply(c, POD("b"));
  advance(c, 40);
  call(c, "DELETE", "/api/v1/namespaces/default/pods/a");
  advance(c, 30);
  return c;
}

describe("determinism", () => {
  it("gives byte-identical state for the same seed and commands", () => {
    expect(JSON.stringify(script("s1").save())).toBe(JSON.stringify(script("s1").save()));
  });
  it("differs for another seed (uids, names, IPs come from the seeded generator)", () => {
    expect(JSON.stringify(script("s1").save())).not.toBe(JSON.stringify(script("s2").save()));
  });
  it("continues identically after a save/restore round trip", () => {
    const a = script("s3");
    const b = restoreSandbox(JSON.parse(JSON.stringify(a.save())));
    for (const c of [a, b]) {
      apply(c, POD("after"));
      advance(c, 60);
    }
    const strip = (s: ReturnType<typeof a.save>) => JSON.stringify({ ...s, trace: undefined });
    expect(strip(b.save())).toBe(strip(a.save()));
  });
});
