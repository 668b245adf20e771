// Manifest checks: "a manifest with <field path> was applied", searched in the sandbox's manifest
// history (every object a client created, updated, patched or applied, as stored). A field path
// is dot-separated with [N] and [*] for list items: spec.containers[*].readinessProbe.httpGet.
import type { CheckResult } from "../../../schema/checks";
import { clip, compile } from "./pattern";

/** One entry of the manifest history (D1's manifests table). */
export interface ManifestRecord { verb: string; kind: string; namespace: string | null; name: string; body: string | null }

/** A manifest check as parsed by schema/checks.ts. */
export interface ManifestCheckInput { name?: string; field: string; kind?: string; objectName?: string; namespace?: string; equals?: string | number | boolean; matches?: string }

/** Splits a field path into keys and list selectors ("*" or an index). */
export function parseFieldPath(path: string): (string | { index: number | "*" })[] {
  const out: (string | { index: number | "*" })[] = [];
  for (const seg of path.split(".")) {
    const m = /^([^[]+)((?:\[(?:\*|\d+)\])*)$/.exec(seg);
    if (!m) continue;
    out.push(m[1]);
    for (const b of m[2].match(/\[(\*|\d+)\]/g) ?? []) out.push({ index: b === "[*]" ? "*" : Number(b.slice(1, -1)) });
  }
  return out;
}

/** Every value at a field path (none when the path is absent). */
export function valuesAt(obj: unknown, path: (string | { index: number | "*" })[]): unknown[] {
  let cur: unknown[] = [obj];
  for (const step of path) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (typeof step === "string") {
        if (v && typeof v === "object" && !Array.isArray(v) && step in v) next.push((v as Record<string, unknown>)[step]);
      } else if (Array.isArray(v)) {
        if (step.index === "*") next.push(...v);
        else if (step.index < v.length) next.push(v[step.index]);
      }
    }
    cur = next;
  }
  return cur.filter((v) => v !== undefined && v !== null);
}

const APPLIED = new Set(["create", "update", "patch", "apply"]);

/** Evaluates a manifest check. */
export function manifestCheck(history: ManifestRecord[], k: ManifestCheckInput): CheckResult {
  const what = `${k.kind ? `${k.kind} ` : ""}manifest${k.objectName ? ` ${k.objectName}` : ""}`;
  const cond = k.equals !== undefined ? ` = ${JSON.stringify(k.equals)}` : k.matches ? ` matching /${k.matches}/` : "";
  const name = k.name ?? `a ${what} with ${k.field}${cond} was applied`;
  const path = parseFieldPath(k.field);
  const re = k.matches ? compile(k.matches) : undefined;
  const candidates = history.filter((m) => APPLIED.has(m.verb) && m.body
    && (!k.kind || m.kind.toLowerCase() === k.kind.toLowerCase())
    && (!k.objectName || m.name === k.objectName)
    && (!k.namespace || m.namespace === k.namespace));
  let present = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const m = candidates[i];
    let obj: unknown;
    try { obj = JSON.parse(m.body!); } catch { continue; }
    const values = valuesAt(obj, path);
    if (!values.length) continue;
    present++;
    const hit = values.find((v) => (k.equals === undefined || v === k.equals) && (!re || re.test(String(typeof v === "object" ? JSON.stringify(v) : v).slice(0, 4096))));
    if (hit !== undefined) {
      return { name, passed: true, explanation: `${m.verb} ${m.kind} ${m.namespace ? `${m.namespace}/` : ""}${m.name} has ${k.field} = ${clip(JSON.stringify(hit), 120)}` };
    }
  }
  const seen = candidates.slice(-5).map((m) => `${m.verb} ${m.kind} ${m.name}`).join(", ");
  if (present) return { name, passed: false, explanation: `${present} ${what}${present === 1 ? "" : "s"} had ${k.field}, but none${cond}` };
  if (!candidates.length) return { name, passed: false, explanation: `no ${what} was applied in this sandbox` };
  return { name, passed: false, explanation: `no ${what} with ${k.field} was applied (${candidates.length} checked, latest: ${seen})` };
}
