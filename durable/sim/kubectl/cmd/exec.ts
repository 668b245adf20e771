// `kubectl exec POD [-c C] [-i] [-t] -- CMD ARGS...` without a terminal: the same upgrade
// request kubectl sends (command= per argv word, container, stdin/stdout/stderr), then the
// runtime session is fed stdin and read while the virtual clock runs, until the process exits.
// A non-zero exit prints "command terminated with exit code N" and exits with N.
import { sandboxRuntime } from "../../sandbox";
import { ApiStatusError, parseBody } from "../client";
import { waitFor, type Command } from "../context";
import { KubectlError, usageError } from "../io";
import { getPod, pickContainer } from "./pod-helpers";

const dec = new TextDecoder();

/** kubectl exec */
export const execCommand: Command = {
  path: "exec",
  flags: [
    { name: "container", short: "c", type: "string" },
    { name: "stdin", short: "i", type: "bool" },
    { name: "tty", short: "t", type: "bool" },
    { name: "quiet", short: "q", type: "bool" },
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "pod-running-timeout", type: "string", def: "1m0s" },
  ],
  run(ctx, f) {
    const before = f.beforeDash();
    let argv = f.afterDash();
    if (!before.length) throw usageError("kubectl exec", "expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command");
    if (before.length > 1) {
      if (f.parsed.dashAt >= 0) throw usageError("kubectl exec", "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
      throw usageError("kubectl exec", "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
    }
    if (!argv.length) throw usageError("kubectl exec", "you must specify at least one command for the container");
    const pod = getPod(ctx, before[0]);
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = pickContainer(ctx, pod, f.str("container"), f.bool("quiet"));
    const stdin = f.bool("stdin");
    if (f.bool("tty") && !f.bool("quiet")) ctx.out.err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
    argv = [...argv];
    const query: Record<string, string | string[] | undefined> = { command: argv, container, stdout: "true", stderr: "true", stdin: stdin ? "true" : undefined };
    const r = ctx.client.raw("GET", `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/exec`, {
      query, headers: { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io", "sec-websocket-version": "13" },
    });
    if (r.type === "body") {
      // A refused upgrade: kubectl reports the Status the server answered with.
      // A kubelet-side refusal surfaces as SPDY's plain "unable to upgrade connection: ...".
      try {
        parseBody(r);
      } catch (e) {
        if (e instanceof ApiStatusError && e.message.startsWith("unable to upgrade connection:")) throw new KubectlError(`error: ${e.message}`);
        throw e;
      }
      throw new KubectlError("error: unable to upgrade connection");
    }
    if (r.type !== "exec") throw new KubectlError("error: unexpected response to an exec request");
    if (r.startError) {
      // The CRI error (failed to exec in container: failed to start exec "<id>": OCI runtime ...)
      // arrives wrapped by the apiserver's InternalError Status on channel 3.
      let cri = r.startError;
      if (!cri.startsWith("failed to exec in container")) cri = `failed to exec in container: failed to start exec "${ctx.host.cluster.ctx.rng.hex(64)}": ${cri}`;
      throw new KubectlError(`error: Internal error occurred: error executing command in container: ${cri}`);
    }
    const rt = sandboxRuntime(ctx.host.cluster);
    if (stdin) {
      if (ctx.stdin) rt.execWrite(r.sessionId, new TextEncoder().encode(ctx.stdin));
      rt.execCloseStdin(r.sessionId);
    }
    let exitCode: number | undefined;
    const read = () => {
      const x = rt.execRead(r.sessionId);
      if (x.stdout.length) ctx.out.out(dec.decode(x.stdout));
      if (x.stderr.length) ctx.out.err(dec.decode(x.stderr));
      exitCode = x.exitCode;
      return exitCode !== undefined;
    };
    if (!waitFor(ctx, ctx.budgetMs, read, 100)) {
      rt.execKill(r.sessionId);
      read();
      throw new KubectlError(`error: the command did not finish within the virtual time limit; it was killed`, 124);
    }
    if (exitCode) throw new KubectlError(`command terminated with exit code ${exitCode}`, exitCode);
  },
};
