// Images from registry.k8s.io used by the Kubernetes Pod tasks: liveness (/server: /healthz is
// 200 for 10 s then 500), goproxy:0.1 (TCP 8080), etcd 3.5.x (gRPC health on 2379), pause.
// Scratch-style images without a shell. Registered in catalog.ts.
import type { FamilyDef } from "./types";
import { buildFs, withDevices, DEV } from "./rootfs";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const base = { exposedPorts: [] as string[], stopSignal: "SIGTERM", user: "" };

/** registry.k8s.io/liveness. */
export const LIVENESS: FamilyDef = {
  name: "liveness",
  repos: ["liveness", "google-containers/liveness", "google_containers/liveness"],
  matchLast: true,
  tags: [{
    tag: "latest", sizeBytes: 2516425, created: "2017-01-26T00:00:00Z",
    config: { ...base, env: [["PATH", PATH]] },
    rootfs: () => withDevices(buildFs(DEV, { dirs: ["/tmp"], progs: { "/server": "liveness-server" } })),
    vars: { distro: "scratch" },
  }],
};

/** registry.k8s.io/goproxy. */
export const GOPROXY: FamilyDef = {
  name: "goproxy",
  repos: ["goproxy", "google_containers/goproxy"],
  matchLast: true,
  tags: [{
    tag: "0.1", sizeBytes: 2426000, created: "2016-04-05T00:00:00Z",
    config: { ...base, entrypoint: ["/goproxy"], env: [["PATH", PATH]], exposedPorts: ["8080/tcp"] },
    rootfs: () => withDevices(buildFs(DEV, { progs: { "/goproxy": "goproxy" } })),
    vars: { distro: "scratch" },
  }],
};

/** registry.k8s.io/etcd. */
export const ETCD: FamilyDef = {
  name: "etcd",
  repos: ["etcd", "coreos/etcd"],
  matchLast: true,
  tags: ["3.5.16-0", "3.5.15-0", "3.5.12-0", "3.5.10-0", "3.5.9-0", "3.5.1-0", "3.5.0-0"].map((t) => ({
    tag: t, sizeBytes: 57680541, created: "2024-09-12T00:00:00Z",
    config: { ...base, env: [["PATH", PATH]], exposedPorts: ["2379/tcp", "2380/tcp"] },
    rootfs: () => withDevices(buildFs(DEV, { dirs: ["/var/etcd", "/var/lib/etcd", "/tmp"], progs: { "/usr/local/bin/etcd": "etcd", "/usr/local/bin/etcdctl": "stub", "/usr/local/bin/etcdutl": "stub" } })),
    vars: { distro: "distroless", etcd: t.replace(/-0$/, "") },
  })),
};

/** registry.k8s.io/pause. */
export const PAUSE: FamilyDef = {
  name: "pause",
  repos: ["pause"],
  matchLast: true,
  tags: ["3.10", "3.9", "3.8", "3.6"].map((t) => ({
    tag: t, sizeBytes: 320368, created: "2024-05-01T00:00:00Z",
    config: { ...base, entrypoint: ["/pause"], env: [["PATH", PATH]] },
    rootfs: () => withDevices(buildFs(DEV, { progs: { "/pause": "pause" } })),
    vars: { distro: "scratch" },
  })),
};
