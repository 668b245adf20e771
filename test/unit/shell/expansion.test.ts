import { describe, expect, test } from "vitest";
import { Sim } from "../runtime/harness";

const ASH = "busybox:1.36";
const DASH = "debian:bookworm";

function run(script: string, image = ASH) {
  return new Sim().script(script, image);
}

describe("quoting and word expansion", () => {
  const cases: [string, string, string][] = [
    ["single quotes keep everything literal", `echo '$HOME "x" \\n'`, `$HOME "x" \\n\n`],
    ["double quotes expand parameters but keep spaces", `x='a  b'; echo "$x"`, "a  b\n"],
    ["unquoted expansion is split on IFS", `x='a  b   c'; printf '[%s]' $x; echo`, "[a][b][c]\n"],
    ["printf prints a trailing lone backslash as is", `printf 'a\\'; echo`, "a\\\n"],
    ["an empty unquoted expansion produces no field", `x=; printf '[%s]' a $x b; echo`, "[a][b]\n"],
    ["an empty quoted expansion produces an empty field", `x=; printf '[%s]' a "$x" b; echo`, "[a][][b]\n"],
    ["backslash escapes a space", `printf '[%s]' a\\ b; echo`, "[a b]\n"],
    ["${x:-default} when unset", `echo "\${nope:-dflt}"`, "dflt\n"],
    ["${x-default} keeps an empty value", `x=; echo "[\${x-dflt}]"`, "[]\n"],
    ["${x:=v} assigns", `: \${y:=seven}; echo $y`, "seven\n"],
    ["${x:+alt} when set", `x=1; echo "\${x:+alt}"`, "alt\n"],
    ["${#x} is the length", `x=hello; echo \${#x}`, "5\n"],
    ["${x#pat} and ${x%%pat} trim", `p=/usr/local/bin; echo \${p#*/} \${p%%/b*} \${p##*/}`, "usr/local/bin /usr/local bin\n"],
    ["positional parameters and $#", `set -- a 'b c' d; echo $# "$2"`, "3 b c\n"],
    ['"$@" keeps arguments apart', `set -- a 'b c'; printf '[%s]' "$@"; echo`, "[a][b c]\n"],
    ['"$*" joins with a space', `set -- a 'b c'; printf '[%s]' "$*"; echo`, "[a b c]\n"],
    ["$(...) substitutes output without trailing newlines", `x=$(printf 'a\\n\\n'); echo "[$x]"`, "[a]\n"],
    ["backquotes substitute too", "echo `echo hi`", "hi\n"],
    ["nested command substitution", `echo $(echo $(echo deep))`, "deep\n"],
    ["arithmetic with variables and operators", `a=6; b=7; echo $((a*b)) $((a>b)) $(( (a+b)%5 ))`, "42 0 3\n"],
    ["arithmetic assignment", `i=1; : $((i+=4)); echo $i`, "5\n"],
    ["$? is the last status", `false; echo $?; true; echo $?`, "1\n0\n"],
    ["$$ is the shell's pid", `echo $$`, "1\n"],
    ["tilde expands to HOME", `HOME=/root; echo ~ ~/x`, "/root /root/x\n"],
    ["globbing matches files", `cd /etc; echo host*`, "hostname hosts\n"],
    ["a glob without matches stays as written", `echo /nope/*.zz`, "/nope/*.zz\n"],
    ["a quoted glob is not expanded", `cd /etc; echo "host*"`, "host*\n"],
    ["here-document with expansion", `x=world; cat <<EOF\nhello $x\nEOF`, "hello world\n"],
    ["quoted here-document stays literal", `x=world; cat <<'EOF'\nhello $x\nEOF`, "hello $x\n"],
  ];
  test.each(cases)("%s", (_name, script, out) => {
    expect(run(script).logs).toBe(out);
  });

  test("dash's echo interprets backslash escapes, busybox echo needs -e", () => {
    expect(run(`echo 'a\\tb'`, DASH).logs).toBe("a\tb\n");
    expect(run(`echo 'a\\tb'`, ASH).logs).toBe("a\\tb\n");
    expect(run(`echo -e 'a\\tb'`, ASH).logs).toBe("a\tb\n");
    expect(run(`echo -e 'x'`, DASH).logs).toBe("-e x\n");
  });

  test("printf formats numbers, strings and reuses the format", () => {
    expect(run(`printf '%05d|%-4s|%x|%.2f\\n' 42 ab 255 3.14159`).logs).toBe("00042|ab  |ff|3.14\n");
    expect(run(`printf '%s=%s\\n' a 1 b 2`).logs).toBe("a=1\nb=2\n");
  });

  test("an unset variable is an error with set -u", () => {
    const r = run(`set -u; echo $nope; echo after`, DASH);
    expect(r.stderr).toBe("sh: 1: nope: parameter not set\n");
    expect(r.code).toBe(2);
  });

  test("${x:?msg} stops a non-interactive shell", () => {
    const r = run(`echo \${need:?missing value}; echo after`);
    expect(r.stderr).toBe("sh: need: missing value\n");
    expect(r.code).toBe(2);
  });
});
