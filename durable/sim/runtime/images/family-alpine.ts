// The alpine image family (busybox ash, CMD ["/bin/sh"]): tags 3.19, 3.20, 3.21 and latest,
// with the `docker history` the tutorial shows for alpine:3.20. Registered in catalog.ts.
import type { FamilyDef, TagDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";
import { alpineSpec } from "./distro-busybox";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function alpine(version: string, tags: string[], created: string, size: number, layer: number, imageId: string): TagDef {
  return {
    tag: tags[0],
    aliases: tags.slice(1),
    sizeBytes: size,
    created,
    config: { cmd: ["/bin/sh"], env: [["PATH", PATH]], exposedPorts: [], stopSignal: "SIGTERM", user: "" },
    history: [
      { created, createdBy: `ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`, size: layer, comment: "buildkit.dockerfile.v0" },
      { created, createdBy: 'CMD ["/bin/sh"]', size: 0, comment: "buildkit.dockerfile.v0" },
    ],
    rootfs: () => withDevices(buildFs(DEV, alpineSpec(version))),
    vars: { distro: "alpine", busybox: "1.36.1", imageId, wget: "busybox" },
  };
}

/** alpine. */
export const ALPINE: FamilyDef = {
  name: "alpine",
  repos: ["library/alpine"],
  matchLast: true,
  tags: [
    alpine("3.20.6", ["3.20", "3.20.6"], "2025-02-14T03:28:36Z", 3626898, 7806418, "ff221270b9fb"),
    alpine("3.21.3", ["3.21", "3.21.3", "latest", "3"], "2025-02-14T03:28:36Z", 3642148, 8175104, "aded1e1a5b37"),
    alpine("3.19.7", ["3.19", "3.19.7"], "2025-02-14T03:28:36Z", 3419706, 7380480, "9f5ba3eb6d4e"),
    alpine("3.18.12", ["3.18", "3.18.12"], "2025-02-14T03:28:36Z", 3410234, 7340032, "4a3d3a9d6ef5"),
  ],
};
