// The Pod tutorial's container scripts, verbatim, and what the tutorial shows them doing.
import { describe, expect, test } from "vitest";
import { Sim } from "./harness";

const REG = "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he";
const NGINX = `${REG}/nginx:1.27.5`;
const ALPINE = `${REG}/alpine:3.20`;
const NODE_IP = "192.168.10.81";

function waitExit(sim: Sim, cid: string, maxMs = 120_000): void {
  for (let t = 0; t < maxMs && sim.rt.containerStatus(cid)?.state === "running"; t += 100) sim.advance(100);
}

describe("3.4 command and args", () => {
  test("alpine with its default CMD exits at once and completes", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "test-alpine", image: ALPINE });
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0, reason: "Completed" });
    expect(sim.notices).toContainEqual(expect.objectContaining({ type: "container-exited", containerId: cid }));
  });

  test("the echo + tail script logs Hello World! and ps shows sh as PID 1 and tail as PID 7", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "command-args", image: ALPINE, argv: ["/bin/sh", "-c", 'echo "Hello World!"\ntail -f /dev/null \n'] });
    sim.advance(5000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    expect(sim.rt.readLogs(cid)).toBe("Hello World!\n");
    const ps = sim.exec(cid, ["ps"], "", 1000, true);
    expect(ps.stdout).toBe(
      "PID   USER     TIME  COMMAND\r\n" +
      '    1 root      0:00 /bin/sh -c echo "Hello World!" tail -f /dev/null  \r\n' +
      "    7 root      0:00 tail -f /dev/null\r\n" +
      "    8 root      0:00 ps\r\n",
    );
  });
});

describe("3.6 environment", () => {
  test("exec env shows image ENV, pod env, then TERM and HOME for a tty", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "pod-env", image: NGINX, env: [["HOST_IP", NODE_IP], ["haha", "lili"], ["app", "java"], ["Pod_IP", "172.16.196.177"]] });
    const out = sim.exec(cid, ["env"], "", 1000, true).stdout.replace(/\r\n/g, "\n");
    expect(out).toBe([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=pod-env", "NGINX_VERSION=1.27.5", "PKG_RELEASE=1",
      "DYNPKG_RELEASE=1", "NJS_VERSION=0.8.10", "NJS_RELEASE=1", `HOST_IP=${NODE_IP}`, "haha=lili", "app=java", "Pod_IP=172.16.196.177",
      "TERM=xterm", "HOME=/root", "",
    ].join("\n"));
  });
});

describe("3.8 restart policy scripts", () => {
  test("seeep 6 with a comment fails with dash's not-found message and status 127", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: NGINX, argv: ["/bin/sh", "-c", "seeep 6 # 故意写错，让pod起不来\n"] });
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 127, reason: "Error" });
    expect(sim.rt.readLogs(cid)).toBe("/bin/sh: 1: seeep: not found\n");
  });

  test.each([[0, "Completed"], [1, "Error"]] as const)("echo; sleep 3; exit %i ends after three seconds as %s", (code, reason) => {
    const sim = new Sim();
    const cid = sim.pod({ image: NGINX, argv: ["/bin/sh", "-c", `echo "Hello World!"\nsleep 3\nexit ${code}\n`] });
    sim.advance(2900);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    sim.advance(200);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: code, reason });
    expect(sim.rt.readLogs(cid)).toBe("Hello World!\n");
  });
});

