import { describe, expect, it } from "vitest";
import { Store, StoreConflict } from "../../../durable/sim/store/store";

const pod = (name: string, ns = "default") => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: ns }, spec: {} });

describe("the object store", () => {
  it("assigns increasing resourceVersions across resources", () => {
    const s = new Store();
    const a = s.create("pods", pod("a"));
    const b = s.create("configmaps", pod("b"));
    expect([a.metadata.resourceVersion, b.metadata.resourceVersion]).toEqual(["1", "2"]);
  });
  it("refuses duplicates, missing objects and stale versions", () => {
    const s = new Store();
    const a = s.create("pods", pod("a"));
    expect(() => s.create("pods", pod("a"))).toThrow(StoreConflict);
    expect(() => s.update("pods", pod("zz"))).toThrow(StoreConflict);
    s.update("pods", { ...a });
    expect(() => s.update("pods", { ...a }, a.metadata.resourceVersion)).toThrow(StoreConflict);
  });
  it("lists sorted by namespace then name", () => {
    const s = new Store();
    for (const [n, ns] of [["b", "x"], ["a", "y"], ["c", "x"], ["a", "x"]]) s.create("pods", pod(n, ns));
    expect(s.list("pods").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["x/a", "x/b", "x/c", "y/a"]);
    expect(s.list("pods", "y").length).toBe(1);
  });
  it("replays events after a resourceVersion and reports expiry beyond the history", () => {
    const s = new Store(2);
    for (const n of ["a", "b", "c", "d", "e"]) s.create("pods", pod(n));
    const ev = s.eventsSince(3);
    expect(ev !== "expired" && ev.map((e) => e.object.metadata.name)).toEqual(["d", "e"]);
    expect(s.eventsSince(1)).toBe("expired");
  });
  it("records DELETED with the previous object", () => {
    const s = new Store();
    s.create("pods", pod("a"));
    s.delete("pods", "default", "a");
    const ev = s.eventsSince(1);
    expect(ev !== "expired" && ev[0].type).toBe("DELETED");
    expect(s.get("pods", "default", "a")).toBeUndefined();
  });
  it("marks written objects dirty for the persister", () => {
    const s = new Store();
    s.create("pods", pod("a"));
    s.create("pods", pod("b"));
    expect(s.takeDirty().sort()).toEqual([["pods", "default/a"], ["pods", "default/b"]]);
    expect(s.takeDirty()).toEqual([]);
  });
});
