// How the simulated nginx answers an HTTP request: server and location selection, static files
// under root with index files, directory redirects, `return`, nginx's own error pages (CRLF),
// response headers, and the access/error log lines of the official image. Used by programs/nginx.ts.
import type { HttpRequest, HttpResponse, Sys } from "./api";
import type { NginxServer } from "./nginx-config";
import { pickLocation } from "./nginx-config";
import { utf8Length } from "../runtime/utf8";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** nginx's error-log time: 2025/01/27 10:00:00. */
export function errorLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** strftime formats of the access log's and the error log's times (read through sys.formatNow). */
const ACCESS_TIME = "%d/%b/%Y:%H:%M:%S +0000";
const ERROR_TIME = "%Y/%m/%d %H:%M:%S";

/** An HTTP date (RFC 7231). */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

const REASON: Record<number, string> = { 200: "OK", 301: "Moved Permanently", 302: "Found", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed", 500: "Internal Server Error", 503: "Service Temporarily Unavailable" };

function errorPage(code: number, version: string): string {
  const t = `${code} ${REASON[code] ?? ""}`;
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** Context of a request inside the nginx master. */
export interface ServeCtx {
  sys: Sys;
  version: string;
  servers: NginxServer[];
  worker: number;
  conn: number;
}

/** Serves one request and writes the access (and error) log lines. */
export function serveHttp(x: ServeCtx, req: HttpRequest): HttpResponse {
  const { sys, version } = x;
  const now = sys.now();
  const srv = x.servers.find((s) => s.ports.includes(req.port ?? 80)) ?? x.servers[0];
  const path = decodeURIComponent(req.path.replace(/[?#].*$/, "")) || "/";
  const base: Record<string, string> = { Server: `nginx/${version}`, Date: httpDate(now) };
  const ua = req.headers["User-Agent"] ?? req.headers["user-agent"] ?? "-";
  const reqLine = `${req.method} ${req.path} HTTP/1.1`;
  const done = (status: number, headers: Record<string, string>, body: string): HttpResponse => {
    const sent = req.method === "HEAD" ? 0 : utf8Length(body);
    sys.write(1, `${req.fromIp} - - [${sys.formatNow(ACCESS_TIME)}] "${reqLine}" ${status} ${sent} "-" "${ua}" "-"\n`);
    return { status, headers: { ...base, ...headers }, body: req.method === "HEAD" ? "" : body };
  };
  const fail = (status: number, logMsg?: string): HttpResponse => {
    if (logMsg) sys.write(2, `${sys.formatNow(ERROR_TIME)} [error] ${x.worker}#${x.worker}: ${sys.counter("*", x.conn)} ${logMsg}, client: ${req.fromIp}, server: ${srv?.name ?? "localhost"}, request: "${reqLine}", host: "${req.host}"\n`);
    const body = errorPage(status, version);
    return done(status, { "Content-Type": "text/html", "Content-Length": String(body.length), Connection: "keep-alive" }, body);
  };
  if (!srv) return fail(404);
  if (!["GET", "HEAD", "POST"].includes(req.method)) return fail(405);
  const loc = pickLocation(srv, path);
  if (loc?.ret) {
    const r = loc.ret;
    if (r.code >= 300 && r.code < 400) return done(r.code, { "Content-Type": "text/html", Location: r.text ?? "/", Connection: "keep-alive" }, errorPage(r.code, version));
    if (r.text === undefined && r.code >= 400) return fail(r.code);
    const body = r.text ?? "";
    return done(r.code, { "Content-Type": "application/octet-stream", "Content-Length": String(utf8Length(body)), Connection: "keep-alive" }, body);
  }
  const root = (loc?.root ?? srv.root).replace(/\/$/, "");
  const index = loc?.index ?? srv.index;
  const file = root + path;
  const st = sys.fs.stat(file);
  if (typeof st !== "string" && st.type === "d") {
    if (!path.endsWith("/")) return done(301, { "Content-Type": "text/html", Location: `http://${req.host}${path}/`, Connection: "keep-alive" }, errorPage(301, version));
    for (const ix of index) {
      const f = `${file}${ix}`;
      const r = sys.fs.readFile(f);
      if (typeof r !== "string") return okFile(x, done, f, r.c);
    }
    return fail(403, `directory index of "${file}" is forbidden`);
  }
  const r = sys.fs.readFile(file);
  if (typeof r === "string") return fail(404, `open() "${file}" failed (2: No such file or directory)`);
  return okFile(x, done, file, r.c);
}

function okFile(x: ServeCtx, done: (s: number, h: Record<string, string>, b: string) => HttpResponse, file: string, body: string): HttpResponse {
  const st = x.sys.fs.stat(file);
  const created = Date.parse(x.sys.imageVar("created") ?? "2025-01-01T00:00:00Z");
  const mt = typeof st === "string" || !st.mtime ? created : st.mtime;
  const size = utf8Length(body);
  const ext = file.slice(file.lastIndexOf(".") + 1);
  const type = ext === "html" || ext === "htm" ? "text/html" : ext === "css" ? "text/css" : ext === "js" ? "application/javascript" : ext === "json" ? "application/json" : ext === "txt" ? "text/plain" : "application/octet-stream";
  return done(200, { "Content-Type": type, "Content-Length": String(size), "Last-Modified": httpDate(mt), Connection: "keep-alive", ETag: `"${Math.floor(mt / 1000).toString(16)}-${size.toString(16)}"`, "Accept-Ranges": "bytes" }, body);
}
