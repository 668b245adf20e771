import { describe, expect, it } from "vitest";
import { imageLocality, imageScore, normalizedImageName } from "../../../durable/sim/scheduler/plugins/image-locality";
import { infoOf, node, pod, sp } from "./fixtures";

const MB = 1024 * 1024;

describe("ImageLocality", () => {
  it.each([
    ["nginx", "nginx:latest"],
    ["nginx:1.27", "nginx:1.27"],
    ["localhost:5000/app", "localhost:5000/app:latest"],
    ["docker.io/library/nginx:1.27", "docker.io/library/nginx:1.27"],
  ])("normalizes %s to %s", (a, b) => expect(normalizedImageName(a)).toBe(b));

  it.each([
    { name: "nothing below 23MB", sum: 10 * MB, containers: 1, want: 0 },
    { name: "saturates at 1000MB per container", sum: 5000 * MB, containers: 1, want: 100 },
    { name: "scales in between", sum: 511.5 * MB, containers: 1, want: 50 },
  ])("$name", ({ sum, containers, want }) => expect(imageScore(sum, containers)).toBe(want));

  it("scores a node holding the image by size times spread", () => {
    const n = infoOf(node("n", { images: [{ names: ["nginx:1.27"], sizeBytes: 500 * MB }] }));
    const ctx = { totalNodes: 2, imageNodes: () => 1 };
    // 500MB * 1/2 = 250MB -> (250-23)*100/(1000-23) = 23
    expect(imageLocality.score(sp(pod("p", { image: "nginx:1.27" })), n, ctx)).toBe(23);
    expect(imageLocality.score(sp(pod("p", { image: "redis" })), n, ctx)).toBe(0);
  });
});
