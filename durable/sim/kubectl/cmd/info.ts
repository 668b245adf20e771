// The informational commands: version, api-resources, api-versions and cluster-info, printed
// as kubectl v1.32.4 (the build on the course's PATH) prints them from the server's answers.
import type { Command } from "../context";
import { apiVersionOf, type Mapping } from "../discovery";
import { KubectlError } from "../io";
import { GET_TABWRITER, Tabwriter } from "../print/tabwriter";
import { toYaml } from "../print/yaml";
import { DEFAULT_SERVER } from "../host";

/** The client's version.Info (kubectl v1.32.4 as installed for the course). */
export const CLIENT_VERSION = {
  major: "1", minor: "32+", gitVersion: "v1.32.4-dispatcher", gitCommit: "4cb5f0764b8d5f425645c6f433394fede34a8a26",
  gitTreeState: "clean", buildDate: "2025-05-15T20:09:34Z", goVersion: "go1.23.8", compiler: "gc", platform: "linux/amd64",
};

function indentJson(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** kubectl version */
export const versionCommand: Command = {
  path: "version",
  flags: [{ name: "client", type: "bool" }, { name: "output", short: "o", type: "string" }],
  run(ctx, f) {
    const o = f.str("output");
    if (o && o !== "json" && o !== "yaml") throw new KubectlError("error: --output must be 'yaml' or 'json'");
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: "v5.5.0" };
    let serverErr: string | undefined;
    if (!f.bool("client")) {
      try {
        info.serverVersion = ctx.client.get("/version", { query: { timeout: "32s" } });
      } catch (e) {
        serverErr = (e as Error).message;
      }
    }
    if (o === "json") ctx.out.out(`${indentJson(info)}\n`);
    else if (o === "yaml") ctx.out.out(`${toYaml(info)}\n`);
    else {
      ctx.out.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.5.0\n`);
      if (info.serverVersion) ctx.out.out(`Server Version: ${(info.serverVersion as { gitVersion: string }).gitVersion}\n`);
    }
    if (serverErr) throw new KubectlError(`Error from server (NotFound): ${serverErr}`);
  },
};

/** kubectl api-resources */
export const apiResourcesCommand: Command = {
  path: "api-resources",
  flags: [
    { name: "output", short: "o", type: "string" },
    { name: "no-headers", type: "bool" },
    { name: "api-group", type: "string" },
    { name: "namespaced", type: "bool", def: true },
    { name: "verbs", type: "stringSlice" },
    { name: "sort-by", type: "string" },
    { name: "cached", type: "bool" },
    { name: "categories", type: "stringSlice" },
  ],
  run(ctx, f) {
    const o = f.str("output");
    if (o && o !== "wide" && o !== "name") throw new KubectlError(`error: --output ${o} is not available`);
    let list: Mapping[] = ctx.disco.all();
    if (f.changed("api-group")) list = list.filter((m) => m.group === f.str("api-group"));
    if (f.changed("namespaced")) list = list.filter((m) => m.namespaced === f.bool("namespaced"));
    for (const v of f.list("verbs")) list = list.filter((m) => m.verbs.includes(v));
    for (const c of f.list("categories")) list = list.filter((m) => m.categories.includes(c));
    const key = (m: Mapping) => (f.str("sort-by") === "name" ? m.resource : f.str("sort-by") === "kind" ? m.kind : m.group);
    list = list.map((m, i) => ({ m, i })).sort((a, b) => (key(a.m) < key(b.m) ? -1 : key(a.m) > key(b.m) ? 1 : a.i - b.i)).map((x) => x.m);
    if (o === "name") {
      for (const m of list) ctx.out.out(`${m.group ? `${m.resource}.${m.group}` : m.resource}\n`);
      return;
    }
    const w = new Tabwriter(GET_TABWRITER);
    if (!f.bool("no-headers")) w.write(o === "wide" ? "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES\n" : "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n");
    for (const m of list) {
      const cells = [m.resource, m.shortNames.join(","), apiVersionOf(m), String(m.namespaced), m.kind];
      if (o === "wide") cells.push(m.verbs.join(","), m.categories.join(","));
      w.write(`${cells.join("\t")}\n`);
    }
    ctx.out.out(w.take());
  },
};

/** kubectl api-versions */
export const apiVersionsCommand: Command = {
  path: "api-versions",
  flags: [],
  run(ctx) {
    const versions = [...new Set(ctx.disco.all().map(apiVersionOf))].sort();
    ctx.out.out(versions.map((v) => `${v}\n`).join(""));
  },
};

/** kubectl cluster-info */
export const clusterInfoCommand: Command = {
  path: "cluster-info",
  flags: [],
  run(ctx) {
    ctx.disco.all();
    const server = ctx.host.server ?? DEFAULT_SERVER;
    let out = `Kubernetes control plane is running at ${server}\n`;
    const list = ctx.client.get<any>("/api/v1/namespaces/kube-system/services", { accept: "application/json", query: { labelSelector: "kubernetes.io/cluster-service=true" } });
    for (const svc of list.items ?? []) {
      const name = svc.metadata.labels?.["kubernetes.io/name"] || svc.metadata.name;
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      let link: string;
      if (ingress.length) link = `http://${ingress[0].ip || ingress[0].hostname}:${svc.spec.ports?.[0]?.port ?? ""}`;
      else {
        const port = svc.spec?.ports?.[0];
        const p = port?.name ? `${svc.metadata.name}:${port.name}` : svc.metadata.name;
        link = `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${p}/proxy`;
      }
      out += `${name} is running at ${link}\n`;
    }
    ctx.out.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};
