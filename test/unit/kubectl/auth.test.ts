import { describe, expect, it } from "vitest";
import { lab, lines } from "./fixtures";

describe("kubectl auth", () => {
  it("can-i asks the server and prints its answer", () => {
    const l = lab();
    expect(l.k("auth can-i create pods")).toMatchObject({ stdout: "yes\n", stderr: "", exitCode: 0 });
    expect(l.k("auth can-i get /healthz")).toMatchObject({ stdout: "yes\n", exitCode: 0 });
    expect(l.k("auth can-i -q delete nodes")).toMatchObject({ stdout: "", stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", exitCode: 0 });
    expect(l.k("auth can-i delete nodes -A")).toMatchObject({ stdout: "yes\n", stderr: "" });
    expect(l.k("auth can-i frobnicate widgets")).toMatchObject({ stdout: "yes\n",
      stderr: "Warning: the server doesn't have a resource type 'widgets'\n\nWarning: verb 'frobnicate' is not a known verb\n\n" });
    expect(l.k("auth can-i create")).toMatchObject({ exitCode: 1,
      stderr: "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n" });
  });

  it("whoami prints the user of the kubeconfig", () => {
    expect(lab().out("auth whoami")).toBe(lines("ATTRIBUTE   VALUE", "Username    kubernetes-admin", "Groups      [kubeadm:cluster-admins system:authenticated]"));
    expect(JSON.parse(lab().out("auth whoami -o json")).status.userInfo.username).toBe("kubernetes-admin");
  });
});
