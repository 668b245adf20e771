// MySQL: the image's docker-entrypoint.sh (refuses to initialize without a root password option,
// in the 8.0.16 wording or the newer [Entrypoint] one), and mysqld (initialization, "ready for
// connections" on 3306, ~360 MB resident, shutdown on TERM), plus mysqladmin ping. Registered in registry.ts.
import type { Program, Sys } from "./api";
import { SIG } from "../runtime/constants";

const envOf = (sys: Sys, k: string) => sys.env.find(([n]) => n === k)?.[1];

function ts(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** The mysql docker-entrypoint.sh. */
export const mysqlEntrypoint: Program = {
  step(sys) {
    let args = sys.argv.slice(1);
    if (args[0]?.startsWith("-")) args = ["mysqld", ...args];
    const v = sys.imageVar("mysql") ?? "8.0.16";
    const modern = v >= "8.0.19";
    const note = (m: string) => sys.write(1, `${new Date(sys.now()).toISOString().replace(/\.\d{3}Z$/, "+00:00").replace("T", " ")} [Note] [Entrypoint]: ${m}\n`);
    if (args[0] === "mysqld") {
      if (modern) note(`Entrypoint script for MySQL Server ${v}-1.el9 started.`);
      const initialized = typeof sys.fs.stat("/var/lib/mysql/mysql") !== "string";
      if (!initialized && !envOf(sys, "MYSQL_ROOT_PASSWORD") && !envOf(sys, "MYSQL_ALLOW_EMPTY_PASSWORD") && !envOf(sys, "MYSQL_RANDOM_ROOT_PASSWORD")) {
        if (modern) sys.write(2, `${new Date(sys.now()).toISOString().replace(/\.\d{3}Z$/, "+00:00").replace("T", " ")} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
        else sys.write(2, "error: database is uninitialized and password option is not specified \n  You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD\n");
        sys.exit(1);
        return;
      }
      if (!initialized) sys.fs.mkdir("/var/lib/mysql/mysql", true);
    }
    const found = args.length ? sys.lookup(args[0]) : { errno: "ENOENT" as const };
    if ("errno" in found) { sys.exit(args.length ? 127 : 0); return; }
    if (args[0] === "mysqld") sys.setUid(999);
    if (sys.exec(found.path, args, [...sys.env])) sys.exit(126);
  },
};

interface Mysqld { phase: "init" | "run" | "done"; until: number }

/** mysqld. */
export const mysqld: Program = {
  step(sys) {
    const v = sys.imageVar("mysql") ?? "8.0.16";
    let d = sys.data as Mysqld | undefined;
    if (!d) {
      d = { phase: "init", until: sys.now() + 12_000 };
      sys.data = d;
      sys.setCatches([SIG.TERM, SIG.INT, SIG.QUIT]);
      sys.setMem(360_000_000);
      sys.write(1, `${ts(sys.now())} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${v}) starting as process ${sys.pid}\n`);
    }
    if (d.phase === "init") {
      if (sys.now() < d.until) { sys.sleepUntil(d.until); return; }
      if (sys.listen(3306, "mysql")) { sys.write(1, `${ts(sys.now())} 0 [ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Address already in use\n`); sys.exit(1); return; }
      sys.listen(33060, "mysql");
      sys.write(1, `${ts(sys.now())} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.\n${ts(sys.now())} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n${ts(sys.now())} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Socket: '/var/run/mysqld/mysqlx.sock' bind-address: '::' port: 33060\n`);
      d.phase = "run";
    }
    sys.blockForever();
  },
  signal(sys) {
    const v = sys.imageVar("mysql") ?? "8.0.16";
    sys.write(1, `${ts(sys.now())} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${v}).\n${ts(sys.now())} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${v})  MySQL Community Server - GPL.\n`);
    sys.exit(0);
  },
  request() { return "5.5.5-8.0.16\n"; },
};

/** mysqladmin ping|status|shutdown. */
export const mysqladmin: Program = {
  step(sys) {
    const ok = sys.connect("127.0.0.1", 3306).ok;
    const cmd = sys.argv.slice(1).find((a) => !a.startsWith("-")) ?? "";
    if (!ok) { sys.write(2, "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n"); sys.exit(1); return; }
    if (cmd === "ping") sys.write(1, "mysqld is alive\n");
    if (cmd === "shutdown") sys.kill(1, SIG.TERM);
    sys.exit(0);
  },
};
