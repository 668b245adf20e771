// Three-way and two-way strategic merge patch computation (kubectl apply / kubectl edit): the
// patch keeps changes made by others, deletes only what the user applied before and dropped,
// and carries the directives kubectl emits. Each case also applies its patch on the server side.
import { describe, expect, test } from "vitest";
import { goJson } from "../../../durable/sim/api/patch/json-value";
import {
  createThreeWayMergePatch, createTwoWayMergePatch, patchMetaFor, strategicMergePatch,
} from "../../../durable/sim/api/patch/strategic";

const pod = patchMetaFor("Pod");
const ctr = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: "1", ...extra });

interface Case {
  name: string;
  original: Record<string, any>;
  modified: Record<string, any>;
  current: Record<string, any>;
  patch: string;
  result: (r: Record<string, any>) => void;
}

const cases: Case[] = [
  {
    name: "a container dropped from the manifest is deleted by merge key",
    original: { spec: { containers: [ctr("a"), ctr("b")] } },
    modified: { spec: { containers: [ctr("a")] } },
    current: { spec: { containers: [ctr("a", { imagePullPolicy: "Always" }), ctr("b")] }, status: { phase: "Running" } },
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}',
    result: (r) => expect(r.spec.containers).toEqual([ctr("a", { imagePullPolicy: "Always" })]),
  },
  {
    name: "reordering containers sends only $setElementOrder",
    original: { spec: { containers: [ctr("a"), ctr("b")] } },
    modified: { spec: { containers: [ctr("b"), ctr("a")] } },
    current: { spec: { containers: [ctr("a"), ctr("b")] } },
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}',
    result: (r) => expect(r.spec.containers.map((c: any) => c.name)).toEqual(["b", "a"]),
  },
  {
    name: "a new container is sent whole, placed by $setElementOrder",
    original: { spec: { containers: [ctr("a")] } },
    modified: { spec: { containers: [ctr("a"), ctr("b")] } },
    current: { spec: { containers: [ctr("a", { resources: {} })] } },
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"1","name":"b"}]}}',
    result: (r) => expect(r.spec.containers).toEqual([ctr("a", { resources: {} }), ctr("b")]),
  },
  {
    name: "labels added by someone else survive; labels dropped from the manifest are deleted",
    original: { metadata: { labels: { app: "web", tier: "frontend" } } },
    modified: { metadata: { labels: { app: "web" } } },
    current: { metadata: { labels: { app: "web", tier: "frontend", team: "blue" } } },
    patch: '{"metadata":{"labels":{"tier":null}}}',
    result: (r) => expect(r.metadata.labels).toEqual({ app: "web", team: "blue" }),
  },
  {
    name: "an out-of-band change to an applied field is overwritten",
    original: { spec: { activeDeadlineSeconds: 60 } },
    modified: { spec: { activeDeadlineSeconds: 60 } },
    current: { spec: { activeDeadlineSeconds: 30 } },
    patch: '{"spec":{"activeDeadlineSeconds":60}}',
    result: (r) => expect(r.spec.activeDeadlineSeconds).toBe(60),
  },
  {
    name: "nothing to do gives {}",
    original: { metadata: { labels: { app: "web" } } },
    modified: { metadata: { labels: { app: "web" } } },
    current: { metadata: { labels: { app: "web", extra: "x" }, uid: "u" }, status: {} },
    patch: "{}",
    result: (r) => expect(r.metadata.labels).toEqual({ app: "web", extra: "x" }),
  },
  {
    name: "a finalizer added to the manifest",
    original: { metadata: { finalizers: ["a"] } },
    modified: { metadata: { finalizers: ["a", "b"] } },
    current: { metadata: { finalizers: ["a"] } },
    patch: '{"metadata":{"$setElementOrder/finalizers":["a","b"],"finalizers":["b"]}}',
    result: (r) => expect(r.metadata.finalizers).toEqual(["a", "b"]),
  },
  {
    name: "a finalizer dropped from the manifest uses $deleteFromPrimitiveList and keeps others' entries",
    original: { metadata: { finalizers: ["a", "b"] } },
    modified: { metadata: { finalizers: ["a"] } },
    current: { metadata: { finalizers: ["a", "b", "c"] } },
    patch: '{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a"]}}',
    result: (r) => expect(r.metadata.finalizers).toEqual(["a", "c"]),
  },
  {
    name: "switching a volume source sends $retainKeys",
    original: { spec: { volumes: [{ name: "data", emptyDir: {} }] } },
    modified: { spec: { volumes: [{ name: "data", configMap: { name: "cm" } }] } },
    current: { spec: { volumes: [{ name: "data", emptyDir: {} }] } },
    patch: '{"spec":{"$setElementOrder/volumes":[{"name":"data"}],"volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cm"},"emptyDir":null,"name":"data"}]}}',
    result: (r) => expect(r.spec.volumes).toEqual([{ name: "data", configMap: { name: "cm" } }]),
  },
  {
    name: "an env var changed inside a container",
    original: { spec: { containers: [ctr("a", { env: [{ name: "X", value: "1" }] })] } },
    modified: { spec: { containers: [ctr("a", { env: [{ name: "X", value: "2" }] })] } },
    current: { spec: { containers: [ctr("a", { env: [{ name: "X", value: "1" }] })] } },
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$setElementOrder/env":[{"name":"X"}],"env":[{"name":"X","value":"2"}],"name":"a"}]}}',
    result: (r) => expect(r.spec.containers[0].env).toEqual([{ name: "X", value: "2" }]),
  },
  {
    name: "an atomic list is sent whole when it changes",
    original: { spec: { containers: [ctr("a", { command: ["sleep", "1"] })] } },
    modified: { spec: { containers: [ctr("a", { command: ["sleep", "2"] })] } },
    current: { spec: { containers: [ctr("a", { command: ["sleep", "1"] })] } },
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"command":["sleep","2"],"name":"a"}]}}',
    result: (r) => expect(r.spec.containers[0].command).toEqual(["sleep", "2"]),
  },
  {
    name: "without a last-applied annotation nothing is deleted",
    original: {},
    modified: { metadata: { labels: { app: "web", x: "y" } } },
    current: { metadata: { labels: { app: "web", old: "1" } } },
    patch: '{"metadata":{"labels":{"x":"y"}}}',
    result: (r) => expect(r.metadata.labels).toEqual({ app: "web", old: "1", x: "y" }),
  },
];

