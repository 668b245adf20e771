import { describe, expect, it } from "vitest";
import { defaultNormalizeScore } from "../../../durable/sim/scheduler/framework";
import { taintToleration, toleratesTaint } from "../../../durable/sim/scheduler/plugins/taint-toleration";
import { infoOf, node, pod, sp } from "./fixtures";

const cp = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

describe("TaintToleration filter", () => {
  const cases = [
    { name: "an untainted node fits", taints: [], tolerations: [], want: undefined },
    { name: "the control-plane taint rejects with an empty value", taints: [cp], tolerations: [], want: "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }" },
    { name: "a valued taint shows its value", taints: [{ key: "dedicated", value: "gpu", effect: "NoExecute" }], tolerations: [], want: "node(s) had untolerated taint {dedicated: gpu}" },
    { name: "PreferNoSchedule never rejects", taints: [{ key: "soft", effect: "PreferNoSchedule" }], tolerations: [], want: undefined },
    { name: "an Exists toleration for the key tolerates", taints: [cp], tolerations: [{ key: cp.key, operator: "Exists", effect: "NoSchedule" }], want: undefined },
    { name: "an Equal toleration needs the same value", taints: [{ key: "k", value: "a", effect: "NoSchedule" }], tolerations: [{ key: "k", value: "b" }], want: "node(s) had untolerated taint {k: a}" },
    { name: "the first untolerated taint names the reason", taints: [{ key: "a", effect: "NoSchedule" }, { key: "b", effect: "NoSchedule" }],
      tolerations: [{ key: "a", operator: "Exists" }], want: "node(s) had untolerated taint {b: }" },
    { name: "the unreachable taint rejects pods without its toleration", taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }], tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
      want: "node(s) had untolerated taint {node.kubernetes.io/unreachable: }" },
  ];
  it.each(cases)("$name", ({ taints, tolerations, want }) => {
    const s = taintToleration.filter(sp(pod("p", { spec: { tolerations } })), infoOf(node("n", { taints })));
    expect(s?.reasons[0]).toBe(want);
  });

  it("matches upstream's ToleratesTaint rules", () => {
    expect(toleratesTaint({ operator: "Exists" }, { key: "x", effect: "NoExecute" })).toBe(true);
    expect(toleratesTaint({ key: "x", operator: "Exists", effect: "NoSchedule" }, { key: "x", effect: "NoExecute" })).toBe(false);
    expect(toleratesTaint({ key: "x" }, { key: "x", effect: "NoSchedule" })).toBe(true);
    expect(toleratesTaint({ key: "x", operator: "Bogus" }, { key: "x", effect: "NoSchedule" })).toBe(false);
  });
});

describe("TaintToleration score", () => {
  it("prefers nodes with fewer untolerated PreferNoSchedule taints", () => {
    const soft = (k: string) => ({ key: k, effect: "PreferNoSchedule" });
    const p = sp(pod("p", { spec: { tolerations: [{ key: "b", operator: "Exists", effect: "PreferNoSchedule" }] } }));
    const raw = [[], [soft("a")], [soft("a"), soft("c")], [soft("b")]].map((t, i) => taintToleration.score(p, infoOf(node(`n${i}`, { taints: t })), { totalNodes: 4, imageNodes: () => 0 }));
    expect(raw).toEqual([0, 1, 2, 0]);
    taintToleration.normalize!(raw);
    expect(raw).toEqual([100, 50, 0, 100]);
  });

  it("gives every node the maximum when no node has such taints", () => {
    const s = [0, 0, 0];
    defaultNormalizeScore(s, true);
    expect(s).toEqual([100, 100, 100]);
  });
});
