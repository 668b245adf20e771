// Runs one command line of the web terminal: builtins (help, clear, ls, cat, history, echo),
// pipelines into text filters, heredoc and example files as kubectl's stdin, and kubectl itself:
// interactive exec, attach, run -i[t], get -w and logs -f run here against the API (when they end
// the line); everything else goes to the server's kubectl runner (POST /-/kubectl). Resolves with
// the exit code.
import { ApiFailure } from "../api/sandbox-api";
import { t } from "../i18n/i18n";
import { attachSession } from "./attach-session";
import { execSession } from "./exec-session";
import { flag, parseKubectl, routeOf, ROUTE } from "./kubectl-args";
import { runSession } from "./run-session";
import { joinWords, parseLine, type Stage } from "./shell-words";
import { canWatch, followLogs, watchGet } from "./streams";
import { applyFilter } from "./text-filters";
import type { RunContext } from "./term-io";

/** Rewrites `-f FILE` of example files to `-f -` and returns their text as stdin. */
export function inlineFiles(words: string[], read: (name: string) => string | undefined): { words: string[]; stdin?: string } {
  const out: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let name: string | undefined;
    if ((w === "-f" || w === "--filename") && i + 1 < words.length) name = words[i + 1];
    else if (w.startsWith("--filename=") || w.startsWith("-f=")) name = w.slice(w.indexOf("=") + 1);
    const text = name && name !== "-" ? read(name) : undefined;
    if (text === undefined) { out.push(w); continue; }
    texts.push(text);
    if (!w.includes("=")) i++;
  }
  if (!texts.length) return { words };
  out.push("-f", "-");
  return { words: out, stdin: texts.map((s) => s.replace(/\n*$/, "\n")).join("---\n") };
}

async function kubectl(ctx: RunContext, words: string[], stdin: string | undefined, last: boolean): Promise<{ code: number; stdout: string }> {
  const a = parseKubectl(words.slice(1));
  const route = routeOf(a);
  if (last && route === ROUTE.interactiveExec) return { code: await execSession(ctx, a), stdout: "" };
  if (last && route === ROUTE.attach) return { code: await attachSession(ctx, a), stdout: "" };
  if (last && route === ROUTE.interactiveRun) return { code: await runSession(ctx, a, words.slice(1)), stdout: "" };
  if (last && route === ROUTE.watch && canWatch(a)) return { code: await watchGet(ctx, a), stdout: "" };
  if (last && route === ROUTE.follow) return { code: await followLogs(ctx, a), stdout: "" };
  const inl = inlineFiles(words.slice(1), (n) => ctx.files.read(n));
  let args = inl.words;
  const input = inl.stdin ?? stdin;
  // kubectl delete waits for the objects to go; the runner would fast-forward the virtual clock to
  // get there, so the terminal waits in (virtual) real time instead, as a reader would.
  const waitDeleted = a.verb === "delete" && flag(a, "--wait") === undefined && !args.includes("--dry-run");
  if (waitDeleted) args = [...args, "--wait=false"];
  let r;
  try {
    r = await ctx.api.kubectl(joinWords(["kubectl", ...args]), input);
  } catch (e) {
    if (e instanceof ApiFailure && (e.code === 404 || e.code === 405)) ctx.io.out(`${t("noRunner", { code: e.code })}\n`);
    else ctx.io.out(`${t("networkError", { error: (e as Error).message })}\n`);
    return { code: 1, stdout: "" };
  }
  ctx.changed();
  if (r.stderr && !last) ctx.io.out(r.stderr);
  if (!last) return { code: r.exitCode, stdout: r.stdout };
  ctx.io.out(r.stdout);
  if (r.stderr) ctx.io.out(r.stderr);
  if (waitDeleted && r.exitCode === 0) await waitGone(ctx, r.stdout, flag(a, "-n", "--namespace") ?? "default");
  return { code: r.exitCode, stdout: "" };
}

/** Polls `pod "x" deleted` objects until the API no longer has them (or Ctrl-C). */
async function waitGone(ctx: RunContext, stdout: string, ns: string): Promise<void> {
  const pods = [...stdout.matchAll(/^pod "([^"]+)" deleted/gm)].map((m) => m[1]);
  for (const pod of pods) {
    while (!ctx.signal.aborted) {
      const res = await ctx.api.fetch(`/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}`, { signal: ctx.signal }).catch(() => undefined);
      if (!res || res.status === 404) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function builtin(ctx: RunContext, s: Stage, stdin: string | undefined): { code: number; stdout: string } | undefined {
  const [cmd, ...args] = s.words;
  switch (cmd) {
    case "help": return { code: 0, stdout: t("help") };
    case "clear": ctx.io.raw("\x1b[2J\x1b[3J\x1b[H"); return { code: 0, stdout: "" };
    case "ls": return { code: 0, stdout: ctx.files.list().join("\n") + "\n" };
    case "history": return { code: 0, stdout: ctx.history().map((h, i) => `${String(i + 1).padStart(5)}  ${h}`).join("\n") + "\n" };
    case "echo": return { code: 0, stdout: `${args.join(" ")}\n` };
    case "cat": {
      if (!args.length) return { code: 0, stdout: stdin ?? "" };
      let out = "";
      for (const f of args) {
        const text = ctx.files.read(f);
        if (text === undefined) return { code: 1, stdout: `${out}cat: ${f}: No such file or directory\n` };
        out += text;
      }
      return { code: 0, stdout: out };
    }
  }
  return undefined;
}

/** Runs a line (with its heredoc body, if it had one). */
export async function runLine(ctx: RunContext, line: string, heredocBody?: string): Promise<number> {
  const parsed = parseLine(line);
  let stdin = heredocBody;
  let code = 0;
  for (let i = 0; i < parsed.stages.length; i++) {
    const s = parsed.stages[i];
    const last = i === parsed.stages.length - 1 && !s.redirect;
    const name = s.words[0];
    let r: { code: number; stdout: string } | undefined;
    if (name === "kubectl" || name === "k") r = await kubectl(ctx, ["kubectl", ...s.words.slice(1)], stdin, last);
    else if (i > 0 && ["grep", "head", "tail", "wc"].includes(name)) {
      const f = applyFilter(s.words, stdin ?? "");
      if ("error" in f) { ctx.io.out(`${f.error}\n`); return 2; }
      r = { code: f.code, stdout: f.text };
    } else r = builtin(ctx, s, stdin) ?? (name ? { code: 127, stdout: `${t("notFound", { cmd: name })}\n` } : { code: 0, stdout: stdin ?? "" });
    code = r.code;
    stdin = r.stdout;
    if (s.redirect) {
      ctx.files.write(s.redirect, stdin);
      stdin = "";
    }
  }
  if (stdin) ctx.io.out(stdin);
  return code;
}

/** The heredoc a line starts, if any (the pane then collects lines up to the delimiter). */
export function heredocOf(line: string): { delimiter: string; stripTabs: boolean } | undefined {
  return parseLine(line).heredoc;
}
