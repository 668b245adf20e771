// The redis image family: Debian based 7.0.5 (the tutorial's v7.0.5), 7.2.7, latest, alpine;
// ENTRYPOINT ["docker-entrypoint.sh"], CMD ["redis-server"], WORKDIR /data, EXPOSE 6379.
// Registered in catalog.ts.
import type { FamilyDef, TagDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";
import { BOOKWORM, BULLSEYE, debianSpec, type DebianFlavor } from "./distro-debian";
import { alpineSpec } from "./distro-busybox";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function redis(version: string, tags: string[], size: number, created: string, base: DebianFlavor | "alpine"): TagDef {
  const env: [string, string][] = [["PATH", PATH], ["GOSU_VERSION", "1.17"], ["REDIS_VERSION", version], ["REDIS_DOWNLOAD_URL", `http://download.redis.io/releases/redis-${version}.tar.gz`]];
  return {
    tag: tags[0],
    aliases: tags.slice(1),
    sizeBytes: size,
    created,
    config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"], env, workingDir: "/data", exposedPorts: ["6379/tcp"], stopSignal: "SIGTERM", user: "" },
    history: [
      { created, createdBy: `ENV REDIS_VERSION=${version}`, size: 0, comment: "buildkit.dockerfile.v0" },
      { created, createdBy: "WORKDIR /data", size: 0, comment: "buildkit.dockerfile.v0" },
      { created, createdBy: 'CMD ["redis-server"]', size: 0, comment: "buildkit.dockerfile.v0" },
    ],
    rootfs: () => withDevices(buildFs(DEV, base === "alpine" ? alpineSpec("3.21.3") : debianSpec(base, "redis:x:999:999::/home/redis:/bin/sh\n"), {
      dirs: ["/data"],
      progs: { "/usr/local/bin/redis-server": "redis-server", "/usr/local/bin/redis-cli": "redis-cli", "/usr/local/bin/redis-sentinel": "redis-server", "/usr/local/bin/redis-benchmark": "stub", "/usr/local/bin/gosu": "gosu" },
      files: { "/usr/local/bin/docker-entrypoint.sh": { c: "#!/bin/sh\nset -e\n# first arg is `-f` or `--some-option`\n# or first arg is `something.conf`\nif [ \"${1#-}\" != \"$1\" ] || [ \"${1%.conf}\" != \"$1\" ]; then\n\tset -- redis-server \"$@\"\nfi\n\n# allow the container to be started with `--user`\nif [ \"$1\" = 'redis-server' -a \"$(id -u)\" = '0' ]; then\n\tfind . \\! -user redis -exec chown redis '{}' +\n\texec gosu redis \"$0\" \"$@\"\nfi\n\nexec \"$@\"\n", m: 0o775, x: "redis-entrypoint" } },
    })),
    vars: { distro: base === "alpine" ? "alpine" : "debian", redis: version },
  };
}

/** redis. */
export const REDIS: FamilyDef = {
  name: "redis",
  repos: ["library/redis"],
  matchLast: true,
  tags: [
    redis("7.0.5", ["7.0.5", "7.0.5-bullseye"], 42645384, "2022-10-25T03:10:33Z", BULLSEYE),
    redis("7.0.15", ["7.0", "7.0.15"], 45024520, "2024-01-09T00:00:00Z", BOOKWORM),
    redis("7.2.7", ["7.2", "7.2.7", "7"], 45811024, "2025-01-07T00:00:00Z", BOOKWORM),
    redis("7.4.2", ["latest", "7.4", "7.4.2"], 45989634, "2025-01-07T00:00:00Z", BOOKWORM),
    redis("7.4.2", ["alpine", "7.4-alpine", "7.4.2-alpine", "7-alpine"], 17188306, "2025-01-07T00:00:00Z", "alpine"),
    redis("6.2.17", ["6.2", "6.2.17", "6"], 40123211, "2025-01-07T00:00:00Z", BOOKWORM),
  ],
};
