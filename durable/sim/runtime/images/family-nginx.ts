// The nginx image family: Debian bookworm based 1.27.5 / 1.26.3 / 1.25.5 and alpine variants,
// ENTRYPOINT ["/docker-entrypoint.sh"], CMD ["nginx" "-g" "daemon off;"], STOPSIGNAL SIGQUIT,
// EXPOSE 80; curl, and (as the tutorial's image evidently had) pgrep/pkill/killall. Registered in catalog.ts.
import type { FamilyDef, TagDef, FsSpec } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";
import { BOOKWORM, debianSpec } from "./distro-debian";
import { alpineSpec } from "./distro-busybox";
import { DEFAULT_CONF, ENTRYPOINT_D, ENTRYPOINT_SH, HTML_50X, INDEX_HTML, MIME_TYPES, nginxConf } from "./nginx-files";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function nginxSpec(pidPath: string): FsSpec {
  const d: FsSpec["files"] = {};
  for (const f of ENTRYPOINT_D) d[`/docker-entrypoint.d/${f}`] = { c: `#!/bin/sh\n# ${f}\n`, m: 0o775 };
  return {
    dirs: ["/var/cache/nginx", "/etc/nginx/conf.d", "/usr/lib/nginx/modules", "/var/log/nginx"],
    progs: { "/usr/sbin/nginx": "nginx", "/usr/sbin/nginx-debug": "nginx", "/usr/bin/curl": "curl", "/usr/bin/envsubst": "stub", "/usr/bin/pgrep": "pgrep", "/usr/bin/pkill": "pkill", "/usr/bin/killall": "killall" },
    links: { "/var/log/nginx/access.log": "/dev/stdout", "/var/log/nginx/error.log": "/dev/stderr", "/etc/nginx/modules": "/usr/lib/nginx/modules" },
    files: {
      ...d,
      "/docker-entrypoint.sh": { c: ENTRYPOINT_SH, m: 0o775, x: "nginx-entrypoint" },
      "/etc/nginx/nginx.conf": nginxConf(pidPath),
      "/etc/nginx/conf.d/default.conf": DEFAULT_CONF,
      "/etc/nginx/mime.types": MIME_TYPES,
      "/etc/nginx/fastcgi_params": "fastcgi_param  QUERY_STRING       $query_string;\n",
      "/etc/nginx/scgi_params": "scgi_param  REQUEST_METHOD     $request_method;\n",
      "/etc/nginx/uwsgi_params": "uwsgi_param  QUERY_STRING       $query_string;\n",
      "/usr/share/nginx/html/index.html": INDEX_HTML,
      "/usr/share/nginx/html/50x.html": HTML_50X,
    },
  };
}

function nginx(version: string, njs: string, tags: string[], opts: { alpine?: string; size: number; created: string; pkg: string }): TagDef {
  const pidPath = version >= "1.27" ? "/run/nginx.pid" : "/var/run/nginx.pid";
  const env: [string, string][] = [["PATH", PATH], ["NGINX_VERSION", version], ["PKG_RELEASE", opts.pkg], ["DYNPKG_RELEASE", opts.pkg], ["NJS_VERSION", njs], ["NJS_RELEASE", opts.pkg]];
  const base = opts.alpine ? alpineSpec(opts.alpine) : debianSpec(BOOKWORM, "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n");
  return {
    tag: tags[0],
    aliases: tags.slice(1),
    sizeBytes: opts.size,
    created: opts.created,
    config: {
      entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"], env,
      exposedPorts: ["80/tcp"], stopSignal: "SIGQUIT", user: "",
    },
    history: [
      { created: opts.created, createdBy: opts.alpine ? `ADD alpine-minirootfs-${opts.alpine}-x86_64.tar.gz / # buildkit` : "# debian.sh --arch 'amd64' out/ 'bookworm' '@1740355200'", size: opts.alpine ? 7806418 : 74779017, comment: opts.alpine ? "buildkit.dockerfile.v0" : "debuerreotype 0.15" },
      { created: opts.created, createdBy: `ENV NGINX_VERSION=${version}`, size: 0, comment: "buildkit.dockerfile.v0" },
      { created: opts.created, createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]', size: 0, comment: "buildkit.dockerfile.v0" },
      { created: opts.created, createdBy: "EXPOSE map[80/tcp:{}]", size: 0, comment: "buildkit.dockerfile.v0" },
      { created: opts.created, createdBy: "STOPSIGNAL SIGQUIT", size: 0, comment: "buildkit.dockerfile.v0" },
      { created: opts.created, createdBy: 'CMD ["nginx" "-g" "daemon off;"]', size: 0, comment: "buildkit.dockerfile.v0" },
    ],
    rootfs: () => withDevices(buildFs(DEV, base, nginxSpec(pidPath), opts.alpine ? { files: { "/etc/passwd": { c: "root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n" } } } : {})),
    vars: {
      distro: opts.alpine ? "alpine" : "debian", nginx: version, pid: pidPath,
      gcc: opts.alpine ? "gcc 14.2.0 (Alpine 14.2.0) " : "gcc 12.2.0 (Debian 12.2.0-14) ",
      curl: opts.alpine ? "8.12.1" : "7.88.1", wget: "busybox",
    },
  };
}

/** nginx. */
export const NGINX: FamilyDef = {
  name: "nginx",
  repos: ["library/nginx"],
  matchLast: true,
  tags: [
    nginx("1.27.5", "0.8.10", ["1.27.5", "1.27", "mainline", "1", "latest", "1.27.5-bookworm", "bookworm", "mainline-bookworm"], { size: 72099410, created: "2025-04-16T17:08:40Z", pkg: "1" }),
    nginx("1.27.4", "0.8.9", ["1.27.4", "1.27.4-bookworm"], { size: 72188133, created: "2025-02-05T21:27:16Z", pkg: "1~bookworm" }),
    nginx("1.26.3", "0.8.9", ["1.26.3", "1.26", "stable", "1.26.3-bookworm", "stable-bookworm"], { size: 71000456, created: "2025-02-05T21:27:16Z", pkg: "1~bookworm" }),
    nginx("1.25.5", "0.8.4", ["1.25.5", "1.25"], { size: 71003923, created: "2024-05-30T07:06:02Z", pkg: "1~bookworm" }),
    nginx("1.24.0", "0.7.12", ["1.24.0", "1.24"], { size: 56943004, created: "2023-06-13T18:30:38Z", pkg: "1~bullseye" }),
    nginx("1.27.5", "0.8.10", ["1.27.5-alpine", "1.27-alpine", "alpine", "mainline-alpine", "1-alpine"], { alpine: "3.21.3", size: 20521372, created: "2025-04-16T17:08:40Z", pkg: "1" }),
    nginx("1.26.3", "0.8.9", ["1.26.3-alpine", "1.26-alpine", "stable-alpine"], { alpine: "3.20.6", size: 20180042, created: "2025-02-05T21:27:16Z", pkg: "1" }),
  ],
};
