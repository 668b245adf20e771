// `kubectl replace -f` (PUT with the live resourceVersion) and `--force` (DELETE, poll until
// the object is gone while the virtual clock runs, then POST with fieldManager=kubectl-replace).
import { goJson } from "../../api/patch/json-value";
import { ApiStatusError } from "../client";
import type { Command } from "../context";
import { resourcePath } from "../discovery";
import { withSource } from "../errors";
import { KubectlError } from "../io";
import { applyNamespace, readManifests } from "../manifests";
import { forEachObject, printResult } from "./apply";
import { deleteOne, waitGone } from "./delete";
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, fieldValidationOf, VALIDATE_FLAG } from "./write-flags";

/** kubectl replace */
export const replaceCommand: Command = {
  path: "replace",
  flags: [
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "force", type: "bool" },
    { name: "grace-period", type: "int", def: -1 },
    { name: "wait", type: "bool" },
    { name: "timeout", type: "string", def: "0s" },
    { name: "cascade", type: "string", def: "background", noOptDef: "background" },
    { name: "output", short: "o", type: "string" },
    { name: "save-config", type: "bool" },
    { name: "field-manager", type: "string", def: "kubectl-replace" },
    { name: "recursive", short: "R", type: "bool" },
    { name: "kustomize", short: "k", type: "string" },
    { name: "raw", type: "string" },
    { name: "subresource", type: "string" },
    { name: "show-managed-fields", type: "bool" },
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
  ],
  run(ctx, f) {
    const dry = dryRunOf(f);
    if (!f.list("filename").length) throw new KubectlError("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
    const objs = readManifests(ctx, f.list("filename"));
    const query = { fieldManager: f.str("field-manager"), fieldValidation: fieldValidationOf(f), ...dryRunQuery(dry) };
    forEachObject(ctx, objs, (m) => {
      const ns = applyNamespace(ctx, m);
      const name = m.obj.metadata?.name ?? "";
      const d = { mapping: m.mapping, namespace: ns, name, source: m.source };
      if (f.bool("force")) {
        try {
          const grace = f.int("grace-period");
          const obj = deleteOne(ctx, d, grace >= 0 ? grace : undefined, dry);
          ctx.out.out(`${m.mapping.kind.toLowerCase()} "${name}" deleted\n`);
          if (dry === "none") waitGone(ctx, [{ ...d, uid: obj?.metadata?.uid }], ctx.budgetMs);
        } catch (e) {
          if (!(e instanceof ApiStatusError && e.code === 404)) throw withSource(e, "deleting", m.source);
        }
        try {
          const r = ctx.client.call("POST", resourcePath(m.mapping, ns), { query, contentType: "application/json", body: goJson(m.obj) });
          return printResult(ctx, f, m, name, "replaced", r.body, dry);
        } catch (e) {
          throw withSource(e, "replacing", m.source);
        }
      }
      try {
        const path = resourcePath(m.mapping, ns, name);
        const body = { ...m.obj, metadata: { ...m.obj.metadata } };
        if (!body.metadata.resourceVersion) body.metadata.resourceVersion = ctx.client.get<any>(path, { accept: "application/json" }).metadata.resourceVersion;
        const r = ctx.client.call("PUT", path, { query, contentType: "application/json", body: goJson(body) });
        printResult(ctx, f, m, name, "replaced", r.body, dry);
      } catch (e) {
        throw withSource(e, "replacing", m.source);
      }
    });
  },
};
