// Command-line handling of the runner: shell-style word splitting, pflag parsing (values,
// shorthands, `--`), and the exact error texts and exit codes cobra/pflag produce.
import { describe, expect, it } from "vitest";
import { splitCommandLine } from "../../../durable/sim/kubectl/argv";
import { parseFlags } from "../../../durable/sim/kubectl/flags";
import { lab, lines } from "./fixtures";

describe("the command line", () => {
  it("splits words like a shell, honouring quotes and backslashes", () => {
    expect(splitCommandLine(`kubectl exec web -- sh -c 'echo "a b"' "c d" e\\ f`)).toEqual({ argv: ["kubectl", "exec", "web", "--", "sh", "-c", 'echo "a b"', "c d", "e f"] });
    expect(splitCommandLine("kubectl get 'pods")).toEqual({ error: "unexpected EOF while looking for matching `''" });
  });

  it("parses long, short, attached and combined flags like pflag", () => {
    const specs = [{ name: "output", short: "o", type: "string" as const }, { name: "stdin", short: "i", type: "bool" as const },
      { name: "tty", short: "t", type: "bool" as const }, { name: "env", type: "stringArray" as const }];
    const p = parseFlags(["web", "-owide", "-it", "--env=A=1", "--env", "B=2", "--", "ls", "-l"], specs);
    expect(p.values).toMatchObject({ output: "wide", stdin: true, tty: true, env: ["A=1", "B=2"] });
    expect(p.args).toEqual(["web", "ls", "-l"]);
    expect(p.dashAt).toBe(1);
  });
});

describe("errors print what kubectl prints", () => {
  const { k } = lab();

  it("an unknown flag", () => {
    expect(k("kubectl get pods --bogus")).toEqual({ stdout: "", stderr: lines("Error: unknown flag: --bogus", "See 'kubectl get --help' for usage."), exitCode: 1 });
  });

  it("an unknown shorthand, a missing value, a bad boolean", () => {
    expect(k("get pods -z").stderr).toBe(lines("Error: unknown shorthand flag: 'z' in -z", "See 'kubectl get --help' for usage."));
    expect(k("get pods -n").stderr).toBe(lines("Error: flag needs an argument: 'n' in -n", "See 'kubectl get --help' for usage."));
    expect(k("get pods -w=x").stderr).toBe(lines(`Error: invalid argument "x" for "-w, --watch" flag: strconv.ParseBool: parsing "x": invalid syntax`, "See 'kubectl get --help' for usage."));
  });

  it("an unknown command, with suggestions", () => {
    expect(k("kubectl foo")).toEqual({ stdout: "", stderr: 'Error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n\n', exitCode: 1 });
  });

  it("a missing resource type", () => {
    expect(k("kubectl get")).toEqual({
      stdout: "",
      stderr: lines(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.`, "",
        "error: Required resource not specified.", `Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).`,
        "See 'kubectl get -h' for help and examples"),
      exitCode: 1,
    });
  });

  it("an unknown resource type and a missing object", () => {
    expect(k("get foo")).toEqual({ stdout: "", stderr: `error: the server doesn't have a resource type "foo"\n`, exitCode: 1 });
    expect(k("get pod nope")).toEqual({ stdout: "", stderr: `Error from server (NotFound): pods "nope" not found\n`, exitCode: 1 });
    expect(k("get pod nope --ignore-not-found")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(k("logs nope")).toEqual({ stdout: "", stderr: `error: error from server (NotFound): pods "nope" not found in namespace "default"\n`, exitCode: 1 });
  });
});
