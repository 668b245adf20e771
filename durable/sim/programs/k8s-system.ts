// The kube-system daemons of a kubeadm cluster (kube-apiserver, kube-controller-manager,
// kube-scheduler, kube-proxy, CoreDNS, Calico node/cni/kube-controllers): they log a few
// characteristic start-up lines, listen on their usual ports, answer health checks and exit
// cleanly on SIGTERM. One-shot Calico init steps exit 0. Registered in registry.ts.
import type { HttpResponse, Program, Sys } from "./api";
import { SIG } from "../runtime/constants";
import { httpDate } from "./nginx-http";

interface Daemon { ports: [number, "http" | "raw" | "grpc"][]; lines: (sys: Sys, v: string) => string; stream: 1 | 2; mem: number; oneShot?: boolean }

function klog(sys: Sys, file: string, msg: string, level = "I"): string {
  const d = new Date(sys.now());
  const p = (n: number) => String(n).padStart(2, "0");
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, "0")}${String(sys.random(1000)).padStart(3, "0")}       ${sys.pid} ${file}] ${msg}\n`;
}

function calicoLog(sys: Sys, file: string, msg: string): string {
  const d = new Date(sys.now()).toISOString().replace("T", " ").replace("Z", "");
  return `${d} [INFO][${sys.pid}] ${file}: ${msg}\n`;
}

const DAEMONS: Record<string, Daemon> = {
  "kube-apiserver": { ports: [[6443, "raw"]], stream: 2, mem: 260_000_000, lines: (s, v) => klog(s, "options.go:228", "external host was not specified, using " + (s.net.podIp || s.node.ip || "192.168.10.100")) + klog(s, "server.go:143", `Version: ${v}`) + klog(s, "server.go:145", `"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""`) + klog(s, "secure_serving.go:213", `Serving securely on [::]:6443`) },
  "kube-controller-manager": { ports: [[10257, "raw"]], stream: 2, mem: 60_000_000, lines: (s, v) => klog(s, "serving.go:386", "Generated self-signed cert in-memory") + klog(s, "controllermanager.go:185", `"Starting" version="${v}"`) + klog(s, "secure_serving.go:213", "Serving securely on 127.0.0.1:10257") },
  "kube-scheduler": { ports: [[10259, "raw"]], stream: 2, mem: 25_000_000, lines: (s, v) => klog(s, "serving.go:386", "Generated self-signed cert in-memory") + klog(s, "server.go:167", `"Starting Kubernetes Scheduler" version="${v}"`) + klog(s, "secure_serving.go:213", "Serving securely on 127.0.0.1:10259") },
  "kube-proxy": { ports: [[10249, "http"], [10256, "http"]], stream: 2, mem: 25_000_000, lines: (s) => klog(s, "server_linux.go:66", `"Using iptables proxy"`) + klog(s, "server.go:698", `"Successfully retrieved node IP(s)" IPs=["${s.node.ip ?? s.net.podIp}"]`) + klog(s, "server.go:483", `"Version info" version="${s.imageVar("version") ?? "v1.32.4"}"`) },
  coredns: { ports: [[53, "raw"], [8080, "http"], [8181, "http"], [9153, "http"]], stream: 1, mem: 18_000_000, lines: () => ".:53\n[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n" },
  "calico-node": { ports: [[9099, "http"]], stream: 1, mem: 110_000_000, lines: (s) => calicoLog(s, "startup/startup.go 425", "Early log level set to info") + calicoLog(s, "startup/utils.go 126", "Using NODENAME environment for node name " + s.net.hostname) + calicoLog(s, "startup/startup.go 112", "Datastore is ready") },
  "calico-kube-controllers": { ports: [[9094, "http"]], stream: 1, mem: 22_000_000, lines: (s) => calicoLog(s, "main.go 113", "Loaded configuration from environment config=&config.Config{LogLevel:\"info\"}") + calicoLog(s, "main.go 196", "Starting status report routine") },
  "calico-ipam": { ports: [], stream: 1, mem: 10_000_000, oneShot: true, lines: (s) => calicoLog(s, "ipam_plugin.go 75", "migrating from host-local to calico-ipam...") + calicoLog(s, "migrate.go 67", "checking host-local IPAM data dir dir existence...") },
  "calico-install": { ports: [], stream: 1, mem: 10_000_000, oneShot: true, lines: (s) => calicoLog(s, "install.go 168", "Running as a Kubernetes pod") + calicoLog(s, "install.go 518", "CNI plugin version: v3.28.2") + calicoLog(s, "install.go 395", "Calico CNI plugin installed") },
};

function makeDaemon(name: string): Program {
  const d = DAEMONS[name];
  return {
    step(sys) {
      if (sys.data) { sys.blockForever(); return; }
      const v = sys.imageVar("version") ?? "v1.32.4";
      const initOnly = name === "calico-node" && sys.argv.includes("-init");
      sys.write(d.stream, initOnly ? calicoLog(sys, "startup/startup.go 432", "Early log level set to info") : d.lines(sys, v));
      if (d.oneShot || initOnly) { sys.exit(0); return; }
      for (const [port, proto] of d.ports) sys.listen(port, proto);
      sys.data = { up: true };
      sys.setMem(d.mem);
      sys.setCatches([SIG.TERM, SIG.INT]);
      sys.blockForever();
    },
    signal(sys) { sys.exit(0); },
    http(sys, req): HttpResponse {
      const body = name === "coredns" || /healthz|readyz|livez|liveness|readiness/.test(req.path) ? "OK" : "";
      return { status: 200, headers: { Date: httpDate(sys.now()), "Content-Type": "text/plain; charset=utf-8", "Content-Length": String(body.length) }, body };
    },
  };
}

/** The kube-system daemons by program id. */
export const SYSTEM_DAEMONS: Record<string, Program> = Object.fromEntries(Object.keys(DAEMONS).map((n) => [n, makeDaemon(n)]));
