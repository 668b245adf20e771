import { describe, expect, test } from "vitest";
import { Sim } from "../runtime/harness";

function pod(image = "busybox:1.36") {
  const sim = new Sim();
  const cid = sim.pod({ name: "box", image, argv: ["sleep", "3600"] });
  return { sim, cid, sh: (script: string) => sim.exec(cid, ["sh", "-c", script]) };
}

describe("process tools", () => {
  test("pgrep lists matching pids and fails when nothing matches", () => {
    const { sh } = pod();
    expect(sh("sleep 50 & pgrep sleep")).toEqual({ stdout: "1\n8\n", stderr: "", exitCode: 0 });
    expect(sh("pgrep -l nope")).toEqual({ stdout: "", stderr: "", exitCode: 1 });
  });

  test("killall -0 reports whether a process exists (psmisc wording in Debian images)", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "nginx:1.27.5" });
    const sh = (s: string) => sim.exec(cid, ["sh", "-c", s]);
    expect(sh("killall -0 nginx; echo $?").stdout).toBe("0\n");
    expect(sh("killall -0 redis; echo $?")).toMatchObject({ stdout: "1\n", stderr: "redis: no process found\n" });
  });

  test("kill sends signals to other processes", () => {
    const { sim, cid, sh } = pod();
    expect(sh("sleep 100 & kill $!; wait $!; echo $?").stdout).toBe("143\n");
    expect(sim.exec(cid, ["kill", "-9", "4242"])).toMatchObject({ stderr: "kill: can't kill pid 4242: No such process\n", exitCode: 1 });
  });

  test("ps -o selects columns in busybox", () => {
    const { sh } = pod();
    expect(sh("ps -o pid,comm").stdout).toBe("PID   COMMAND\n    1 sleep\n    7 ps\n");
  });

  test("procps ps in ubuntu: default, aux and -ef formats", () => {
    const { sim, cid } = pod("ubuntu:24.04");
    expect(sim.exec(cid, ["ps"]).stdout).toBe("    PID TTY          TIME CMD\n      1 ?        00:00:00 sleep\n      7 ?        00:00:00 ps\n");
    expect(sim.exec(cid, ["ps", "-ef"]).stdout.split("\n")[0]).toBe("UID          PID    PPID  C STIME TTY          TIME CMD");
    expect(sim.exec(cid, ["ps", "aux"]).stdout.split("\n")[1]).toMatch(/^root\s+1\s+0\.0\s+0\.0\s+\d+\s+\d+ \?\s+Ss\s+10:00\s+0:00 sleep 3600$/);
  });
});

