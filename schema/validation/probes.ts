// Probes and lifecycle hooks: exactly one handler (exec, httpGet, tcpSocket, grpc, sleep), handler
// details, thresholds, the liveness/startup successThreshold rule, the readiness
// terminationGracePeriodSeconds rule and sleep vs the pod's grace period. Used by containers.ts.
import { type FieldError, forbidden, invalid, notSupported, required } from "./field-error";
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from "./names";
import { arr, child, isObj, num, type Obj, str } from "./util";

const NEGATIVE = "must be greater than or equal to 0";
const ONE_HANDLER = "may not specify more than 1 handler type";
const NO_HANDLER = "must specify a handler type";
const HANDLERS_PROBE = ["exec", "httpGet", "tcpSocket", "grpc"] as const;
const HANDLERS_LIFECYCLE = ["exec", "httpGet", "tcpSocket", "sleep"] as const;

/** ValidatePortNumOrName for an IntOrString port (absent reads as the integer 0). */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === "string") return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = typeof port === "number" ? port : 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

function validateHTTPGet(h: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(h.path)) errs.push(required(child(path, "path")));
  errs.push(...validatePortNumOrName(h.port, child(path, "port")));
  const scheme = str(h.scheme);
  if (scheme !== "HTTP" && scheme !== "HTTPS") errs.push(notSupported(child(path, "scheme"), scheme, ["HTTP", "HTTPS"]));
  for (const hdr of arr(h.httpHeaders)) {
    const name = str(isObj(hdr) ? hdr.name : "");
    errs.push(...isHTTPHeaderName(name).map((m) => invalid(child(path, "httpHeaders"), name, m)));
  }
  return errs;
}

function validateSleep(s: Obj, gracePeriod: number | undefined, path: string): FieldError[] {
  const seconds = num(s.seconds);
  if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
    return [invalid(path, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`)];
  }
  return [];
}

/** validateHandler: the first handler counts, every later one is Forbidden. */
function validateHandler(h: Obj, kinds: readonly string[], gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const k of kinds) {
    if (!isObj(h[k])) continue;
    const p = child(path, k);
    if (n > 0) { errs.push(forbidden(p, ONE_HANDLER)); continue; }
    n++;
    const v = h[k];
    if (k === "exec") { if (arr(v.command).length === 0) errs.push(required(child(p, "command"))); }
    else if (k === "httpGet") errs.push(...validateHTTPGet(v, p));
    else if (k === "tcpSocket") errs.push(...validatePortNumOrName(v.port, child(p, "port")));
    else if (k === "grpc") errs.push(...validatePortNumOrName(num(v.port), child(p, "port")));
    else if (k === "sleep") errs.push(...validateSleep(v, gracePeriod, p));
  }
  if (n === 0) errs.push(required(path, NO_HANDLER));
  return errs;
}

const nonNegative = (v: unknown, path: string): FieldError[] => (num(v) < 0 ? [invalid(path, num(v), NEGATIVE)] : []);

function validateProbe(p: Obj, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(p, HANDLERS_PROBE, gracePeriod, path);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...nonNegative(p[f], child(path, f)));
  }
  if (typeof p.terminationGracePeriodSeconds === "number" && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, "terminationGracePeriodSeconds"), p.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  return errs;
}

/** Which probe: liveness and startup need successThreshold 1; readiness has no grace period. */
export type ProbeKind = "livenessProbe" | "readinessProbe" | "startupProbe";

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe (absent probe: no errors). */
export function validateProbeOfKind(kind: ProbeKind, probe: unknown, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (kind === "readinessProbe") {
    if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
      errs.push(invalid(child(path, "terminationGracePeriodSeconds"), probe.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
    }
  } else if (num(probe.successThreshold) !== 1) {
    errs.push(invalid(child(path, "successThreshold"), num(probe.successThreshold), "must be 1"));
  }
  return errs;
}

/** validateLifecycle: postStart then preStop. */
export function validateLifecycle(lc: Obj, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ["postStart", "preStop"]) {
    if (isObj(lc[hook])) errs.push(...validateHandler(lc[hook], HANDLERS_LIFECYCLE, gracePeriod, child(path, hook)));
  }
  return errs;
}
