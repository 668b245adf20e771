import { describe, expect, test } from "vitest";
import { Sim } from "../runtime/harness";

function run(script: string, image = "busybox:1.36") {
  return new Sim().script(script, image);
}

describe("tricky scripts", () => {
  const cases: [string, string, string][] = [
    ["nested quotes in command substitution", `echo "$(echo "a  b")"`, "a  b\n"],
    ["a subshell killed by SIGPIPE mid-list forks and waits no more", `{ echo $(true); echo $(true); } | :; echo ok`, "ok\n"],
    ["command substitution inside a here-document", `cat <<EOF\nnow: $(echo x)\nEOF`, "now: x\n"],
    ["a while loop reading a file through a redirection", `printf 'l1\\nl2\\n' > /tmp/f; while read l; do echo "[$l]"; done < /tmp/f`, "[l1]\n[l2]\n"],
    ["a function in a pipeline", `up() { tr a-z A-Z; }; echo hi | up`, "HI\n"],
    ["case with quoted patterns and a default", `x='a*'; case $x in "a*") echo literal;; a*) echo glob;; esac`, "literal\n"],
    ["arithmetic in a loop condition", `i=0; while [ $((i+=1)) -le 3 ]; do printf $i; done; echo`, "123\n"],
    ["exit status of a negated pipeline in if", `if ! grep -q x /etc/hostname; then echo none; fi`, "none\n"],
    ["a background job and wait for its status", `(sleep 1; exit 3) & wait $!; echo $?`, "3\n"],
    ["$# and shift inside a function", `f() { echo $#; shift; echo $1; }; f a b c`, "3\nb\n"],
    ["IFS splitting on a custom separator", `IFS=:; set -- $(echo a:b:c); echo $2`, "b\n"],
    ["nested command substitution with backquotes", "echo `echo \\`echo inner\\``", "inner\n"],
    ["redirecting stderr of a subshell", `( echo out; echo err >&2 ) 2>/dev/null`, "out\n"],
    ["here-string-like printf to read", `printf 'k=v\\n' | { IFS== read k v; echo "$k->$v"; }`, "k->v\n"],
    ["eval with a variable indirection", `a=b; b=ok; eval echo \\$$a`, "ok\n"],
    ["trap on EXIT in a subshell does not leak", `( trap 'echo sub-exit' EXIT; echo in ); echo out`, "in\nsub-exit\nout\n"],
  ];
  test.each(cases)("%s", (_n, script, out) => {
    expect(run(script).logs).toBe(out);
  });
});
