// date(1) on the virtual clock in UTC: the default `Mon Jan 27 10:00:00 UTC 2025`, +FORMAT with
// the common strftime conversions, -u, -R, -I, and -d @EPOCH / ISO dates. Registered in registry.ts.
import { oneShot, warn } from "./oneshot";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** strftime in UTC for a millisecond timestamp. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear(), m = d.getUTCMonth(), D = d.getUTCDate(), H = d.getUTCHours(), M = d.getUTCMinutes(), S = d.getUTCSeconds(), w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, D) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  return fmt.replace(/%([-_0^#]?)(:?)([a-zA-Z%+])/g, (all, flag: string, colon: string, c: string) => {
    const num = (n: number, width: number, pad = "0") => (flag === "-" ? String(n) : String(n).padStart(width, flag === "_" ? " " : pad));
    switch (c) {
      case "a": return DAYS[w].slice(0, 3);
      case "A": return DAYS[w];
      case "b": case "h": return MONTHS[m].slice(0, 3);
      case "B": return MONTHS[m];
      case "c": return `${DAYS[w].slice(0, 3)} ${MONTHS[m].slice(0, 3)} ${String(D).padStart(2)} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`;
      case "C": return num(Math.floor(Y / 100), 2);
      case "d": return num(D, 2);
      case "D": return `${p2(m + 1)}/${p2(D)}/${p2(Y % 100)}`;
      case "e": return num(D, 2, " ");
      case "F": return `${Y}-${p2(m + 1)}-${p2(D)}`;
      case "H": return num(H, 2);
      case "I": return num(((H + 11) % 12) + 1, 2);
      case "j": return num(yday, 3);
      case "k": return num(H, 2, " ");
      case "l": return num(((H + 11) % 12) + 1, 2, " ");
      case "m": return num(m + 1, 2);
      case "M": return num(M, 2);
      case "n": return "\n";
      case "N": return String((ms % 1000) * 1000000).padStart(9, "0");
      case "p": return H < 12 ? "AM" : "PM";
      case "P": return H < 12 ? "am" : "pm";
      case "r": return `${p2(((H + 11) % 12) + 1)}:${p2(M)}:${p2(S)} ${H < 12 ? "AM" : "PM"}`;
      case "R": return `${p2(H)}:${p2(M)}`;
      case "s": return String(Math.floor(ms / 1000));
      case "S": return num(S, 2);
      case "t": return "\t";
      case "T": return `${p2(H)}:${p2(M)}:${p2(S)}`;
      case "u": return String(w === 0 ? 7 : w);
      case "w": return String(w);
      case "y": return num(Y % 100, 2);
      case "Y": return String(Y);
      case "z": return colon ? "+00:00" : "+0000";
      case "Z": return "UTC";
      case "%": return "%";
      case "+": return `${DAYS[w].slice(0, 3)} ${MONTHS[m].slice(0, 3)} ${String(D).padStart(2)} ${p2(H)}:${p2(M)}:${p2(S)} UTC ${Y}`;
      default: return all;
    }
  });
}

/** The default `date` output. */
export function defaultDate(ms: number): string {
  return strftime("%a %b %e %H:%M:%S %Z %Y", ms);
}

/** date. */
export const date = oneShot((sys, args) => {
  let t: number | undefined;
  let fmt: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("+")) fmt = a.slice(1);
    else if (a === "-u" || a === "--utc") continue;
    else if (a === "-R" || a === "--rfc-2822" || a === "--rfc-email") fmt = "%a, %d %b %Y %H:%M:%S %z";
    else if (a.startsWith("-I")) fmt = a === "-I" || a === "-Idate" ? "%Y-%m-%d" : a === "-Ins" ? "%Y-%m-%dT%H:%M:%S,%N%:z" : "%Y-%m-%dT%H:%M:%S%:z";
    else if (a === "-d" || a === "--date" || a.startsWith("--date=") || a.startsWith("-d")) {
      const v = a === "-d" || a === "--date" ? args[++i] ?? "" : a.replace(/^--date=|^-d/, "");
      const parsed = v.startsWith("@") ? Number(v.slice(1)) * 1000 : Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) || !/\d:\d/.test(v) ? v : v + "Z");
      if (Number.isNaN(parsed)) { warn(sys, sys.flavor === "busybox" ? `invalid date '${v}'` : `invalid date ‘${v}’`); return 1; }
      t = parsed;
    } else if (a.startsWith("-")) continue;
    else { warn(sys, sys.flavor === "busybox" ? `invalid date '${a}'` : `invalid date ‘${a}’`); return 1; }
  }
  const f = fmt ?? "%a %b %e %H:%M:%S %Z %Y";
  sys.write(1, (t === undefined ? sys.formatNow(f) : strftime(f, t)) + "\n");
  return 0;
});
