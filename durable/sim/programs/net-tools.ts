// Network diagnostics: busybox nslookup (modern and the 1.28-era format the Kubernetes DNS docs
// show), nc (-z port checks, one request/reply exchanges) and ping (pods answer, ClusterIPs do
// not). Registered in registry.ts.
import type { Program } from "./api";
import { oneShot } from "./oneshot";
import { candidates, resolveName } from "./net-resolve";

/** nslookup NAME [SERVER]. */
export const nslookup = oneShot((sys, args) => {
  const name = args.find((a) => !a.startsWith("-"));
  const server = sys.net.dnsServer;
  if (!name) { sys.write(2, "BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n"); return 1; }
  const old = (sys.imageVar("busybox") ?? "1.36") < "1.30";
  const domain = sys.net.clusterDomain;
  let hit: { fqdn: string; ip: string } | undefined;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) hit = { fqdn: name, ip: name };
  else for (const c of candidates(sys, name)) { const ips = sys.resolveHost(c); if (ips?.length) { hit = { fqdn: c, ip: ips[0] }; break; } }
  if (old) {
    let out = `Server:    ${server}\nAddress 1: ${server} kube-dns.kube-system.svc.${domain}\n\n`;
    if (!hit) { sys.write(1, out); sys.write(2, `nslookup: can't resolve '${name}'\n`); return 1; }
    out += `Name:      ${name}\nAddress 1: ${hit.ip}${hit.fqdn !== name ? ` ${hit.fqdn}` : ""}\n`;
    sys.write(1, out);
    return 0;
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (!hit) {
    for (const c of candidates(sys, name)) out += `** server can't find ${c}: NXDOMAIN\n\n`;
    sys.write(1, out);
    return 1;
  }
  out += `Name:\t${hit.fqdn}\nAddress: ${hit.ip}\n\n`;
  sys.write(1, out);
  return 0;
});

/** nc [-z] [-v] [-w SEC] HOST PORT. */
export const nc: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const flags = args.filter((a) => a.startsWith("-")).join("");
    const ops = args.filter((a, i) => !a.startsWith("-") && !(args[i - 1] === "-w"));
    const [host, portS] = ops;
    const d = (sys.data ??= { buf: "" }) as { buf: string };
    if (!host || !portS) { sys.write(2, "BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n"); sys.exit(1); return; }
    const res = resolveName(sys, host);
    if (!res.ip) { sys.write(2, `nc: bad address '${host}'\n`); sys.exit(1); return; }
    const port = Number(portS);
    const c = sys.connect(res.ip, port);
    if (!c.ok) { sys.write(2, c.err === "ECONNREFUSED" ? `nc: can't connect to remote host (${res.ip}): Connection refused\n` : `nc: can't connect to remote host (${res.ip}): Connection timed out\n`); sys.exit(1); return; }
    if (flags.includes("z")) { if (flags.includes("v")) sys.write(2, `${host} (${res.ip}:${port}) open\n`); sys.exit(0); return; }
    for (;;) {
      const chunk = sys.read(0);
      if (chunk === undefined) return;
      if (chunk === null) break;
      d.buf += chunk;
    }
    const r = sys.request(res.ip, port, d.buf);
    if (typeof r === "string") sys.write(1, r);
    sys.exit(0);
  },
};

/** ping [-c N] HOST. */
export const ping: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const ci = args.indexOf("-c");
    const count = ci >= 0 ? Number(args[ci + 1]) : 4;
    const host = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-c" && args[i - 1] !== "-W" && args[i - 1] !== "-i")[0];
    const d = (sys.data ??= { seq: -1 }) as { seq: number; ip?: string; answer?: boolean; next?: number; got?: number };
    if (d.seq < 0) {
      if (!host) { sys.write(2, "ping: usage error: Destination address required\n"); sys.exit(1); return; }
      const res = resolveName(sys, host);
      if (!res.ip) { sys.write(2, `ping: bad address '${host}'\n`); sys.exit(1); return; }
      d.ip = res.ip;
      d.answer = !/^10\.(9[6-9]|10\d|11[01])\./.test(res.ip);
      sys.write(1, `PING ${host} (${res.ip}): 56 data bytes\n`);
      d.seq = 0;
      d.got = 0;
      d.next = sys.now();
    }
    if (sys.now() < d.next!) { sys.sleepUntil(d.next!); return; }
    if (d.seq >= count) {
      sys.write(1, `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${d.got} packets received, ${Math.round(100 - (d.got! / count) * 100)}% packet loss\n${d.got ? "round-trip min/avg/max = 0.061/0.083/0.112 ms\n" : ""}`);
      sys.exit(d.got ? 0 : 1);
      return;
    }
    if (d.answer) { sys.write(1, `64 bytes from ${d.ip}: seq=${d.seq} ttl=63 time=0.0${60 + (d.seq % 40)} ms\n`); d.got!++; }
    d.seq++;
    d.next = sys.now() + 1000;
    sys.sleepUntil(d.next);
  },
};