describe("files", () => {
  test("mkdir -p, touch, ls, cp, mv, rm", () => {
    const { sh } = pod();
    expect(sh("mkdir -p /a/b && touch /a/b/f && cp /a/b/f /a/g && mv /a/g /a/h && ls /a /a/b && rm -r /a && ls /a").stdout).toBe("/a:\nb\nh\n\n/a/b:\nf\n");
    expect(sh("ls /a").stderr).toBe("ls: /a: No such file or directory\n");
  });

  test("GNU error wording in Debian images", () => {
    const { sh } = pod("debian:bookworm");
    expect(sh("ls /nope; cat /nope; mkdir /x/y; rm /nope")).toMatchObject({
      stderr: "ls: cannot access '/nope': No such file or directory\ncat: /nope: No such file or directory\nmkdir: cannot create directory '/x/y': No such file or directory\nrm: cannot remove '/nope': No such file or directory\n",
    });
  });

  test("ls -l shows modes, sizes and symlink targets", () => {
    const { sh } = pod("nginx:1.27.5");
    const out = sh("ls -l /var/log/nginx /usr/share/nginx/html").stdout;
    expect(out).toContain("lrwxrwxrwx 1 root root 11 Apr 16  2025 access.log -> /dev/stdout");
    expect(out).toContain("-rw-r--r-- 1 root root 615 Apr 16  2025 index.html");
  });

  test("an emptyDir volume is shared between containers of a pod and survives their restart", () => {
    const sim = new Sim();
    const mounts = [{ mountPath: "/data", volume: "emptydir:uid-p/shared" }];
    const a = sim.pod({ name: "p", image: "busybox:1.36", argv: ["sh", "-c", "echo from-a > /data/x; sleep 3600"], mounts });
    const sb = Object.keys(sim.rt.save().sandboxes)[0];
    const b = sim.container(sb, "p", { name: "b", image: "busybox:1.36", argv: ["sleep", "3600"], mounts });
    expect(sim.exec(b, ["cat", "/data/x"]).stdout).toBe("from-a\n");
    sim.rt.stopContainer(a, 0);
    sim.rt.removeContainer(a);
    expect(sim.exec(b, ["cat", "/data/x"]).stdout).toBe("from-a\n");
  });

  test("re-pointing a symlink changes what its paths resolve to, also for another container on the volume", () => {
    const { sh } = pod();
    expect(sh("mkdir -p /a /b; echo A > /a/f; echo B > /b/f; ln -s /a /l; cat /l/f; rm /l; ln -s /b /l; cat /l/f; rm /l; cat /l/f").stdout).toBe("A\nB\n");
    const sim = new Sim();
    const mounts = [{ mountPath: "/data", volume: "emptydir:uid-q/shared" }];
    const a = sim.pod({ name: "q", image: "busybox:1.36", argv: ["sleep", "3600"], mounts });
    const sb = Object.keys(sim.rt.save().sandboxes)[0];
    const b = sim.container(sb, "q", { name: "b", image: "busybox:1.36", argv: ["sleep", "3600"], mounts });
    sim.exec(a, ["sh", "-c", "mkdir /data/one /data/two; echo 1 > /data/one/v; echo 2 > /data/two/v; ln -s one /data/cur"]);
    expect(sim.exec(b, ["cat", "/data/cur/v"]).stdout).toBe("1\n");
    sim.exec(a, ["sh", "-c", "rm /data/cur; ln -s two /data/cur"]);
    expect(sim.exec(b, ["cat", "/data/cur/v"]).stdout).toBe("2\n");
  });

  test("read-only mounts refuse writes", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"], mounts: [{ mountPath: "/etc/config", volume: "files:u/cfg", readOnly: true, files: { "app.conf": "x=1\n" } }] });
    expect(sim.exec(cid, ["sh", "-c", "cat /etc/config/app.conf; echo y > /etc/config/app.conf"])).toMatchObject({ stdout: "x=1\n", stderr: "sh: can't create /etc/config/app.conf: Read-only file system\n" });
  });
});

describe("text tools", () => {
  const cases: [string, string][] = [
    ["printf 'b 2\\na 1\\nc 3\\n' | sort", "a 1\nb 2\nc 3\n"],
    ["printf 'b 2\\na 10\\nc 3\\n' | sort -n -k2", "b 2\nc 3\na 10\n"],
    ["printf 'x\\nx\\ny\\n' | uniq -c", "      2 x\n      1 y\n"],
    ["printf 'a:b:c\\n' | cut -d: -f2,3", "b:c\n"],
    ["echo hello | tr a-z A-Z", "HELLO\n"],
    ["printf 'one\\ntwo\\nthree\\n' | grep -n t", "2:two\n3:three\n"],
    ["printf 'one\\ntwo\\n' | grep -c o", "2\n"],
    ["printf 'one\\ntwo\\n' | wc -l", "2\n"],
    ["echo 'hello world' | sed 's/world/there/'", "hello there\n"],
    ["printf 'a 1\\nb 2\\n' | awk '{print $2, $1}'", "1 a\n2 b\n"],
    ["seq 3", "1\n2\n3\n"],
    ["seq -s, 2 5", "2,3,4,5\n"],
    ["echo a b c | xargs -n 1 echo x", "x a\nx b\nx c\n"],
    ["find /etc -name 'host*' | sort", "/etc/hostname\n/etc/hosts\n"],
    ["basename /a/b/c.txt .txt; dirname /a/b/c.txt", "c\n/a/b\n"],
    ["date +%Y-%m-%dT%H:%M", "2025-01-27T10:00\n"],
    ["date", "Mon Jan 27 10:00:00 UTC 2025\n"],
    ["date -d @0 -u", "Thu Jan  1 00:00:00 UTC 1970\n"],
    ["hostname; cat /etc/hostname", "box\nbox\n"],
    ["uname -a", "Linux box 5.15.0-130-generic #140-Ubuntu SMP Wed Dec 18 17:59:53 UTC 2024 x86_64 Linux\n"],
    ["id", "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n"],
    ["nproc", "2\n"],
  ];
  test.each(cases)("%s", (script, out) => {
    const { sh } = pod();
    expect(sh(script).stdout).toBe(out);
  });
});

