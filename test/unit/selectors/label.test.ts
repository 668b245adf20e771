// Label selectors (`kubectl get -l`, `labelSelector=`) and metav1.LabelSelector objects, with
// the apiserver's grammar and 400 messages.
import { describe, expect, test } from "vitest";
import {
  labelSelectorFromObject, labelSelectorFromSet, labelSelectorString, matchesLabelSelector, parseLabelSelector, SelectorError,
} from "../../../durable/sim/api/selectors/label";

const web = { app: "web", tier: "frontend", version: "2" };
const db = { app: "db", tier: "backend" };
const bare = {};

const matching: [string, boolean, boolean, boolean][] = [
  // selector, matches web, db, bare
  ["", true, true, true],
  ["app=web", true, false, false],
  ["app==web", true, false, false],
  ["app!=web", false, true, true],
  ["tier in (frontend,backend)", true, true, false],
  ["tier notin (frontend)", false, true, true],
  ["app", true, true, false],
  ["!version", false, true, true],
  ["app=web,tier=frontend", true, false, false],
  ["app=web,tier=backend", false, false, false],
  ["  app = web ,  tier in ( frontend , x )  ", true, false, false],
  ["version>1", true, false, false],
  ["version<2", false, false, false],
  ["app in (in)", false, false, false],
  ["tier notin (notin)", true, true, true],
  ["app=", false, false, false],
  ["app in (,web)", true, false, false],
  ["app in ()", false, false, false],
];

describe("label selector strings select like the apiserver", () => {
  for (const [sel, w, d, b] of matching) {
    test(`'${sel}'`, () => {
      const s = parseLabelSelector(sel);
      expect([matchesLabelSelector(s, web), matchesLabelSelector(s, db), matchesLabelSelector(s, bare)]).toEqual([w, d, b]);
    });
  }

  test("requirements are sorted by key and print back canonically", () => {
    expect(labelSelectorString(parseLabelSelector("tier in (b, a),!x, app==web,env"))).toBe("app==web,env,tier in (a,b),!x");
    expect(parseLabelSelector("x in (a,,b)").requirements[0].values).toEqual(["", "a", "b"]);
  });
});

const QNAME = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const errors: [string, string][] = [
  ["app:monolith", `unable to parse requirement: <nil>: Invalid value: "app:monolith": name part ${QNAME}`],
  ["a/b/c=x", `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${QNAME} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
  ["app.kubernetes_io/name=x", "unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a lowercase RFC 1123 subdomain " +
    "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
    "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"],
  ["app=a_", "unable to parse requirement: values[0][app]: Invalid value: \"a_\": a valid label must be an empty string or consist of " +
    "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
    "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a b", "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'"],
  ["app=web,", "found '', expected: identifier after ','"],
  [",app", "found ',', expected: !, identifier, or 'end of string'"],
  ["x in a", "unable to parse requirement: found 'a' expected: '('"],
  ["x in (a", "unable to parse requirement: found '', expected: ',' or ')'"],
  ["x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"],
  ["x>a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ["x=a=b", "found '=', expected: ',' or 'end of string'"],
  ["!x=y", "found '=', expected: ',' or 'end of string'"],
  ["x=(", "unable to parse requirement: found '(', expected: identifier"],
];

describe("malformed label selectors give the apiserver's 400 message", () => {
  for (const [sel, msg] of errors) {
    test(`'${sel}'`, () => {
      let err: unknown;
      try {
        parseLabelSelector(sel);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SelectorError);
      expect((err as SelectorError).message).toBe(msg);
      expect((err as SelectorError).status).toBe(400);
    });
  }
});

describe("metav1.LabelSelector objects", () => {
  test("matchLabels and matchExpressions are ANDed", () => {
    const s = labelSelectorFromObject({
      matchLabels: { app: "web" },
      matchExpressions: [{ key: "tier", operator: "In", values: ["frontend", "x"] }, { key: "canary", operator: "DoesNotExist" },
        { key: "version", operator: "Exists" }, { key: "zone", operator: "NotIn", values: ["a"] }],
    });
    expect(matchesLabelSelector(s, web)).toBe(true);
    expect(matchesLabelSelector(s, { ...web, canary: "1" })).toBe(false);
    expect(labelSelectorString(s)).toBe("app=web,!canary,tier in (frontend,x),version,zone notin (a)");
  });

  test("a nil selector matches nothing, an empty one everything", () => {
    expect(matchesLabelSelector(labelSelectorFromObject(null), web)).toBe(false);
    expect(matchesLabelSelector(labelSelectorFromObject({}), web)).toBe(true);
  });

  test("bad operators and empty value sets are rejected with upstream messages", () => {
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: "a", operator: "Foo" }] }))
      .toThrow('"Foo" is not a valid label selector operator');
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: "a", operator: "In", values: [] }] }))
      .toThrow("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }))
      .toThrow('values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist');
    expect(() => labelSelectorFromObject({ matchLabels: { "bad key": "v" } })).toThrow('key: Invalid value: "bad key"');
  });

  test("a Service selector map selects pods with every label", () => {
    const s = labelSelectorFromSet({ tier: "frontend", app: "web" });
    expect(labelSelectorString(s)).toBe("app=web,tier=frontend");
    expect(matchesLabelSelector(s, web)).toBe(true);
    expect(matchesLabelSelector(s, db)).toBe(false);
    expect(matchesLabelSelector(labelSelectorFromSet({}), db)).toBe(true);
  });
});