describe("3.11 probes", () => {
  test("sleep 20;nginx: refused for 20 s, then the welcome page; nginx is a child of sh", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "test-pod", image: NGINX, ip: "172.16.196.144", argv: ["/bin/sh", "-c", 'sleep 20;nginx -g "daemon off;"\n'] });
    sim.advance(9000);
    expect(sim.rt.tcpConnect(NODE_IP, "172.16.196.144", 80)).toBe("refused");
    const client = sim.pod({ name: "client", image: NGINX });
    expect(sim.exec(client, ["curl", "172.16.196.144"]).stderr).toBe("curl: (7) Failed to connect to 172.16.196.144 port 80 after 0 ms: Couldn't connect to server\n");
    sim.advance(12000);
    const page = sim.exec(client, ["curl", "-s", "172.16.196.144"]).stdout;
    expect(page).toContain("<title>Welcome to nginx!</title>");
    expect(page.length).toBe(615);
    expect(sim.rt.processes(cid).map((p) => [p.pid, p.argv[0]])).toEqual([[1, "/bin/sh"], [8, "nginx: master process nginx -g daemon off;"], [9, "nginx: worker process"], [10, "nginx: worker process"]]);
  });

  test("sleep 20 then exec nginx: nginx replaces the shell as PID 1 and the startup probe's port opens", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "test-probe", image: NGINX, argv: ["/bin/sh", "-c", 'sleep 20\nexec nginx -g "daemon off;"\n'] });
    sim.advance(19_000);
    expect(sim.rt.tcpConnect(NODE_IP, "172.16.196.101", 80)).toBe("refused");
    sim.advance(2000);
    expect(sim.rt.tcpConnect(NODE_IP, "172.16.196.101", 80)).toBe("ok");
    expect(sim.rt.processes(cid)[0]).toMatchObject({ pid: 1, argv: ["nginx: master process nginx -g daemon off;"] });
  });

  test("liveness exec `pgrep java` fails and `pgrep nginx` succeeds", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: NGINX, argv: ["/bin/sh", "-c", 'sleep 20\nexec nginx -g "daemon off;"\n'] });
    sim.advance(21_000);
    expect(sim.exec(cid, ["sh", "-c", "pgrep java"]).exitCode).toBe(1);
    expect(sim.exec(cid, ["sh", "-c", "pgrep nginx"])).toEqual({ stdout: "1\n8\n9\n", stderr: "", exitCode: 0 });
  });

  test("readiness httpGet /index.php gets nginx's 404 and both log lines", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: NGINX, ip: "172.16.196.144" });
    const r = sim.rt.httpGet(NODE_IP, "172.16.196.144", 80, "/index.php", {}, 2000);
    expect(r).toMatchObject({ status: 404 });
    const logs = sim.rt.readLogs(cid, { tailLines: 2 });
    expect(logs).toContain(`[error] 29#29: *1 open() "/usr/share/nginx/html/index.php" failed (2: No such file or directory), client: ${NODE_IP}, server: localhost, request: "GET /index.php HTTP/1.1", host: "172.16.196.144:80"`);
    expect(logs).toContain(`${NODE_IP} - - [27/Jan/2025:10:00:00 +0000] "GET /index.php HTTP/1.1" 404 153 "-" "kube-probe/1.32" "-"`);
  });
});

describe("3.12 lifecycle hooks", () => {
  test("postStart writes /data/test.txt, which exec cat shows", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "poststart", image: NGINX });
    const hook = sim.exec(cid, ["/bin/sh", "-c", 'mkdir -p /data/\necho "wo shi hehe" >> /data/test.txt\n']);
    expect(hook.exitCode).toBe(0);
    expect(sim.exec(cid, ["cat", "/data/test.txt"]).stdout).toBe("wo shi hehe\n");
  });

  test("the preStop script sleeps 40 s, quits nginx gracefully and loops on killall -0 until nginx is gone", () => {
    const sim = new Sim();
    const cid = sim.pod({ name: "prestop", image: NGINX });
    const script = "sleep 40    # 这里睡个40秒来验证配置的宽限期生效吗\nnginx -s quit\n# 等待nginx完全退出\n# 第1秒检查：nginx进程存在 → 等待\n# 第2秒检查：nginx进程存在 → 等待\n# ...\n# 第N秒检查：nginx进程已退出 → 退出循环\nwhile killall -0 nginx\ndo\n    sleep 1\ndone\n";
    const r = sim.rt.exec(cid, ["/bin/sh", "-c", script], { owner: "hook" });
    if ("error" in r) throw new Error(r.error);
    sim.advance(39_000);
    expect(sim.rt.containerStatus(cid)?.state).toBe("running");
    sim.advance(2000);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 0, reason: "Completed" });
    expect(sim.rt.readLogs(cid)).toMatch(/\[notice\] 1#1: signal 3 \(SIGQUIT\) received from \d+, shutting down\n/);
    expect(sim.rt.readLogs(cid)).toMatch(/\[notice\] 1#1: exit\n$/);
  });
});
