// Redis: the image's docker-entrypoint.sh (gosu to the redis user), gosu, redis-server (start-up
// banner lines, port 6379, an in-memory keyspace answering PING/ECHO/SET/GET/DEL/INCR/EXISTS/KEYS/
// DBSIZE/FLUSHALL/INFO, graceful shutdown on TERM/INT) and redis-cli. Registered in registry.ts.
import type { Program, Sys } from "./api";
import { SIG } from "../runtime/constants";
import { resolveName } from "./net-resolve";

const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, "0")}`;
}

interface RedisState { phase: "run" | "done"; port: number; data: Record<string, string> }

function log(sys: Sys, role: "C" | "M", mark: string, msg: string): void {
  sys.write(1, `${sys.pid}:${role} ${stamp(sys.now())} ${mark} ${msg}\n`);
}

/** Parses an inline or RESP request into arguments. */
export function parseRedisCommand(payload: string): string[] {
  if (payload.startsWith("*")) {
    const parts = payload.split("\r\n");
    const out: string[] = [];
    for (let i = 1; i < parts.length; i++) if (parts[i].startsWith("$")) out.push(parts[++i] ?? "");
    return out;
  }
  return (payload.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ""));
}

function reply(st: RedisState, args: string[], version: string): string {
  const cmd = (args[0] ?? "").toUpperCase();
  const a = args.slice(1);
  switch (cmd) {
    case "PING": return a.length ? `$${a[0].length}\r\n${a[0]}\r\n` : "+PONG\r\n";
    case "ECHO": return `$${(a[0] ?? "").length}\r\n${a[0] ?? ""}\r\n`;
    case "SET": st.data[a[0]] = a[1] ?? ""; return "+OK\r\n";
    case "GET": return a[0] in st.data ? `$${st.data[a[0]].length}\r\n${st.data[a[0]]}\r\n` : "$-1\r\n";
    case "DEL": { let n = 0; for (const k of a) if (k in st.data) { delete st.data[k]; n++; } return `:${n}\r\n`; }
    case "EXISTS": return `:${a.filter((k) => k in st.data).length}\r\n`;
    case "INCR": { const v = Number(st.data[a[0]] ?? "0"); if (!Number.isInteger(v)) return "-ERR value is not an integer or out of range\r\n"; st.data[a[0]] = String(v + 1); return `:${v + 1}\r\n`; }
    case "KEYS": { const re = new RegExp(`^${(a[0] ?? "*").replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`); const ks = Object.keys(st.data).filter((k) => re.test(k)); return `*${ks.length}\r\n` + ks.map((k) => `$${k.length}\r\n${k}\r\n`).join(""); }
    case "DBSIZE": return `:${Object.keys(st.data).length}\r\n`;
    case "FLUSHALL": case "FLUSHDB": st.data = {}; return "+OK\r\n";
    case "INFO": { const s = `# Server\r\nredis_version:${version}\r\nredis_mode:standalone\r\nos:Linux\r\ntcp_port:${st.port}\r\n`; return `$${s.length}\r\n${s}\r\n`; }
    case "": return "";
    default: return `-ERR unknown command '${args[0]}', with args beginning with: ${a.map((x) => `'${x}' `).join("")}\r\n`;
  }
}

