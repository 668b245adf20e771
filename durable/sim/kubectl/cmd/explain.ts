// `kubectl explain RESOURCE[.FIELD...] [--recursive] [--api-version]`: maps the resource via
// discovery, fetches /openapi/v3 and the group-version document (as kubectl does) and renders
// kubectl's plaintext template.
import type { Command } from "../context";
import { KubectlError, usageError } from "../io";
import { ExplainError, renderExplain } from "../print/explain";

/** kubectl explain */
export const explainCommand: Command = {
  path: "explain",
  flags: [
    { name: "recursive", type: "bool" },
    { name: "api-version", type: "string" },
    { name: "output", type: "string", def: "plaintext" },
  ],
  run(ctx, f) {
    if (f.args.length !== 1) {
      throw usageError("kubectl explain", `We accept only this format: explain RESOURCE`);
    }
    const parts = f.args[0].split(".").filter((p, i) => p || i === 0);
    const m = ctx.disco.find(parts[0]);
    if (!m) throw new KubectlError(`the server doesn't have a resource type "${parts[0]}"`);
    let group = m.group, version = m.version;
    const av = f.str("api-version");
    if (av) {
      [group, version] = av.includes("/") ? av.split("/") : ["", av];
    }
    const root = ctx.client.get<any>("/openapi/v3", { query: { timeout: "32s" } });
    const key = group ? `apis/${group}/${version}` : `api/${version}`;
    const entry = root.paths?.[key];
    if (!entry) throw new KubectlError(`error: couldn't find resource for "${group ? `${group}/` : ""}${version}, Resource=${m.resource}"`);
    const [pathname, search = ""] = String(entry.serverRelativeURL).split("?");
    const query: Record<string, string> = {};
    new URLSearchParams(search).forEach((v, k) => { query[k] = v; });
    const doc = ctx.client.get<any>(pathname, { accept: "application/json", query: { ...query, timeout: "32s" } });
    try {
      ctx.out.out(renderExplain(doc, { group, version, kind: m.kind }, parts.slice(1), f.bool("recursive")));
    } catch (e) {
      if (!(e instanceof ExplainError)) throw e;
      ctx.out.out(e.partial);
      throw new KubectlError(e.message);
    }
  },
};
