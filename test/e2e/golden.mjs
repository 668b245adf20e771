// Golden transcripts: a lesson is a text file of commands (`$ kubectl ...`), clock moves
// (`@advance 30s`, `@speed 10`, `@wait-gone pod/x`) and the output each command printed. The
// runner replays it against a fresh sandbox (fixed seed, clock paused) with the real kubectl and
// compares outputs after normalising what legitimately varies between runs (timestamps, the
// sandbox URL). `UPDATE_GOLDEN=1` rewrites the expected outputs — review the diff against the
// tutorial before committing.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** One step of a lesson. */
function parse(text) {
  const steps = [];
  let cur;
  for (const line of text.split("\n")) {
    if (line.startsWith("$ ")) {
      cur = { kind: "cmd", cmd: line.slice(2), out: [] };
      steps.push(cur);
    } else if (line.startsWith("@")) {
      steps.push({ kind: "directive", text: line.slice(1).trim() });
      cur = undefined;
    } else if (line.startsWith("# ") || line === "#") {
      if (!cur) steps.push({ kind: "comment", text: line });
      else cur.out.push(line);
    } else if (cur) cur.out.push(line);
    else if (line.trim()) steps.push({ kind: "comment", text: line });
  }
  for (const s of steps) if (s.kind === "cmd") {
    while (s.out.length && s.out[s.out.length - 1] === "") s.out.pop();
  }
  return steps;
}

/** Splits a command line like a shell would (single/double quotes). */
export function shellWords(s) {
  const out = [];
  let cur = "";
  let quote = "";
  let has = false;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = "";
      else cur += ch;
    } else if (ch === "'" || ch === '"') { quote = ch; has = true; }
    else if (/\s/.test(ch)) { if (cur || has) out.push(cur); cur = ""; has = false; }
    else cur += ch;
  }
  if (cur || has) out.push(cur);
  return out;
}

/** Replaces run-dependent text. */
export function normalize(text, sb) {
  return text
    .split(sb.server).join("<SERVER>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<TIME>")
    .replace(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000/g, "<DATE>")
    .replace(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/g, "<NGINX-DATE>");
}

/** Seconds of a HumanDuration token (`5s`, `2m`, `1m30s`, `3h4m`, `2d`), or undefined. */
function durationSeconds(tok) {
  const m = /^\(?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?\)?$/.exec(tok);
  if (!m || !tok.replace(/[()]/g, "")) return undefined;
  const [, d, h, mi, se] = m.map((x) => Number(x ?? 0));
  return ((d * 24 + h) * 60 + mi) * 60 + se;
}

/**
 * kubectl computes some ages on the client from its own clock (describe), so they may differ by
 * one second between runs: lines that differ only in such ages (±1 s) count as equal.
 */
export function sameLines(expected, actual) {
  if (expected.length !== actual.length) return false;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] === actual[i]) continue;
    const a = expected[i].trim().split(/\s+/);
    const b = actual[i].trim().split(/\s+/);
    if (a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) {
      if (a[j] === b[j]) continue;
      const x = durationSeconds(a[j]);
      const y = durationSeconds(b[j]);
      if (x === undefined || y === undefined || Math.abs(x - y) > 1) return false;
    }
  }
  return true;
}

/** Runs a lesson file; returns {ok, diff} and rewrites it when UPDATE_GOLDEN=1. */
export async function runLesson(file, sb) {
  const text = readFileSync(file, "utf8");
  const steps = parse(text);
  const dir = dirname(file);
  const rendered = [];
  const diffs = [];
  for (const s of steps) {
    if (s.kind === "comment") { rendered.push(s.text); continue; }
    if (s.kind === "directive") {
      rendered.push(`@${s.text}`);
      const [what, arg] = s.text.split(/\s+/, 2);
      if (what === "advance") await sb.advance(arg);
      else if (what === "speed") await sb.speed(Number(arg));
      else if (what === "post") await sb.api(arg, { method: "POST" });
      else throw new Error(`unknown directive @${s.text}`);
      continue;
    }
    const words = shellWords(s.cmd);
    if (words[0] !== "kubectl") throw new Error(`only kubectl commands are supported: ${s.cmd}`);
    const r = await sb.kubectl(words.slice(1), { cwd: dir, timeoutMs: 120_000, manifestsDir: join(dir, "manifests") });
    const out = normalize(`${r.stdout}${r.stderr}`, sb).replace(/\n$/, "");
    const got = out === "" ? [] : out.split("\n");
    const same = sameLines(s.out, got);
    rendered.push(`$ ${s.cmd}`, ...(same ? s.out : got), ""); // keep tolerated ages: quiet diffs
    if (!same) {
      diffs.push(`$ ${s.cmd}\n--- expected\n${s.out.join("\n")}\n+++ actual\n${got.join("\n")}`);
    }
  }
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${rendered.join("\n").replace(/\n+$/, "")}\n`);
  return { ok: diffs.length === 0, diff: diffs.join("\n\n") };
}
