import { describe, expect, test } from "vitest";
import { parseScript } from "../../../durable/sim/shell/parser";
import { syntaxMessage } from "../../../durable/sim/shell/dialect";

describe("parser", () => {
  test("top-level commands remember whether end of input followed them (dash's parser_eof)", () => {
    expect(parseScript('echo "Hello World!"\ntail -f /dev/null \n').cmds.map((c) => c.eof)).toEqual([false, false]);
    expect(parseScript("sleep 20\nexec nginx").cmds.map((c) => c.eof)).toEqual([false, true]);
    expect(parseScript("sleep 3600").cmds.map((c) => c.eof)).toEqual([true]);
  });

  test("comments, line continuations and here-documents", () => {
    const s = parseScript("echo a \\\n b # comment\ncat <<EOF\nline $x\nEOF\n");
    expect(s.error).toBeUndefined();
    expect(s.cmds.length).toBe(2);
    const cat = s.cmds[1].node;
    expect(cat.t === "simple" && cat.redirs[0].here?.body.parts.map((p) => p.t)).toEqual(["sq", "param", "sq"]);
  });

  test("assignments only count before the command word", () => {
    const n = parseScript("A=1 B=2 env C=3").cmds[0].node;
    expect(n.t === "simple" && [n.assigns.map((a) => a.name), n.words.length]).toEqual([["A", "B"], 2]);
  });

  const errors: [string, string, string, string][] = [
    ["if true; then echo", 'Syntax error: end of file unexpected (expecting "fi")', 'syntax error: unexpected end of file (expecting "fi")', "syntax error: unexpected end of file"],
    ["fi", 'Syntax error: "fi" unexpected', 'syntax error: unexpected "fi"', "syntax error near unexpected token `fi'"],
    ['echo "abc', "Syntax error: Unterminated quoted string", "syntax error: unterminated quoted string", "unexpected EOF while looking for matching `\"'"],
    ["while true do echo; done", 'Syntax error: "done" unexpected', 'syntax error: unexpected "done"', "syntax error near unexpected token `done'"],
    ["echo a (b)", 'Syntax error: "(" unexpected', 'syntax error: unexpected "("', "syntax error near unexpected token `('"],
    ["case x in a) echo;; ", 'Syntax error: end of file unexpected (expecting ")")', 'syntax error: unexpected end of file (expecting ")")', "syntax error: unexpected end of file"],
  ];
  test.each(errors)("%j is reported as dash, ash and bash report it", (src, dash, ash, bash) => {
    const e = parseScript(src).error!;
    expect(e).toBeDefined();
    expect([syntaxMessage("dash", e), syntaxMessage("ash", e), syntaxMessage("bash", e)]).toEqual([dash, ash, bash]);
  });

  test("incomplete input is flagged so an interactive shell asks for more", () => {
    expect(parseScript("for i in 1 2; do\n").incomplete).toBe(true);
    expect(parseScript("fi\n").incomplete).toBe(false);
  });

  test("bash accepts any word as a function name, dash does not", () => {
    expect(parseScript(":(){ :|:& };:", { bash: true }).error).toBeUndefined();
    expect(parseScript(":(){ :|:& };:").error?.what).toBe("Bad function name");
  });
});
