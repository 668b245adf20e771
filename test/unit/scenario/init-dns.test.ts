// Init containers that wait for Services by DNS (tutorial 3.10): the nslookup loop must notice
// the Services as soon as they exist, even after minutes of identical failing iterations.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { advance, apply, call, podRows, sandbox } from "./helpers";

const manifests = "test/e2e/lessons/manifests";

describe("init containers waiting on DNS", () => {
  it("stay Init:0/2 while the names do not resolve, then run once the Services exist", () => {
    const c = sandbox();
    apply(c, readFileSync(`${manifests}/init-containers.yaml`, "utf8"));
    advance(c, 300); // long enough for any loop fast-forwarding to kick in
    expect(podRows(c)[0].slice(0, 3)).toEqual(["myapp-pod", "0/1", "Init:0/2"]);
    for (const d of parseAllDocuments(readFileSync(`${manifests}/init-services.yaml`, "utf8"))) {
      expect(call(c, "POST", "/api/v1/namespaces/default/services", d.toJSON()).status).toBe(201);
    }
    advance(c, 10);
    expect(podRows(c)[0].slice(0, 3)).toEqual(["myapp-pod", "1/1", "Running"]);
    const log = call(c, "GET", "/api/v1/namespaces/default/pods/myapp-pod/log?container=init-myservice").body as { text: string };
    expect(log.text).toContain("waiting for myservice");
    expect(log.text).toMatch(/Name:\s+myservice\.default\.svc\.cluster\.local/);
  });
});
