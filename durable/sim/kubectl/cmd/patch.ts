// `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`: the patch (YAML or JSON,
// converted to JSON like kubectl) is sent as is; prints `pod/web patched` or
// `pod/web patched (no change)` when the object came back identical.
import { parse } from "yaml";
import { deepEqual } from "../../api/patch/json-value";
import type { Command } from "../context";
import { kindPrefix, resourcePath } from "../discovery";
import { withSource } from "../errors";
import { KubectlError, usageError } from "../io";
import { parseOutput, printObject } from "../print/output";
import { parseTargets } from "../targets";
import { requestNamespace } from "./get";
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery } from "./write-flags";

const TYPES: Record<string, string> = {
  strategic: "application/strategic-merge-patch+json",
  merge: "application/merge-patch+json",
  json: "application/json-patch+json",
};

/** kubectl patch */
export const patchCommand: Command = {
  path: "patch",
  flags: [
    { name: "patch", short: "p", type: "string" },
    { name: "patch-file", type: "string" },
    { name: "type", type: "string", def: "strategic" },
    { name: "output", short: "o", type: "string" },
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "local", type: "bool" },
    { name: "subresource", type: "string" },
    { name: "field-manager", type: "string", def: "kubectl-patch" },
    { name: "recursive", short: "R", type: "bool" },
    DRY_RUN_FLAG,
  ],
  run(ctx, f) {
    const dry = dryRunOf(f);
    const type = f.str("type");
    const contentType = TYPES[type];
    if (!contentType) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`);
    let raw = f.str("patch");
    if (!raw && f.str("patch-file")) raw = ctx.stdin;
    if (!raw) throw new KubectlError("error: must specify --patch or --patch-file containing the contents of the patch");
    // apimachinery's yaml.ToJSON: text that looks like JSON is sent as is, YAML is converted.
    let body = raw;
    if (!/^\s*\{/.test(raw)) {
      try {
        body = JSON.stringify(parse(raw, { version: "1.1" }));
      } catch (e) {
        throw new KubectlError(`error: unable to parse "${raw}": ${(e as Error).message.split("\n")[0]}`);
      }
    }
    if (!f.args.length) throw usageError("kubectl patch", "must provide one or more resources");
    const targets = parseTargets(ctx.disco, f.args);
    for (const t of targets) {
      for (const name of t.names) {
        const path = resourcePath(t.mapping, requestNamespace(ctx, t.mapping, false), name, f.str("subresource") || undefined);
        const before = ctx.client.get<any>(path, { accept: "application/json" });
        let after: any;
        try {
          after = ctx.client.call("PATCH", path, { query: { fieldManager: f.str("field-manager"), ...dryRunQuery(dry) }, contentType, body }).body;
        } catch (e) {
          throw withSource(e, "patching", "");
        }
        const fmt = parseOutput(f.str("output"), "json,yaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file");
        if (fmt.kind && fmt.kind !== "name") ctx.out.out(printObject(after, fmt));
        else {
          const same = deepEqual(before, after);
          const suffix = dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "";
          ctx.out.out(fmt.kind === "name" ? `${kindPrefix(t.mapping)}/${name}\n` : `${kindPrefix(t.mapping)}/${name} patched${same ? " (no change)" : ""}${suffix}\n`);
        }
      }
    }
  },
};
