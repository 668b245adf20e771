// HTTP clients: curl (7.88/8.x messages, progress meter when output is not a terminal, -s -S -f
// -i -I -v -o -w -m -H -X) and busybox wget (-q -O -T --spider, "Connecting to ..." lines and its
// error texts). Requests are served synchronously by the listening program; an address nobody
// answers times out on the virtual clock. Registered in registry.ts.
import type { HttpResponse, Program, Sys } from "./api";
import { parseUrl, resolveName } from "./net-resolve";
import { abs } from "./files";

const CONNECT_TIMEOUT_MS = 130_000;

function reasonPhrase(status: number): string {
  const m: Record<number, string> = { 200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };
  return m[status] ?? "";
}

function headerBlock(r: HttpResponse, crlf: string): string {
  return `HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}${crlf}` + Object.entries(r.headers).map(([k, v]) => `${k}: ${v}${crlf}`).join("") + crlf;
}

interface ClientState { until?: number; done?: boolean }

function connectFailText(sys: Sys, version: string, host: string, port: number, ms: number): string {
  const tail = version >= "8.10" ? "Could not connect to server" : version >= "7.87" ? "Couldn't connect to server" : "Connection refused";
  return `curl: (7) Failed to connect to ${host} port ${port} after ${ms} ms: ${tail}\n`;
}

function progress(total: number): string {
  const size = total >= 1024 ? `${(total / 1024).toFixed(0)}k` : String(total);
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0   ${String(Math.max(1, Math.round(total * 1.2 / 1024))).padStart(4)}k      0 --:--:-- --:--:-- --:--:--  ${String(Math.max(1, Math.round(total * 1.2 / 1024))).padStart(4)}k\n`;
}

/** curl. */
export const curl: Program = {
  step(sys) {
    const d = (sys.data ??= {}) as ClientState;
    const args = sys.argv.slice(1);
    const version = sys.imageVar("curl") ?? "7.88.1";
    let silent = false, showErr = false, fail = false, include = false, head = false, verbose = false, out: string | undefined, write: string | undefined, maxMs: number | undefined, method = "GET";
    const headers: Record<string, string> = {};
    let url: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "--version" || a === "-V") { sys.write(1, `curl ${version} (x86_64-pc-linux-gnu) libcurl/${version} OpenSSL/3.0.15 zlib/1.2.13\nRelease-Date: 2023-02-20\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n`); sys.exit(0); return; }
      if (a === "-o" || a === "--output") { out = args[++i]; continue; }
      if (a === "-w" || a === "--write-out") { write = args[++i]; continue; }
      if (a === "-m" || a === "--max-time" || a === "--connect-timeout") { maxMs = Number(args[++i]) * 1000; continue; }
      if (a === "-H" || a === "--header") { const h = args[++i] ?? ""; const c = h.indexOf(":"); if (c > 0) headers[h.slice(0, c).trim()] = h.slice(c + 1).trim(); continue; }
      if (a === "-X" || a === "--request") { method = args[++i] ?? "GET"; continue; }
      if (a === "-d" || a === "--data") { i++; method = "POST"; continue; }
      if (a === "-A" || a === "--user-agent") { headers["User-Agent"] = args[++i] ?? ""; continue; }
      if (a.startsWith("--")) { if (a === "--silent") silent = true; else if (a === "--fail") fail = true; else if (a === "--include") include = true; else if (a === "--head") head = true; else if (a === "--verbose") verbose = true; continue; }
      if (a.startsWith("-") && a.length > 1) { for (const ch of a.slice(1)) { if (ch === "s") silent = true; else if (ch === "S") showErr = true; else if (ch === "f") fail = true; else if (ch === "i") include = true; else if (ch === "I") head = true; else if (ch === "v") verbose = true; else if (ch === "k" || ch === "L") { /* accepted */ } } continue; }
      url = a;
    }
    const err = (code: number, msg: string) => { if (!silent || showErr) sys.write(2, msg); sys.exit(code); };
    if (!url) { sys.write(2, "curl: try 'curl --help' or 'curl --manual' for more information\n"); sys.exit(2); return; }
    const u = parseUrl(url);
    if (!u) { err(3, `curl: (3) URL using bad/illegal format or missing URL\n`); return; }
    const res = resolveName(sys, u.host);
    if (!res.ip) { err(6, `curl: (6) Could not resolve host: ${u.host}\n`); return; }
    if (d.until !== undefined) {
      if (sys.now() < d.until) { sys.sleepUntil(d.until); return; }
      const ms = maxMs ?? CONNECT_TIMEOUT_MS;
      err(28, maxMs !== undefined ? `curl: (28) Connection timed out after ${ms + 1} milliseconds\n` : `curl: (28) Failed to connect to ${u.host} port ${u.port} after ${ms} ms: ${version >= "7.87" ? "Couldn't connect to server" : "Connection timed out"}\n`);
      return;
    }
    if (verbose) sys.write(2, `*   Trying ${res.ip}:${u.port}...\n`);
    const conn = sys.connect(res.ip, u.port);
    if (!conn.ok) {
      if (conn.err === "ECONNREFUSED") { if (verbose) sys.write(2, `* connect to ${res.ip} port ${u.port} failed: Connection refused\n`); err(7, connectFailText(sys, version, u.host, u.port, 0)); return; }
      d.until = sys.now() + (maxMs ?? CONNECT_TIMEOUT_MS);
      sys.sleepUntil(d.until);
      return;
    }
    const reqHeaders = { Host: u.port === 80 ? u.host : `${u.host}:${u.port}`, "User-Agent": `curl/${version}`, Accept: "*/*", ...headers };
    if (verbose) sys.write(2, `* Connected to ${u.host} (${res.ip}) port ${u.port} (#0)\n> ${head ? "HEAD" : method} ${u.path} HTTP/1.1\n${Object.entries(reqHeaders).map(([k, v]) => `> ${k}: ${v}\n`).join("")}> \n`);
    const r = conn.proto === "http" ? sys.http(res.ip, u.port, { method: head ? "HEAD" : method, path: u.path, headers: reqHeaders, fromIp: sys.net.podIp, host: reqHeaders.Host }) : { error: "reset" as const };
    if ("error" in r) { err(r.error === "reset" ? 52 : 56, r.error === "reset" ? "curl: (52) Empty reply from server\n" : "curl: (56) Recv failure: Connection reset by peer\n"); return; }
    if (verbose) sys.write(2, headerBlock(r, "\n").split("\n").filter(Boolean).map((l) => `< ${l}\n`).join("") + "< \n");
    if (fail && r.status >= 400) { err(22, `curl: (22) The requested URL returned error: ${r.status}\n`); return; }
    let body = head ? "" : r.body;
    if (include || head) body = headerBlock(r, "\r\n") + body;
    if (!silent && (out || !sys.isatty(1))) sys.write(2, progress(r.body.length));
    if (out && out !== "-") sys.fs.writeFile(abs(sys, out), body);
    else sys.write(1, body);
    if (write) sys.write(1, write.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{size_download\}/g, String(r.body.length)).replace(/\\n/g, "\n"));
    sys.exit(0);
  },
};

