import { describe, expect, test } from "vitest";
import { Sim } from "../runtime/harness";

describe("smoke", () => {
  test("echo works", () => {
    const sim = new Sim();
    const r = sim.script('echo "Hello World!"; x=3; echo $((x+1)) ${y:-def} $(echo sub)');
    console.log(JSON.stringify(r));
    expect(r.logs).toBe("Hello World!\n4 def sub\n");
  });
});
