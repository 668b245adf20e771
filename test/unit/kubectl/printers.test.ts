// kubectl's generic printers: -o yaml as sigs.k8s.io/yaml writes it, -o json as
// json.MarshalIndent with four spaces, JSONPath templates and custom columns. The recorded
// kubectl v1.32 outputs of `get pod web -o yaml|json` (shared/spec/kubectl-logs) are the fixture.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printJson } from "../../../durable/sim/kubectl/print/json";
import { executeJsonPath } from "../../../durable/sim/kubectl/print/jsonpath";
import { printObject } from "../../../durable/sim/kubectl/print/output";
import { toYaml } from "../../../durable/sim/kubectl/print/yaml";
import { naturalLess, sortObjects } from "../../../durable/sim/kubectl/print/sort";
import { lines } from "./fixtures";

const fixture = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
const pod = () => JSON.parse(fixture("pod-web.json"));

describe("-o yaml", () => {
  it("prints the recorded `kubectl get pod web -o yaml` byte for byte", () => {
    expect(toYaml(pod())).toBe(fixture("pod-web.yaml"));
  });

  it("quotes strings that would read back as numbers, booleans, nulls or timestamps", () => {
    expect(toYaml({ cpu: "1", status: "True", t: "2025-01-27T10:00:00Z", empty: "", on: "on", mode: "0644", plain: "nginx:1.27" }))
      .toBe(lines('cpu: "1"', 'empty: ""', 'mode: "0644"', '"on": "on"', "plain: nginx:1.27", 'status: "True"', 't: "2025-01-27T10:00:00Z"'));
  });

  it("uses single quotes for indicators and literal blocks for multi-line strings", () => {
    expect(toYaml({ a: "- x", b: "key: value", c: "*", d: "echo hi\nsleep 1\n", e: "no newline\nat end" }))
      .toBe(lines("a: '- x'", "b: 'key: value'", "c: '*'", "d: |", "  echo hi", "  sleep 1", "e: |-", "  no newline", "  at end"));
  });

  it("double-quotes multi-line strings whose lines end in spaces, escaping breaks", () => {
    expect(toYaml({ args: ['echo "Hello World!"\ntail -f /dev/null \n'] })).toBe(lines("args:", '- "echo \\"Hello World!\\"\\ntail -f /dev/null \\n"'));
  });

  it("folds long plain strings after column 80, continuing two spaces deeper", () => {
    const message = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.";
    expect(toYaml({ status: { message } })).toBe(lines("status:",
      "  message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
      "    }, 2 Insufficient cpu.'"));
  });

  it("orders keys like go-yaml: digit runs numerically, other runes before letters", () => {
    expect(toYaml({ node10: 1, node9: 2, "a-b": 3, ab: 4, Zed: 5 })).toBe(lines("Zed: 5", "a-b: 3", "ab: 4", "node9: 2", "node10: 1"));
  });

  it("writes empty collections in flow style and lists under keys without extra indentation", () => {
    expect(toYaml({ metadata: {}, items: [], spec: { containers: [{ name: "c", args: ["-c"] }] } }))
      .toBe(lines("items: []", "metadata: {}", "spec:", "  containers:", "  - args:", "    - -c", "    name: c"));
  });
});

