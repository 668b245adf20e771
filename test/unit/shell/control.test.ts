import { describe, expect, test } from "vitest";
import { Sim } from "../runtime/harness";

const ASH = "busybox:1.36";
const DASH = "debian:bookworm";

function run(script: string, image = ASH, maxMs?: number) {
  return new Sim().script(script, image, maxMs);
}

describe("control flow", () => {
  const cases: [string, string, string][] = [
    ["if/elif/else picks the first true branch", `x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi`, "two\n"],
    ["while counts with arithmetic", `i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done`, "0\n1\n2\n"],
    ["until runs until the condition holds", `i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i`, "2\n"],
    ["for iterates over words", `for w in a b c; do printf %s $w; done; echo`, "abc\n"],
    ["for without in iterates over the positional parameters", `set -- x y; for a; do echo $a; done`, "x\ny\n"],
    ["break and continue", `for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done`, "1\n3\n"],
    ["break 2 leaves nested loops", `for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done; echo end`, "1a\nend\n"],
    ["case matches patterns with alternatives and globs", `for f in a.txt b.log c; do case $f in *.txt|*.md) echo text;; *.log) echo log;; *) echo other;; esac; done`, "text\nlog\nother\n"],
    ["functions take arguments and return a status", `f() { echo "in f: $1"; return 3; }; f hello; echo "st=$?"`, "in f: hello\nst=3\n"],
    ["local variables are restored after the function", `x=outer; f() { local x=inner; echo $x; }; f; echo $x`, "inner\nouter\n"],
    ["&& and || chain on status", `true && echo yes || echo no; false && echo yes || echo no`, "yes\nno\n"],
    ["! negates a pipeline", `! false; echo $?`, "0\n"],
    ["{ } groups run in the current shell", `x=1; { x=2; }; echo $x`, "2\n"],
    ["( ) subshells do not change the parent", `x=1; (x=2; echo in $x); echo out $x`, "in 2\nout 1\n"],
    ["pipelines connect stdout to stdin", `printf 'b\\na\\nc\\n' | sort | head -n 2`, "a\nb\n"],
    ["pipeline status is the last command's", `false | true; echo $?`, "0\n"],
    ["read splits a line into variables", `echo "alpha beta gamma" | { read a b; echo "$b|$a"; }`, "beta gamma|alpha\n"],
    ["while read loops over lines", `printf '1\\n2\\n' | while read n; do echo "n=$n"; done`, "n=1\nn=2\n"],
    ["eval runs a built string", `cmd='echo evaluated'; eval "$cmd"`, "evaluated\n"],
    ["set -e stops at the first failure", `set -e; echo one; false; echo two`, "one\n"],
    ["set -e ignores failures in conditions", `set -e; if false; then :; fi; false || true; echo survived`, "survived\n"],
    ["exit status of a script is its last command", `sh -c 'exit 7'; echo $?`, "7\n"],
  ];
  test.each(cases)("%s", (_name, script, out) => {
    expect(run(script).logs).toBe(out);
  });
});

describe("redirections", () => {
  test("> truncates, >> appends, < reads", () => {
    expect(run(`echo a > /tmp/f; echo b >> /tmp/f; cat < /tmp/f; echo c > /tmp/f; cat /tmp/f`).logs).toBe("a\nb\nc\n");
  });
  test("2>&1 sends stderr to stdout and 2>/dev/null discards it", () => {
    const r = run(`ls /nope 2>&1 | tr a-z A-Z; ls /nope 2>/dev/null; echo st=$?`);
    expect(r.logs).toBe("LS: /NOPE: NO SUCH FILE OR DIRECTORY\nst=1\n");
  });
  test("redirections of a builtin are undone afterwards", () => {
    expect(run(`echo inside > /tmp/x; echo outside; cat /tmp/x`).logs).toBe("outside\ninside\n");
  });
  test("redirection to a missing directory fails with the shell's message", () => {
    expect(run(`echo x > /nope/f; echo st=$?`, DASH).logs).toBe("sh: 1: cannot create /nope/f: Directory nonexistent\nst=2\n");
    expect(run(`echo x > /nope/f; echo st=$?`, ASH).logs).toBe("sh: can't create /nope/f: nonexistent directory\nst=1\n");
  });
  test("a compound command's output can be redirected", () => {
    expect(run(`{ echo 1; echo 2; } > /tmp/g; wc -l < /tmp/g`).logs).toBe("2\n");
  });
});

