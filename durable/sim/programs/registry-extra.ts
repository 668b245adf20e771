// The second half of the program table (system, file, text, network and server programs), kept
// apart so registry.ts stays short. Used by registry.ts.
import type { Program } from "./api";
import { ps } from "./ps";
import { kill, killall, pgrep, pidof, pkill } from "./signal-tools";
import { date } from "./date";
import { free, hostname, id, nproc, top, uname, uptime, which, whoami } from "./sysinfo";
import { df } from "./df";
import { chmod, cp, ln, mkdir, mv, rm, rmdir, touch } from "./files";
import { ls, statProg } from "./ls";
import { cut, rev, sort, tee, uniq, wc } from "./text-tools";
import { tr } from "./tr";
import { grep } from "./grep";
import { nohup, time, timeout } from "./runners";
import { base64, mktemp, nl, readlink, realpath, tac, tty } from "./small-tools";
import { expr } from "./expr";
import { awk, find, sed, xargs } from "./text-edit";
import { curl, wget } from "./net-http";
import { nc, nslookup, ping } from "./net-tools";
import { nginx, nginxWorker } from "./nginx";
import { nginxEntrypoint } from "./nginx-entrypoint";
import { gosu, redisCli, redisEntrypoint, redisServer } from "./redis";
import { mysqladmin, mysqld, mysqlEntrypoint } from "./mysql";
import { stress, vishStress } from "./stress";
import { etcd, goproxy, livenessServer } from "./k8s-images";
import { SYSTEM_DAEMONS } from "./k8s-system";

/** Programs beyond the basics, by id. */
export const EXTRA: Record<string, Program> = {
  ps, kill, killall, pgrep, pkill, pidof, date, df, free, hostname, id, nproc, top, uname, uptime, which, whoami,
  chmod, cp, ln, mkdir, mv, rm, rmdir, touch, ls, stat: statProg,
  cut, grep, egrep: grep, fgrep: grep, rev, sort, tee, tr, uniq, wc, awk, mawk: awk, gawk: awk, sed, find, xargs,
  curl, wget, nc, nslookup, ping, ping6: ping,
  timeout, nohup, time, base64, mktemp, nl, readlink, realpath, tac, tty, expr,
  nginx, "nginx-worker": nginxWorker, "nginx-entrypoint": nginxEntrypoint,
  "redis-server": redisServer, "redis-cli": redisCli, "redis-entrypoint": redisEntrypoint, gosu,
  mysqld, "mysql-entrypoint": mysqlEntrypoint, mysqladmin,
  stress, "vish-stress": vishStress, "liveness-server": livenessServer, goproxy, etcd,
  ...SYSTEM_DAEMONS,
};
