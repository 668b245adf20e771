// `kubectl describe pod` (describePod of kubectl v1.32): header fields, containers (ports,
// command/args, state, last state, resources, probes, environment, mounts), conditions,
// volumes, QoS, node selectors, tolerations and events, tab-aligned as kubectl prints them.
import { podQOS } from "../../../../schema/qos";
import { printLabels, printAnnotations, printTolerations, describeEvents, rfc1123, since, type PrefixWriter, stableSort } from "./writer";
import { describeVolumes } from "./volumes";
import { quantityString } from "./node";

// deno-lint-ignore no-explicit-any
type Json = any;

/** printController: `ReplicaSet/web-5d...` from the controller ownerReference. */
export function controllerOf(obj: Json): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r: Json) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

function portString(ports: Json[] | undefined, host: boolean): string {
  return (ports ?? []).map((p) => `${host ? p.hostPort ?? 0 : p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
}

function intOrString(v: Json): string {
  return v === undefined || v === null ? "" : String(v);
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Json): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const scheme = String(h.scheme ?? "").toLowerCase();
    const port = intOrString(h.port);
    const hostPart = port ? (String(h.host ?? "").includes(":") ? `[${h.host}]:${port}` : `${h.host ?? ""}:${port}`) : h.host ?? "";
    let path = h.path ?? "";
    if (path && !path.startsWith("/")) path = `/${path}`;
    return `http-get ${scheme ? `${scheme}://` : hostPart || path ? "//" : ""}${hostPart}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, st: Json): void {
  if (st?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123(st.running.startedAt)}\n`);
  } else if (st?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (st.waiting.reason) w.write(3, `Reason:\t${st.waiting.reason}\n`);
  } else if (st?.terminated) {
    const t = st.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123(t.finishedAt)}\n`);
  } else w.write(2, `${name}:\tWaiting\n`);
}

/** describeResources: Limits/Requests blocks with sorted resource names. */
export function describeResources(w: PrefixWriter, res: Json, level: number): void {
  if (!res) return;
  for (const [title, list] of [["Limits", res.limits], ["Requests", res.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length) w.write(level, `${title}:\n`);
    for (const k of keys) w.write(level + 1, `${k}:\t${quantityString(list[k])}\n`);
  }
}

/** The value kubectl shows for a fieldRef env var (only metadata.name/namespace resolve). */
function fieldRefValue(pod: Json, path: string): string {
  if (path === "metadata.name") return pod.metadata?.name ?? "";
  if (path === "metadata.namespace") return pod.metadata?.namespace ?? "";
  return "";
}

function describeEnv(w: PrefixWriter, pod: Json, c: Json): void {
  if (c.envFrom?.length) {
    w.write(2, "Environment Variables from:\n");
    for (const e of c.envFrom) {
      const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
      const ref = e.configMapRef ?? e.secretRef ?? {};
      const optional = !!ref.optional;
      if (!e.prefix) w.write(3, `${ref.name ?? ""}\t${from}\tOptional: ${optional}\n`);
      else w.write(3, `${ref.name ?? ""}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
    }
  }
  w.write(2, `Environment:${c.env?.length ? "" : "\t<none>"}\n`);
  for (const e of c.env ?? []) {
    if (!e.valueFrom) {
      String(e.value ?? "").split("\n").forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const v = e.valueFrom;
    if (v.fieldRef) w.write(3, `${e.name}:\t${fieldRefValue(pod, v.fieldRef.fieldPath)} (${v.fieldRef.apiVersion ?? ""}:${v.fieldRef.fieldPath})\n`);
    else if (v.resourceFieldRef) w.write(3, `${e.name}:\t${resourceFieldValue(c, v.resourceFieldRef)} (${v.resourceFieldRef.resource})\n`);
    else if (v.secretKeyRef) w.write(3, `${e.name}:\t<set to the key '${v.secretKeyRef.key}' in secret '${v.secretKeyRef.name}'>\tOptional: ${!!v.secretKeyRef.optional}\n`);
    else if (v.configMapKeyRef) w.write(3, `${e.name}:\t<set to the key '${v.configMapKeyRef.key}' of config map '${v.configMapKeyRef.name}'>\tOptional: ${!!v.configMapKeyRef.optional}\n`);
  }
}

function resourceFieldValue(c: Json, ref: Json): string {
  const [kind, name] = String(ref.resource).split(".");
  const q = c.resources?.[kind]?.[name];
  if (!q) return (kind === "limits" && (name === "cpu" || name === "memory")) ? "node allocatable" : "0";
  return String(q);
}

function describeMounts(w: PrefixWriter, c: Json): void {
  const mounts: Json[] = c.volumeMounts ?? [];
  w.write(2, `Mounts:${mounts.length ? "" : "\t<none>"}\n`);
  for (const m of stableSortMounts(mounts)) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
}

function stableSortMounts(m: Json[]): Json[] {
  return stableSort(m, (a, b) => a.mountPath < b.mountPath);
}

/** describeContainers for a pod (statuses) or a template (no statuses). */
export function describeContainers(w: PrefixWriter, label: string, pod: Json, containers: Json[], statuses: Json[] | undefined, space = ""): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length ? "" : " <none>"}\n`);
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${space ? " " : ""}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ""}\n`);
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ""}\n`);
    const ports = portString(c.ports, false);
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = portString(c.ports, true);
    w.write(2, hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`);
    if (c.securityContext?.seccompProfile) w.write(2, `SeccompProfile:\t${c.securityContext.seccompProfile.type}\n`);
    for (const [title, list] of [["Command", c.command], ["Args", c.args]] as const) {
      if (!list?.length) continue;
      w.write(2, `${title}:\n`);
      for (const x of list) for (const s of String(x).split("\n")) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState(w, "State", st.state);
      if (st.lastState?.terminated) describeState(w, "Last State", st.lastState);
      w.write(2, `Ready:\t${st.ready ? "True" : "False"}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, pod, c);
    describeMounts(w, c);
  }
}

/** The whole `kubectl describe pod` text. */
export function describePod(w: PrefixWriter, pod: Json, events: Json[] | undefined, now: number): void {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123(status.startTime)}\n`);
  printLabels(w, "Labels", pod.metadata.labels);
  printAnnotations(w, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? ""}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  if (spec.securityContext?.seccompProfile) w.write(0, `SeccompProfile:\t${spec.securityContext.seccompProfile.type}\n`);
  w.write(0, `IP:\t${status.podIP ?? ""}\n`);
  if (!status.podIPs?.length) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const ctrl = controllerOf(pod);
  if (ctrl) w.write(0, `Controlled By:\t${ctrl}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length) describeContainers(w, "Init Containers", pod, spec.initContainers, status.initContainerStatuses);
  describeContainers(w, "Containers", pod, spec.containers ?? [], status.containerStatuses);
  if (spec.readinessGates?.length) {
    w.write(0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((x: Json) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, "");
  w.write(0, `QoS Class:\t${status.qosClass || podQOS(pod)}\n`);
  printLabels(w, "Node-Selectors", spec.nodeSelector);
  printTolerations(w, "Tolerations", spec.tolerations);
  describeEvents(w, events, now);
}
