// The nginx binary: `nginx -g "daemon off;"` runs a master (binds ports, writes the pid file,
// logs its start-up notices, forks one worker per CPU), `-s quit|stop|reload|reopen` signals the
// running master through the pid file, `-t`/`-v`/`-V`. The master shuts down fast on TERM/INT and
// gracefully on QUIT, reloads on HUP, and serves HTTP (nginx-http.ts). Registered in registry.ts.
import type { Program, Sys } from "./api";
import { SIG, SIG_NAME } from "../runtime/constants";
import { loadNginxConfig, type NginxServer } from "./nginx-config";
import { errorLogTime, serveHttp } from "./nginx-http";

interface Master {
  mode: "master";
  phase: "bind" | "run" | "quit" | "stop";
  servers: NginxServer[];
  pid: string;
  workers: number[];
  conn: number;
  tries: number;
  next?: number;
  title: string;
  nworkers: number;
}

const version = (sys: Sys) => sys.imageVar("nginx") ?? "1.27.5";
const notice = (sys: Sys, msg: string, pid = sys.pid, level = "notice") => sys.write(2, `${errorLogTime(sys.now())} [${level}] ${pid}#${pid}: ${msg}\n`);

function cli(sys: Sys): boolean {
  const args = sys.argv.slice(1);
  const v = version(sys);
  if (args.includes("-v")) { sys.write(2, `nginx version: nginx/${v}\n`); sys.exit(0); return true; }
  if (args.includes("-V")) { sys.write(2, `nginx version: nginx/${v}\nbuilt by ${sys.imageVar("gcc") ?? "gcc 12.2.0 (Debian 12.2.0-14) "}\nbuilt with OpenSSL 3.0.15 3 Sep 2024\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=${sys.imageVar("pid")} --lock-path=/var/run/nginx.lock --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_ssl_module --with-http_v2_module\n`); sys.exit(0); return true; }
  const ci = args.indexOf("-c");
  const conf = ci >= 0 ? args[ci + 1] : "/etc/nginx/nginx.conf";
  if (args.includes("-t") || args.includes("-T")) {
    const cfg = loadNginxConfig(sys, conf);
    if (typeof cfg === "string") { sys.write(2, `nginx: [emerg] ${cfg}\nnginx: configuration file ${conf} test failed\n`); sys.exit(1); return true; }
    sys.write(2, `nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`);
    sys.exit(0);
    return true;
  }
  const si = args.indexOf("-s");
  if (si >= 0) {
    const which = args[si + 1] ?? "";
    const sig = ({ stop: SIG.TERM, quit: SIG.QUIT, reopen: SIG.USR1, reload: SIG.HUP } as Record<string, number>)[which];
    if (sig === undefined) { sys.write(2, `nginx: invalid option: "-s ${which}"\n`); sys.exit(1); return true; }
    const cfg = loadNginxConfig(sys, conf);
    const pidFile = typeof cfg === "string" ? sys.imageVar("pid") ?? "/run/nginx.pid" : cfg.pid;
    notice(sys, "signal process started");
    const r = sys.fs.readFile(pidFile);
    if (typeof r === "string") { sys.write(2, `${errorLogTime(sys.now())} [error] ${sys.pid}#${sys.pid}: open() "${pidFile}" failed (2: No such file or directory)\nnginx: [error] open() "${pidFile}" failed (2: No such file or directory)\n`); sys.exit(1); return true; }
    const target = Number(r.c.trim());
    if (sys.kill(target, sig)) { sys.write(2, `${errorLogTime(sys.now())} [alert] ${sys.pid}#${sys.pid}: kill(${target}, ${sig}) failed (3: No such process)\nnginx: [alert] kill(${target}, ${sig}) failed (3: No such process)\n`); sys.exit(1); return true; }
    sys.exit(0);
    return true;
  }
  return false;
}

function startWorkers(sys: Sys, m: Master, n: number): void {
  notice(sys, "start worker processes");
  for (let i = 0; i < n; i++) {
    const pid = sys.fork("nginx-worker", { master: sys.pid }, ["nginx: worker process"], { 0: 0, 1: 1, 2: 2 });
    if (typeof pid !== "number") continue;
    m.workers.push(pid);
    notice(sys, `start worker process ${pid}`);
  }
}

function finishIfDone(sys: Sys, m: Master): void {
  if ((m.phase === "quit" || m.phase === "stop") && !m.workers.length) {
    notice(sys, "exit");
    sys.fs.unlink(m.pid);
    sys.exit(0);
  }
}

