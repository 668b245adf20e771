// The 422 text: apimachinery's NewInvalid message (one error inline, several bracketed and
// comma-joined, duplicates dropped) and what kubectl prints from the Status causes.
import { describe, expect, it } from "vitest";
import { invalid, notSupported, required } from "../../../schema/validation/field-error";
import { formatInvalidMessage, invalidCauses, kubectlInvalidMessage } from "../../../schema/validation/invalid-message";
import { validatePodCreate } from "../../../schema/validation/pod";
import { podWith, prepare } from "./helpers";

const image = required("spec.containers[0].image");
const restart = notSupported("spec.restartPolicy", "Sometimes", ["Always", "OnFailure", "Never"]);

describe("Status.message", () => {
  it("prints one error inline", () => {
    expect(formatInvalidMessage("Pod", "noimage", [image])).toBe('Pod "noimage" is invalid: spec.containers[0].image: Required value');
  });
  it("brackets several errors", () => {
    expect(formatInvalidMessage("Pod", "web", [image, restart])).toBe(
      'Pod "web" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]');
  });
  it("drops repeated errors from the message but not from the causes", () => {
    expect(formatInvalidMessage("Pod", "web", [image, image])).toBe('Pod "web" is invalid: spec.containers[0].image: Required value');
    expect(invalidCauses([image, image])).toHaveLength(2);
  });
  it("builds causes like NewInvalid", () => {
    expect(invalidCauses([image, invalid("spec.containers[0].livenessProbe.successThreshold", 2, "must be 1")])).toEqual([
      { reason: "FieldValueRequired", message: "Required value", field: "spec.containers[0].image" },
      { reason: "FieldValueInvalid", message: "Invalid value: 2: must be 1", field: "spec.containers[0].livenessProbe.successThreshold" },
    ]);
  });
});

describe("kubectl's rendering", () => {
  it("prints a single cause after the colon", () => {
    expect(kubectlInvalidMessage("Pod", "noimage", [image])).toBe('The Pod "noimage" is invalid: spec.containers[0].image: Required value');
  });
  it("lists several causes as bullets", () => {
    const errs = validatePodCreate(prepare(podWith({ restartPolicy: "Sometimes", containers: [{ name: "web", image: "" }] })));
    expect(kubectlInvalidMessage("Pod", "web", errs)).toBe([
      'The Pod "web" is invalid: ',
      "* spec.containers[0].image: Required value",
      '* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ].join("\n"));
  });
});