/** busybox wget. */
export const wget: Program = {
  step(sys) {
    const d = (sys.data ??= {}) as ClientState;
    const args = sys.argv.slice(1);
    let quiet = false, outFile: string | undefined, spider = false, timeoutMs = 900_000, url: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-O") outFile = args[++i];
      else if (a.startsWith("-O") && a.length > 2) outFile = a.slice(2);
      else if (a === "-T") timeoutMs = Number(args[++i]) * 1000;
      else if (a === "--spider") spider = true;
      else if (a === "-q" || a === "--quiet") quiet = true;
      else if (a.startsWith("-") && a.length > 1 && !a.startsWith("--")) {
        for (let j = 1; j < a.length; j++) {
          if (a[j] === "q") quiet = true;
          else if (a[j] === "O" || a[j] === "T") { const v = a.slice(j + 1) || args[++i]; if (a[j] === "O") outFile = v; else timeoutMs = Number(v) * 1000; break; }
        }
      }
      else if (!a.startsWith("-")) url = a;
    }
    if (!url) { sys.write(2, "BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n"); sys.exit(1); return; }
    const u = parseUrl(url);
    if (!u) { sys.write(2, `wget: bad address '${url}'\n`); sys.exit(1); return; }
    const res = resolveName(sys, u.host);
    if (!res.ip) { sys.write(2, `wget: bad address '${u.host}'\n`); sys.exit(1); return; }
    if (d.until !== undefined) {
      if (sys.now() < d.until) { sys.sleepUntil(d.until); return; }
      sys.write(2, timeoutMs < CONNECT_TIMEOUT_MS ? "wget: download timed out\n" : `wget: can't connect to remote host (${res.ip}): Connection timed out\n`);
      sys.exit(1);
      return;
    }
    if (!quiet) sys.write(2, `Connecting to ${u.host}${u.port !== 80 || u.host !== res.ip ? ` (${res.ip}:${u.port})` : ` (${res.ip}:${u.port})`}\n`);
    const conn = sys.connect(res.ip, u.port);
    if (!conn.ok) {
      if (conn.err === "ECONNREFUSED") { sys.write(2, `wget: can't connect to remote host (${res.ip}): Connection refused\n`); sys.exit(1); return; }
      d.until = sys.now() + Math.min(timeoutMs, CONNECT_TIMEOUT_MS);
      sys.sleepUntil(d.until);
      return;
    }
    const r = conn.proto === "http" ? sys.http(res.ip, u.port, { method: spider ? "HEAD" : "GET", path: u.path, headers: { Host: u.port === 80 ? u.host : `${u.host}:${u.port}`, "User-Agent": "Wget", Connection: "close" }, fromIp: sys.net.podIp, host: u.host }) : { error: "reset" as const };
    if ("error" in r) { sys.write(2, "wget: error getting response: Connection reset by peer\n"); sys.exit(1); return; }
    if (r.status >= 400) { sys.write(2, `wget: server returned error: HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}\n`); sys.exit(1); return; }
    if (spider) { if (!quiet) sys.write(2, "remote file exists\n"); sys.exit(0); return; }
    const name = outFile ?? (u.path.replace(/[?#].*/, "").split("/").pop() || "index.html");
    const toStdout = name === "-";
    if (!quiet) sys.write(2, toStdout ? "writing to stdout\n" : `saving to '${name}'\n`);
    if (toStdout) sys.write(1, r.body);
    else {
      if (outFile === undefined && typeof sys.fs.stat(abs(sys, name)) !== "string") { sys.write(2, `wget: can't open '${name}': File exists\n`); sys.exit(1); return; }
      sys.fs.writeFile(abs(sys, name), r.body);
    }
    if (!quiet) sys.write(2, `${(toStdout ? "-" : name).padEnd(20)} 100% |********************************| ${String(r.body.length).padStart(5)}  0:00:00 ETA\n${toStdout ? "written to stdout" : `'${name}' saved`}\n`);
    sys.exit(0);
  },
};