describe("tr", () => {
  test.each([
    ["echo hello | tr a-z A-Z", "HELLO\n"],
    ["echo 'a1b2c3' | tr -d 0-9", "abc\n"],
    ["echo 'a1b2c3' | tr -dc 0-9; echo", "123\n"],
    ["echo 'aaabbbccc' | tr -s ab", "abccc\n"],
    ["echo 'hello   world' | tr -s ' ' '_'", "hello_world\n"],
    ["echo 'a-b_c' | tr -c '[:alnum:]\n' .", "a.b.c\n"],
    ["printf 'x\ty\n' | tr '\t' ' '", "x y\n"],
    ["echo abc | tr abc xy", "xyy\n"],
  ])("%s", (script, out) => {
    expect(pod().sh(script).stdout).toBe(out);
  });
});

describe("small tools", () => {
  test.each([
    ["busybox:1.36", "expr 7 / 2; expr 2 \\* 3; expr length hello; expr abc : 'a\\(.\\)'; expr 0; echo rc=$?", "3\n6\n5\nb\n0\nrc=1\n"],
    ["debian:bookworm", "expr a + 1; echo rc=$?", "rc=2\n"],
    ["busybox:1.36", "echo -n admin | base64; echo YWRtaW4= | base64 -d; echo", "YWRtaW4=\nadmin\n"],
    ["debian:bookworm", "printf 'a\\nb\\n' | tac; printf 'x\\n\\ny\\n' | nl", "b\na\n     1\tx\n\n     2\ty\n"],
    ["debian:bookworm", "readlink /bin/sh; readlink -f /bin/sh; cd /etc && realpath hosts", "dash\n/usr/bin/dash\n/etc/hosts\n"],
    ["busybox:1.36", "f=$(mktemp) && test -f $f && echo ${f%.*}; d=$(mktemp -d) && test -d $d && echo dir", "/tmp/tmp\ndir\n"],
    ["busybox:1.36", "tty; echo rc=$?", "not a tty\nrc=1\n"],
    ["busybox:1.36", "nohup echo hi", "hi\n"],
  ])("%s: %s", (image, script, out) => {
    expect(pod(image).sh(script).stdout).toBe(out);
  });

  test.each([
    ["busybox:1.36", "timeout 2 sleep 5; echo rc=$?", "rc=143\n", 2000],
    ["debian:bookworm", "timeout 2 sleep 5; echo rc=$?", "rc=124\n", 2000],
    ["debian:bookworm", "timeout -s KILL 1 sleep 5; echo rc=$?", "rc=137\n", 1000],
    ["debian:bookworm", "timeout -k 1 1 sh -c 'trap \"\" TERM; sleep 5'; echo rc=$?", "rc=137\n", 2000],
    ["busybox:1.36", "timeout 5 false; echo rc=$?", "rc=1\n", 0],
  ])("%s: %s", (image, script, out, ms) => {
    const { sim, cid } = pod(image);
    const r = sim.rt.exec(cid, ["sh", "-c", script], { owner: "t" });
    if ("error" in r) throw new Error(r.error);
    sim.advance(ms);
    expect(new TextDecoder().decode(sim.rt.execRead(r.sessionId).stdout)).toBe(out);
  });

  test("df lists the overlay root and the pod's mounts, or the file system holding a path", () => {
    const sim = new Sim();
    const mounts = [{ mountPath: "/data", volume: "emptydir:u/d" }, { mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", volume: "files:u/sa", readOnly: true, files: { token: "x" } }];
    const deb = sim.pod({ image: "debian:bookworm", argv: ["sleep", "3600"], mounts });
    expect(sim.exec(deb, ["df", "-h", "/"]).stdout).toBe("Filesystem      Size  Used Avail Use% Mounted on\noverlay          50G  9.4G   41G  19% /\n");
    expect(sim.exec(deb, ["df", "/data"]).stdout).toBe("Filesystem     1K-blocks    Used Available Use% Mounted on\n/dev/sda1       52403200 9832484  42570716  19% /data\n");
    const bb = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"], mounts });
    const all = sim.exec(bb, ["df"]).stdout.split("\n").map((l) => l.split(/ +/).pop());
    expect(all).toEqual(["on", "/", "/dev", "/dev/shm", "/data", "/var/run/secrets/kubernetes.io/serviceaccount", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", ""]);
  });

  test("busybox time reports the virtual time the command took", () => {
    expect(pod().sh("time sleep 1")).toMatchObject({ stderr: "real\t0m 1.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\n", exitCode: 0 });
  });
});

describe("endless devices", () => {
  test.each(["busybox:1.36", "debian:bookworm"])("%s: a random password from /dev/urandom, and bytes from /dev/zero", (image) => {
    const { sh } = pod(image);
    expect(sh("tr -dc 'a-z0-9' < /dev/urandom | head -c 12; echo").stdout).toMatch(/^[a-z0-9]{12}\n$/);
    expect(sh("head -c 100 /dev/zero | wc -c").stdout.trim()).toBe("100");
    expect(sh("head /dev/urandom | tr -dc A-Za-z0-9 | head -c 13; echo").stdout).toMatch(/^[A-Za-z0-9]{13}\n$/);
  });

  test("a reader of /dev/zero spins as a CPU-bound process and an exec next to it still answers at once", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "wc -c < /dev/zero"] });
    sim.advance(60_000);
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "running" });
    expect(sim.rt.containerStats(cid).cpuMillicores).toBeGreaterThanOrEqual(1000);
    const r = sim.rt.exec(cid, ["echo", "hi"], { owner: "t" });
    if ("error" in r) throw new Error(r.error);
    expect(sim.rt.execRead(r.sessionId)).toMatchObject({ exitCode: 0 });
    const busy = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", "while :; do :; done"] });
    sim.advance(120_000);
    expect(sim.exec(busy, ["ps"], undefined, 100).exitCode).toBe(0);
  });
});

