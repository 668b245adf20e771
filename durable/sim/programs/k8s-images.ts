// The programs of the registry.k8s.io test images: /server of the liveness image (HTTP 8080,
// /healthz 200 "ok" for the first 10 s then 500), goproxy (HTTP proxy on 8080) and etcd
// (client 2379 with gRPC health, peer 2380). Registered in registry.ts.
import type { HttpResponse, Program, Sys } from "./api";
import { SIG } from "../runtime/constants";
import { httpDate } from "./nginx-http";

function goResponse(sys: Sys, status: number, body: string): HttpResponse {
  return { status, headers: { Date: httpDate(sys.now()), "Content-Length": String(body.length), "Content-Type": "text/plain; charset=utf-8" }, body };
}

/** The liveness image's /server. */
export const livenessServer: Program = {
  step(sys) {
    if (!sys.data) {
      if (sys.listen(8080, "http")) { sys.write(2, `${new Date(sys.now()).toISOString().slice(0, 19).replace("T", " ").replace(/-/g, "/")} listen tcp :8080: bind: address already in use\n`); sys.exit(1); return; }
      sys.data = { started: sys.now() };
      sys.setMem(5_000_000);
    }
    sys.blockForever();
  },
  http(sys, req) {
    const started = (sys.data as { started: number }).started;
    const secs = (sys.now() - started) / 1000;
    const path = req.path.replace(/\?.*$/, "");
    if (path === "/healthz") return secs > 10 ? goResponse(sys, 500, `error: ${secs}`) : goResponse(sys, 200, "ok");
    if (path === "/started") return goResponse(sys, 200, `${secs}s`);
    return goResponse(sys, 404, "404 page not found\n");
  },
};

/** goproxy: an HTTP proxy listening on 8080. */
export const goproxy: Program = {
  step(sys) {
    if (!sys.data) { sys.listen(8080, "http"); sys.data = { up: true }; sys.setMem(4_000_000); }
    sys.blockForever();
  },
  http(sys) {
    return goResponse(sys, 500, "This is a proxy server. Does not respond to non-proxy requests.\n");
  },
};

/** etcd with a gRPC health service on its client port. */
export const etcd: Program = {
  step(sys) {
    if (!sys.data) {
      const v = sys.imageVar("etcd") ?? "3.5.16";
      const ts = new Date(sys.now()).toISOString();
      sys.write(2, `{"level":"info","ts":"${ts}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":${JSON.stringify(sys.argv)}}\n{"level":"info","ts":"${ts}","caller":"embed/etcd.go:128","msg":"configuring peer listeners","listen-peer-urls":["http://localhost:2380"]}\n{"level":"info","ts":"${ts}","caller":"embed/etcd.go:308","msg":"starting an etcd server","etcd-version":"${v}","name":"default","data-dir":"default.etcd"}\n{"level":"info","ts":"${ts}","caller":"embed/serve.go:103","msg":"ready to serve client requests"}\n`);
      sys.listen(2379, "grpc");
      sys.listen(2380, "raw");
      sys.data = { up: true };
      sys.setMem(30_000_000);
      sys.setCatches([SIG.TERM, SIG.INT]);
    }
    sys.blockForever();
  },
  signal(sys) {
    sys.write(2, `{"level":"info","ts":"${new Date(sys.now()).toISOString()}","caller":"osutil/interrupt_unix.go:64","msg":"received signal; shutting down","signal":"terminated"}\n`);
    sys.exit(0);
  },
  grpcHealth() { return "SERVING"; },
  http(sys, req) { return goResponse(sys, req.path.startsWith("/health") ? 200 : 404, req.path.startsWith("/health") ? '{"health":"true","reason":""}' : "404 page not found\n"); },
};
