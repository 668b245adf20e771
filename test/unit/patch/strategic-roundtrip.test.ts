// Generated round trips: for hundreds of seeded random Pod-like manifests, the patch computed by
// the diff side must turn the old object into the new one when the server side applies it.
// Two-way: exactly. Three-way: the manifest wins, and what the server added (a label, defaulted
// container fields) survives.
import { describe, expect, test } from "vitest";
import { serverSideApply } from "../../../durable/sim/api/patch/apply";
import { createThreeWayMergePatch, createTwoWayMergePatch, patchMetaFor, strategicMergePatch } from "../../../durable/sim/api/patch/strategic";

const pod = patchMetaFor("Pod");

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gen(r: () => number): Record<string, any> {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const subset = <T>(xs: T[]) => xs.filter(() => r() < 0.5).sort(() => r() - 0.5);
  const labels: Record<string, string> = { app: "web" };
  for (const k of subset(["a", "b", "c"])) labels[k] = pick(["1", "2"]);
  const names = subset(["c1", "c2", "c3", "c4"]);
  const containers = (names.length ? names : ["c1"]).map((name) => {
    const c: Record<string, any> = { name, image: pick(["nginx:1.25", "nginx:1.27", "busybox"]) };
    const env = subset(["E1", "E2", "E3"]).map((n) => ({ name: n, value: pick(["x", "y"]) }));
    if (env.length) c.env = env;
    const ports = subset([80, 443]).map((p) => ({ containerPort: p }));
    if (ports.length) c.ports = ports;
    if (r() < 0.4) c.command = subset(["sh", "-c", "sleep"]);
    return c;
  });
  const obj: Record<string, any> = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels }, spec: { containers } };
  const finalizers = subset(["f/1", "f/2", "f/3"]);
  if (finalizers.length) obj.metadata.finalizers = finalizers;
  const volumes = subset(["v1", "v2"]).map((name) => ({ name, ...pick([{ emptyDir: {} }, { configMap: { name: "cm" } }, { hostPath: { path: "/x" } }]) }));
  if (volumes.length) obj.spec.volumes = volumes;
  if (r() < 0.5) obj.spec.tolerations = subset([{ key: "a", operator: "Exists" }, { key: "b", operator: "Exists" }]);
  if (r() < 0.5) obj.spec.activeDeadlineSeconds = pick([60, 120]);
  return obj;
}

describe("strategic patches computed by the diff apply back exactly", () => {
  test("two-way: apply(original, diff(original, modified)) = modified, 400 seeded cases", { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const original = gen(r);
      const modified = gen(r);
      const patch = createTwoWayMergePatch(original, modified, pod);
      expect(strategicMergePatch(original, patch, pod), `seed ${seed}`).toEqual(modified);
    }
  });

  test("three-way: the manifest wins and server-side additions survive, 400 seeded cases", { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed * 7919);
      const original = gen(r);
      const modified = gen(r);
      const current = structuredClone(original);
      current.metadata.labels.server = "added";
      current.metadata.uid = "uid-1";
      for (const c of current.spec.containers) c.imagePullPolicy = "IfNotPresent";
      current.status = { phase: "Running" };
      const patch = createThreeWayMergePatch(original, modified, current, pod);
      const expected = structuredClone(modified);
      expected.metadata.labels.server = "added";
      expected.metadata.uid = "uid-1";
      const had = new Set(original.spec.containers.map((c: any) => c.name));
      for (const c of expected.spec.containers) if (had.has(c.name)) c.imagePullPolicy = "IfNotPresent";
      expected.status = { phase: "Running" };
      expect(strategicMergePatch(current, patch, pod), `seed ${seed}`).toEqual(expected);
    }
  });
});

describe("server-side apply by one manager converges on its latest configuration", () => {
  test("apply(apply(nothing, A), B) = B, 300 seeded cases", { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed * 104729);
      const a = gen(r);
      const b = gen(r);
      const first = serverSideApply(undefined, a, { manager: "m", now: 0 }).object as Record<string, any>;
      const second = serverSideApply(first, b, { manager: "m", now: 1000 }).object as Record<string, any>;
      delete second.metadata.managedFields;
      expect(second, `seed ${seed}`).toEqual(b);
    }
  });
});
