// `kubectl logs` and `kubectl exec` through the runner: the default-container notice, --tail,
// -c, errors from the server, exit codes of the remote command, stdin with -i, and -f bounded
// by --request-timeout on the virtual clock.
import { describe, expect, it } from "vitest";
import { lab, lines } from "./fixtures";
import { MANIFESTS } from "./manifests";

function running() {
  const l = lab();
  l.out("apply -f -", MANIFESTS.multiContainer);
  l.out("apply -f -", MANIFESTS.commandArgs);
  l.out("apply -f -", MANIFESTS.restartNeverFail);
  l.out("run box --image=busybox:1.36 -- sh -c 'echo hello; echo world; sleep 3600'");
  l.advance(30_000);
  return l;
}

describe("kubectl logs", () => {
  it("prints a container's output, with --tail and --timestamps", () => {
    const l = running();
    expect(l.k("logs command-args")).toEqual({ stdout: "Hello World!\n", stderr: "", exitCode: 0 });
    expect(l.out("logs box")).toBe(lines("hello", "world"));
    expect(l.out("logs box --tail=1")).toBe("world\n");
    expect(l.out("logs box --timestamps")).toMatch(/^2025-01-27T10:00:00\.\d{9}Z hello\n2025-01-27T10:00:00\.\d{9}Z world\n$/);
  });

  it("names the defaulted container of a two-container pod on stderr", () => {
    const r = running().k("logs test-pod2");
    expect(r.stderr).toBe('Defaulted container "nginx" out of: nginx, redis\n');
    expect(r.stdout.split("\n")[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(running().out("logs test-pod2 -c redis --tail=1")).toMatch(/^1:M 27 Jan 2025 10:00:00\.\d{3} \* Ready to accept connections\n$/);
  });

  it("keeps the logs of a failed pod and reports server errors", () => {
    const l = running();
    expect(l.out("logs restartpolicy-never2")).toBe("Hello World!\n");
    expect(l.k("logs nope").stderr).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
    expect(l.k("logs test-pod2 -c nope")).toEqual({ stdout: "", stderr: "error: container nope is not valid for pod test-pod2\n", exitCode: 1 });
    expect(l.k("logs test-pod2 -p").stderr).toBe(
      'Defaulted container "nginx" out of: nginx, redis\nError from server (BadRequest): previous terminated container "nginx" in pod "test-pod2" not found\n');
  });

  it("follows for the --request-timeout on the virtual clock", () => {
    const l = running();
    const before = l.cluster.now;
    expect(l.out("logs -f box --request-timeout=5s")).toBe(lines("hello", "world"));
    expect(l.cluster.now - before).toBeGreaterThanOrEqual(5_000);
  });
});

describe("kubectl exec", () => {
  it("runs a command and passes its stdout", () => {
    expect(running().k("exec box -- echo hi")).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
  });

  it("passes stderr and the remote exit code", () => {
    expect(running().k("exec box -- sh -c 'echo err >&2; exit 3'")).toEqual({
      stdout: "", stderr: "err\ncommand terminated with exit code 3\n", exitCode: 3,
    });
  });

  it("feeds stdin with -i", () => {
    expect(running().out("exec -i box -- cat", "piped\n")).toBe("piped\n");
  });

  it("defaults to the first container and says so", () => {
    expect(running().k("exec test-pod2 -- hostname")).toEqual({
      stdout: "test-pod2\n", stderr: 'Defaulted container "nginx" out of: nginx, redis\n', exitCode: 0,
    });
  });

  it("refuses completed pods, unknown pods, unknown and unstarted containers", () => {
    const l = running();
    expect(l.k("exec restartpolicy-never2 -- ls").stderr).toBe("error: cannot exec into a container in a completed pod; current phase is Failed\n");
    expect(l.k("exec nope -- ls").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(l.k("exec test-pod2 -c nope -- ls").stderr).toBe("Error from server (BadRequest): container nope is not valid for pod test-pod2\n");
    l.out("apply -f -", MANIFESTS.resources1);
    l.out("apply -f -", MANIFESTS.resources2);
    l.out("apply -f -", MANIFESTS.resources3);
    l.advance(5_000);
    expect(l.k("exec pod-resources3 -- ls")).toEqual({ stdout: "", stderr: "Error from server (BadRequest): pod pod-resources3 does not have a host assigned\n", exitCode: 1 });
  });
});