describe("grep on an endless stream", () => {
  const LOOP = "(while true; do echo ok; echo ERROR x; sleep 1; done)";

  test("--line-buffered passes matches to the container log as they arrive", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sh", "-c", `${LOOP} | grep --line-buffered ERROR`] });
    sim.advance(2500);
    expect(sim.rt.readLogs(cid)).toBe("ERROR x\nERROR x\nERROR x\n");
  });

  test("without it output to the log comes in 4 KiB blocks, as stdio buffers a pipe", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "debian:bookworm", argv: ["sh", "-c", `${LOOP} | grep ERROR`] });
    sim.advance(10_000);
    expect(sim.rt.readLogs(cid)).toBe("");
    sim.advance(600_000);
    expect(sim.rt.readLogs(cid)).toBe("ERROR x\n".repeat(512));
  });

  test("on a terminal every matching line shows at once", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "busybox:1.36", argv: ["sleep", "3600"] });
    const r = sim.rt.exec(cid, ["sh", "-c", `${LOOP} | grep ERROR`], { owner: "t", tty: true });
    if ("error" in r) throw new Error(r.error);
    sim.advance(1500);
    expect(new TextDecoder().decode(sim.rt.execRead(r.sessionId).stdout)).toBe("ERROR x\r\nERROR x\r\n");
  });

  test.each([
    ["yes | grep -m 3 y", "y\ny\ny\n"],
    ["yes | grep -q y; echo $?", "0\n"],
    ["yes abc | grep -c -m 5 b", "5\n"],
  ])("%s stops reading early", (script, out) => {
    const { sh } = pod();
    expect(sh(script)).toMatchObject({ stdout: out, exitCode: 0 });
  });
});

