import { describe, expect, it } from "vitest";
import { nodeAffinity, pinnedNodeNames } from "../../../durable/sim/scheduler/plugins/node-affinity";
import { infoOf, node, pod, sp } from "./fixtures";

const REASON = "node(s) didn't match Pod's node affinity/selector";
const req = (...terms: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

describe("NodeAffinity filter", () => {
  const labels = { disktype: "ssd", zone: "a", cores: "8" };
  const cases: { name: string; spec: Record<string, unknown>; want?: string }[] = [
    { name: "no selector fits", spec: {} },
    { name: "a matching nodeSelector fits", spec: { nodeSelector: { disktype: "ssd" } } },
    { name: "a nodeSelector with another value is rejected", spec: { nodeSelector: { disktype: "hdd" } }, want: REASON },
    { name: "a nodeSelector on a missing label is rejected", spec: { nodeSelector: { gpu: "" } }, want: REASON },
    { name: "In matches", spec: req(expr("zone", "In", ["a", "b"])) },
    { name: "NotIn rejects a listed value", spec: req(expr("zone", "NotIn", ["a"])), want: REASON },
    { name: "NotIn matches a missing label", spec: req(expr("rack", "NotIn", ["x"])) },
    { name: "Exists matches", spec: req(expr("disktype", "Exists")) },
    { name: "DoesNotExist rejects a present label", spec: req(expr("disktype", "DoesNotExist")), want: REASON },
    { name: "Gt compares integers", spec: req(expr("cores", "Gt", ["4"])) },
    { name: "Lt compares integers", spec: req(expr("cores", "Lt", ["4"])), want: REASON },
    { name: "terms are ORed", spec: req(expr("zone", "In", ["b"]), expr("disktype", "In", ["ssd"])) },
    { name: "an empty term matches nothing", spec: req({}), want: REASON },
    { name: "matchFields on metadata.name matches the node name", spec: req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n"] }] }) },
    { name: "nodeSelector and affinity must both hold", spec: { nodeSelector: { disktype: "hdd" }, ...req(expr("zone", "In", ["a"])) }, want: REASON },
  ];
  it.each(cases)("$name", ({ spec, want }) => {
    const s = nodeAffinity.filter(sp(pod("p", { spec })), infoOf(node("n", { labels })));
    expect(s?.reasons[0]).toBe(want);
  });
});

describe("NodeAffinity prefilter", () => {
  it("narrows to the node names pinned by matchFields", () => {
    const p = pod("p", { spec: req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1", "n2"] }] }) });
    expect([...pinnedNodeNames(p)!]).toEqual(["n1", "n2"]);
    expect(nodeAffinity.preFilter(sp(p)).nodeNames?.size).toBe(2);
  });

  it("keeps all nodes when one term does not pin names", () => {
    const p = pod("p", { spec: req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }, expr("zone", "In", ["a"])) });
    expect(pinnedNodeNames(p)).toBeUndefined();
  });

  it("rejects conflicting names with 'pod affinity terms conflict'", () => {
    const p = pod("p", { spec: req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }, { key: "metadata.name", operator: "In", values: ["n2"] }] }) });
    expect(nodeAffinity.preFilter(sp(p)).status?.reasons).toEqual(["pod affinity terms conflict"]);
  });
});

describe("NodeAffinity score", () => {
  it("sums the weights of matching preferred terms and normalizes to 100", () => {
    const spec = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 10, preference: expr("zone", "In", ["a"]) }, { weight: 30, preference: expr("disktype", "In", ["ssd"]) }] } } };
    const p = sp(pod("p", { spec }));
    const nodes = [node("n1", { labels: { zone: "a" } }), node("n2", { labels: { zone: "a", disktype: "ssd" } }), node("n3")];
    expect(nodeAffinity.preScore!(p, [])).toBe(true);
    const s = nodes.map((n) => nodeAffinity.score(p, infoOf(n), { totalNodes: 3, imageNodes: () => 0 }));
    expect(s).toEqual([10, 40, 0]);
    nodeAffinity.normalize!(s);
    expect(s).toEqual([25, 100, 0]);
  });

  it("skips pods without preferred terms", () => {
    expect(nodeAffinity.preScore!(sp(pod("p")), [])).toBe(false);
  });
});