describe("-o json", () => {
  it("prints the recorded `kubectl get pod web -o json` byte for byte", () => {
    expect(printJson(pod())).toBe(fixture("pod-web.json"));
  });

  it("escapes HTML characters like Go and keeps empty objects compact", () => {
    expect(printJson({ a: "<b>&", o: {}, l: [] })).toBe(lines("{", '    "a": "\\u003cb\\u003e\\u0026",', '    "l": [],', '    "o": {}', "}"));
  });

  it("hides managedFields unless asked, and wraps lists as kind: List", () => {
    const p = { ...pod(), metadata: { ...pod().metadata, managedFields: [{ manager: "kubectl" }] } };
    const list = { apiVersion: "v1", items: [p], kind: "List", metadata: { resourceVersion: "" } };
    expect(printObject(list, { kind: "yaml" })).not.toContain("managedFields");
    expect(printObject(list, { kind: "yaml" }, { showManagedFields: true })).toContain("  - manager: kubectl");
    expect(printObject(list, { kind: "yaml" }).endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });
});

describe("JSONPath and custom columns", () => {
  const list = { kind: "List", items: [pod(), { ...pod(), metadata: { ...pod().metadata, name: "other" }, status: { phase: "Pending" } }] };

  it("ranges over items and prints string results raw", () => {
    expect(executeJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', list)).toBe(lines("web\tRunning", "other\tPending"));
  });

  it("joins several results with spaces and prints maps as compact JSON", () => {
    expect(executeJsonPath("{.items[*].metadata.name}", list)).toBe("web other");
    expect(executeJsonPath("{.items[0].metadata.labels}", list)).toBe('{"app":"web","version":"v2"}');
  });

  it("filters with [?()]", () => {
    expect(executeJsonPath('{.items[?(@.status.phase=="Pending")].metadata.name}', list)).toBe("other");
  });

  it("prints custom columns with <none> for missing values and Go's map formatting", () => {
    expect(printObject(list, { kind: "custom-columns", arg: "NAME:.metadata.name,NODE:.spec.nodeName,LABELS:.metadata.labels,X:.nope" })).toBe(lines(
      "NAME    NODE         LABELS                    X",
      "web     sim-node-1   map[app:web version:v2]   <none>",
      "other   sim-node-1   map[app:web version:v2]   <none>"));
  });
});

describe("--sort-by ordering", () => {
  it("compares strings naturally, digits before other bytes", () => {
    const sorted = ["pod-10", "pod-9", "pod-a", "pod-09", "pod-"].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    expect(sorted).toEqual(["pod-", "pod-9", "pod-09", "pod-10", "pod-a"]);
  });

  it("orders objects by quantity when both values are quantities, missing values first", () => {
    const objs = [{ n: "a", v: "1Gi" }, { n: "b", v: "512Mi" }, { n: "c" }, { n: "d", v: "2" }];
    expect(sortObjects(objs, ".v").map((o) => o.n)).toEqual(["c", "d", "b", "a"]);
  });

  it("leaves equal keys in Go's unstable sort.Sort order, not the input order", () => {
    const objs = Array.from({ length: 20 }, (_, i) => ({ n: i, k: i % 2 ? "b" : "a" }));
    const out = sortObjects(objs, ".k");
    expect(out.map((o) => o.k).join("")).toBe("a".repeat(10) + "b".repeat(10));
    expect(out.map((o) => o.n)).not.toEqual([...objs].sort((x, y) => x.k.localeCompare(y.k)).map((o) => o.n));
  });
});

describe("-o go-template", () => {
  const pod = { kind: "Pod", metadata: { name: "web", labels: { run: "web" } }, spec: { containers: [{ name: "a", ports: [{ containerPort: 80 }] }, { name: "b" }] }, status: { phase: "Running", restartCount: 1000000 } };
  const run = (t: string, o: unknown = pod) => printObject(o, { kind: "go-template", arg: t });

  it("prints fields, ranges with variables, conditionals and functions", () => {
    expect(run('{{range $i, $c := .spec.containers}}{{$i}}={{$c.name}};{{end}}')).toBe("0=a;1=b;");
    expect(run('{{if eq .status.phase "Pending"}}wait{{else if eq .status.phase "Running"}}up{{end}}')).toBe("up");
    expect(run('{{printf "%s has %d" .metadata.name (len .spec.containers)}} {{index .metadata.labels "run"}}')).toBe("web has 2 web");
    expect(run("{{- range .spec.containers -}} {{ .name }} {{- end }}")).toBe("ab");
  });

  it("prints missing keys as <no value>, maps the Go way and numbers as float64", () => {
    expect(run("{{.metadata.nope}}|{{.metadata.labels}}|{{.status.restartCount}}")).toBe("<no value>|map[run:web]|1e+06");
  });

  it("reports parse errors with the line, as kubectl does", () => {
    expect(() => run("{{.metadata.name")).toThrow("error: error parsing template {{.metadata.name, template: output:1: unclosed action");
    expect(() => run("{{$x}}")).toThrow('template: output:1: undefined variable "$x"');
    expect(() => run("{{nope .x}}")).toThrow('template: output:1: function "nope" not defined');
  });
});
