// Go's text/tabwriter as kubectl configures it: get's writer (minwidth 6, padding 3, remembered
// widths across flushes) and describe's (minwidth 0, padding 2).
import { describe, expect, it } from "vitest";
import { DESCRIBE_TABWRITER, GET_TABWRITER, Tabwriter, tabify } from "../../../durable/sim/kubectl/print/tabwriter";
import { lines } from "./fixtures";

describe("the get tabwriter", () => {
  it("pads each column to its widest cell plus three spaces", () => {
    expect(tabify("NAME\tREADY\tSTATUS\nweb\t2/2\tRunning\ntester\t1/1\tRunning\n", GET_TABWRITER)).toBe(lines(
      "NAME     READY   STATUS",
      "web      2/2     Running",
      "tester   1/1     Running"));
  });

  it("never makes a column narrower than six characters", () => {
    expect(tabify("a\tb\tc\n", GET_TABWRITER)).toBe("a     b     c\n");
  });

  it("does not pad the last cell of a line and measures runes, not bytes", () => {
    expect(tabify("名前\tx\nab\ty\n", GET_TABWRITER)).toBe(lines("名前    x", "ab    y"));
  });

  it("remembers widths across flushes so watch rows stay aligned, and grows them", () => {
    const w = new Tabwriter(GET_TABWRITER);
    w.write("NAME\tSTATUS\tAGE\nweb\tRunning\t1s\n");
    const head = w.take();
    w.write("web\tTerminating\t3s\n");
    expect(head + w.take()).toBe(lines("NAME   STATUS    AGE", "web    Running   1s", "web    Terminating   3s"));
  });
});

describe("the describe tabwriter", () => {
  it("aligns label/value pairs with two spaces and no minimum", () => {
    expect(tabify("Name:\tweb\nNamespace:\tdefault\n", DESCRIBE_TABWRITER)).toBe(lines("Name:       web", "Namespace:  default"));
  });

  it("ends a column block at a line without tabs", () => {
    expect(tabify("Name:\tweb\nContainers:\n  Image:\tnginx\n", DESCRIBE_TABWRITER)).toBe(lines("Name:  web", "Containers:", "  Image:  nginx"));
  });
});