describe("network clients", () => {
  function cluster() {
    const sim = new Sim();
    const web = sim.pod({ name: "web", image: "nginx:1.27.5", ip: "172.16.1.10" });
    const client = sim.pod({ name: "client", image: "busybox:1.36", ip: "172.16.1.11", argv: ["sleep", "3600"] });
    sim.services["10.96.100.1:80"] = { ip: "172.16.1.10", port: 80 };
    sim.services["10.96.100.2:80"] = "no-endpoints";
    sim.dns["nginx.default.svc.cluster.local"] = ["10.96.100.1"];
    return { sim, web, client };
  }

  test("wget -qO- through a service name prints the page", () => {
    const { sim, client } = cluster();
    const r = sim.exec(client, ["wget", "-qO-", "http://nginx"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("<h1>Welcome to nginx!</h1>");
  });

  test("wget without -q prints busybox progress lines", () => {
    const { sim, client } = cluster();
    expect(sim.exec(client, ["wget", "-O-", "nginx"]).stderr).toBe("Connecting to nginx (10.96.100.1:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n");
  });

  test("a service without endpoints refuses; an unknown name does not resolve", () => {
    const { sim, client } = cluster();
    expect(sim.exec(client, ["wget", "-qO-", "10.96.100.2"])).toMatchObject({ stderr: "wget: can't connect to remote host (10.96.100.2): Connection refused\n", exitCode: 1 });
    expect(sim.exec(client, ["wget", "-qO-", "nosuch"])).toMatchObject({ stderr: "wget: bad address 'nosuch'\n", exitCode: 1 });
  });

  test("an address nobody answers times out on the virtual clock", () => {
    const { sim, client } = cluster();
    const r = sim.exec(client, ["wget", "-T", "5", "-qO-", "172.16.9.9"], undefined, 10_000);
    expect(r).toMatchObject({ stderr: "wget: download timed out\n", exitCode: 1 });
  });

  test("curl -s -o /dev/null -w '%{http_code}' and -I", () => {
    const { sim, web } = cluster();
    expect(sim.exec(web, ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://localhost/nope"]).stdout).toBe("404");
    expect(sim.exec(web, ["curl", "-sI", "localhost"]).stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.5\r\nDate: Mon, 27 Jan 2025 10:00:00 GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\n/);
  });

  test("nslookup answers with the cluster DNS server and the FQDN", () => {
    const { sim, client } = cluster();
    expect(sim.exec(client, ["nslookup", "nginx"]).stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx.default.svc.cluster.local\nAddress: 10.96.100.1\n\n");
  });

  test("redis-cli talks to redis-server", () => {
    const sim = new Sim();
    const r = sim.pod({ image: "redis:7.0.5" });
    expect(sim.exec(r, ["redis-cli", "set", "k", "v"]).stdout).toBe("OK\n");
    expect(sim.exec(r, ["redis-cli", "get", "k"]).stdout).toBe("v\n");
    expect(sim.exec(r, ["redis-cli", "incr", "n"]).stdout).toBe("1\n");
    sim.rt.stopContainer(r, 30_000);
    expect(sim.rt.readLogs(r, { tailLines: 1 })).toMatch(/^1:M 27 Jan 2025 10:00:00\.000 # Redis is now ready to exit, bye bye\.\.\.\n$/);
  });
});

describe("images", () => {
  test("mysql 8.0.16 refuses to start without a root password option", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "mysql:8.0.16" });
    expect(sim.rt.containerStatus(cid)).toMatchObject({ state: "exited", exitCode: 1 });
    expect(sim.rt.readLogs(cid)).toBe("error: database is uninitialized and password option is not specified \n  You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD\n");
  });

  test("mysql with a password becomes ready on 3306 after initializing", () => {
    const sim = new Sim();
    const cid = sim.pod({ image: "mysql:8.0.16", ip: "172.16.2.2", env: [["MYSQL_ROOT_PASSWORD", "x"]] });
    expect(sim.rt.tcpConnect("192.168.10.81", "172.16.2.2", 3306)).toBe("refused");
    sim.advance(15_000);
    expect(sim.rt.tcpConnect("192.168.10.81", "172.16.2.2", 3306)).toBe("ok");
    expect(sim.rt.readLogs(cid)).toContain("ready for connections. Version: '8.0.16'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.");
  });

  test("the liveness image's /server answers /healthz 200 for 10 s, then 500", () => {
    const sim = new Sim();
    sim.pod({ image: "registry.k8s.io/liveness", argv: ["/server"], ip: "172.16.3.3" });
    expect(sim.rt.httpGet("192.168.10.81", "172.16.3.3", 8080, "/healthz", {}, 1000)).toMatchObject({ status: 200, body: "ok" });
    sim.advance(11_000);
    expect(sim.rt.httpGet("192.168.10.81", "172.16.3.3", 8080, "/healthz", {}, 1000)).toMatchObject({ status: 500, body: "error: 11" });
  });

  test("etcd answers gRPC health checks", () => {
    const sim = new Sim();
    sim.pod({ image: "registry.k8s.io/etcd:3.5.1-0", argv: ["etcd"], ip: "172.16.4.4" });
    expect(sim.rt.grpcCheck("192.168.10.81", "172.16.4.4", 2379, "", 1000)).toEqual({ status: "SERVING" });
  });

  test.each([
    ["nginx:nope", 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found'],
    ["nosuchimage", 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nosuchimage:latest": failed to resolve reference "docker.io/library/nosuchimage:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
  ])("pulling %s fails with the CRI error", (ref, error) => {
    expect(new Sim().rt.resolveImage(ref)).toEqual({ error });
  });

  test("any registry prefix resolves by repository and tag; alpine:3.20 keeps its history", () => {
    const info = new Sim().rt.resolveImage("crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/alpine:3.20");
    expect(info).toMatchObject({ normalized: "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he/alpine:3.20", config: { cmd: ["/bin/sh"] } });
    expect("history" in info && info.history.map((h) => h.createdBy)).toEqual(["ADD alpine-minirootfs-3.20.6-x86_64.tar.gz / # buildkit", 'CMD ["/bin/sh"]']);
  });
});