/** redis-server. */
export const redisServer: Program = {
  step(sys) {
    if (!sys.data) {
      const args = sys.argv.slice(1);
      const pi = args.indexOf("--port");
      const port = pi >= 0 ? Number(args[pi + 1]) : 6379;
      const v = sys.imageVar("redis") ?? "7.0.5";
      const conf = args.find((a) => !a.startsWith("--") && (args[args.indexOf(a) - 1] ?? "").startsWith("--") === false);
      const mark = v >= "7.2" ? "*" : "#";
      log(sys, "C", mark, "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
      log(sys, "C", mark, `Redis version=${v}, bits=64, commit=00000000, modified=0, pid=${sys.pid}, just started`);
      if (!conf) log(sys, "C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf");
      else log(sys, "C", mark, "Configuration loaded");
      log(sys, "M", "*", "monotonic clock: POSIX clock_gettime");
      if (sys.listen(port, "redis") === "EADDRINUSE") {
        log(sys, "M", "#", `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`);
        log(sys, "M", "#", `Failed listening on port ${port} (tcp), aborting.`);
        sys.exit(1);
        return;
      }
      log(sys, "M", "*", `Running mode=standalone, port=${port}.`);
      log(sys, "M", "#", "Server initialized");
      log(sys, "M", "#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
      log(sys, "M", "*", v >= "7.2" ? "Ready to accept connections tcp" : "Ready to accept connections");
      sys.data = { phase: "run", port, data: {} } satisfies RedisState;
      sys.setMem(3_800_000);
      sys.setArgv([`redis-server *:${port}`]);
      sys.setCatches([SIG.TERM, SIG.INT]);
    }
    sys.blockForever();
  },
  signal(sys, sig) {
    const st = sys.data as RedisState;
    if (!st || st.phase !== "run") return;
    st.phase = "done";
    sys.write(1, `${sys.pid}:signal-handler (${Math.floor(sys.now() / 1000)}) Received ${sig === SIG.INT ? "SIGINT" : "SIGTERM"} scheduling shutdown...\n`);
    log(sys, "M", "#", "User requested shutdown...");
    log(sys, "M", "*", "Saving the final RDB snapshot before exiting.");
    sys.fs.writeFile(`${sys.cwd}/dump.rdb`, "REDIS0010");
    log(sys, "M", "*", "DB saved on disk");
    log(sys, "M", "#", "Redis is now ready to exit, bye bye...");
    sys.exit(0);
  },
  request(sys, payload) {
    const st = sys.data as RedisState;
    const args = parseRedisCommand(payload);
    if ((args[0] ?? "").toUpperCase() === "SHUTDOWN") { redisServer.signal!(sys, SIG.TERM); return ""; }
    return reply(st, args, sys.imageVar("redis") ?? "7.0.5");
  },
};

function render(r: string, tty: boolean): string {
  if (r.startsWith("+")) return r.slice(1).replace(/\r\n$/, "");
  if (r.startsWith("-")) return tty ? `(error) ${r.slice(1).replace(/\r\n$/, "")}` : r.slice(1).replace(/\r\n$/, "");
  if (r.startsWith(":")) return tty ? `(integer) ${r.slice(1).replace(/\r\n$/, "")}` : r.slice(1).replace(/\r\n$/, "");
  if (r.startsWith("$-1")) return tty ? "(nil)" : "";
  if (r.startsWith("$")) { const v = r.split("\r\n")[1] ?? ""; return tty ? `"${v}"` : v; }
  if (r.startsWith("*")) {
    const items = r.split("\r\n").filter((_, i) => i > 0 && i % 2 === 0);
    if (!items.length) return tty ? "(empty array)" : "";
    return items.map((v, i) => (tty ? `${i + 1}) "${v}"` : v)).join("\n");
  }
  return r;
}

/** redis-cli [-h host] [-p port] [cmd args...]. */
export const redisCli: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    let host = "127.0.0.1", port = 6379;
    const cmd: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "-h") host = args[++i];
      else if (args[i] === "-p") port = Number(args[++i]);
      else if (args[i] === "-a" || args[i] === "-n") i++;
      else cmd.push(args[i]);
    }
    const ip = resolveName(sys, host).ip;
    const tty = sys.isatty(1);
    const send = (c: string[]): boolean => {
      const r = ip ? sys.request(ip, port, c.join(" ")) : { error: "refused" as const };
      if (typeof r !== "string") { sys.write(2, `Could not connect to Redis at ${host}:${port}: ${ip ? "Connection refused" : "Name or service not known"}\n`); return false; }
      sys.write(1, render(r, tty) + "\n");
      return true;
    };
    if (cmd.length) { sys.exit(send(cmd) ? 0 : 1); return; }
    const d = (sys.data ??= { prompted: false }) as { prompted: boolean };
    if (tty && !d.prompted) { sys.write(1, `${host}:${port}> `); d.prompted = true; }
    for (;;) {
      const line = sys.read(0);
      if (line === undefined) return;
      if (line === null) { sys.exit(0); return; }
      for (const l of line.split("\n").filter((x) => x.trim())) {
        if (/^(quit|exit)$/i.test(l.trim())) { sys.exit(0); return; }
        send(parseRedisCommand(l));
      }
      if (tty) sys.write(1, `${host}:${port}> `);
    }
  },
};

/** The redis image's docker-entrypoint.sh. */
export const redisEntrypoint: Program = {
  step(sys) {
    let args = sys.argv.slice(1);
    if (args[0] && (args[0].startsWith("-") || args[0].endsWith(".conf"))) args = ["redis-server", ...args];
    if (!args.length) { sys.exit(0); return; }
    sys.skipPids(1);
    const found = sys.lookup(args[0]);
    if ("errno" in found) { sys.write(2, `/usr/local/bin/docker-entrypoint.sh: 16: exec: ${args[0]}: not found\n`); sys.exit(127); return; }
    if (args[0] === "redis-server") sys.setUid(999);
    if (sys.exec(found.path, args, [...sys.env])) sys.exit(126);
  },
};

/** gosu USER COMMAND [ARGS]. */
export const gosu: Program = {
  step(sys) {
    const [user, ...cmd] = sys.argv.slice(1);
    if (!user || !cmd.length) { sys.write(2, "Usage: gosu user-spec command [args]\n"); sys.exit(1); return; }
    const found = sys.lookup(cmd[0]);
    if ("errno" in found) { sys.write(2, `error: exec: "${cmd[0]}": executable file not found in $PATH\n`); sys.exit(1); return; }
    sys.setUid(user === "root" ? 0 : 999);
    if (sys.exec(found.path, cmd, [...sys.env])) sys.exit(1);
  },
};
