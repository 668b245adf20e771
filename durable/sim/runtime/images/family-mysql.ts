// The mysql image family: 8.0.16 (Debian stretch, the tutorial's image), 8.0, 5.7, latest;
// the entrypoint refuses to start without a root password option. Registered in catalog.ts.
import type { FamilyDef, TagDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";
import { BOOKWORM, STRETCH, debianSpec, type DebianFlavor } from "./distro-debian";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function mysql(version: string, tags: string[], size: number, created: string, base: DebianFlavor): TagDef {
  const major = version.split(".").slice(0, 2).join(".");
  return {
    tag: tags[0],
    aliases: tags.slice(1),
    sizeBytes: size,
    created,
    config: {
      entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"],
      env: [["PATH", PATH], ["GOSU_VERSION", "1.7"], ["MYSQL_MAJOR", major], ["MYSQL_VERSION", `${version}-1debian9`]],
      exposedPorts: ["3306/tcp", "33060/tcp"], stopSignal: "SIGTERM", user: "",
    },
    history: [{ created, createdBy: `ENV MYSQL_VERSION=${version}-1debian9`, size: 0, comment: "" }, { created, createdBy: '/bin/sh -c #(nop)  CMD ["mysqld"]', size: 0, comment: "" }],
    rootfs: () => withDevices(buildFs(DEV, debianSpec(base, "mysql:x:999:999::/home/mysql:/bin/sh\n"), {
      dirs: ["/var/lib/mysql", "/var/run/mysqld", "/docker-entrypoint-initdb.d", "/etc/mysql/conf.d"],
      progs: { "/usr/sbin/mysqld": "mysqld", "/usr/bin/mysql": "mysql", "/usr/bin/mysqladmin": "mysqladmin", "/usr/local/bin/gosu": "gosu" },
      links: { "/entrypoint.sh": "usr/local/bin/docker-entrypoint.sh" },
      files: { "/usr/local/bin/docker-entrypoint.sh": { c: "#!/bin/bash\nset -eo pipefail\nshopt -s nullglob\n# (mysql docker-entrypoint.sh)\n", m: 0o775, x: "mysql-entrypoint" }, "/etc/mysql/my.cnf": "[mysqld]\npid-file        = /var/run/mysqld/mysqld.pid\nsocket          = /var/run/mysqld/mysqld.sock\ndatadir         = /var/lib/mysql\nsecure-file-priv= NULL\n" },
    })),
    vars: { distro: "debian", mysql: version },
  };
}

/** mysql. */
export const MYSQL: FamilyDef = {
  name: "mysql",
  repos: ["library/mysql"],
  matchLast: true,
  tags: [
    mysql("8.0.16", ["8.0.16"], 142961580, "2019-05-14T00:00:00Z", STRETCH),
    mysql("8.0.41", ["8.0", "8.0.41", "8"], 167434513, "2025-01-22T00:00:00Z", BOOKWORM),
    mysql("8.4.4", ["latest", "8.4", "8.4.4", "lts"], 170340544, "2025-01-22T00:00:00Z", BOOKWORM),
    mysql("5.7.44", ["5.7", "5.7.44", "5"], 137909558, "2023-10-25T00:00:00Z", STRETCH),
  ],
};
