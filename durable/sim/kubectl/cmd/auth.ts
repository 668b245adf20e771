// `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL` and `kubectl auth whoami`, as kubectl
// v1.32 runs them: a SelfSubjectAccessReview / SelfSubjectReview posted to the server and its
// answer printed. (`can-i --list` needs kubectl's rule compaction and is left to the real kubectl.)
import type { Command } from "../context";
import { KubectlError } from "../io";
import { GET_TABWRITER, Tabwriter } from "../print/tabwriter";
import { toYaml } from "../print/yaml";

// deno-lint-ignore no-explicit-any
type Json = any;

const NON_RESOURCE_VERBS = ["get", "put", "post", "head", "options", "delete", "patch", "*"];
const KNOWN_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"];

/** kubectl auth can-i */
export const authCanICommand: Command = {
  path: "auth can-i",
  flags: [
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "quiet", short: "q", type: "bool" },
    { name: "list", type: "bool" },
    { name: "no-headers", type: "bool" },
    { name: "subresource", type: "string" },
  ],
  run(ctx, f) {
    if (f.bool("list")) throw new KubectlError("error: podlab's kubectl endpoint does not print `auth can-i --list`; run it with the real kubectl and the sandbox's kubeconfig");
    if (f.args.length !== 2) {
      throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
    }
    const [verb, target] = f.args;
    const spec: Json = {};
    if (target.startsWith("/")) {
      if (f.str("subresource")) throw new KubectlError("error: --subresource can not be used with NonResourceURL");
      if (!NON_RESOURCE_VERBS.includes(verb)) ctx.out.err(`Warning: verb '${verb}' is not a known verb\n\n`);
      spec.nonResourceAttributes = { path: target, verb };
    } else {
      const [res, name] = target.split("/", 2);
      let group = "";
      let resource = res;
      if (res !== "*") {
        const m = ctx.disco.find(res);
        if (m) { group = m.group; resource = m.resource; } else ctx.out.err(`Warning: the server doesn't have a resource type '${res}'\n\n`);
        if (m && !m.namespaced && !f.bool("all-namespaces")) {
          ctx.out.err(`Warning: resource '${m.resource}' is not namespace scoped${m.group ? ` in group '${m.group}'` : ""}\n\n`);
        }
      }
      if (!KNOWN_VERBS.includes(verb)) ctx.out.err(`Warning: verb '${verb}' is not a known verb\n\n`);
      const attrs: Json = { namespace: f.bool("all-namespaces") ? undefined : ctx.namespace, verb, group, resource };
      if (f.str("subresource")) attrs.subresource = f.str("subresource");
      if (name) attrs.name = name;
      spec.resourceAttributes = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined && v !== ""));
    }
    const r = ctx.client.call("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
      contentType: "application/json", body: JSON.stringify({ kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: {}, spec }),
    }).body as Json;
    const st = r.status ?? {};
    if (st.allowed) {
      if (!f.bool("quiet")) ctx.out.out("yes\n");
      return;
    }
    if (!f.bool("quiet")) ctx.out.out(`no${st.reason ? ` - ${st.reason}` : ""}${st.evaluationError ? ` - ${st.evaluationError}` : ""}\n`);
    throw new KubectlError("", 1);
  },
};

/** kubectl auth whoami */
export const authWhoamiCommand: Command = {
  path: "auth whoami",
  flags: [{ name: "output", short: "o", type: "string" }],
  run(ctx, f) {
    const r = ctx.client.call("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", {
      contentType: "application/json", body: JSON.stringify({ kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", metadata: {} }),
    }).body as Json;
    const o = f.str("output");
    if (o === "json") { ctx.out.out(`${JSON.stringify(r, null, 4)}\n`); return; }
    if (o === "yaml") { ctx.out.out(toYaml(r)); return; }
    if (o) throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: json,yaml`);
    const u = r.status?.userInfo ?? {};
    const w = new Tabwriter(GET_TABWRITER);
    w.write("ATTRIBUTE\tVALUE\n");
    if (u.username) w.write(`Username\t${u.username}\n`);
    if (u.uid) w.write(`UID\t${u.uid}\n`);
    if (u.groups?.length) w.write(`Groups\t[${u.groups.join(" ")}]\n`);
    for (const [k, v] of Object.entries(u.extra ?? {})) w.write(`Extra: ${k}\t[${(v as string[]).join(" ")}]\n`);
    ctx.out.out(w.take());
  },
};