describe("exit codes and diagnostics", () => {
  test("command not found: dash names the line, ash does not, status 127", () => {
    expect(run(`seeep 6`, DASH)).toMatchObject({ stderr: "sh: 1: seeep: not found\n", code: 127 });
    expect(run(`seeep 6`, ASH)).toMatchObject({ stderr: "sh: seeep: not found\n", code: 127 });
    expect(run(`true\nseeep`, DASH).stderr).toBe("sh: 2: seeep: not found\n");
  });
  test("a file that is not executable gives 126", () => {
    expect(run(`echo 'echo hi' > /tmp/s; /tmp/s; echo st=$?`, DASH).logs).toBe("sh: 1: /tmp/s: Permission denied\nst=126\n");
  });
  test("syntax errors are reported after the commands before them ran", () => {
    const r = run(`echo before\nif true; then`, DASH);
    expect(r.logs).toBe('before\nsh: 2: Syntax error: end of file unexpected (expecting "fi")\n');
    expect(r.code).toBe(2);
    expect(run(`echo "unterminated`, ASH).stderr).toBe("sh: syntax error: unterminated quoted string\n");
    expect(run(`fi`, DASH).stderr).toBe('sh: 1: Syntax error: "fi" unexpected\n');
  });
  test("a signal-killed foreground command reports 128+n and the shell says so", () => {
    const r = run(`sh -c 'kill -9 $$'; echo st=$?`, DASH);
    expect(r.logs).toBe("Killed\nst=137\n");
  });
  test("exit with a bad number is an error", () => {
    expect(run(`exit abc`, DASH)).toMatchObject({ stderr: "sh: 1: exit: Illegal number: abc\n", code: 2 });
  });
  test("cd to a missing directory", () => {
    expect(run(`cd /nope; echo st=$?`, DASH).logs).toBe("sh: 1: cd: can't cd to /nope\nst=2\n");
    expect(run(`cd /nope; echo st=$?`, ASH).logs).toBe("sh: cd: can't cd to /nope: No such file or directory\nst=1\n");
  });
});

describe("traps", () => {
  test("the EXIT trap runs when the script ends", () => {
    expect(run(`trap 'echo bye' EXIT; echo work`).logs).toBe("work\nbye\n");
  });
  test("the EXIT trap runs on exit with the exit status kept", () => {
    const r = run(`trap 'echo cleanup' EXIT; exit 4`);
    expect(r.logs).toBe("cleanup\n");
    expect(r.code).toBe(4);
  });
  test("a TERM trap runs when wait is interrupted", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: ASH, argv: ["sh", "-c", "trap 'echo got TERM; exit 0' TERM; sleep 100 & wait"] });
    sim.advance(1000);
    sim.rt.signalContainer(cid, 15);
    sim.advance(100);
    expect(sim.rt.readLogs(cid)).toBe("got TERM\n");
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0, reason: "Completed" });
  });
  test("a trap waits for the foreground command to finish", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: DASH, argv: ["sh", "-c", "trap 'echo trapped' TERM; sleep 5; echo after"] });
    sim.advance(1000);
    sim.rt.signalContainer(cid, 15);
    sim.advance(1000);
    expect(sim.rt.readLogs(cid)).toBe("");
    sim.advance(4000);
    expect(sim.rt.readLogs(cid)).toBe("trapped\nafter\n");
  });
  test("trap lists the traps that are set", () => {
    expect(run(`trap 'echo x' INT TERM; trap`).logs).toBe("trap -- 'echo x' INT\ntrap -- 'echo x' TERM\n");
  });
});
