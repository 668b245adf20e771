// Small utilities with busybox and GNU flavours: base64, tac, nl, readlink, realpath, mktemp and
// tty. Text is read whole (files or stdin until EOF). Registered in registry-extra.ts.
import type { Program, Sys } from "./api";
import { warn } from "./oneshot";
import { readInput, openError } from "./text-io";
import { abs } from "./files";
import { utf8Decode, utf8Encode } from "../runtime/utf8";

/** Reads the named inputs (or stdin) whole, then runs `run` once; -flags are left to `run`. */
function whole(run: (sys: Sys, text: string, args: string[]) => number): Program {
  return {
    step(sys) {
      const args = sys.argv.slice(1);
      const files = args.filter((a) => a === "-" || !a.startsWith("-"));
      const d = (sys.data ??= { i: 0, buf: "", text: "", st: 0 }) as { i: number; buf: string; text: string; st: number };
      const names = files.length ? files : ["-"];
      while (d.i < names.length) {
        const r = readInput(sys, names[d.i]);
        if (r === undefined) {
          const chunk = sys.read(0);
          if (chunk === undefined) return;
          if (chunk !== null) { if (d.buf.length < 1 << 20) d.buf += chunk; continue; }
          d.text += d.buf;
          d.buf = "";
        } else if (typeof r === "string") { openError(sys, names[d.i], r); d.st = 1; }
        else d.text += r.c;
        d.i++;
      }
      const code = run(sys, d.text, args);
      sys.exit(d.st || code);
    },
  };
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function encode64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
  }
  return out;
}

function decode64(text: string, garbage: boolean): number[] | undefined {
  const clean = text.replace(/[\r\n]/g, "");
  const bytes: number[] = [];
  let acc = 0, bits = 0;
  for (const ch of clean) {
    if (ch === "=") break;
    const v = B64.indexOf(ch);
    if (v < 0) { if (garbage) continue; return undefined; }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((acc >> bits) & 255); }
  }
  return bytes;
}

/** base64 [-d] [-w COLS] [FILE]. */
export const base64: Program = whole((sys, text, args) => {
  const dec = args.some((a) => a === "-d" || a === "--decode" || /^-[a-z]*d/.test(a));
  if (dec) {
    const bytes = decode64(text, args.includes("-i"));
    if (!bytes) { warn(sys, sys.flavor === "busybox" ? "invalid input" : "invalid input"); return 1; }
    const d = utf8Decode(bytes);
    sys.write(1, d.text + d.rest.map((b) => String.fromCharCode(b)).join(""));
    return 0;
  }
  const wi = args.findIndex((a) => a === "-w" || a.startsWith("--wrap"));
  const wrap = wi < 0 ? 76 : Number(args[wi].includes("=") ? args[wi].split("=")[1] : args[wi + 1]);
  const enc = encode64(utf8Encode(text));
  const lines = wrap > 0 ? enc.match(new RegExp(`.{1,${wrap}}`, "g")) ?? [] : [enc];
  sys.write(1, lines.length ? lines.join("\n") + "\n" : wrap > 0 ? "" : "\n");
  return 0;
});

/** tac: lines in reverse order. */
export const tac: Program = whole((sys, text) => {
  if (!text) return 0;
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  sys.write(1, lines.reverse().join("\n") + "\n");
  return 0;
});

/** nl: numbers non-empty lines ("%6d\t"). */
export const nl: Program = whole((sys, text) => {
  let n = 0;
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text ? text.split("\n") : [];
  sys.write(1, lines.map((l) => (l === "" ? (sys.flavor === "busybox" ? "       " : "") : `${String(++n).padStart(6)}\t${l}`)).join("\n") + (lines.length ? "\n" : ""));
  return 0;
});

/** readlink [-f] PATH, realpath PATH. */
function linkTool(canonical: boolean): Program {
  return {
    step(sys) {
      const args = sys.argv.slice(1);
      const full = canonical || args.some((a) => /^-[a-z]*[fem]/.test(a));
      const paths = args.filter((a) => !a.startsWith("-"));
      let st = 0;
      for (const p of paths) {
        const r = sys.fs.lookup(abs(sys, p), full);
        if (!full) {
          const n = typeof r === "string" ? undefined : r.node;
          if (n?.t === "l") sys.write(1, n.to + "\n");
          else st = 1;
          continue;
        }
        if (typeof r === "string" || (canonical && !r.node)) {
          if (canonical) warn(sys, `${p}: No such file or directory`);
          st = 1;
          continue;
        }
        sys.write(1, r.real + "\n");
      }
      sys.exit(st);
    },
  };
}

/** readlink. */
export const readlink = linkTool(false);
/** realpath. */
export const realpath = linkTool(true);

/** mktemp [-d] [TEMPLATE]: creates a unique file (or directory) under /tmp. */
export const mktemp: Program = {
  step(sys) {
    const args = sys.argv.slice(1);
    const dir = args.some((a) => /^-[a-z]*d/.test(a) || a === "--directory");
    const tmpl = args.find((a) => !a.startsWith("-")) ?? (sys.flavor === "busybox" ? "tmp.XXXXXX" : "tmp.XXXXXXXXXX");
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const name = tmpl.replace(/X+$/, (xs) => Array.from(xs, () => chars[sys.random(chars.length)]).join(""));
    const path = name.includes("/") ? abs(sys, name) : `/tmp/${name}`;
    const e = dir ? sys.fs.mkdir(path) : sys.fs.writeFile(path, "");
    if (e) { warn(sys, `failed to create ${dir ? "directory" : "file"} via template '${tmpl}': ${e}`); sys.exit(1); return; }
    sys.write(1, path + "\n");
    sys.exit(0);
  },
};

/** tty: the terminal on standard input. */
export const tty: Program = {
  step(sys) {
    const on = sys.isatty(0);
    if (!sys.argv.includes("-s")) sys.write(1, on ? "/dev/pts/0\n" : "not a tty\n");
    sys.exit(on ? 0 : 1);
  },
};
