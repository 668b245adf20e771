// /docker-entrypoint.sh of the official nginx image: when the command is nginx it runs the
// /docker-entrypoint.d scripts (IPv6 listen, local resolvers, envsubst of templates, worker
// tuning) with their usual log lines, then execs the command. Registered in registry.ts.
import type { Program, Sys } from "./api";

const ME = "/docker-entrypoint.sh";
const CONF = "/etc/nginx/conf.d/default.conf";

function envOf(sys: Sys, k: string): string | undefined {
  return sys.env.find(([n]) => n === k)?.[1];
}

function ipv6(sys: Sys, log: (s: string) => void): void {
  const me = "10-listen-on-ipv6-by-default.sh";
  const r = sys.fs.readFile(CONF);
  if (typeof r === "string") { log(`${me}: info: ${CONF} is not a file or does not exist`); return; }
  if (/listen\s+\[::\]:80;/.test(r.c)) { log(`${me}: info: IPv6 listen already enabled`); return; }
  log(`${me}: info: Getting the checksum of ${CONF}`);
  if (!r.c.startsWith("server {\n    listen       80;\n    server_name  localhost;")) { log(`${me}: info: ${CONF} differs from the packaged version`); return; }
  const e = sys.fs.writeFile(CONF, r.c.replace("listen       80;", "listen       80;\n    listen  [::]:80;"));
  if (e) { log(`${me}: info: can not modify ${CONF} (read-only file system?)`); return; }
  log(`${me}: info: Enabled listen on IPv6 in ${CONF}`);
}

function envsubst(sys: Sys, log: (s: string) => void): void {
  const me = "20-envsubst-on-templates.sh";
  const dir = envOf(sys, "NGINX_ENVSUBST_TEMPLATE_DIR") ?? "/etc/nginx/templates";
  const suffix = envOf(sys, "NGINX_ENVSUBST_TEMPLATE_SUFFIX") ?? ".template";
  const outDir = envOf(sys, "NGINX_ENVSUBST_OUTPUT_DIR") ?? "/etc/nginx/conf.d";
  const names = sys.fs.readdir(dir);
  if (typeof names === "string") return;
  for (const n of names.filter((x) => x.endsWith(suffix))) {
    const r = sys.fs.readFile(`${dir}/${n}`);
    if (typeof r === "string") continue;
    const out = `${outDir}/${n.slice(0, -suffix.length)}`;
    log(`${me}: Running envsubst on ${dir}/${n} to ${out}`);
    sys.fs.writeFile(out, r.c.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, k: string) => envOf(sys, k) ?? m));
  }
}

/** /docker-entrypoint.sh. */
export const nginxEntrypoint: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const quiet = !!envOf(sys, "NGINX_ENTRYPOINT_QUIET_LOGS");
    const log = (s: string) => { if (!quiet) sys.write(1, s + "\n"); };
    if (args[0] === "nginx" || args[0] === "nginx-debug") {
      log(`${ME}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`);
      log(`${ME}: Looking for shell scripts in /docker-entrypoint.d/`);
      const scripts = sys.fs.readdir("/docker-entrypoint.d");
      for (const f of typeof scripts === "string" ? [] : scripts) {
        const path = `/docker-entrypoint.d/${f}`;
        if (f.endsWith(".envsh")) log(`${ME}: Sourcing ${path}`);
        else if (f.endsWith(".sh")) {
          log(`${ME}: Launching ${path}`);
          if (f.startsWith("10-listen-on-ipv6")) ipv6(sys, log);
          if (f.startsWith("20-envsubst")) envsubst(sys, log);
        } else log(`${ME}: Ignoring ${path}`);
      }
      log(`${ME}: Configuration complete; ready for start up`);
      sys.skipPids(22);
    }
    if (!args.length) { sys.exit(0); return; }
    const found = sys.lookup(args[0]);
    if ("errno" in found) {
      sys.write(2, `${ME}: 47: exec: ${args[0]}: not found\n`);
      sys.exit(127);
      return;
    }
    if (sys.exec(found.path, args, [...sys.env])) sys.exit(126);
  },
};