/** nginx (master or CLI). */
export const nginx: Program = {
  step(sys) {
    let m = sys.data as Master | undefined;
    if (!m) {
      if (cli(sys)) return;
      const args = sys.argv.slice(1);
      const gi = args.indexOf("-g");
      const daemonOff = gi >= 0 && /daemon\s+off\s*;/.test(args[gi + 1] ?? "");
      const cfg = loadNginxConfig(sys);
      if (typeof cfg === "string") {
        notice(sys, cfg, sys.pid, "emerg");
        sys.write(2, `nginx: [emerg] ${cfg}\n`);
        sys.exit(1);
        return;
      }
      const nworkers = cfg.workers === "auto" ? sys.node.cpus : Math.max(1, Number(cfg.workers) || 1);
      m = { mode: "master", phase: "bind", servers: cfg.servers, pid: cfg.pid, workers: [], conn: 0, tries: 0, title: `nginx: master process ${sys.argv.join(" ")}`, nworkers };
      sys.data = m;
      if (!daemonOff) {
        const child = sys.fork("nginx", { ...m }, [...sys.argv], { 0: 0, 1: 1, 2: 2 });
        if (typeof child === "number") { sys.exit(0); return; }
      }
    }
    if (m.phase === "bind") {
      if (m.tries === 0) {
        sys.setMem(6_100_000);
        sys.setCatches([SIG.TERM, SIG.INT, SIG.QUIT, SIG.HUP, SIG.USR1, SIG.USR2, SIG.WINCH, SIG.CHLD]);
      }
      if (m.next !== undefined && sys.now() < m.next) { sys.sleepUntil(m.next); return; }
      const ports = [...new Set(m.servers.flatMap((s) => s.ports))];
      const busy = ports.find((p) => sys.listen(p, "http") === "EADDRINUSE");
      if (busy !== undefined) {
        for (const p of ports) sys.unlisten(p);
        notice(sys, `bind() to 0.0.0.0:${busy} failed (98: Address already in use)`, sys.pid, "emerg");
        sys.write(2, `nginx: [emerg] bind() to 0.0.0.0:${busy} failed (98: Address already in use)\n`);
        if (++m.tries >= 5) { notice(sys, "still could not bind()", sys.pid, "emerg"); sys.write(2, "nginx: [emerg] still could not bind()\n"); sys.exit(1); return; }
        m.next = sys.now() + 500;
        sys.sleepUntil(m.next);
        return;
      }
      sys.fs.writeFile(m.pid, `${sys.pid}\n`);
      notice(sys, 'using the "epoll" event method');
      notice(sys, `nginx/${version(sys)}`);
      notice(sys, `built by ${sys.imageVar("gcc") ?? "gcc 12.2.0 (Debian 12.2.0-14) "}`);
      notice(sys, `OS: Linux ${sys.node.kernelVersion}`);
      notice(sys, "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
      m.phase = "run";
      sys.setArgv([m.title]);
      startWorkers(sys, m, m.nworkers);
    }
    sys.blockForever();
  },

  signal(sys, sig) {
    const m = sys.data as Master | undefined;
    if (!m || m.mode !== "master") return;
    const from = sys.signalSender(sig);
    const recv = `signal ${sig} (SIG${SIG_NAME[sig]}) received${from ? ` from ${from}` : ""}`;
    if (sig === SIG.CHLD) {
      for (;;) {
        const r = sys.wait(-1, true);
        if (!r || r === "ECHILD") break;
        m.workers = m.workers.filter((w) => w !== r.pid);
        notice(sys, `signal 17 (SIGCHLD) received from ${r.pid}`);
        notice(sys, r.sig ? `worker process ${r.pid} exited on signal ${r.sig}` : `worker process ${r.pid} exited with code ${r.code}`, sys.pid, r.sig ? "alert" : "notice");
        if (r.sig && m.phase === "run") startWorkers(sys, m, 1);
      }
      finishIfDone(sys, m);
      return;
    }
    if (m.phase !== "run") return;
    if (sig === SIG.QUIT || sig === SIG.TERM || sig === SIG.INT) {
      notice(sys, sig === SIG.QUIT ? `${recv}, shutting down` : `${recv}, exiting`);
      m.phase = sig === SIG.QUIT ? "quit" : "stop";
      for (const p of [...new Set(m.servers.flatMap((s) => s.ports))]) sys.unlisten(p);
      for (const w of m.workers) sys.kill(w, sig === SIG.QUIT ? SIG.QUIT : SIG.TERM);
      finishIfDone(sys, m);
    } else if (sig === SIG.HUP) {
      notice(sys, `${recv}, reconfiguring`);
      const cfg = loadNginxConfig(sys);
      if (typeof cfg === "string") { notice(sys, cfg, sys.pid, "emerg"); return; }
      notice(sys, "reconfiguring");
      m.servers = cfg.servers;
      const old = m.workers;
      m.workers = [];
      notice(sys, 'using the "epoll" event method');
      startWorkers(sys, m, m.nworkers);
      m.workers.push(...old);
      for (const w of old) sys.kill(w, SIG.QUIT);
    } else if (sig === SIG.USR1) {
      notice(sys, `${recv}, reopening logs`);
      notice(sys, "reopening logs");
    }
  },

  http(sys, req) {
    const m = sys.data as Master;
    m.conn++;
    return serveHttp({ sys, version: version(sys), servers: m.servers, worker: m.workers[0] ?? sys.pid, conn: m.conn }, req);
  },

  skipRequests(sys, n) {
    (sys.data as Master).conn += n;
  },
};

/** An nginx worker process. */
export const nginxWorker: Program = {
  step(sys) {
    if (!(sys.data as { init?: boolean }).init) {
      (sys.data as { init?: boolean }).init = true;
      sys.setUid(101);
      sys.setMem(2_600_000);
      sys.setCatches([SIG.QUIT, SIG.TERM, SIG.INT, SIG.USR1]);
    }
    sys.blockForever();
  },
  signal(sys, sig) {
    if (sig === SIG.USR1) { notice(sys, "reopening logs"); return; }
    if (sig === SIG.QUIT) notice(sys, "gracefully shutting down");
    notice(sys, "exiting");
    notice(sys, "exit");
    sys.exit(0);
  },
};