describe("createThreeWayMergePatch computes kubectl's apply patch", () => {
  for (const c of cases) {
    test(c.name, () => {
      const before = JSON.stringify([c.original, c.modified, c.current]);
      const patch = createThreeWayMergePatch(c.original, c.modified, c.current, pod);
      expect(goJson(patch)).toBe(c.patch);
      expect(JSON.stringify([c.original, c.modified, c.current])).toBe(before);
      c.result(strategicMergePatch(c.current, patch, pod) as Record<string, any>);
    });
  }
});

describe("createTwoWayMergePatch", () => {
  test("turns original into modified with nulls for removed keys", () => {
    const original = { metadata: { labels: { a: "1", b: "2" } }, spec: { containers: [ctr("a"), ctr("b")] } };
    const modified = { metadata: { labels: { a: "1", c: "3" } }, spec: { containers: [ctr("a", { image: "2" })] } };
    const patch = createTwoWayMergePatch(original, modified, pod);
    expect(goJson(patch)).toBe('{"metadata":{"labels":{"b":null,"c":"3"}},"spec":{"$setElementOrder/containers":[{"name":"a"}],' +
      '"containers":[{"image":"2","name":"a"},{"$patch":"delete","name":"b"}]}}');
    expect(strategicMergePatch(original, patch, pod)).toEqual(modified);
  });

  test("is empty for equal documents", () => {
    expect(createTwoWayMergePatch({ a: { b: [1, 2] } }, { a: { b: [1, 2] } }, pod)).toEqual({});
  });
});
