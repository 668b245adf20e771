// Every Pod manifest of the tutorial is accepted, defaulted and admitted as on a v1.32 cluster —
// except the two whose `restartPolicy: OnFailure# comment` has no space before `#`, which YAML
// reads as part of the value and a real API server refuses.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createErrors, prepare } from "./helpers";
import { TUTORIAL_MANIFESTS } from "./tutorial-manifests";

const GLUED_COMMENT = new Set(["4.restartPolicy.yaml", "5.restartPolicy.yaml"]);

describe("tutorial manifests", () => {
  for (const [file, text] of Object.entries(TUTORIAL_MANIFESTS)) {
    const manifest = parse(text);
    if (GLUED_COMMENT.has(file)) {
      it(`${file} is refused for its restartPolicy`, () => {
        expect(createErrors(manifest)).toEqual([
          `spec.restartPolicy: Unsupported value: "${manifest.spec.restartPolicy}": supported values: "Always", "OnFailure", "Never"`,
        ]);
        expect(manifest.spec.restartPolicy).toMatch(/^OnFailure# /);
      });
    } else {
      it(`${file} is valid`, () => expect(createErrors(manifest)).toEqual([]));
    }
  }

  it("kubectl run pods are valid, with and without --image-pull-policy", () => {
    for (const extra of [{}, { imagePullPolicy: "Never" }]) {
      const pod = { kind: "Pod", apiVersion: "v1", metadata: { name: "test-imagepolicy3", labels: { run: "test-imagepolicy3" } },
        spec: { containers: [{ name: "test-imagepolicy3", image: "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/nginx:1.27.5", resources: {}, ...extra }],
          restartPolicy: "Always", dnsPolicy: "ClusterFirst" } };
      expect(createErrors(pod)).toEqual([]);
    }
  });

  it("defaults the tutorial's pull policies and QoS classes", () => {
    expect(prepare(parse(TUTORIAL_MANIFESTS["2.pod.yaml"])).spec.containers.map((c: { imagePullPolicy: string }) => c.imagePullPolicy)).toEqual(["IfNotPresent", "IfNotPresent"]);
    const res = prepare(parse(TUTORIAL_MANIFESTS["4.pod_resources.yaml"]));
    expect(res.spec.containers[0].resources).toEqual({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "8", memory: "6Gi" } });
    expect(res.status.qosClass).toBe("Burstable");
    const env = prepare(parse(TUTORIAL_MANIFESTS["9.pod_env.yaml"]));
    expect(env.spec.containers[0].env[1]).toEqual({ name: "app", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels['app']" } } });
  });
});
