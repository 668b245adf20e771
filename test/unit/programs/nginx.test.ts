import { describe, expect, test } from "vitest";
import { Sim } from "../runtime/harness";

const NODE = "192.168.10.81";

function web(mounts: { mountPath: string; volume: string; files?: Record<string, string>; readOnly?: boolean; subPath?: string }[] = []) {
  const sim = new Sim();
  const cid = sim.pod({ name: "web", image: "nginx:1.27.5", ip: "172.16.5.5", mounts });
  return { sim, cid, get: (path: string, port = 80) => sim.rt.httpGet(NODE, "172.16.5.5", port, path, {}, 1000) };
}

describe("nginx", () => {
  test("logs the entrypoint lines on stdout and nginx's notices on stderr", () => {
    const { sim, cid } = web();
    expect(sim.stream(cid, 1).split("\n")[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(sim.stream(cid, 2).split("\n").slice(0, 2)).toEqual(['2025/01/27 10:00:00 [notice] 1#1: using the "epoll" event method', "2025/01/27 10:00:00 [notice] 1#1: nginx/1.27.5"]);
    expect(sim.exec(cid, ["cat", "/run/nginx.pid"]).stdout).toBe("1\n");
    expect(sim.exec(cid, ["grep", "-E", "^ +listen ", "/etc/nginx/conf.d/default.conf"]).stdout).toBe("    listen       80;\n    listen  [::]:80;\n");
  });

  test("serves the welcome page with nginx's headers and 404 for missing files", () => {
    const { get } = web();
    const ok = get("/");
    expect(ok).toMatchObject({ status: 200, headers: { Server: "nginx/1.27.5", "Content-Type": "text/html", "Content-Length": "615", "Accept-Ranges": "bytes" } });
    const miss = get("/nope.html");
    expect(miss).toMatchObject({ status: 404, body: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n" });
  });

  test("a ConfigMap-mounted server block changes the port, root and adds a return location", () => {
    const conf = "server {\n  listen 8080;\n  root /data/www;\n  location = /healthz { return 200 'ok'; }\n}\n";
    const { sim, cid, get } = web([{ mountPath: "/etc/nginx/conf.d", volume: "files:u/conf", files: { "default.conf": conf } }, { mountPath: "/data/www", volume: "emptydir:u/www" }]);
    expect(sim.stream(cid, 1)).toContain("10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version");
    expect(get("/", 80)).toEqual({ error: "refused" });
    expect(get("/healthz", 8080)).toMatchObject({ status: 200, body: "ok" });
    expect(get("/", 8080)).toMatchObject({ status: 403 });
    sim.exec(cid, ["sh", "-c", "echo hello > /data/www/index.html"]);
    expect(get("/", 8080)).toMatchObject({ status: 200, body: "hello\n" });
  });

  test("a directory without a trailing slash redirects", () => {
    const { sim, cid, get } = web();
    sim.exec(cid, ["mkdir", "/usr/share/nginx/html/docs"]);
    expect(get("/docs")).toMatchObject({ status: 301, headers: { Location: "http://172.16.5.5:80/docs/" } });
  });

  test("nginx -t, -v and -s reload", () => {
    const { sim, cid } = web();
    expect(sim.exec(cid, ["nginx", "-t"]).stderr).toBe("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    expect(sim.exec(cid, ["nginx", "-v"]).stderr).toBe("nginx version: nginx/1.27.5\n");
    expect(sim.exec(cid, ["nginx", "-s", "reload"]).exitCode).toBe(0);
    const logs = sim.rt.readLogs(cid);
    expect(logs).toMatch(/signal 1 \(SIGHUP\) received from \d+, reconfiguring/);
    expect(sim.rt.processes(cid).filter((p) => p.argv[0] === "nginx: worker process").map((p) => p.pid)).toEqual([34, 35]);
  });

  test("nginx -s quit without a running master fails on the pid file", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5", argv: ["sleep", "100"] });
    expect(sim.exec(cid, ["nginx", "-s", "quit"])).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)') });
  });

  test("a second nginx cannot bind port 80 and gives up after five tries", () => {
    const { sim, cid } = web();
    const r = sim.exec(cid, ["nginx", "-g", "daemon off;"], undefined, 10_000);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.match(/nginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)/g)?.length).toBe(5);
    expect(r.stderr).toContain("nginx: [emerg] still could not bind()");
  });

  test("without daemon off nginx daemonizes and the container exits (a classic mistake)", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5", argv: ["nginx"] });
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0, reason: "Completed" });
  });
});
