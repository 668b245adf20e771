// Load-generating images from the Kubernetes resource tasks: polinux/stress (alpine + stress(1))
// and vish/stress (a scratch image whose /stress burns CPU and allocates memory). Registered in catalog.ts.
import type { FamilyDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";
import { alpineSpec } from "./distro-busybox";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** polinux/stress. */
export const POLINUX_STRESS: FamilyDef = {
  name: "polinux-stress",
  repos: ["polinux/stress"],
  tags: [{
    tag: "latest", aliases: ["1.0.4"], sizeBytes: 4041495, created: "2019-01-07T13:48:49Z",
    config: { cmd: ["/bin/sh"], env: [["PATH", PATH]], exposedPorts: [], stopSignal: "SIGTERM", user: "" },
    rootfs: () => withDevices(buildFs(DEV, alpineSpec("3.8.2"), { progs: { "/usr/local/bin/stress": "stress", "/usr/bin/stress": "stress" } })),
    vars: { distro: "alpine" },
  }],
};

/** vish/stress. */
export const VISH_STRESS: FamilyDef = {
  name: "vish-stress",
  repos: ["vish/stress"],
  tags: [{
    tag: "latest", sizeBytes: 2049416, created: "2015-10-23T00:00:00Z",
    config: { entrypoint: ["/stress", "-logtostderr"], env: [["PATH", PATH]], exposedPorts: [], stopSignal: "SIGTERM", user: "" },
    rootfs: () => withDevices(buildFs(DEV, { dirs: ["/tmp"], progs: { "/stress": "vish-stress" } })),
    vars: { distro: "scratch" },
  }],
};
