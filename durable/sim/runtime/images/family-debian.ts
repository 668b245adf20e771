// The debian and ubuntu image families (CMD ["bash"]); ubuntu ships procps (ps), debian does not.
// Registered in catalog.ts.
import type { FamilyDef, TagDef } from "./types";
import { buildFs, withDevices, DEV, progsIn } from "./rootfs";
import { BOOKWORM, BULLSEYE, JAMMY, NOBLE, debianSpec, type DebianFlavor } from "./distro-debian";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function distro(fl: DebianFlavor, tags: string[], size: number, created: string): TagDef {
  const procps = fl.id === "ubuntu" ? { progs: progsIn("/usr/bin", ["ps", "pgrep", "pkill", "top", "free", "kill", "uptime", "watch", "pidof"]) } : {};
  return {
    tag: tags[0],
    aliases: tags.slice(1),
    sizeBytes: size,
    created,
    config: { cmd: ["bash"], env: [["PATH", PATH]], exposedPorts: [], stopSignal: "SIGTERM", user: "" },
    history: [{ created, createdBy: fl.id === "debian" ? `# debian.sh --arch 'amd64' out/ '${fl.codename}' '@1740355200'` : `ADD file:ubuntu-${fl.codename}-oci-amd64-root.tar.gz in / `, size: size * 2, comment: "" }, { created, createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', size: 0, comment: "" }],
    rootfs: () => withDevices(buildFs(DEV, debianSpec(fl), procps)),
    vars: { distro: fl.id },
  };
}

/** debian. */
export const DEBIAN: FamilyDef = {
  name: "debian",
  repos: ["library/debian"],
  matchLast: true,
  tags: [
    distro(BOOKWORM, ["bookworm", "12", "latest", "bookworm-slim", "12-slim", "stable", "stable-slim", "12.10", "12.10-slim"], 48493213, "2025-04-08T00:00:00Z"),
    distro(BULLSEYE, ["bullseye", "11", "bullseye-slim", "11-slim", "oldstable"], 55047402, "2025-04-08T00:00:00Z"),
  ],
};

/** ubuntu. */
export const UBUNTU: FamilyDef = {
  name: "ubuntu",
  repos: ["library/ubuntu"],
  matchLast: true,
  tags: [
    distro(NOBLE, ["24.04", "noble", "latest", "24.04.2"], 29723147, "2025-04-08T00:00:00Z"),
    distro(JAMMY, ["22.04", "jammy", "22.04.5"], 29537282, "2025-04-08T00:00:00Z"),
  ],
};
