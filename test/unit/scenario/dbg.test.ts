import { it } from "vitest";
import { advance, call, podRows, sandbox } from "./helpers";
it("dbg", () => {
  const c = sandbox();
  advance(c, 5);
  console.log(podRows(c, "kube-system").map((r) => r.join(" ")).join("\n"));
  const evs = call(c, "GET", "/api/v1/namespaces/kube-system/events").body.items.map((e: any) => `${e.involvedObject.name} ${e.reason} ${e.message}`);
  console.log(evs.slice(0, 20).join("\n"));
});
