// The busybox image family (docker.io/library/busybox and registry.k8s.io/busybox): every applet
// in /bin, CMD ["sh"]. Registered in catalog.ts.
import type { FamilyDef, TagDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";
import { busyboxSpec } from "./distro-busybox";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function bb(version: string, tags: string[], created: string, size: number): TagDef {
  return {
    tag: tags[0],
    aliases: tags.slice(1),
    sizeBytes: size,
    created,
    config: { cmd: ["sh"], env: [["PATH", PATH]], exposedPorts: [], stopSignal: "SIGTERM", user: "" },
    history: [
      { created, createdBy: `BusyBox ${version} (glibc), Debian 12`, size: Math.round(size * 2.05), comment: "" },
      { created, createdBy: 'CMD ["sh"]', size: 0, comment: "buildkit.dockerfile.v0" },
    ],
    rootfs: () => withDevices(buildFs(DEV, busyboxSpec())),
    vars: { distro: "busybox", busybox: version, wget: "busybox" },
  };
}

/** busybox. */
export const BUSYBOX: FamilyDef = {
  name: "busybox",
  repos: ["library/busybox"],
  matchLast: true,
  tags: [
    bb("1.36.1", ["1.36", "1.36.1", "1.36-glibc", "1.36.1-glibc"], "2024-09-26T21:31:42Z", 2155398),
    bb("1.37.0", ["1.37", "1.37.0", "latest", "stable", "glibc", "1", "musl", "uclibc"], "2024-09-26T21:31:42Z", 2166802),
    bb("1.35.0", ["1.35", "1.35.0"], "2023-07-18T23:19:33Z", 2224229),
    bb("1.34.1", ["1.34", "1.34.1"], "2023-07-18T23:19:33Z", 2219949),
    bb("1.28.4", ["1.28", "1.28.4"], "2018-12-26T09:20:42Z", 727869),
    bb("1.24.0", ["1.24", "1.27", "1.27.2", "1.29", "1.30", "1.31", "1.32", "1.33"], "2017-11-03T22:39:17Z", 732046),
  ],
};
